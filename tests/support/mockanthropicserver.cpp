// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/support/mockanthropicserver.h"

#include "tests/support/mockanthropicbodies.h"
#include "tests/support/mockanthropicstreamjob.h"
#include "tests/support/mockanthropicvalidator.h"
#include "tests/support/mockhttpconnection.h"
#include "tests/support/mockopenaibodies.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

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
    : QObject(parent)
    , m_replyText(defaultReply())
{
    connect(&m_server, &QTcpServer::newConnection, this, &MockAnthropicServer::onNewConnection);
}

MockAnthropicServer::~MockAnthropicServer()
{
    // Connections (and their stream jobs) go first, while the server they call back into
    // is still whole.
    qDeleteAll(findChildren<MockHttpConnection *>(Qt::FindDirectChildrenOnly));
}

bool MockAnthropicServer::listen(quint16 port)
{
    if (!m_server.listen(QHostAddress::LocalHost, port))
        return false;
    m_port = m_server.serverPort();
    return true;
}

quint16 MockAnthropicServer::port() const
{
    return m_port;
}

QUrl MockAnthropicServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

void MockAnthropicServer::setFault(Fault fault, int count)
{
    if (count == 0)
        fault = Fault::None;
    const bool wasRefusing = m_fault == Fault::RefuseConnection;
    m_fault = fault;
    m_faultRemaining = count;
    if (fault == Fault::RefuseConnection && !wasRefusing) {
        m_server.close();
        // Idle keep-alive connections would let clients bypass the refusal.
        const auto connections = findChildren<MockHttpConnection *>(Qt::FindDirectChildrenOnly);
        for (MockHttpConnection *connection : connections) {
            if (!connection->isBusy())
                connection->closeAfterWrite();
        }
    } else if (fault != Fault::RefuseConnection && wasRefusing && m_port != 0) {
        m_server.listen(QHostAddress::LocalHost, m_port);
    }
}

void MockAnthropicServer::setReplyText(const QString &text)
{
    m_replyText = text;
}

void MockAnthropicServer::setToolCall(const QString &name, const QString &argumentsJson)
{
    m_toolName = name;
    m_toolArguments = argumentsJson;
}

void MockAnthropicServer::setLatencyMs(int ms)
{
    m_latencyMs = qMax(0, ms);
}

void MockAnthropicServer::setChunkDelayMs(int ms)
{
    m_chunkDelayMs = qMax(0, ms);
}

void MockAnthropicServer::setExpectedApiKey(const QString &key)
{
    m_expectedApiKey = key;
}

void MockAnthropicServer::setCacheTokens(int readTokens, int writeTokens)
{
    m_cacheReadTokens = qMax(0, readTokens);
    m_cacheWriteTokens = qMax(0, writeTokens);
}

void MockAnthropicServer::setRequestHistoryLimit(int limit)
{
    m_historyLimit = qMax(0, limit);
    while (m_requests.size() > m_historyLimit)
        m_requests.removeFirst();
}

void MockAnthropicServer::clearRequests()
{
    m_requests.clear();
    m_requestCount = 0;
}

QString MockAnthropicServer::faultName(Fault fault)
{
    return QString::fromLatin1(QMetaEnum::fromType<Fault>().valueToKey(int(fault)));
}

std::optional<MockAnthropicServer::Fault> MockAnthropicServer::faultFromName(const QString &name)
{
    bool ok = false;
    const int value = QMetaEnum::fromType<Fault>().keyToValue(name.toLatin1().constData(), &ok);
    if (!ok)
        return std::nullopt;
    return Fault(value);
}

MockAnthropicServer::Fault MockAnthropicServer::takeFault()
{
    const Fault fault = m_fault;
    if (fault != Fault::None && fault != Fault::RefuseConnection && m_faultRemaining > 0
        && --m_faultRemaining == 0) {
        m_fault = Fault::None;
    }
    return fault;
}

void MockAnthropicServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto *connection = new MockHttpConnection(socket, this);
        connect(connection, &MockHttpConnection::requestReceived, this,
                [this, connection](const MockHttpRequest &request) { onRequest(connection, request); });
    }
}

void MockAnthropicServer::onRequest(MockHttpConnection *connection, const MockHttpRequest &request)
{
    ++m_requestCount;
    if (m_historyLimit > 0) {
        if (m_requests.size() >= m_historyLimit)
            m_requests.removeFirst();
        m_requests.append({request.method, request.path, request.headers, request.body});
    }
    const Fault fault = takeFault();
    Q_EMIT requestReceived();
    if (fault == Fault::Hang)
        return;
    if (fault == Fault::RefuseConnection) {
        connection->closeAfterWrite();
        return;
    }
    if (m_latencyMs <= 0) {
        respond(connection, request, fault);
        return;
    }
    QTimer::singleShot(m_latencyMs, connection, [this, connection, request, fault] {
        respond(connection, request, fault);
    });
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
    m_lastResponseBody = Internal::anthropicErrorBody(type, message, requestId);
    connection->writeResponse(status, headers, m_lastResponseBody);
}

void MockAnthropicServer::respond(MockHttpConnection *connection, const MockHttpRequest &request,
                                  Fault fault)
{
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
    spec.inputTokens = Internal::anthropicInputTokens(body);
    spec.cacheReadTokens = m_cacheReadTokens;
    spec.cacheWriteTokens = m_cacheWriteTokens;
    spec.outputTokens = qMax<qint64>(1, Internal::estimateTokens(m_replyText.size())
                                            + (m_toolName.isEmpty()
                                                   ? 0
                                                   : Internal::estimateTokens(m_toolName.size()
                                                                              + m_toolArguments.size())
                                                         + 30));

    if (!body.value(QLatin1String("stream")).toBool()) {
        const QByteArray reply = Internal::anthropicMessageBody(spec);
        const HttpHeaders headers = commonHeaders(requestId, "application/json");
        if (fault == Fault::DropMidStream) {
            m_lastResponseBody = reply.left(reply.size() / 2);
            connection->writeTruncated(200, headers, m_lastResponseBody, reply.size());
            return;
        }
        m_lastResponseBody = reply;
        connection->writeResponse(200, headers, reply);
        return;
    }
    HttpHeaders headers = commonHeaders(requestId, "text/event-stream; charset=utf-8");
    headers.append(qMakePair(QByteArray("cache-control"), QByteArray("no-cache")));
    connection->beginChunked(200, headers);
    QPointer<MockAnthropicServer> self(this);
    auto *job = new Internal::MockPacedStreamJob(connection, Internal::anthropicStreamEvents(spec),
                                                 m_chunkDelayMs, [self](const QByteArray &written) {
                                                     if (self)
                                                         self->m_lastResponseBody = written;
                                                 });
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
