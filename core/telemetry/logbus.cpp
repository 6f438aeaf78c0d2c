// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/telemetry/logbus.h"

namespace Switchyard::Telemetry {

LogBus::LogBus(QObject *parent, int intervalMs, int maxBatch)
    : QObject(parent)
    , m_maxBatch(maxBatch)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &LogBus::flush);
}

void LogBus::publish(const LogRecord &record)
{
    m_pending.append(record);
    if (m_pending.size() >= m_maxBatch)
        flush();
    else if (!m_timer.isActive())
        m_timer.start();
}

void LogBus::flush()
{
    m_timer.stop();
    while (!m_pending.isEmpty()) {
        LogRecordList batch;
        if (m_pending.size() <= m_maxBatch) {
            batch.swap(m_pending);
        } else {
            batch = m_pending.mid(0, m_maxBatch);
            m_pending.remove(0, m_maxBatch);
        }
        Q_EMIT recordsAppended(batch);
    }
}

} // namespace Switchyard::Telemetry
