// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/providers/openai/openaicall.h"

#include "core/common/tr.h"
#include "core/providers/openai/openaiwire.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Switchyard::Providers::Internal {

namespace {

constexpr qsizetype s_maxErrorBody = 1024 * 1024;

bool isSuccess(int status)
{
    return status >= 200 && status < 300;
}

} // namespace

OpenAiCall::OpenAiCall(const QString &providerId, const QString &apiKey,
                       const ProviderRequest &request, QObject *parent)
    : ProviderCall(parent)
    , m_providerId(providerId)
    , m_apiKey(apiKey)
    , m_stream(request.stream)
    , m_clientWantsUsage(request.clientWantsUsage)
{
}

void OpenAiCall::start(UpstreamClient *client, const UpstreamRequestSpec &spec)
{
    if (!client) {
        // Fail from the event loop: signals must never fire inside startChat().
        QMetaObject::invokeMethod(
            this,
            [this] {
                ProviderError error;
                error.kind = ProviderError::Kind::Connection;
                error.message = Tr::tr("Provider %1 has no upstream client").arg(m_providerId);
                error.clientBody = openAiErrorBody(error.message, QStringLiteral("upstream_error"));
                error.retryable = true;
                fail(error);
            },
            Qt::QueuedConnection);
        return;
    }
    m_exchange = client->send(spec, this);
    connect(m_exchange, &UpstreamExchange::responseHead, this, &OpenAiCall::onHead);
    connect(m_exchange, &UpstreamExchange::bodyData, this, &OpenAiCall::onBody);
    connect(m_exchange, &UpstreamExchange::finished, this, &OpenAiCall::onFinished);
    connect(m_exchange, &UpstreamExchange::failed, this, &OpenAiCall::onFailed);
}

void OpenAiCall::cancel()
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

void OpenAiCall::onHead(int status, const HttpHeaders &headers)
{
    m_status = status;
    m_headers = headers;
    if (isSuccess(status)) {
        m_started = true;
        Q_EMIT started(status, relayHeaders(headers));
    }
}

void OpenAiCall::onBody(const QByteArray &bytes)
{
    if (m_done) {
        return;
    }
    if (!isSuccess(m_status)) {
        if (m_body.size() < s_maxErrorBody) {
            m_body += bytes;
        }
        return;
    }
    if (!m_stream) {
        m_body += bytes;
        return;
    }
    m_decoder.feed(bytes);
    if (m_decoder.hasEvents()) {
        relayEvents();
    }
}

bool OpenAiCall::relayEvents()
{
    QByteArray out;
    const QList<SseEvent> events = m_decoder.takeEvents();
    for (const SseEvent &event : events) {
        if (event.comment) {
            out += event.raw;
            continue;
        }
        if (event.data == "[DONE]") {
            m_tail = event.raw;
            continue;
        }
        // Parse only the chunks that matter: the first (model), usage and error chunks.
        const bool hasUsage = mentionsObjectKey(event.data, "\"usage\"");
        const bool hasError = mentionsObjectKey(event.data, "\"error\"", true);
        if (!m_model.isEmpty() && !hasUsage && !hasError) {
            out += event.raw;
            continue;
        }
        const QJsonObject chunk = QJsonDocument::fromJson(event.data).object();
        if (m_model.isEmpty()) {
            m_model = chunk.value(QLatin1String("model")).toString();
        }
        if (hasError && chunk.contains(QLatin1String("error"))) {
            out += event.raw;
            const QPointer<OpenAiCall> guard(this);
            Q_EMIT data(out);
            if (!guard || m_done) {
                return false;
            }
            const QJsonValue errorValue = chunk.value(QLatin1String("error"));
            QString upstreamMessage = errorValue.toObject().value(QLatin1String("message")).toString();
            if (upstreamMessage.isEmpty()) {
                upstreamMessage = errorValue.toString();
            }
            ProviderError error;
            error.kind = ProviderError::Kind::Http;
            error.httpStatus = m_status;
            error.message = Tr::tr("Provider %1 reported an error mid-stream: %2")
                                .arg(m_providerId, upstreamMessage.left(300));
            error.midStream = true; // the error event itself was relayed: no clientBody
            fail(error);
            return false;
        }
        const QJsonValue usage = chunk.value(QLatin1String("usage"));
        if (usage.isObject()) {
            m_usage = parseOpenAiUsage(usage.toObject());
            const QJsonValue choices = chunk.value(QLatin1String("choices"));
            const bool usageOnly = !choices.isArray() || choices.toArray().isEmpty();
            if (usageOnly && !m_clientWantsUsage) {
                continue; // we forced include_usage on; the client did not ask for it
            }
        }
        out += event.raw;
    }
    if (!out.isEmpty()) {
        const QPointer<OpenAiCall> guard(this);
        Q_EMIT data(out);
        if (!guard || m_done) {
            return false;
        }
    }
    return true;
}

