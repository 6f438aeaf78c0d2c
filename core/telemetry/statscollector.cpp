// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/telemetry/statscollector.h"

namespace Switchyard::Telemetry {

StatsCollector::StatsCollector(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &StatsCollector::tick);
    m_timer.start();
}

void StatsCollector::requestStarted()
{
    ++m_snapshot.inFlight;
}

void StatsCollector::requestCompleted(const LogRecord &record)
{
    --m_snapshot.inFlight;
    ++m_snapshot.totalRequests;
    ++m_completedThisSecond;
    if (record.status >= 400 || !record.errorType.isEmpty())
        ++m_snapshot.totalErrors;
    if (record.costKnown)
        m_snapshot.spendUsd += record.costUsd;
}

void StatsCollector::tick()
{
    m_snapshot.requestsPerSecond = double(m_completedThisSecond);
    m_completedThisSecond = 0;
    Q_EMIT statsUpdated(m_snapshot);
}

} // namespace Switchyard::Telemetry
