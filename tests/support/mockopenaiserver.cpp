// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/support/mockopenaiserver.h"

#include "tests/support/mockembeddings.h"
#include "tests/support/mockhttpconnection.h"
#include "tests/support/mockopenaibodies.h"
#include "tests/support/mockstreamjob.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Switchyard::Testing {

using Internal::MockHttpConnection;
using Internal::MockHttpRequest;

namespace {

constexpr qsizetype s_eventsBeforeFault = 3; // role chunk + two content pieces

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
    : MockServerBase(QStringLiteral("/v1"), defaultReply(),
                     {int(Fault::Hang), int(Fault::RefuseConnection)}, parent)
{
}

void MockOpenAiServer::setCachedTokens(int tokens)
{
    m_cachedTokens = qMax(0, tokens);
}

void MockOpenAiServer::setReasoningTokens(int tokens)
{
    m_reasoningTokens = qMax(0, tokens);
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
    writeBody(connection, status, headers, body);
}

void MockOpenAiServer::respond(MockHttpConnection *connection, const MockHttpRequest &request,
                               int faultCode)
{
    const Fault fault = Fault(faultCode);
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
    } else if (path == "/v1/embeddings" && request.method == "POST") {
        respondEmbeddings(connection, request, fault);
    } else if (path == "/v1/models" && request.method == "GET") {
        writeBody(connection, 200, commonHeaders(request, "application/json"),
                  Internal::modelsBody());
    } else if (path.startsWith("/v1/models/") && request.method == "GET"
               && !Internal::modelsBody(path.mid(11)).isEmpty()) {
        writeBody(connection, 200, commonHeaders(request, "application/json"),
                  Internal::modelsBody(path.mid(11)));
    } else {
        sendError(connection, request, 404,
                  Internal::errorBody(QStringLiteral("Invalid URL (%1 %2)")
                                          .arg(QString::fromLatin1(request.method),
                                               QString::fromUtf8(path)),
                                      "invalid_request_error", {}));
    }
}

void MockOpenAiServer::respondEmbeddings(MockHttpConnection *connection, const MockHttpRequest &request,
                                         Fault fault)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        sendError(connection, request, 400,
                  Internal::errorBody(QStringLiteral("We could not parse the JSON body of your request."),
                                      "invalid_request_error", {}));
        return;
    }
    Internal::MockEmbeddingsInput input;
    if (const std::optional<QString> error = Internal::openAiEmbeddingsError(document.object(), input)) {
        sendError(connection, request, 400, Internal::errorBody(*error, "invalid_request_error", {}));
        return;
    }
    if (fault == Fault::ErrorEventMidStream) {
        respond(connection, request, int(Fault::ServerError500));
        return;
    }
    writeBody(connection, 200, commonHeaders(request, "application/json"),
              Internal::openAiEmbeddingsBody(input, document.object().value(QLatin1String("model")).toString()),
              fault == Fault::DropMidStream);
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
    spec.promptTokens = m_fixedPromptTokens >= 0 ? m_fixedPromptTokens : promptTokens(messages);
    spec.cachedTokens = qMin<qint64>(m_cachedTokens, spec.promptTokens);
    spec.completionTokens = m_fixedOutputTokens >= 0 ? m_fixedOutputTokens
                            : m_toolName.isEmpty()
                                ? Internal::estimateTokens(m_replyText.size())
                                : Internal::estimateTokens(m_toolName.size() + m_toolArguments.size()) + 3;
    spec.reasoningTokens = m_reasoningTokens;
    spec.completionTokens += m_reasoningTokens;
    spec.includeUsage = stream
                        && body.value(QLatin1String("stream_options")).toObject()
                               .value(QLatin1String("include_usage")).toBool();

    if (fault == Fault::ErrorEventMidStream && !stream) {
        respond(connection, request, int(Fault::ServerError500));
        return;
    }
    if (!stream) {
        writeBody(connection, 200, commonHeaders(request, "application/json"),
                  Internal::completionBody(spec), fault == Fault::DropMidStream);
        return;
    }
    HttpHeaders headers = commonHeaders(request, "text/event-stream; charset=utf-8");
    headers.append(qMakePair(QByteArray("cache-control"), QByteArray("no-cache")));
    connection->beginChunked(200, headers);
    const QList<QByteArray> events = Internal::streamEvents(spec);
    Internal::MockPacedStreamJob *job = newStreamJob(connection, events);
    using Ending = Internal::MockPacedStreamJob::Ending;
    // Never cut after the finish chunk: the fault must hide the end of the stream.
    const qsizetype before = qMax<qsizetype>(1, qMin(s_eventsBeforeFault, events.size() - 3));
    if (fault == Fault::DropMidStream) {
        job->setCut(before, Ending::Drop);
    } else if (fault == Fault::ErrorEventMidStream) {
        job->setCut(before, Ending::TailThenClose,
                    "data: "
                        + Internal::errorBody(QStringLiteral("The server had an error while processing your request. "
                                                             "Sorry about that!"),
                                              "server_error", {})
                        + "\n\n");
    }
    job->start();
}

} // namespace Switchyard::Testing
