// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/providers/simulated/simulatedcall.h"

#include "core/common/tr.h"
#include "core/providers/simulated/simulatedtext.h"
#include "core/providers/simulated/simulatedwire.h"

#include <QDateTime>
#include <QJsonArray>
#include <QPointer>
#include <QStringList>
#include <QUuid>

namespace Switchyard::Providers {

using namespace Internal;

namespace {

QString randomId(int length)
{
    return QUuid::createUuid().toString(QUuid::Id128).left(length);
}

int paceMs(qint64 tokens, int tokensPerSecond)
{
    return tokensPerSecond <= 0 ? 0 : int(tokens * 1000 / tokensPerSecond);
}

/// Groups of 3–5 words, so a window watching the stream sees it grow in small steps.
QStringList contentPieces(const QString &text, quint32 seed)
{
    QStringList pieces;
    QString piece;
    int words = 0;
    int wanted = 3 + int(seed % 3);
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char(' ') && !piece.isEmpty() && ++words >= wanted) {
            pieces.append(piece);
            piece.clear();
            words = 0;
            wanted = 3 + int((seed + pieces.size()) % 3);
        }
        piece += text.at(i);
    }
    if (!piece.isEmpty())
        pieces.append(piece);
    return pieces;
}

} // namespace

SimulatedCall::SimulatedCall(const Config::ProviderSettings &settings,
                             const ProviderRequest &request, QObject *parent)
    : ProviderCall(parent)
    , m_providerId(settings.id)
    , m_failureRate(settings.failureRate)
    , m_latencyMs(qMax(0, settings.latencyMs))
    , m_tokensPerSecond(settings.tokensPerSecond)
    , m_stream(request.stream)
    , m_fails(failsFor(request.requestId, request.upstreamModel, settings.failureRate))
{
    m_timer.setSingleShot(true);
    buildReply(request);
}

bool SimulatedCall::failsFor(const QString &requestId, const QString &model, double failureRate)
{
    if (failureRate <= 0)
        return false;
    // One draw per request and model: a retry of the same attempt fails alike (reproducible
    // demos), while a fallback to another model draws anew, as a real outage of one model would.
    const QByteArray key = requestId.toUtf8() + '/' + model.toUtf8();
    const double draw = stableHash(key) / 4294967296.0; // [0, 1)
    return draw < failureRate;
}

void SimulatedCall::buildReply(const ProviderRequest &request)
{
    const QJsonObject &body = request.body;
    CompletionShape shape;
    shape.id = QStringLiteral("chatcmpl-") + randomId(29);
    shape.created = QDateTime::currentSecsSinceEpoch();
    shape.model = request.upstreamModel.isEmpty() ? body.value(QLatin1String("model")).toString()
                                                  : request.upstreamModel;
    const quint32 seed = stableHash(lastUserText(body).toUtf8());

    Usage usage;
    usage.inputTokens = estimatePromptTokens(body);
    usage.known = true;
    QString finishReason;
    QString text;
    const std::optional<SimulatedToolCall> tool = forcedToolCall(body);
    const QString callId = QStringLiteral("call_") + randomId(24);
    if (tool) {
        usage.outputTokens = estimateTokens(tool->name.size() + tool->arguments.size()) + 3;
        finishReason = QStringLiteral("tool_calls");
    } else {
        const qint64 cap = maxOutputTokens(body);
        bool truncated = false;
        text = simulatedReply(seed, 40 + seed % 41, cap, &truncated);
        usage.outputTokens = estimateTokens(text.size());
        if (truncated)
            usage.outputTokens = qMin(usage.outputTokens, cap);
        finishReason = truncated ? QStringLiteral("length") : QStringLiteral("stop");
    }
    m_result.usage = usage;
    m_result.upstreamModel = shape.model;
    m_headers = {
        {"content-type", m_stream ? "text/event-stream; charset=utf-8" : "application/json"},
        {"x-request-id", "req_sim_" + QByteArray::number(stableHash(request.requestId.toUtf8()), 16)},
        {"openai-processing-ms", QByteArray::number(m_latencyMs)},
    };

    if (!m_stream) {
        QJsonObject message{{QStringLiteral("role"), QStringLiteral("assistant")},
                            {QStringLiteral("refusal"), QJsonValue::Null},
                            {QStringLiteral("annotations"), QJsonArray()}};
        if (tool) {
            message.insert(QStringLiteral("content"), QJsonValue::Null);
            message.insert(QStringLiteral("tool_calls"),
                           QJsonArray{toolCallObject(callId, tool->name, tool->arguments, false)});
        } else {
            message.insert(QStringLiteral("content"), text);
        }
        m_result.tail = completionBody(shape, message, finishReason, usage);
        m_generationMs = paceMs(usage.outputTokens, m_tokensPerSecond);
        return;
    }

    // Stream: the upstream always gets include_usage (as the openai provider forces it), so
    // choice chunks carry "usage":null; the usage-only chunk is relayed only on request.
    shape.usageNullOnChunks = true;
    if (tool) {
        m_events.append(chunkEvent(shape, {{QStringLiteral("role"), QStringLiteral("assistant")},
                                           {QStringLiteral("content"), QJsonValue::Null},
                                           {QStringLiteral("tool_calls"),
                                            QJsonArray{toolCallObject(callId, tool->name, {}, true)}}}));
        m_delaysMs.append(0);
        const qsizetype step = qMax<qsizetype>(1, (tool->arguments.size() + 2) / 3);
        for (qsizetype i = 0; i < tool->arguments.size(); i += step) {
            const QString piece = tool->arguments.mid(i, step);
            const QJsonObject fragment{
                {QStringLiteral("index"), 0},
                {QStringLiteral("function"), QJsonObject{{QStringLiteral("arguments"), piece}}}};
            m_events.append(chunkEvent(shape, {{QStringLiteral("tool_calls"), QJsonArray{fragment}}}));
            m_delaysMs.append(paceMs(estimateTokens(piece.size()), m_tokensPerSecond));
        }
    } else {
        m_events.append(chunkEvent(shape, {{QStringLiteral("role"), QStringLiteral("assistant")},
                                           {QStringLiteral("content"), QString()},
                                           {QStringLiteral("refusal"), QJsonValue::Null}}));
        m_delaysMs.append(0);
        const QStringList pieces = contentPieces(text, seed);
        for (const QString &piece : pieces) {
            m_events.append(chunkEvent(shape, {{QStringLiteral("content"), piece}}));
            m_delaysMs.append(paceMs(estimateTokens(piece.size()), m_tokensPerSecond));
        }
    }
    m_events.append(chunkEvent(shape, QJsonObject(), finishReason));
    m_delaysMs.append(0);
    if (request.clientWantsUsage) {
        m_events.append(usageEvent(shape, usage));
        m_delaysMs.append(0);
    }
    m_result.tail = QByteArrayLiteral("data: [DONE]\n\n");
}

