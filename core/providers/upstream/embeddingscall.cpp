// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/providers/upstream/embeddingscall.h"

#include "core/common/tr.h"
#include "core/providers/http/upstreamclient.h"
#include "core/providers/wire/httpwire.h"
#include "core/providers/wire/replybody.h"
#include "core/translate/errorcodec.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace Switchyard::Providers::Internal {

namespace {

constexpr qsizetype s_maxBody = 256 * 1024 * 1024;
const HttpHeaders s_jsonContentType{{QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")}};

bool isSuccess(int status)
{
    return status >= 200 && status < 300;
}

} // namespace

EmbeddingsCall::EmbeddingsCall(const QString &providerId, const QString &apiKey,
                               Translate::WireFormat upstreamFormat,
                               const Translate::EmbeddingsInput &input, QObject *parent)
    : ProviderCall(parent)
    , m_providerId(providerId)
    , m_apiKey(apiKey)
    , m_upstream(upstreamFormat)
    , m_input(input)
{
}

void EmbeddingsCall::start(UpstreamClient *client, const Result<UpstreamRequestSpec> &spec,
                           const QString &upstreamModel)
{
    m_upstreamModel = upstreamModel;
    if (!spec) {
        failInvalid(spec.error().message);
        return;
    }
    if (!client) {
        ProviderError error;
        error.kind = ProviderError::Kind::Connection;
        error.message = Tr::tr("Provider %1 has no upstream client").arg(m_providerId);
        error.clientBody = Translate::encodeError(Translate::WireFormat::OpenAi, 502, {}, error.message);
        error.retryable = true;
        QMetaObject::invokeMethod(this, [this, error] { fail(error); }, Qt::QueuedConnection);
        return;
    }
    m_exchange = client->send(spec.value(), this);
    connect(m_exchange, &UpstreamExchange::responseHead, this, &EmbeddingsCall::onHead);
    connect(m_exchange, &UpstreamExchange::bodyData, this, [this](const QByteArray &bytes) {
        if (m_body.size() < s_maxBody) {
            m_body += bytes;
        }
    });
    connect(m_exchange, &UpstreamExchange::finished, this, &EmbeddingsCall::onFinished);
    connect(m_exchange, &UpstreamExchange::failed, this, &EmbeddingsCall::onFailed);
}

void EmbeddingsCall::startLocal(const CallResult &result)
{
    QMetaObject::invokeMethod(this, [this, result] {
        if (m_done) {
            return;
        }
        m_done = true;
        const QPointer<EmbeddingsCall> guard(this);
        Q_EMIT started(200, s_jsonContentType);
        if (guard) {
            Q_EMIT finished(result);
        }
    }, Qt::QueuedConnection);
}

void EmbeddingsCall::failInvalid(const QString &message)
{
    ProviderError error;
    error.kind = ProviderError::Kind::Http;
    error.httpStatus = 400;
    error.message = message;
    error.clientBody = Translate::encodeError(Translate::WireFormat::OpenAi, 400,
                                              QStringLiteral("invalid_request_error"), message);
    QMetaObject::invokeMethod(this, [this, error] { fail(error); }, Qt::QueuedConnection);
}

void EmbeddingsCall::cancel()
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
    Q_EMIT failed(error);
}

void EmbeddingsCall::onHead(int status, const HttpHeaders &headers)
{
    m_status = status;
    m_headers = headers;
}

void EmbeddingsCall::onFinished()
{
    if (m_done) {
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!isSuccess(m_status)) {
        fail(httpError(m_providerId, m_upstream, Translate::WireFormat::OpenAi, m_status, m_headers,
                       m_body, now));
        return;
    }
    CallResult result;
    HttpHeaders headers;
    if (m_upstream == Translate::WireFormat::OpenAi) {
        const QJsonObject reply = QJsonDocument::fromJson(m_body).object();
        if (!reply.value(QLatin1String("data")).isArray()) {
            ProviderError error;
            error.kind = ProviderError::Kind::Protocol;
            error.httpStatus = m_status;
            error.message = Tr::tr("Provider %1 sent an embeddings reply that cannot be read")
                                .arg(m_providerId);
            error.clientBody = Translate::encodeError(Translate::WireFormat::OpenAi, 502, {}, error.message);
            error.retryable = true;
            fail(error);
            return;
        }
        result.usage = Translate::EmbeddingsCodec::usageOfOpenAiReply(reply);
        result.upstreamModel = reply.value(QLatin1String("model")).toString();
        result.tail = m_body;
        headers = relayHeaders(m_headers, true);
    } else {
        Result<QList<QList<float>>> vectors = Translate::EmbeddingsCodec::decodeGeminiReply(m_body);
        if (!vectors || vectors.value().size() != m_input.texts.size()) {
            ProviderError error;
            error.kind = ProviderError::Kind::Protocol;
            error.httpStatus = m_status;
            error.message = Tr::tr("Provider %1 sent an embeddings reply that cannot be read: %2")
                                .arg(m_providerId,
                                     vectors ? Tr::tr("%1 vectors for %2 inputs")
                                                   .arg(vectors.value().size())
                                                   .arg(m_input.texts.size())
                                             : vectors.error().message);
            error.clientBody = Translate::encodeError(Translate::WireFormat::OpenAi, 502, {}, error.message);
            error.retryable = true;
            fail(error);
            return;
        }
        // Gemini reports no usage: the client gets an estimate (≈ 4 bytes per token), the
        // log keeps usage unknown and the estimate as estimated_prompt_tokens.
        const qint64 estimate = Translate::EmbeddingsCodec::estimatePromptTokens(m_input.texts);
        result.upstreamModel = m_upstreamModel;
        result.tail = Translate::EmbeddingsCodec::encodeOpenAiReply(vectors.value(), m_upstreamModel,
                                                                    estimate, m_input.base64);
        headers = relayHeaders(m_headers, false);
        headers.prepend(s_jsonContentType.constFirst());
    }
    m_done = true;
    m_body.clear();
    const QPointer<EmbeddingsCall> guard(this);
    Q_EMIT started(m_status, headers);
    if (guard) {
        Q_EMIT finished(result);
    }
}

void EmbeddingsCall::onFailed(UpstreamExchange::ErrorKind kind, const QString &message)
{
    if (m_done) {
        return;
    }
    if (m_status != 0 && !isSuccess(m_status)) {
        fail(httpError(m_providerId, m_upstream, Translate::WireFormat::OpenAi, m_status, m_headers,
                       m_body, QDateTime::currentDateTimeUtc()));
        return;
    }
    const bool timeout = UpstreamExchange::isTimeout(kind);
    ProviderError error;
    error.kind = timeout ? ProviderError::Kind::Timeout
                 : kind == UpstreamExchange::ErrorKind::Protocol ? ProviderError::Kind::Protocol
                                                                 : ProviderError::Kind::Connection;
    error.message = Tr::tr("Provider %1: %2").arg(m_providerId, message);
    // Nothing reached the client yet (the body is relayed whole): another candidate may do better.
    error.retryable = true;
    error.clientBody = Translate::encodeError(Translate::WireFormat::OpenAi, timeout ? 504 : 502, {},
                                              error.message);
    fail(error);
}

void EmbeddingsCall::fail(ProviderError error)
{
    if (m_done) {
        return;
    }
    m_done = true;
    if (m_exchange) {
        m_exchange->abort();
    }
    redactSecret(error, m_apiKey);
    Q_EMIT failed(error);
}

} // namespace Switchyard::Providers::Internal
