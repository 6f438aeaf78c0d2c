// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/support/mockgeminiserver.h"

#include "tests/support/mockanthropicstreamjob.h"
#include "tests/support/mockgeminibodies.h"
#include "tests/support/mockgeminivalidator.h"
#include "tests/support/mockhttpconnection.h"
#include "tests/support/mockopenaibodies.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace Switchyard::Testing {

using Internal::MockHttpConnection;
using Internal::MockHttpRequest;

namespace {

QString defaultReply()
{
    return QStringLiteral("Hello from the mock Gemini server. This reply is deterministic, "
                          "so tests can compare it byte for byte.");
}

QByteArray unavailableBody()
{
    return Internal::geminiErrorBody(503, "UNAVAILABLE",
                                     QStringLiteral("The model is overloaded. Please try again later."));
}

QByteArray compactJson(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).toJson(QJsonDocument::Compact);
}

} // namespace

MockGeminiServer::MockGeminiServer(QObject *parent)
    : QObject(parent)
    , m_replyText(defaultReply())
{
    connect(&m_server, &QTcpServer::newConnection, this, &MockGeminiServer::onNewConnection);
}

MockGeminiServer::~MockGeminiServer()
{
    // Connections (and their stream jobs) go first, while the server they call back into
    // is still whole.
    qDeleteAll(findChildren<MockHttpConnection *>(Qt::FindDirectChildrenOnly));
}

bool MockGeminiServer::listen(quint16 port)
{
    if (!m_server.listen(QHostAddress::LocalHost, port))
        return false;
    m_port = m_server.serverPort();
    return true;
}

quint16 MockGeminiServer::port() const
{
    return m_port;
}

QUrl MockGeminiServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

void MockGeminiServer::setFault(Fault fault, int count)
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

void MockGeminiServer::setReplyText(const QString &text)
{
    m_replyText = text;
}

void MockGeminiServer::setToolCall(const QString &name, const QString &argumentsJson)
{
    m_toolName = name;
    m_toolArguments = argumentsJson;
}

void MockGeminiServer::setLatencyMs(int ms)
{
    m_latencyMs = qMax(0, ms);
}

void MockGeminiServer::setChunkDelayMs(int ms)
{
    m_chunkDelayMs = qMax(0, ms);
}

void MockGeminiServer::setExpectedApiKey(const QString &key)
{
    m_expectedApiKey = key;
}

void MockGeminiServer::setCachedTokens(int tokens)
{
    m_cachedTokens = qMax(0, tokens);
}

void MockGeminiServer::setThoughtsTokens(int tokens)
{
    m_thoughtsTokens = qMax(0, tokens);
}

void MockGeminiServer::setRequestHistoryLimit(int limit)
{
    m_historyLimit = qMax(0, limit);
    while (m_requests.size() > m_historyLimit)
        m_requests.removeFirst();
}

void MockGeminiServer::clearRequests()
{
    m_requests.clear();
    m_requestCount = 0;
}

QString MockGeminiServer::faultName(Fault fault)
{
    return QString::fromLatin1(QMetaEnum::fromType<Fault>().valueToKey(int(fault)));
}

std::optional<MockGeminiServer::Fault> MockGeminiServer::faultFromName(const QString &name)
{
    bool ok = false;
    const int value = QMetaEnum::fromType<Fault>().keyToValue(name.toLatin1().constData(), &ok);
    if (!ok)
        return std::nullopt;
    return Fault(value);
}

MockGeminiServer::Fault MockGeminiServer::takeFault()
{
    const Fault fault = m_fault;
    if (fault != Fault::None && fault != Fault::RefuseConnection && m_faultRemaining > 0
        && --m_faultRemaining == 0) {
        m_fault = Fault::None;
    }
    return fault;
}

void MockGeminiServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto *connection = new MockHttpConnection(socket, this);
        connect(connection, &MockHttpConnection::requestReceived, this,
                [this, connection](const MockHttpRequest &request) { onRequest(connection, request); });
    }
}

void MockGeminiServer::onRequest(MockHttpConnection *connection, const MockHttpRequest &request)
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

