// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/support/mockanthropicserver.h"

#include "tests/support/mockanthropicbodies.h"
#include "tests/support/mockanthropicvalidator.h"
#include "tests/support/mockhttpconnection.h"
#include "tests/support/mockopenaibodies.h"
#include "tests/support/mockstreamjob.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace Switchyard::Testing {

using Internal::MockHttpConnection;
using Internal::MockHttpRequest;

namespace {

QString defaultReply()
{
    return QStringLiteral("Hello from the mock Anthropic server. This reply is deterministic, "
                          "so tests can compare it byte for byte.");
}

QByteArray rfc3339In(int seconds)
{
    return QDateTime::currentDateTimeUtc().addSecs(seconds).toString(Qt::ISODate).toLatin1();
}

} // namespace

MockAnthropicServer::MockAnthropicServer(QObject *parent)
    : MockServerBase(QString(), defaultReply(),
                     {int(Fault::Hang), int(Fault::RefuseConnection)}, parent)
{
}

void MockAnthropicServer::setCacheTokens(int readTokens, int writeTokens)
{
    m_cacheReadTokens = qMax(0, readTokens);
    m_cacheWriteTokens = qMax(0, writeTokens);
}

HttpHeaders MockAnthropicServer::commonHeaders(const QByteArray &requestId,
                                               const QByteArray &contentType) const
{
    const QByteArray reset = rfc3339In(1);
    const QByteArray tokensReset = rfc3339In(60);
    return {
        {"content-type", contentType},
        {"request-id", requestId},
        {"anthropic-organization-id", "5ca1ab1e-0000-4000-8000-00000000c0de"},
        {"anthropic-ratelimit-requests-limit", "4000"},
        {"anthropic-ratelimit-requests-remaining", "3999"},
        {"anthropic-ratelimit-requests-reset", reset},
        {"anthropic-ratelimit-tokens-limit", "2400000"},
        {"anthropic-ratelimit-tokens-remaining", "2399000"},
        {"anthropic-ratelimit-tokens-reset", tokensReset},
        {"anthropic-ratelimit-input-tokens-limit", "2000000"},
        {"anthropic-ratelimit-input-tokens-remaining", "1999000"},
        {"anthropic-ratelimit-input-tokens-reset", tokensReset},
        {"anthropic-ratelimit-output-tokens-limit", "400000"},
        {"anthropic-ratelimit-output-tokens-remaining", "400000"},
        {"anthropic-ratelimit-output-tokens-reset", tokensReset},
    };
}

void MockAnthropicServer::sendError(MockHttpConnection *connection, const QByteArray &requestId,
                                    int status, const QByteArray &type, const QString &message,
                                    HttpHeaders extra)
{
    HttpHeaders headers = commonHeaders(requestId, "application/json");
    const bool retry = status == 429 || status >= 500;
    headers.append(qMakePair(QByteArray("x-should-retry"), QByteArray(retry ? "true" : "false")));
    headers.append(extra);
    writeBody(connection, status, headers, Internal::anthropicErrorBody(type, message, requestId));
}

void MockAnthropicServer::respond(MockHttpConnection *connection, const MockHttpRequest &request,
                                  int faultCode)
{
    const Fault fault = Fault(faultCode);
    const QByteArray requestId = "req_011C" + Internal::randomToken(20);
    const QByteArray apiKey = headerValue(request.headers, "x-api-key");
    if (apiKey.isEmpty()) {
        sendError(connection, requestId, 401, "authentication_error",
                  QStringLiteral("x-api-key header is required"));
        return;
    }
    if (!m_expectedApiKey.isEmpty() && apiKey != m_expectedApiKey.toUtf8()) {
        sendError(connection, requestId, 401, "authentication_error",
                  QStringLiteral("invalid x-api-key"));
        return;
    }
    if (headerValue(request.headers, "anthropic-version").isEmpty()) {
        sendError(connection, requestId, 400, "invalid_request_error",
                  QStringLiteral("anthropic-version: header is required"));
        return;
    }
    switch (fault) {
    case Fault::ServerError500:
        sendError(connection, requestId, 500, "api_error", QStringLiteral("Internal server error"));
        return;
    case Fault::RateLimited429:
        sendError(connection, requestId, 429, "rate_limit_error",
                  QStringLiteral("Number of request tokens has exceeded your per-minute rate "
                                 "limit. Please try again later."),
                  {{"retry-after", "1"}});
        return;
    case Fault::Overloaded529:
        sendError(connection, requestId, 529, "overloaded_error", QStringLiteral("Overloaded"));
        return;
    default:
        break;
    }
    const qsizetype query = request.path.indexOf('?');
    const QByteArray path = query < 0 ? request.path : request.path.left(query);
    if (path == "/v1/messages" && request.method == "POST") {
        respondMessages(connection, request, fault);
        return;
    }
    sendError(connection, requestId, 404, "not_found_error", QStringLiteral("Not Found"));
}

