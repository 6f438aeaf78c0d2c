// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/support/mockopenaiserver.h"

#include "tests/support/mockhttpconnection.h"
#include "tests/support/mockopenaibodies.h"
#include "tests/support/mockstreamjob.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>

namespace Switchyard::Testing {

using Internal::MockHttpConnection;
using Internal::MockHttpRequest;

namespace {

QString defaultReply()
{
    return QStringLiteral("Hello from the mock OpenAI server. This reply is deterministic, "
                          "so tests can compare it byte for byte.");
}

qint64 promptTokens(const QJsonArray &messages)
{
    qsizetype chars = 0;
    for (const QJsonValue &message : messages) {
        const QJsonValue content = message.toObject().value(QLatin1String("content"));
        if (content.isString()) {
            chars += content.toString().size();
        } else {
            for (const QJsonValue &part : content.toArray())
                chars += part.toObject().value(QLatin1String("text")).toString().size();
        }
    }
    return Internal::estimateTokens(chars) + 3 * messages.size() + 3;
}

QByteArray datedModel(const QString &model)
{
    static const QRegularExpression s_dated(QStringLiteral("-\\d{4}-\\d{2}-\\d{2}$"));
    const QByteArray name = model.toUtf8();
    return s_dated.match(model).hasMatch() ? name : name + "-2024-07-18";
}

} // namespace

MockOpenAiServer::MockOpenAiServer(QObject *parent)
    : QObject(parent)
    , m_replyText(defaultReply())
{
    connect(&m_server, &QTcpServer::newConnection, this, &MockOpenAiServer::onNewConnection);
}

MockOpenAiServer::~MockOpenAiServer()
{
    // Connections (and their stream jobs) go first, while the server they call back into
    // is still whole.
    qDeleteAll(findChildren<MockHttpConnection *>(Qt::FindDirectChildrenOnly));
}

bool MockOpenAiServer::listen(quint16 port)
{
    if (!m_server.listen(QHostAddress::LocalHost, port))
        return false;
    m_port = m_server.serverPort();
    return true;
}

quint16 MockOpenAiServer::port() const
{
    return m_port;
}

QUrl MockOpenAiServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(m_port));
}

void MockOpenAiServer::setFault(Fault fault, int count)
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

void MockOpenAiServer::setReplyText(const QString &text)
{
    m_replyText = text;
}

void MockOpenAiServer::setToolCall(const QString &name, const QString &argumentsJson)
{
    m_toolName = name;
    m_toolArguments = argumentsJson;
}

void MockOpenAiServer::setLatencyMs(int ms)
{
    m_latencyMs = qMax(0, ms);
}

void MockOpenAiServer::setChunkDelayMs(int ms)
{
    m_chunkDelayMs = qMax(0, ms);
}

void MockOpenAiServer::setExpectedApiKey(const QString &key)
{
    m_expectedApiKey = key;
}

void MockOpenAiServer::setCachedTokens(int tokens)
{
    m_cachedTokens = qMax(0, tokens);
}

void MockOpenAiServer::setRequestHistoryLimit(int limit)
{
    m_historyLimit = qMax(0, limit);
    while (m_requests.size() > m_historyLimit)
        m_requests.removeFirst();
}

void MockOpenAiServer::clearRequests()
{
    m_requests.clear();
    m_requestCount = 0;
}

QString MockOpenAiServer::faultName(Fault fault)
{
    return QString::fromLatin1(QMetaEnum::fromType<Fault>().valueToKey(int(fault)));
}

std::optional<MockOpenAiServer::Fault> MockOpenAiServer::faultFromName(const QString &name)
{
    bool ok = false;
    const int value = QMetaEnum::fromType<Fault>().keyToValue(name.toLatin1().constData(), &ok);
    if (!ok)
        return std::nullopt;
    return Fault(value);
}

MockOpenAiServer::Fault MockOpenAiServer::takeFault()
{
    const Fault fault = m_fault;
    if (fault != Fault::None && fault != Fault::RefuseConnection && m_faultRemaining > 0
        && --m_faultRemaining == 0) {
        m_fault = Fault::None;
    }
    return fault;
}

void MockOpenAiServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto *connection = new MockHttpConnection(socket, this);
        connect(connection, &MockHttpConnection::requestReceived, this,
                [this, connection](const MockHttpRequest &request) { onRequest(connection, request); });
    }
}

void MockOpenAiServer::onRequest(MockHttpConnection *connection, const MockHttpRequest &request)
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

HttpHeaders MockOpenAiServer::commonHeaders(const MockHttpRequest &request,
                                            const QByteArray &contentType) const
{
    return {
        {"content-type", contentType},
        {"x-request-id", "req_" + Internal::randomToken(32)},
        {"openai-processing-ms", QByteArray::number(request.received.elapsed())},
        {"openai-organization", "user-mock"},
        {"openai-version", "2020-10-01"},
        {"x-ratelimit-limit-requests", "5000"},
        {"x-ratelimit-limit-tokens", "2000000"},
        {"x-ratelimit-remaining-requests", "4999"},
        {"x-ratelimit-remaining-tokens", QByteArray::number(2000000 - qMin<qsizetype>(request.body.size() / 4, 1000000))},
        {"x-ratelimit-reset-requests", "12ms"},
        {"x-ratelimit-reset-tokens", "6m0s"},
    };
}

void MockOpenAiServer::sendError(MockHttpConnection *connection, const MockHttpRequest &request,
                                 int status, const QByteArray &body, HttpHeaders extra)
{
    HttpHeaders headers = commonHeaders(request, "application/json");
    headers.append(extra);
    m_lastResponseBody = body;
    connection->writeResponse(status, headers, body);
}