void OpenAiCall::onFinished()
{
    if (m_done) {
        return;
    }
    if (!isSuccess(m_status)) {
        fail(httpError(m_providerId, m_status, m_headers, m_body,
                       QDateTime::currentDateTimeUtc()));
        return;
    }
    if (m_stream) {
        finishStream();
        return;
    }
    CallResult result;
    const QJsonObject root = QJsonDocument::fromJson(m_body).object();
    const QJsonValue usage = root.value(QLatin1String("usage"));
    if (usage.isObject()) {
        result.usage = parseOpenAiUsage(usage.toObject());
    }
    result.upstreamModel = root.value(QLatin1String("model")).toString();
    result.tail = std::exchange(m_body, {});
    m_done = true;
    Q_EMIT finished(result);
}

void OpenAiCall::finishStream()
{
    if (m_decoder.pendingBytes() > 0) {
        // The upstream ended without a final blank line: terminate the last block.
        m_decoder.feed("\n\n");
        if (!relayEvents()) {
            return;
        }
    }
    CallResult result;
    result.usage = m_usage;
    result.upstreamModel = m_model;
    result.tail = m_tail.isEmpty() ? QByteArrayLiteral("data: [DONE]\n\n") : m_tail;
    m_done = true;
    Q_EMIT finished(result);
}

void OpenAiCall::onFailed(UpstreamExchange::ErrorKind kind, const QString &message)
{
    if (m_done) {
        return;
    }
    if (m_status != 0 && !isSuccess(m_status)) {
        // The error reply itself was cut short: still report the status we got.
        fail(httpError(m_providerId, m_status, m_headers, m_body,
                       QDateTime::currentDateTimeUtc()));
        return;
    }
    ProviderError error;
    const bool timeout = UpstreamExchange::isTimeout(kind);
    error.kind = timeout ? ProviderError::Kind::Timeout
                         : kind == UpstreamExchange::ErrorKind::Protocol
                               ? ProviderError::Kind::Protocol
                               : ProviderError::Kind::Connection;
    error.message = Tr::tr("Provider %1: %2").arg(m_providerId, message);
    error.midStream = m_started;
    // Before any byte reached the client, another candidate may do better.
    error.retryable = !m_started;
    error.clientBody = openAiErrorBody(error.message, timeout ? QStringLiteral("timeout")
                                                              : QStringLiteral("upstream_error"));
    fail(error);
}

void OpenAiCall::fail(ProviderError error)
{
    if (m_done) {
        return;
    }
    m_done = true;
    if (m_exchange) {
        m_exchange->abort();
    }
    error.message = scrub(error.message);
    if (!m_apiKey.isEmpty() && error.clientBody.contains(m_apiKey.toUtf8())) {
        error.clientBody.replace(m_apiKey.toUtf8(), "[redacted]");
    }
    Q_EMIT failed(error);
}

QString OpenAiCall::scrub(QString text) const
{
    if (!m_apiKey.isEmpty()) {
        text.replace(m_apiKey, QStringLiteral("[redacted]"));
    }
    return text;
}

} // namespace Switchyard::Providers::Internal
