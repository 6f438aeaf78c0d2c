// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/pipeline/dispatcher.h"

#include "core/common/clock.h"
#include "core/common/jsonreader.h"
#include "core/common/tr.h"
#include "core/pipeline/costing.h"
#include "core/pipeline/embeddings.h"
#include "core/pipeline/guardstage.h"
#include "core/pipeline/guardstate.h"
#include "core/pipeline/guardtexts.h"
#include "core/pipeline/streamguard.h"
#include "core/pipeline/parsestage.h"
#include "core/pipeline/surfaceerrors.h"
#include "core/pipeline/providerregistry.h"
#include "core/pipeline/requestrecorder.h"
#include "core/routing/circuitbreaker.h"
#include "core/routing/livemetrics.h"

#include <QJsonDocument>

namespace Switchyard::Pipeline {

using Providers::ProviderError;

namespace {

double msSince(qint64 startNs)
{
    return double(steadyNowNs() - startNs) / 1e6;
}

int clientStatusFor(const ProviderError &error)
{
    switch (error.kind) {
    case ProviderError::Kind::Http:
        return error.httpStatus;
    case ProviderError::Kind::Timeout:
        return 504;
    case ProviderError::Kind::Cancelled:
        return 499;
    case ProviderError::Kind::Connection:
    case ProviderError::Kind::Protocol:
        break;
    }
    return 502;
}

QString errorTypeFor(const ProviderError &error)
{
    switch (error.kind) {
    case ProviderError::Kind::Http:
        return error.httpStatus == 429 ? QStringLiteral("rate_limit_error") : QStringLiteral("upstream_error");
    case ProviderError::Kind::Timeout:
        return QStringLiteral("upstream_timeout");
    case ProviderError::Kind::Cancelled:
        return QStringLiteral("cancelled");
    case ProviderError::Kind::Connection:
        return QStringLiteral("upstream_connection_error");
    case ProviderError::Kind::Protocol:
        break;
    }
    return QStringLiteral("upstream_protocol_error");
}

} // namespace

Dispatcher::Dispatcher(std::unique_ptr<Exchange> exchange, const PipelineContext &context, QObject *parent)
    : QObject(parent)
    , m_exchange(std::move(exchange))
    , m_context(context)
{
}

void Dispatcher::reportHealth(bool ok, qint64 retryAfterMs)
{
    const Exchange &ex = *m_exchange;
    if (m_context.live) {
        m_context.live->record(ex.model, ok, qint64(msSince(m_attemptStartNs)),
                               ex.ttftMs >= 0 ? qint64(ex.ttftMs) : -1);
    }
    // With the breaker turned off in the config, retry-after does not bench a provider either.
    if (m_context.breaker && ex.config->resilience.breakerFailures > 0) {
        if (ok)
            m_context.breaker->onSuccess(ex.provider);
        else
            m_context.breaker->onFailure(ex.provider, retryAfterMs);
    }
}

Dispatcher::~Dispatcher()
{
    detachCall();
    m_exchange->writer->setDisconnectHandler({});
}

void Dispatcher::start()
{
    m_exchange->writer->setDisconnectHandler([this] { onClientGone(); });
    tryNext();
}

void Dispatcher::reject(const StageResult &result)
{
    answerError(result.httpStatus, result.errorType, result.code, result.message, result.headers);
}

void Dispatcher::tryNext()
{
    Exchange &ex = *m_exchange;
    while (m_nextCandidate < ex.candidates.size()) {
        const Routing::Candidate &candidate = ex.candidates.at(m_nextCandidate++);
        m_provider = m_context.providers->provider(candidate.provider);
        if (!m_provider) {
            ex.decision.attempts.append({candidate.model, candidate.provider, candidate.upstreamModel, 0,
                                         Tr::tr("provider '%1' is not running").arg(candidate.provider), true, 0});
            continue;
        }
        ex.fallback = m_nextCandidate > 1;
        ex.provider = candidate.provider;
        ex.providerKind = m_provider->kind();
        ex.model = candidate.model;
        ex.upstreamModel = candidate.upstreamModel;
        m_upstreamStatus = 0;
        m_upstreamHeaders.clear();
        m_bufferedBody.clear();
        m_streamGuard.reset();
        if (const Config::ProviderSettings *settings = ex.config ? ex.config->provider(candidate.provider) : nullptr)
            ex.egress.region = settings->region;
        if (m_bodyBytes < 0) {
            m_bodyBytes = ex.guard && ex.guard->bodyRewritten
                ? QJsonDocument(ex.body).toJson(QJsonDocument::Compact).size() : ex.request.body.size();
        }
        ex.egress.bytesSent += m_bodyBytes;

        m_attemptStartNs = steadyNowNs();
        if (ex.surface == QLatin1String("openai.embeddings")) {
            // Every kind answers embeddings in the OpenAI shape: no chat decoding.
            m_call = m_provider->startEmbeddings({ex.requestId, ex.body, candidate.upstreamModel}, this);
            if (!m_call) {
                ex.decision.attempts.append({candidate.model, candidate.provider, candidate.upstreamModel, 0,
                                             Tr::tr("provider '%1' has no embeddings endpoint").arg(candidate.provider),
                                             true, 0});
                continue;
            }
            connectCall();
            return;
        }
        if (m_provider->wireFormat() != ex.clientFormat)
            ensureChat(ex);
        Providers::ProviderRequest request;
        request.requestId = ex.requestId;
        request.clientFormat = ex.clientFormat;
        request.body = ex.body;
        if (!(ex.guard && ex.guard->bodyRewritten))
            request.bodyBytes = ex.request.body;
        request.chat = ex.chat;
        request.chatError = ex.chatError;
        request.upstreamModel = candidate.upstreamModel;
        request.stream = ex.stream;
        request.clientWantsUsage = ex.clientWantsUsage;
        request.anthropicBeta = anthropicBetaHeader(ex);
        m_call = m_provider->startChat(request, this);
        connectCall();
        return;
    }
    answerFailure();
}

void Dispatcher::connectCall()
{
    connect(m_call, &Providers::ProviderCall::started, this, &Dispatcher::onStarted);
    connect(m_call, &Providers::ProviderCall::data, this, &Dispatcher::onData);
    connect(m_call, &Providers::ProviderCall::finished, this, &Dispatcher::onFinished);
    connect(m_call, &Providers::ProviderCall::failed, this, &Dispatcher::onFailed);
}

void Dispatcher::onStarted(int status, const HttpHeaders &headers)
{
    // Nothing goes to the client yet: a stream that dies before its first event can
    // still fail over to the next candidate.
    m_upstreamStatus = status;
    m_upstreamHeaders = headers;
}

void Dispatcher::startClientStream()
{
    Exchange &ex = *m_exchange;
    if (ex.ttftMs < 0)
        ex.ttftMs = msSince(ex.startNs);
    HttpHeaders headers = m_upstreamHeaders;
    headers.append(switchyardHeaders(ex, false, m_call != nullptr));
    ex.writer->startStream(m_upstreamStatus ? m_upstreamStatus : 200, headers);
    m_clientStarted = true;
}

void Dispatcher::onData(const QByteArray &bytes)
{
    if (!m_exchange->stream) {
        m_bufferedBody.append(bytes);
        return;
    }
    const GuardState *guard = m_exchange->guard.get();
    if (guard && guard->guardsResponse && (m_upstreamStatus == 0 || m_upstreamStatus / 100 == 2)) {
        // The slow path: only when a response guard is on.
        if (!m_streamGuard) {
            m_streamGuard = std::make_unique<StreamGuard>(m_exchange->clientFormat, guard->redactor->scanner(),
                                                          &guard->redactor->placeholders(),
                                                          guard->redactor->restoresResponses());
        }
        const QByteArray safe = m_streamGuard->feed(bytes);
        if (!safe.isEmpty()) {
            if (!m_clientStarted)
                startClientStream();
            m_exchange->responseBytes += safe.size();
            m_exchange->writer->writeChunk(safe);
        }
        if (m_streamGuard->blocked())
            endBlockedStream();
        return;
    }
    if (!m_clientStarted)
        startClientStream();
    m_errorEventRelayed = isErrorEvent(bytes);
    m_exchange->responseBytes += bytes.size();
    m_exchange->writer->writeChunk(bytes);
}

void Dispatcher::endBlockedStream()
{
    Exchange &ex = *m_exchange;
    const bool live = m_call != nullptr; // else onFinished() already recorded the attempt
    detachCall();
    GuardStage::recordFindings(ex.egress, m_streamGuard->findings());
    if (live) {
        ex.decision.attempts.append({ex.model, ex.provider, ex.upstreamModel, m_upstreamStatus, {}, false,
                                     msSince(m_attemptStartNs)});
    }
    ex.decision.winner = ex.model;
    ex.status = m_upstreamStatus ? m_upstreamStatus : 200;
    ex.errorType = QStringLiteral("dlp_blocked");
    ex.errorMessage = m_streamGuard->blockReason();
    finish([this] {
        Exchange &ex = *m_exchange;
        if (!m_clientStarted)
            startClientStream();
        const QByteArray event = surfaceErrorEvent(ex.clientFormat, 403, ex.errorType, ex.errorMessage);
        ex.responseBytes += event.size();
        ex.writer->writeChunk(event);
        ex.writer->finishStream();
    });
}

bool Dispatcher::guardBody(QByteArray &body)
{
    Exchange &ex = *m_exchange;
    const GuardState *guard = ex.guard.get();
    if (!guard || !guard->guardsResponse || ex.status / 100 != 2)
        return true;
    QJsonObject json = JsonReader::fromJson(body).object();
    const GuardTexts original = GuardTexts::fromResponse(json, ex.clientFormat);
    GuardTexts scanned = original;
    for (QString &text : scanned.texts) {
        const Guards::RedactionReport report = guard->redactor->applyResponse(text);
        GuardStage::recordFindings(ex.egress, report.findings);
        if (report.blocked) {
            ex.errorType = QStringLiteral("dlp_blocked");
            ex.errorMessage = report.blockReason;
            return false;
        }
    }
    if (scanned.writeBack(json, original) > 0)
        body = QJsonDocument(json).toJson(QJsonDocument::Compact);
    return true;
}

void Dispatcher::onFinished(const Providers::CallResult &result)
{
    Exchange &ex = *m_exchange;
    detachCall();
    ex.decision.attempts.append({ex.model, ex.provider, ex.upstreamModel, m_upstreamStatus, {}, false,
                                 msSince(m_attemptStartNs)});
    ex.decision.winner = ex.model;
    reportHealth(true, -1);
    ex.status = m_upstreamStatus ? m_upstreamStatus : 200;
    ex.usage = result.usage;
    if (!result.upstreamModel.isEmpty())
        ex.upstreamModel = result.upstreamModel;
    const Routing::Candidate &candidate = ex.candidates.at(m_nextCandidate - 1);
    if (const std::optional<double> cost = requestCost(result.usage, candidate.price)) {
        ex.costKnown = true;
        ex.costUsd = *cost;
        ex.priceVersion = priceVersion(candidate.price);
    }
    if (ex.stream) {
        QByteArray tail = result.tail;
        if (m_streamGuard) {
            tail = m_streamGuard->feed(tail);
            if (m_streamGuard->blocked()) {
                endBlockedStream();
                return;
            }
            tail += m_streamGuard->finish();
            GuardStage::recordFindings(ex.egress, m_streamGuard->findings());
        }
        finish([this, tail] {
            Exchange &ex = *m_exchange;
            if (!m_clientStarted)
                startClientStream();
            ex.responseBytes += tail.size();
            ex.writer->writeChunk(tail);
            ex.writer->finishStream();
        });
        return;
    }
    QByteArray body = m_bufferedBody + result.tail;
    if (!guardBody(body)) {
        const QString message = ex.errorMessage;
        answerError(403, QStringLiteral("permission_error"), QStringLiteral("dlp_blocked"), message);
        return;
    }
    ex.responseBytes = body.size();
    if (ex.ttftMs < 0)
        ex.ttftMs = msSince(ex.startNs);
    finish([this, body] {
        HttpHeaders headers = m_upstreamHeaders;
        headers.append(switchyardHeaders(*m_exchange, true));
        m_exchange->writer->send(m_exchange->status, headers, body);
    });
}

void Dispatcher::onFailed(const ProviderError &error)
{
    Exchange &ex = *m_exchange;
    detachCall();
    ex.decision.attempts.append({ex.model, ex.provider, ex.upstreamModel, error.httpStatus, error.message,
                                 error.retryable, msSince(m_attemptStartNs)});
    m_errors.append(error);
    // Only the provider's own failures count against its health, not a client's bad request.
    if (error.retryable || error.midStream)
        reportHealth(false, error.retryAfterMs);
    if (m_clientStarted) {
        // Bytes already reached the client: no failover; end the stream visibly broken.
        ex.status = m_upstreamStatus ? m_upstreamStatus : 200;
        ex.errorType = QStringLiteral("upstream_stream_error");
        ex.errorMessage = Tr::tr("%1 failed mid-stream: %2").arg(ex.provider, error.message);
        const bool relayed = m_errorEventRelayed;
        finish([this, relayed] {
            Exchange &ex = *m_exchange;
            if (!relayed) {
                const QByteArray event = surfaceErrorEvent(ex.clientFormat, 502, ex.errorType, ex.errorMessage);
                ex.responseBytes += event.size();
                ex.writer->writeChunk(event);
            }
            ex.writer->abort();
        });
        return;
    }
    if (error.retryable && m_nextCandidate < ex.candidates.size()) {
        ex.decision.reasons.append(Tr::tr("%1 failed (%2): failing over").arg(ex.model, error.message));
        tryNext();
        return;
    }
    answerFailure();
}

void Dispatcher::answerFailure()
{
    const Exchange &ex = *m_exchange;
    if (m_errors.isEmpty()) {
        answerError(503, QStringLiteral("service_unavailable"), QStringLiteral("no_available_model"),
                    Tr::tr("no provider is available for '%1'").arg(ex.decision.requestedModel));
        return;
    }
    const ProviderError &last = m_errors.constLast();
    if (ex.decision.attempts.size() == 1 && last.kind == ProviderError::Kind::Http && !last.clientBody.isEmpty()) {
        // A single upstream answer, already in the OpenAI shape: relay it as it is.
        answerError(last.httpStatus, errorTypeFor(last), {}, last.message, last.clientHeaders, last.clientBody);
        return;
    }
    QStringList failures;
    for (const AttemptRecord &attempt : ex.decision.attempts)
        failures.append(QStringLiteral("%1@%2: %3").arg(attempt.model, attempt.provider, attempt.error));
    const QString message = ex.decision.attempts.size() == 1
        ? failures.constFirst()
        : Tr::tr("all %1 attempts failed: %2").arg(ex.decision.attempts.size()).arg(failures.join(QLatin1String("; ")));
    answerError(clientStatusFor(last), errorTypeFor(last), {}, message, last.clientHeaders);
}

void Dispatcher::answerError(int status, const QString &type, const QString &code, const QString &message,
                             const HttpHeaders &extraHeaders, const QByteArray &body)
{
    Exchange &ex = *m_exchange;
    ex.status = status;
    ex.errorType = type;
    ex.errorMessage = message;
    const QByteArray payload = body.isEmpty() ? surfaceErrorBody(ex.clientFormat, status, type, code, message) : body;
    ex.responseBytes = payload.size();
    finish([this, extraHeaders, payload] {
        HttpHeaders headers{{"content-type", "application/json"}};
        headers.append(extraHeaders);
        headers.append(switchyardHeaders(*m_exchange, false));
        m_exchange->writer->send(m_exchange->status, headers, payload);
    });
}

void Dispatcher::onClientGone()
{
    if (m_finishing)
        return;
    Exchange &ex = *m_exchange;
    if (m_call) {
        ex.decision.attempts.append({ex.model, ex.provider, ex.upstreamModel, m_upstreamStatus,
                                     Tr::tr("cancelled: the client went away"), false, msSince(m_attemptStartNs)});
    }
    detachCall();
    if (ex.status == 0)
        ex.status = 499;
    ex.errorType = QStringLiteral("client_closed");
    ex.errorMessage = Tr::tr("the client closed the connection before the response completed");
    finish([] {});
}

void Dispatcher::cancel(const QString &message)
{
    if (m_finishing)
        return;
    detachCall();
    if (m_clientStarted) {
        m_exchange->errorType = QStringLiteral("cancelled");
        m_exchange->errorMessage = message;
        finish([this] { m_exchange->writer->abort(); });
        return;
    }
    answerError(503, QStringLiteral("service_unavailable"), QStringLiteral("shutting_down"), message);
}

void Dispatcher::detachCall()
{
    if (!m_call)
        return;
    Providers::ProviderCall *call = m_call;
    m_call = nullptr;
    disconnect(call, nullptr, this, nullptr);
    call->cancel();
    // A child of this dispatcher: it goes with it (the call may be on the stack right now, and
    // a deleteLater() per request costs an eventfd write and read).
}

void Dispatcher::finish(std::function<void()> writeResponse)
{
    if (m_finishing)
        return;
    m_finishing = true;
    for (const std::function<void(Exchange &)> &hook : std::as_const(m_exchange->onComplete))
        hook(*m_exchange);
    m_context.recorder->complete(*m_exchange, this, [this, writeResponse = std::move(writeResponse)] {
        if (m_exchange->writer->isOpen())
            writeResponse();
        Q_EMIT done();
    });
}

} // namespace Switchyard::Pipeline