HttpHeaders MockGeminiServer::commonHeaders(const MockHttpRequest &request,
                                           const QByteArray &contentType) const
{
    return {
        {"content-type", contentType},
        {"vary", "Origin, X-Origin, Referer"},
        {"server", "scaffolding on HTTPServer2"},
        {"x-xss-protection", "0"},
        {"x-frame-options", "SAMEORIGIN"},
        {"x-content-type-options", "nosniff"},
        {"server-timing", "gfet4t7; dur=" + QByteArray::number(request.received.elapsed())},
    };
}

void MockGeminiServer::sendError(MockHttpConnection *connection, int status, const QByteArray &body)
{
    // The request is only needed for server-timing, which errors do not carry.
    HttpHeaders headers = {
        {"content-type", "application/json; charset=UTF-8"},
        {"vary", "Origin, X-Origin, Referer"},
        {"server", "scaffolding on HTTPServer2"},
    };
    m_lastResponseBody = body;
    connection->writeResponse(status, headers, body);
}

void MockGeminiServer::respond(MockHttpConnection *connection, const MockHttpRequest &request,
                               Fault fault)
{
    const qsizetype queryStart = request.path.indexOf('?');
    const QByteArray path = queryStart < 0 ? request.path : request.path.left(queryStart);
    const QUrlQuery query(queryStart < 0 ? QString()
                                         : QString::fromUtf8(request.path.mid(queryStart + 1)));
    QByteArray key = headerValue(request.headers, "x-goog-api-key");
    if (key.isEmpty())
        key = query.queryItemValue(QStringLiteral("key"), QUrl::FullyDecoded).toUtf8();
    if (key.isEmpty()) {
        sendError(connection, 403,
                  Internal::geminiErrorBody(403, "PERMISSION_DENIED",
                                            QStringLiteral("Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.")));
        return;
    }
    if (!m_expectedApiKey.isEmpty() && key != m_expectedApiKey.toUtf8()) {
        sendError(connection, 400,
                  Internal::geminiErrorBody(400, "INVALID_ARGUMENT",
                                            QStringLiteral("API key not valid. Please pass a valid API key."),
                                            "[{\"@type\": \"type.googleapis.com/google.rpc.ErrorInfo\", "
                                            "\"reason\": \"API_KEY_INVALID\", \"domain\": \"googleapis.com\", "
                                            "\"metadata\": {\"service\": \"generativelanguage.googleapis.com\"}}]"));
        return;
    }
    switch (fault) {
    case Fault::ServerError500:
        sendError(connection, 500,
                  Internal::geminiErrorBody(500, "INTERNAL",
                                            QStringLiteral("An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting")));
        return;
    case Fault::RateLimited429:
        sendError(connection, 429,
                  Internal::geminiErrorBody(429, "RESOURCE_EXHAUSTED",
                                            QStringLiteral("You exceeded your current quota, please check your plan and billing details."),
                                            "[{\"@type\": \"type.googleapis.com/google.rpc.QuotaFailure\", "
                                            "\"violations\": [{\"quotaMetric\": \"generativelanguage.googleapis.com/generate_content_free_tier_requests\", "
                                            "\"quotaId\": \"GenerateRequestsPerMinutePerProjectPerModel-FreeTier\"}]}, "
                                            "{\"@type\": \"type.googleapis.com/google.rpc.RetryInfo\", \"retryDelay\": \"1s\"}]"));
        return;
    case Fault::Overloaded503:
        sendError(connection, 503, unavailableBody());
        return;
    default:
        break;
    }
    QByteArray rest;
    if (path.startsWith("/v1beta/models/"))
        rest = path.mid(15);
    else if (path.startsWith("/v1/models/"))
        rest = path.mid(11);
    const qsizetype colon = rest.lastIndexOf(':');
    const QByteArray method = colon < 0 ? QByteArray() : rest.mid(colon + 1);
    const QString model = QString::fromUtf8(colon < 0 ? rest : rest.left(colon));
    if (request.method != "POST" || model.isEmpty()
        || (method != "generateContent" && method != "streamGenerateContent")) {
        sendError(connection, 404,
                  Internal::geminiErrorBody(404, "NOT_FOUND",
                                            QStringLiteral("models/%1 is not found for API version v1beta, or is not supported for %2. Call ListModels to see the list of available models and their supported methods.")
                                                .arg(model, QString::fromUtf8(method))));
        return;
    }
    const bool stream = method == "streamGenerateContent";
    respondGenerate(connection, request, model, stream,
                    stream && query.queryItemValue(QStringLiteral("alt")) == QLatin1String("sse"),
                    fault);
}

