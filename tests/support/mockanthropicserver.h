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

/// An Anthropic Messages upstream on 127.0.0.1, faithful to wire-formats.md §3 and §9:
/// `POST /v1/messages` (JSON, or `event:`+`data:` SSE with chunked transfer encoding),
/// x-api-key + anthropic-version checks, request validation, anthropic-ratelimit-* headers with
/// RFC 3339 resets, and injectable faults. Same API shape as MockOpenAiServer.
/// Lives on the thread that created it; not thread-safe.
class MockAnthropicServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MockAnthropicServer)
public:
    enum class Fault {
        None,
        ServerError500,      ///< 500 api_error
        RateLimited429,      ///< 429 rate_limit_error, retry-after: 1
        Overloaded529,       ///< 529 overloaded_error
        Hang,                ///< accept and read the request, never answer
        DropMidStream,       ///< message_start, a block start, ping and one delta, then close
                             ///< without the terminating chunk (non-stream: half the body, close)
        ErrorEventMidStream, ///< the same events, then `event: error` (overloaded_error) and the
                             ///< end of the stream (non-stream: 529 overloaded_error)
        RefuseConnection,    ///< listener closed → ECONNREFUSED; `count` is ignored, it listens
                             ///< again (same port) when setFault() sets another fault
    };
    Q_ENUM(Fault)

    struct ReceivedRequest
    {
        QByteArray method;
        QByteArray path;
        HttpHeaders headers;
        QByteArray body;
    };

    explicit MockAnthropicServer(QObject *parent = nullptr);
    ~MockAnthropicServer() override;

    /// Listens on 127.0.0.1; port 0 lets the OS choose.
    bool listen(quint16 port = 0);
    quint16 port() const;
    /// http://127.0.0.1:<port> (the SDKs' base URL; requests go to /v1/messages).
    QUrl baseUrl() const;

    /// Applies `fault` to the next `count` requests (then None); -1 = until changed.
    void setFault(Fault fault, int count = -1);
    Fault fault() const { return m_fault; }
    /// The text block of every reply; with a tool call set, it precedes the tool_use block
    /// (an empty text means a tool_use block only).
    void setReplyText(const QString &text);
    /// Reply with a tool_use block (stop_reason tool_use); an empty name clears it.
    void setToolCall(const QString &name, const QString &argumentsJson);
    /// Delay before the response headers.
    void setLatencyMs(int ms);
    /// Delay between stream events.
    void setChunkDelayMs(int ms);
    /// Non-empty: requests must carry `x-api-key: <key>` exactly. Empty: any non-empty key.
    /// Either way a missing key is 401 authentication_error.
    void setExpectedApiKey(const QString &key);
    /// Reported as usage.cache_read_input_tokens / cache_creation_input_tokens (disjoint from
    /// input_tokens, as the real API counts them).
    void setCacheTokens(int readTokens, int writeTokens);
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
    void respondMessages(Internal::MockHttpConnection *connection,
                         const Internal::MockHttpRequest &request, Fault fault);
    void sendError(Internal::MockHttpConnection *connection, const QByteArray &requestId,
                   int status, const QByteArray &type, const QString &message,
                   HttpHeaders extra = {});
    HttpHeaders commonHeaders(const QByteArray &requestId, const QByteArray &contentType) const;
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
    int m_cacheReadTokens = 0;
    int m_cacheWriteTokens = 0;
    int m_historyLimit = 10000;
    QList<ReceivedRequest> m_requests;
    int m_requestCount = 0;
    QByteArray m_lastResponseBody;
};

} // namespace Switchyard::Testing