void SimulatedCall::start()
{
    disconnect(&m_timer, nullptr, this, nullptr);
    connect(&m_timer, &QTimer::timeout, this, &SimulatedCall::onFirstByte);
    // A non-streamed reply arrives only once it is fully "generated".
    m_timer.start(m_fails || m_stream ? m_latencyMs : m_latencyMs + m_generationMs);
}

void SimulatedCall::cancel()
{
    m_timer.stop();
    if (m_done)
        return;
    m_done = true;
    ProviderError error;
    error.kind = ProviderError::Kind::Cancelled;
    error.message = Tr::tr("The request to provider %1 was cancelled.").arg(m_providerId);
    error.midStream = m_next > 0;
    Q_EMIT failed(error);
}

void SimulatedCall::failSimulated()
{
    m_done = true;
    ProviderError error;
    error.kind = ProviderError::Kind::Http;
    error.httpStatus = 503;
    error.message = Tr::tr("Simulated provider %1 failed on purpose: its configured failure_rate "
                           "(%2) triggered a simulated 503.")
                        .arg(m_providerId)
                        .arg(m_failureRate);
    error.clientBody = errorBody(error.message, QStringLiteral("server_error"),
                                 QStringLiteral("simulated_failure"));
    error.clientHeaders = {{"content-type", "application/json"}};
    error.retryable = true;
    Q_EMIT failed(error);
}

void SimulatedCall::onFirstByte()
{
    if (m_done)
        return;
    if (m_fails) {
        failSimulated();
        return;
    }
    const QPointer<SimulatedCall> guard(this);
    Q_EMIT started(200, m_headers);
    if (!guard || m_done)
        return;
    if (!m_stream) {
        m_done = true;
        Q_EMIT finished(m_result);
        return;
    }
    disconnect(&m_timer, nullptr, this, nullptr);
    connect(&m_timer, &QTimer::timeout, this, &SimulatedCall::emitNextEvent);
    emitNextEvent();
}

void SimulatedCall::emitNextEvent()
{
    if (m_done)
        return;
    // Emit every event that is due now in one data() call; pause where pacing asks for it.
    QByteArray due;
    do {
        due += m_events.at(m_next++);
    } while (m_next < m_events.size() && m_delaysMs.at(m_next) == 0);
    const QPointer<SimulatedCall> guard(this);
    Q_EMIT data(due);
    if (!guard || m_done)
        return;
    if (m_next < m_events.size()) {
        m_timer.start(m_delaysMs.at(m_next));
        return;
    }
    m_done = true;
    Q_EMIT finished(m_result);
}

} // namespace Switchyard::Providers
