// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/providers/wire/translatingcall.h"

#include "core/common/tr.h"
#include "core/providers/wire/replybody.h"
#include "core/translate/anthropiccodec.h"
#include "core/translate/errorcodec.h"
#include "core/translate/openaicodec.h"

namespace Switchyard::Providers::Internal {

using Translate::WireFormat;

TranslatingCall::TranslatingCall(WireFormat innerFormat, const ProviderRequest &request,
                                 QObject *parent)
    : ProviderCall(parent)
    , m_inner(innerFormat)
    , m_client(request.clientFormat)
    , m_stream(request.stream)
    , m_pipe(makeStreamPipe(innerFormat, request))
{
}

Result<ProviderRequest> TranslatingCall::innerRequest(WireFormat innerFormat,
                                                      const ProviderRequest &request)
{
    if (!request.chat) {
        return Error{QStringLiteral("untranslatable_request"), request.chatError};
    }
    Translate::ChatRequest chat = *request.chat;
    chat.model = request.upstreamModel;
    chat.stream = request.stream;
    chat.includeUsage = true;
    Result<QJsonObject> body = innerFormat == WireFormat::Anthropic
                                   ? Translate::AnthropicCodec::encodeRequest(chat)
                                   : Translate::OpenAiCodec::encodeRequest(chat);
    if (!body) {
        return body.error();
    }
    ProviderRequest inner = request;
    inner.clientFormat = innerFormat;
    inner.body = std::move(body).value();
    inner.bodyBytes.clear(); // the client's bytes are in the other format
    inner.clientWantsUsage = true; // the translated stream needs it for its final usage
    return inner;
}

void TranslatingCall::attach(ProviderCall *inner)
{
    m_call = inner;
    inner->setParent(this);
    connect(inner, &ProviderCall::started, this, &TranslatingCall::onStarted);
    connect(inner, &ProviderCall::data, this, &TranslatingCall::onData);
    connect(inner, &ProviderCall::finished, this, &TranslatingCall::onFinished);
    connect(inner, &ProviderCall::failed, this, &TranslatingCall::onFailed);
}

void TranslatingCall::failUntranslatable(const QString &message)
{
    ProviderError error;
    error.kind = ProviderError::Kind::Http;
    error.httpStatus = 400;
    error.message = message;
    error.clientBody = Translate::encodeError(m_client, 400,
                                              QStringLiteral("invalid_request_error"), message);
    QMetaObject::invokeMethod(this, [this, error] { fail(error); }, Qt::QueuedConnection);
}

void TranslatingCall::cancel()
{
    if (m_done) {
        return;
    }
    if (m_call) {
        m_call->cancel(); // its failed(Cancelled) comes back through onFailed
    }
    if (!m_done) {
        ProviderError error;
        error.kind = ProviderError::Kind::Cancelled;
        error.message = Tr::tr("The request was cancelled.");
        error.midStream = m_emitted;
        fail(error);
    }
}

void TranslatingCall::onStarted(int status, const HttpHeaders &headers)
{
    HttpHeaders out{{QByteArrayLiteral("content-type"),
                     m_stream ? QByteArrayLiteral("text/event-stream; charset=utf-8")
                              : QByteArrayLiteral("application/json")}};
    for (const auto &header : headers) {
        if (header.first.toLower() != "content-type") {
            out.append(header);
        }
    }
    Q_EMIT started(status, out);
}

bool TranslatingCall::pump(const QByteArray &bytes)
{
    m_sse.feed(bytes);
    const QByteArray out = pumpEvents(m_sse, *m_pipe);
    if (out.isEmpty()) {
        return true;
    }
    m_emitted = true;
    return emitData(this, out, m_done);
}

void TranslatingCall::onData(const QByteArray &bytes)
{
    if (m_done) {
        return;
    }
    if (!m_stream) {
        return; // a whole body arrives as CallResult::tail
    }
    pump(bytes);
}

void TranslatingCall::onFinished(const CallResult &inner)
{
    if (m_done) {
        return;
    }
    CallResult result = inner;
    if (m_stream) {
        if (!pump(inner.tail)) {
            return;
        }
        result.tail = m_pipe->finish();
    } else {
        Result<ClientReply> reply = clientReply(m_inner, m_client, inner.tail);
        if (!reply) {
            ProviderError error;
            error.kind = ProviderError::Kind::Protocol;
            error.message = reply.error().message;
            error.clientBody = Translate::encodeError(m_client, 502, {}, error.message);
            error.retryable = true;
            fail(error);
            return;
        }
        result.tail = reply.value().body;
    }
    m_done = true;
    Q_EMIT finished(result);
}

void TranslatingCall::onFailed(const ProviderError &innerError)
{
    if (m_done) {
        return;
    }
    ProviderError error = innerError;
    if (!error.clientBody.isEmpty()) {
        const Translate::UpstreamError decoded = Translate::decodeUpstreamError(
            m_inner, error.httpStatus, error.clientBody);
        error.clientBody = Translate::encodeError(m_client, error.httpStatus ? error.httpStatus : 502,
                                                  decoded.type, decoded.message);
    }
    if (m_stream && m_emitted && error.kind != ProviderError::Kind::Cancelled
        && !emitErrorEvent(this, *m_pipe, QStringLiteral("api_error"), error.message, m_done)) {
        return;
    }
    fail(error);
}

void TranslatingCall::fail(ProviderError error)
{
    if (m_done) {
        return;
    }
    m_done = true;
    Q_EMIT failed(error);
}

} // namespace Switchyard::Providers::Internal
