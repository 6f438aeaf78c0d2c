// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/support/mockgeminiserver.h"

#include "tests/support/mockembeddings.h"
#include "tests/support/mockgeminibodies.h"
#include "tests/support/mockgeminivalidator.h"
#include "tests/support/mockhttpconnection.h"
#include "tests/support/mockopenaibodies.h"
#include "tests/support/mockstreamjob.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
    : MockServerBase(QString(), defaultReply(),
                     {int(Fault::Hang), int(Fault::RefuseConnection)}, parent)
{
}

void MockGeminiServer::setCachedTokens(int tokens)
{
    m_cachedTokens = qMax(0, tokens);
}

void MockGeminiServer::setThoughtsTokens(int tokens)
{
    m_thoughtsTokens = qMax(0, tokens);
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
    writeBody(connection, status, headers, body);
}

void MockGeminiServer::respond(MockHttpConnection *connection, const MockHttpRequest &request,
                               int faultCode)
{
    const Fault fault = Fault(faultCode);
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
    if (request.method == "POST" && !model.isEmpty()
        && (method == "embedContent" || method == "batchEmbedContents")) {
        respondEmbed(connection, request, model, method == "batchEmbedContents", fault);
        return;
    }
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

void MockGeminiServer::respondEmbed(MockHttpConnection *connection, const MockHttpRequest &request,
                                    const QString &model, bool batch, Fault fault)
{
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (!document.isObject()) {
        sendError(connection, 400,
                  Internal::geminiErrorBody(400, "INVALID_ARGUMENT",
                                            QStringLiteral("Invalid JSON payload received. Unexpected token.")));
        return;
    }
    auto invalid = [this, connection](const QString &message) {
        sendError(connection, 400, Internal::geminiErrorBody(400, "INVALID_ARGUMENT", message));
    };
    const QJsonObject body = document.object();
    QJsonArray requests;
    if (batch) {
        requests = body.value(QLatin1String("requests")).toArray();
        if (requests.isEmpty()) {
            invalid(QStringLiteral("* BatchEmbedContentsRequest.requests: contents is not specified"));
            return;
        }
    } else {
        QJsonObject single = body;
        single.insert(QStringLiteral("model"), QString(QLatin1String("models/") + model));
        requests.append(single);
    }
    QJsonArray embeddings;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        const QJsonObject item = requests.at(i).toObject();
        if (item.value(QLatin1String("model")).toString() != QLatin1String("models/") + model) {
            invalid(QStringLiteral("* BatchEmbedContentsRequest.requests[%1].model: the model in the request must "
                                   "match the model in the URL (models/%2)").arg(i).arg(model));
            return;
        }
        const std::optional<QString> text =
            Internal::geminiContentText(item.value(QLatin1String("content")).toObject());
        if (!text || text->isEmpty()) {
            invalid(QStringLiteral("* BatchEmbedContentsRequest.requests[%1].content.parts: contents is not specified")
                        .arg(i));
            return;
        }
        embeddings.append(Internal::geminiEmbedding(
            *text, int(item.value(QLatin1String("outputDimensionality")).toInteger(0))));
    }
    if (fault == Fault::ErrorEventMidStream) {
        sendError(connection, 503, unavailableBody());
        return;
    }
    const QJsonObject reply = batch ? QJsonObject{{QStringLiteral("embeddings"), embeddings}}
                                    : QJsonObject{{QStringLiteral("embedding"), embeddings.at(0)}};
    writeBody(connection, 200, commonHeaders(request, "application/json; charset=UTF-8"),
              QJsonDocument(reply).toJson(QJsonDocument::Indented), fault == Fault::DropMidStream);
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
    spec.promptTokens = m_fixedPromptTokens >= 0 ? m_fixedPromptTokens
                                                 : Internal::geminiPromptTokens(body);
    spec.cachedTokens = qMin<qint64>(m_cachedTokens, spec.promptTokens);
    spec.thoughtsTokens = m_thoughtsTokens;
    spec.candidatesTokens = qMax<qint64>(1, Internal::estimateTokens(m_replyText.size())
                                                + (m_toolName.isEmpty()
                                                       ? 0
                                                       : Internal::estimateTokens(m_toolName.size()
                                                                                  + m_toolArguments.size())));
    if (m_fixedOutputTokens >= 0) {
        spec.candidatesTokens = m_fixedOutputTokens;
    }
    if (!stream) {
        writeBody(connection, 200, commonHeaders(request, "application/json; charset=UTF-8"),
                  Internal::geminiResponseBody(spec), fault == Fault::DropMidStream);
        return;
    }
    const QList<QByteArray> chunks = Internal::geminiStreamChunks(spec);
    HttpHeaders headers = commonHeaders(request, sse ? "text/event-stream"
                                                     : "application/json; charset=UTF-8");
    if (sse)
        headers.append(qMakePair(QByteArray("content-disposition"), QByteArray("attachment")));
    connection->beginChunked(200, headers);
    Internal::MockPacedStreamJob *job = newStreamJob(
        connection, sse ? Internal::geminiSseEvents(chunks) : Internal::geminiJsonArrayEvents(chunks));
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
