// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/pipeline/requestrecorder.h"

#include "core/common/clock.h"
#include "core/telemetry/logbus.h"
#include "core/telemetry/statscollector.h"

#include <QLoggingCategory>

namespace Switchyard::Pipeline {

Q_LOGGING_CATEGORY(lcRecorder, "switchyard.recorder")

RequestRecorder::RequestRecorder(IRequestLog *log, Telemetry::LogBus *bus,
                                 Telemetry::StatsCollector *stats)
    : m_log(log)
    , m_bus(bus)
    , m_stats(stats)
{
}

void RequestRecorder::requestStarted()
{
    if (m_stats)
        m_stats->requestStarted();
}

LogRecord RequestRecorder::toRecord(const Exchange &exchange, double latencyMs)
{
    LogRecord record;
    record.requestId = exchange.requestId;
    record.startedAt = exchange.startedAt;
    record.customer = exchange.customer;
    record.project = exchange.project;
    record.feature = exchange.feature;
    record.tags = exchange.tags;
    record.app = exchange.app;
    record.surface = exchange.surface;
    record.requestedModel = exchange.requestedModel;
    record.route = exchange.decision.route;
    record.provider = exchange.provider;
    record.providerKind = exchange.providerKind;
    record.model = exchange.model;
    record.upstreamModel = exchange.upstreamModel;
    record.stream = exchange.stream;
    record.status = exchange.status;
    record.errorType = exchange.errorType;
    record.errorMessage = exchange.errorMessage;
    record.attempts = int(exchange.decision.attempts.size());
    record.fallback = exchange.fallback;
    record.latencyMs = latencyMs;
    record.ttftMs = exchange.ttftMs;
    record.usage = exchange.usage;
    record.costKnown = exchange.costKnown;
    record.costUsd = exchange.costUsd;
    record.priceVersion = exchange.priceVersion;
    record.keyId = exchange.keyId;
    record.requestBytes = exchange.request.body.size();
    record.responseBytes = exchange.responseBytes;
    record.hasTools = exchange.hasTools;
    record.hasImages = exchange.hasImages;
    record.estimatedPromptTokens = exchange.estimatedPromptTokens;
    record.expectedOutputTokens = exchange.expectedOutputTokens;
    record.decision = exchange.decision;
    record.egress = exchange.egress;
    return record;
}

void RequestRecorder::complete(const Exchange &exchange, QObject *context, std::function<void()> then)
{
    const double latencyMs = double(steadyNowNs() - exchange.startNs) / 1e6;
    LogRecord record = toRecord(exchange, latencyMs);
    record.sequence = ++m_sequence;
    if (m_stats)
        m_stats->requestCompleted(record);
    if (m_bus)
        m_bus->publish(record);
    if (!m_log) {
        then();
        return;
    }
    QString id = record.requestId;
    m_log->append(std::move(record), context, [then = std::move(then), id = std::move(id)](bool ok, const QString &error) {
        if (!ok)
            qCWarning(lcRecorder, "request %s could not be logged: %s", qUtf8Printable(id), qUtf8Printable(error));
        then();
    });
}

} // namespace Switchyard::Pipeline
