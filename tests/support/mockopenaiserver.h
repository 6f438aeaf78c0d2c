// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/httptypes.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QTcpServer>
#include <QUrl>

#include <optional>

namespace Switchyard::Testing {

namespace Internal {
class MockHttpConnection;
struct MockHttpRequest;
} // namespace Internal

/// An OpenAI chat-completions upstream on 127.0.0.1, faithful to wire-formats.md §1–2:
/// `POST /v1/chat/completions` (JSON or `data:`-only SSE with chunked transfer encoding),
/// `GET /v1/models[/{id}]`, Bearer auth, x-ratelimit-* headers, and injectable faults.
/// Lives on the thread that created it; not thread-safe.
class MockOpenAiServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MockOpenAiServer)
public:
    enum class Fault {
        None,
        ServerError500,       ///< 500 server_error
        RateLimited429,       ///< 429 rate_limit_exceeded, retry-after: 1, retry-after-ms: 1000
        InsufficientQuota429, ///< 429 insufficient_quota (not retryable)
        Overloaded503,        ///< 503 "That model is currently overloaded…"
        Hang,                 ///< accept and read the request, never answer
        DropMidStream,        ///< some stream events, then close without the last chunk
                              ///< (non-stream: half the announced body, then close)
        ErrorEventMidStream,  ///< some stream events, then `data: {"error":…}` and close
                              ///< (non-stream: 500 server_error)
        RefuseConnection,     ///< listener closed → ECONNREFUSED. The mock cannot see refused
                              ///< attempts, so `count` is ignored: it listens again (same port)
                              ///< when setFault() is called with another fault.
    };
    Q_ENUM(Fault)

    struct ReceivedRequest
    {
        QByteArray method;
        QByteArray path;
        HttpHeaders headers;
        QByteArray body;
    };

    explicit MockOpenAiServer(QObject *parent = nullptr);
    ~MockOpenAiServer() override;

    /// Listens on 127.0.0.1; port 0 lets the OS choose.
    bool listen(quint16 port = 0);
    quint16 port() const;
    /// http://127.0.0.1:<port>/v1
    QUrl baseUrl() const;

    /// Applies `fault` to the next `count` requests (then None); -1 = until changed.
    void setFault(Fault fault, int count = -1);
    Fault fault() const { return m_fault; }
    void setReplyText(const QString &text);
    /// Reply with one tool call instead of text; an empty name clears it.
    void setToolCall(const QString &name, const QString &argumentsJson);
    /// Delay before the response headers.
    void setLatencyMs(int ms);
    /// Delay between stream events.
    void setChunkDelayMs(int ms);
    /// Non-empty: requests must carry `Authorization: Bearer <key>` exactly (else 401
    /// invalid_api_key). Empty: any non-empty Bearer token is accepted.
    void setExpectedApiKey(const QString &key);
    /// Reported as usage.prompt_tokens_details.cached_tokens (capped at prompt_tokens).
    void setCachedTokens(int tokens);
    /// How many requests requests() keeps (oldest dropped); requestCount() counts all.
    void setRequestHistoryLimit(int limit);

    QList<ReceivedRequest> requests() const { return m_requests; }
    int requestCount() const { return m_requestCount; }
    void clearRequests();
    /// The exact (de-chunked) body bytes written for the last completed or aborted response.
    QByteArray lastResponseBody() const { return m_lastResponseBody; }

    static QString faultName(Fault fault);
    static std::optional<Fault> faultFromName(const QString &name);

Q_SIGNALS:
    /// Emitted once per received request, after it is recorded in requests().
    void requestReceived();

private:
    void onNewConnection();
    void onRequest(Internal::MockHttpConnection *connection, const Internal::MockHttpRequest &request);
    void respond(Internal::MockHttpConnection *connection, const Internal::MockHttpRequest &request,
                 Fault fault);
    void respondChat(Internal::MockHttpConnection *connection,
                     const Internal::MockHttpRequest &request, Fault fault);
    void sendStream(Internal::MockHttpConnection *connection, const HttpHeaders &headers,
                    const QList<QByteArray> &events, Fault fault);
    void sendError(Internal::MockHttpConnection *connection, const Internal::MockHttpRequest &request,
                   int status, const QByteArray &body, HttpHeaders extra = {});
    HttpHeaders commonHeaders(const Internal::MockHttpRequest &request,
                              const QByteArray &contentType) const;
    Fault takeFault();

    QTcpServer m_server;
    quint16 m_port = 0;
    Fault m_fault = Fault::None;
    int m_faultRemaining = -1;
    QString m_replyText;
    QString m_toolName;
    QString m_toolArguments;
    QString m_expectedApiKey;
    int m_latencyMs = 0;
    int m_chunkDelayMs = 0;
    int m_cachedTokens = 0;
    int m_historyLimit = 10000;
    QList<ReceivedRequest> m_requests;
    int m_requestCount = 0;
    QByteArray m_lastResponseBody;
};

} // namespace Switchyard::Testing
