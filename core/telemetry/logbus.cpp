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
    // Only the timer flushes: a busy gateway must not make the window repaint more often
    // than the interval (flushing at maxBatch did, ~30 times a second at 8 k requests/s).
    m_pending.append(record);
    if (!m_timer.isActive())
        m_timer.start();
}

void LogBus::flush()
{
    m_timer.stop();
    LogRecordList pending;
    pending.swap(m_pending);
    if (pending.size() <= m_maxBatch) {
        if (!pending.isEmpty())
            Q_EMIT recordsAppended(pending);
        return;
    }
    for (qsizetype from = 0; from < pending.size(); from += m_maxBatch)
        Q_EMIT recordsAppended(pending.mid(from, m_maxBatch));
}

} // namespace Switchyard::Telemetry