void MockAnthropicServer::respondMessages(MockHttpConnection *connection,
                                          const MockHttpRequest &request, Fault fault)
{
    const QByteArray requestId = "req_011C" + Internal::randomToken(20);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        sendError(connection, requestId, 400, "invalid_request_error",
                  QStringLiteral("There was an issue with the format or content of your request. "
                                 "The request body is not valid JSON."));
        return;
    }
    const QJsonObject body = document.object();
    if (const auto error = Internal::anthropicRequestError(body)) {
        sendError(connection, requestId, 400, "invalid_request_error", *error);
        return;
    }
    if (fault == Fault::ErrorEventMidStream && !body.value(QLatin1String("stream")).toBool()) {
        sendError(connection, requestId, 529, "overloaded_error", QStringLiteral("Overloaded"));
        return;
    }
    Internal::AnthropicSpec spec;
    spec.id = "msg_01" + Internal::randomToken(22);
    spec.model = body.value(QLatin1String("model")).toString().toUtf8();
    spec.text = m_replyText;
    spec.toolName = m_toolName;
    spec.toolInput = m_toolArguments;
    spec.toolUseId = "toolu_01" + Internal::randomToken(22);
    spec.inputTokens = m_fixedPromptTokens >= 0 ? m_fixedPromptTokens
                                                : Internal::anthropicInputTokens(body);
    spec.cacheReadTokens = m_cacheReadTokens;
    spec.cacheWriteTokens = m_cacheWriteTokens;
    spec.outputTokens = qMax<qint64>(1, Internal::estimateTokens(m_replyText.size())
                                            + (m_toolName.isEmpty()
                                                   ? 0
                                                   : Internal::estimateTokens(m_toolName.size()
                                                                              + m_toolArguments.size())
                                                         + 30));
    if (m_fixedOutputTokens >= 0) {
        spec.outputTokens = m_fixedOutputTokens;
    }

    if (!body.value(QLatin1String("stream")).toBool()) {
        writeBody(connection, 200, commonHeaders(requestId, "application/json"),
                  Internal::anthropicMessageBody(spec), fault == Fault::DropMidStream);
        return;
    }
    HttpHeaders headers = commonHeaders(requestId, "text/event-stream; charset=utf-8");
    headers.append(qMakePair(QByteArray("cache-control"), QByteArray("no-cache")));
    connection->beginChunked(200, headers);
    Internal::MockPacedStreamJob *job = newStreamJob(connection, Internal::anthropicStreamEvents(spec));
    using Ending = Internal::MockPacedStreamJob::Ending;
    if (fault == Fault::DropMidStream) {
        job->setCut(Internal::anthropicEventsBeforeFault(spec), Ending::Drop);
    } else if (fault == Fault::ErrorEventMidStream) {
        job->setCut(Internal::anthropicEventsBeforeFault(spec), Ending::TailThenClose,
                    Internal::anthropicSseEvent(
                        "error", Internal::anthropicErrorBody("overloaded_error",
                                                              QStringLiteral("Overloaded"))));
    }
    job->start();
}

} // namespace Switchyard::Testing