void MockOpenAiServer::respond(MockHttpConnection *connection, const MockHttpRequest &request,
                               Fault fault)
{
    const QByteArray authorization = headerValue(request.headers, "authorization");
    if (!authorization.startsWith("Bearer ") || authorization.mid(7).trimmed().isEmpty()) {
        sendError(connection, request, 401,
                  Internal::errorBody(QStringLiteral("You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY)."),
                                      "invalid_request_error", {}));
        return;
    }
    if (!m_expectedApiKey.isEmpty() && authorization.mid(7).trimmed() != m_expectedApiKey.toUtf8()) {
        sendError(connection, request, 401,
                  Internal::errorBody(QStringLiteral("Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys."),
                                      "invalid_request_error", "invalid_api_key"));
        return;
    }
    switch (fault) {
    case Fault::ServerError500:
        sendError(connection, request, 500,
                  Internal::errorBody(QStringLiteral("The server had an error while processing your request. Sorry about that!"),
                                      "server_error", {}));
        return;
    case Fault::RateLimited429:
        sendError(connection, request, 429,
                  Internal::errorBody(QStringLiteral("Rate limit reached for requests per min (RPM): Limit 5000, Used 5000, Requested 1. Please try again in 1s."),
                                      "requests", "rate_limit_exceeded"),
                  {{"retry-after", "1"}, {"retry-after-ms", "1000"}});
        return;
    case Fault::InsufficientQuota429:
        sendError(connection, request, 429,
                  Internal::errorBody(QStringLiteral("You exceeded your current quota, please check your plan and billing details."),
                                      "insufficient_quota", "insufficient_quota"));
        return;
    case Fault::Overloaded503:
        sendError(connection, request, 503,
                  Internal::errorBody(QStringLiteral("That model is currently overloaded with other requests. You can retry your request."),
                                      "server_error", {}));
        return;
    default:
        break;
    }
    const qsizetype query = request.path.indexOf('?');
    const QByteArray path = query < 0 ? request.path : request.path.left(query);
    if (path == "/v1/chat/completions" && request.method == "POST") {
        respondChat(connection, request, fault);
    } else if (path == "/v1/models" && request.method == "GET") {
        const QByteArray body = Internal::modelsBody();
        m_lastResponseBody = body;
        connection->writeResponse(200, commonHeaders(request, "application/json"), body);
    } else if (path.startsWith("/v1/models/") && request.method == "GET"
               && !Internal::modelsBody(path.mid(11)).isEmpty()) {
        const QByteArray body = Internal::modelsBody(path.mid(11));
        m_lastResponseBody = body;
        connection->writeResponse(200, commonHeaders(request, "application/json"), body);
    } else {
        sendError(connection, request, 404,
                  Internal::errorBody(QStringLiteral("Invalid URL (%1 %2)")
                                          .arg(QString::fromLatin1(request.method),
                                               QString::fromUtf8(path)),
                                      "invalid_request_error", {}));
    }
}

void MockOpenAiServer::respondChat(MockHttpConnection *connection, const MockHttpRequest &request,
                                   Fault fault)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    const QJsonObject body = document.object();
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        sendError(connection, request, 400,
                  Internal::errorBody(QStringLiteral("We could not parse the JSON body of your request."),
                                      "invalid_request_error", {}));
        return;
    }
    const QString model = body.value(QLatin1String("model")).toString();
    const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
    if (model.isEmpty() || messages.isEmpty()) {
        sendError(connection, request, 400,
                  Internal::errorBody(model.isEmpty() ? QStringLiteral("Missing required parameter: 'model'.")
                                                      : QStringLiteral("Missing required parameter: 'messages'."),
                                      "invalid_request_error", "missing_required_parameter"));
        return;
    }
    const bool stream = body.value(QLatin1String("stream")).toBool();
    Internal::CompletionSpec spec;
    spec.id = "chatcmpl-" + Internal::randomToken(29);
    spec.created = QDateTime::currentSecsSinceEpoch();
    spec.model = datedModel(model);
    spec.text = m_replyText;
    spec.toolName = m_toolName;
    spec.toolArguments = m_toolArguments;
    spec.toolCallId = "call_" + Internal::randomToken(24);
    spec.promptTokens = promptTokens(messages);
    spec.cachedTokens = qMin<qint64>(m_cachedTokens, spec.promptTokens);
    spec.completionTokens = m_toolName.isEmpty()
                                ? Internal::estimateTokens(m_replyText.size())
                                : Internal::estimateTokens(m_toolName.size() + m_toolArguments.size()) + 3;
    spec.includeUsage = stream
                        && body.value(QLatin1String("stream_options")).toObject()
                               .value(QLatin1String("include_usage")).toBool();

    if (fault == Fault::ErrorEventMidStream && !stream) {
        respond(connection, request, Fault::ServerError500);
        return;
    }
    if (!stream) {
        const QByteArray reply = Internal::completionBody(spec);
        const HttpHeaders headers = commonHeaders(request, "application/json");
        if (fault == Fault::DropMidStream) {
            m_lastResponseBody = reply.left(reply.size() / 2);
            connection->writeTruncated(200, headers, m_lastResponseBody, reply.size());
            return;
        }
        m_lastResponseBody = reply;
        connection->writeResponse(200, headers, reply);
        return;
    }
    HttpHeaders headers = commonHeaders(request, "text/event-stream; charset=utf-8");
    headers.append(qMakePair(QByteArray("cache-control"), QByteArray("no-cache")));
    connection->beginChunked(200, headers);
    QPointer<MockOpenAiServer> self(this);
    auto *job = new Internal::MockStreamJob(connection, Internal::streamEvents(spec), m_chunkDelayMs, fault,
                              [self](const QByteArray &written) {
                                  if (self)
                                      self->m_lastResponseBody = written;
                              });
    job->start();
}

} // namespace Switchyard::Testing
