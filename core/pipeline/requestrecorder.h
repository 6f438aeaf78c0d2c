// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/logrecord.h"
#include "core/pipeline/exchange.h"

#include <QObject>

#include <functional>

namespace Switchyard::Telemetry {
class LogBus;
class StatsCollector;
} // namespace Switchyard::Telemetry

namespace Switchyard::Pipeline {

/// Where completed requests are made durable (the store, or a fake in tests).
class IRequestLog
{
public:
    virtual ~IRequestLog() = default;
    /// `committed` runs on `context`'s thread once the record is durable or failed to be.
    virtual void append(LogRecord record, QObject *context,
                        std::function<void(bool ok, const QString &error)> committed) = 0;
};

/// The record stage: the only producer of LogRecords. Lives on the core thread.
class RequestRecorder final
{
public:
    RequestRecorder(IRequestLog *log, Telemetry::LogBus *bus, Telemetry::StatsCollector *stats);

    void requestStarted();
    /// Builds the record, publishes it, and calls `then` once it is durable, so the
    /// response's last bytes leave only after the log holds the request.
    void complete(const Exchange &exchange, QObject *context, std::function<void()> then);

    static LogRecord toRecord(const Exchange &exchange, double latencyMs);

private:
    IRequestLog *m_log;
    Telemetry::LogBus *m_bus;
    Telemetry::StatsCollector *m_stats;
    qint64 m_sequence = 0;
};

} // namespace Switchyard::Pipeline