void MockGeminiServer::respondGenerate(MockHttpConnection *connection, const MockHttpRequest &request,
                                       const QString &model, bool stream, bool sse, Fault fault)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        sendError(connection, 400,
                  Internal::geminiErrorBody(400, "INVALID_ARGUMENT",
                                            QStringLiteral("Invalid JSON payload received. Unexpected token.")));
        return;
    }
    const QJsonObject body = document.object();
    if (const auto error = Internal::geminiRequestError(body)) {
        QByteArray details;
        if (!error->fieldViolations.isEmpty()) {
            QByteArray violations;
            for (const auto &violation : error->fieldViolations) {
                violations += (violations.isEmpty() ? "" : ", ") + QByteArray("{\"field\": ")
                              + Internal::jsonString(violation.first) + ", \"description\": "
                              + Internal::jsonString(violation.second) + '}';
            }
            details = "[{\"@type\": \"type.googleapis.com/google.rpc.BadRequest\", "
                      "\"fieldViolations\": [" + violations + "]}]";
        }
        sendError(connection, 400,
                  Internal::geminiErrorBody(400, "INVALID_ARGUMENT", error->message, details));
        return;
    }
    if (fault == Fault::ErrorEventMidStream && !stream) {
        sendError(connection, 503, unavailableBody());
        return;
    }
    Internal::GeminiSpec spec;
    spec.responseId = Internal::randomToken(22);
    spec.modelVersion = model.toUtf8();
    spec.text = m_replyText;
    spec.toolName = m_toolName;
    spec.toolArgs = m_toolArguments;
    spec.promptTokens = Internal::geminiPromptTokens(body);
    spec.cachedTokens = qMin<qint64>(m_cachedTokens, spec.promptTokens);
    spec.thoughtsTokens = m_thoughtsTokens;
    spec.candidatesTokens = qMax<qint64>(1, Internal::estimateTokens(m_replyText.size())
                                                + (m_toolName.isEmpty()
                                                       ? 0
                                                       : Internal::estimateTokens(m_toolName.size()
                                                                                  + m_toolArguments.size())));
    if (!stream) {
        const QByteArray reply = Internal::geminiResponseBody(spec);
        const HttpHeaders headers = commonHeaders(request, "application/json; charset=UTF-8");
        if (fault == Fault::DropMidStream) {
            m_lastResponseBody = reply.left(reply.size() / 2);
            connection->writeTruncated(200, headers, m_lastResponseBody, reply.size());
            return;
        }
        m_lastResponseBody = reply;
        connection->writeResponse(200, headers, reply);
        return;
    }
    const QList<QByteArray> chunks = Internal::geminiStreamChunks(spec);
    HttpHeaders headers = commonHeaders(request, sse ? "text/event-stream"
                                                     : "application/json; charset=UTF-8");
    if (sse)
        headers.append(qMakePair(QByteArray("content-disposition"), QByteArray("attachment")));
    connection->beginChunked(200, headers);
    QPointer<MockGeminiServer> self(this);
    auto *job = new Internal::MockPacedStreamJob(
        connection, sse ? Internal::geminiSseEvents(chunks) : Internal::geminiJsonArrayEvents(chunks),
        m_chunkDelayMs, [self](const QByteArray &written) {
            if (self)
                self->m_lastResponseBody = written;
        });
    using Ending = Internal::MockPacedStreamJob::Ending;
    // Every chunk but the one carrying finishReason (and the closing bracket).
    const qsizetype before = qMax<qsizetype>(1, chunks.size() - 1);
    if (fault == Fault::DropMidStream) {
        job->setCut(before, Ending::Drop);
    } else if (fault == Fault::ErrorEventMidStream) {
        const QByteArray error = compactJson(unavailableBody());
        job->setCut(before, Ending::TailThenClose,
                    sse ? QByteArray("data: " + error + "\r\n\r\n")
                        : QByteArray(",\r\n" + error + ']'));
    }
    job->start();
}

} // namespace Switchyard::Testing
