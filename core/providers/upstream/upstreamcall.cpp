// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/providers/upstream/upstreamcall.h"

#include "core/common/tr.h"
#include "core/providers/wire/httpwire.h"
#include "core/providers/wire/replybody.h"
#include "core/translate/errorcodec.h"

#include <QDateTime>

namespace Switchyard::Providers::Internal {

namespace {

constexpr qsizetype s_maxErrorBody = 1024 * 1024;

bool isSuccess(int status)
{
    return status >= 200 && status < 300;
}

} // namespace

UpstreamCall::UpstreamCall(const QString &providerId, const QString &apiKey,
                           Translate::WireFormat upstreamFormat, const ProviderRequest &request,
                           QObject *parent)
    : ProviderCall(parent)
    , m_providerId(providerId)
    , m_apiKey(apiKey)
    , m_upstream(upstreamFormat)
    , m_client(request.clientFormat)
    , m_stream(request.stream)
    , m_pipe(makeStreamPipe(upstreamFormat, request))
{
}

void UpstreamCall::start(UpstreamClient *client, const Result<UpstreamRequestSpec> &spec)
{
    if (!spec) {
        ProviderError error;
        error.kind = ProviderError::Kind::Http;
        error.httpStatus = 400;
        error.message = spec.error().message;
        error.clientBody = Translate::encodeError(m_client, 400,
                                                  QStringLiteral("invalid_request_error"),
                                                  error.message);
        failLater(error);
        return;
    }
    if (!client) {
        ProviderError error;
        error.kind = ProviderError::Kind::Connection;
        error.message = Tr::tr("Provider %1 has no upstream client").arg(m_providerId);
        error.clientBody = Translate::encodeError(m_client, 502, {}, error.message);
        error.retryable = true;
        failLater(error);
        return;
    }
    m_timers = client->timerSource();
    m_exchange = client->send(spec.value(), this);
    connect(m_exchange, &UpstreamExchange::responseHead, this, &UpstreamCall::onHead);
    connect(m_exchange, &UpstreamExchange::bodyData, this, &UpstreamCall::onBody);
    connect(m_exchange, &UpstreamExchange::finished, this, &UpstreamCall::onFinished);
    connect(m_exchange, &UpstreamExchange::failed, this, &UpstreamCall::onFailed);
}

void UpstreamCall::failLater(ProviderError error)
{
    // Signals must never fire inside startChat(): report from the event loop.
    QMetaObject::invokeMethod(this, [this, error] { fail(error); }, Qt::QueuedConnection);
}

void UpstreamCall::cancel()
{
    if (m_done) {
        return;
    }
    m_done = true;
    if (m_exchange) {
        m_exchange->abort();
    }
    ProviderError error;
    error.kind = ProviderError::Kind::Cancelled;
    error.message = Tr::tr("Request to provider %1 was cancelled").arg(m_providerId);
    error.midStream = m_started;
    Q_EMIT failed(error);
}

void UpstreamCall::onHead(int status, const HttpHeaders &headers)
{
    m_status = status;
    m_headers = headers;
    if (!isSuccess(status)) {
        return;
    }
    m_started = true;
    if (m_stream && m_firstTokenTimeoutMs > 0 && m_timers) {
        m_firstTokenTimer = m_timers->schedule(m_firstTokenTimeoutMs,
                                               [this] { onFirstTokenTimeout(); });
    }
    const bool relay = m_upstream == m_client;
    HttpHeaders relayed = relayHeaders(headers, relay);
    if (!relay) {
        relayed.prepend({QByteArrayLiteral("content-type"),
                         m_stream ? QByteArrayLiteral("text/event-stream; charset=utf-8")
                                  : QByteArrayLiteral("application/json")});
    }
    Q_EMIT started(status, relayed);
}

void UpstreamCall::onBody(const QByteArray &bytes)
{
    if (m_done) {
        return;
    }
    if (!isSuccess(m_status) || !m_stream) {
        if (isSuccess(m_status) || m_body.size() < s_maxErrorBody) {
            m_body += bytes;
        }
        return;
    }
    m_sse.feed(bytes);
    if (m_sse.hasEvents()) {
        pump();
    }
}

bool UpstreamCall::pump()
{
    const QByteArray out = pumpEvents(m_sse, *m_pipe);
    if (!out.isEmpty()) {
        m_emitted = true;
        m_firstTokenTimer.reset();
        if (!emitData(this, out, m_done)) {
            return false;
        }
    }
    if (m_pipe->upstreamFailed()) {
        // The error event itself (in the client's format) is already out.
        failMidStream(ProviderError::Kind::Http, {},
                      Tr::tr("Provider %1 reported an error mid-stream: %2")
                          .arg(m_providerId, m_pipe->upstreamError().left(300)),
                      false);
        return false;
    }
    return true;
}

void UpstreamCall::onFinished()
{
    if (m_done) {
        return;
    }
    if (!isSuccess(m_status)) {
        fail(httpError(m_providerId, m_upstream, m_client, m_status, m_headers, m_body,
                       QDateTime::currentDateTimeUtc()));
        return;
    }
    if (m_stream) {
        finishStream();
    } else {
        finishBody();
    }
}

void UpstreamCall::finishBody()
{
    Result<ClientReply> reply = clientReply(m_upstream, m_client, m_body);
    if (!reply) {
        // Nothing reached the client yet: another candidate may do better.
        ProviderError error;
        error.kind = ProviderError::Kind::Protocol;
        error.httpStatus = m_status;
        error.message = Tr::tr("Provider %1 sent a reply that cannot be read: %2")
                            .arg(m_providerId, reply.error().message);
        error.clientBody = Translate::encodeError(m_client, 502, {}, error.message);
        error.retryable = true;
        fail(error);
        return;
    }
    CallResult result;
    result.usage = reply.value().usage;
    result.upstreamModel = reply.value().model;
    result.tail = std::move(reply.value().body);
    m_body.clear();
    m_done = true;
    Q_EMIT finished(result);
}

void UpstreamCall::finishStream()
{
    if (m_sse.pendingBytes() > 0) {
        // The upstream ended without a final blank line: terminate the last block.
        m_sse.feed("\n\n");
        if (!pump()) {
            return;
        }
    }
    if (!m_pipe->complete()) {
        failMidStream(ProviderError::Kind::Protocol, QStringLiteral("api_error"),
                      Tr::tr("Provider %1 ended the stream before the reply was complete")
                          .arg(m_providerId));
        return;
    }
    CallResult result;
    result.usage = m_pipe->usage();
    result.upstreamModel = m_pipe->model();
    result.tail = m_pipe->finish();
    m_done = true;
    Q_EMIT finished(result);
}

void UpstreamCall::onFailed(UpstreamExchange::ErrorKind kind, const QString &message)
{
    if (m_done) {
        return;
    }
    if (m_status != 0 && !isSuccess(m_status)) {
        // The error reply itself was cut short: still report the status we got.
        fail(httpError(m_providerId, m_upstream, m_client, m_status, m_headers, m_body,
                       QDateTime::currentDateTimeUtc()));
        return;
    }
    const bool timeout = UpstreamExchange::isTimeout(kind);
    const ProviderError::Kind errorKind = timeout ? ProviderError::Kind::Timeout
                                          : kind == UpstreamExchange::ErrorKind::Protocol
                                              ? ProviderError::Kind::Protocol
                                              : ProviderError::Kind::Connection;
    const QString text = Tr::tr("Provider %1: %2").arg(m_providerId, message);
    if (m_started && m_stream) {
        failMidStream(errorKind, timeout ? QStringLiteral("timeout_error") : QStringLiteral("api_error"),
                      text);
        return;
    }
    ProviderError error;
    error.kind = errorKind;
    error.message = text;
    // Not a stream that started: nothing reached the client (a non-streamed body is only
    // relayed once complete), so another candidate may do better, even after a 2xx head.
    error.midStream = false;
    error.retryable = true;
    error.clientBody = Translate::encodeError(m_client, timeout ? 504 : 502, {}, text);
    fail(error);
}

void UpstreamCall::onFirstTokenTimeout()
{
    if (m_done || m_emitted) {
        return;
    }
    // The headers were 2xx but nothing reached the client: failing over is still clean.
    ProviderError error;
    error.kind = ProviderError::Kind::Timeout;
    error.message = Tr::tr("Provider %1 sent no stream event within %2 ms of its response headers "
                           "(first_token_timeout_ms)")
                        .arg(m_providerId)
                        .arg(m_firstTokenTimeoutMs);
    error.retryable = true;
    error.midStream = false;
    error.clientBody = Translate::encodeError(m_client, 504, QStringLiteral("timeout_error"),
                                              error.message);
    fail(error);
}

void UpstreamCall::failMidStream(ProviderError::Kind kind, const QString &type,
                                 const QString &message, bool sendEvent)
{
    ProviderError error;
    error.kind = kind;
    error.httpStatus = kind == ProviderError::Kind::Http ? m_status : 0;
    error.message = redactSecret(message, m_apiKey);
    error.midStream = true;
    error.retryable = false;
    if (!m_emitted) {
        // The client has nothing yet: the dispatcher answers with this body instead.
        error.clientBody = Translate::encodeError(m_client, 502, type, error.message);
    } else if (sendEvent && !emitErrorEvent(this, *m_pipe, type, error.message, m_done)) {
        return;
    }
    fail(error);
}

void UpstreamCall::fail(ProviderError error)
{
    if (m_done) {
        return;
    }
    m_done = true;
    m_firstTokenTimer.reset();
    if (m_exchange) {
        m_exchange->abort();
    }
    redactSecret(error, m_apiKey);
    Q_EMIT failed(error);
}

} // namespace Switchyard::Providers::Internal
