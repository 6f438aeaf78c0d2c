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

/// A Gemini (Generative Language API) upstream on 127.0.0.1, faithful to wire-formats.md §4 and
/// §9: `POST /v1beta/models/{model}:generateContent`, `:streamGenerateContent?alt=sse` (`data:`
/// SSE with CRLF, no terminator) and `:streamGenerateContent` without alt (a JSON array written
/// incrementally); x-goog-api-key or ?key= auth, google.rpc error bodies, schema checks on
/// functionDeclarations, and injectable faults. Same API shape as MockOpenAiServer.
/// Lives on the thread that created it; not thread-safe.
class MockGeminiServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MockGeminiServer)
public:
    enum class Fault {
        None,
        ServerError500,      ///< 500 INTERNAL
        RateLimited429,      ///< 429 RESOURCE_EXHAUSTED with QuotaFailure + RetryInfo "1s"
        Overloaded503,       ///< 503 UNAVAILABLE "The model is overloaded…"
        Hang,                ///< accept and read the request, never answer
        DropMidStream,       ///< every stream chunk but the last, then close without the
                             ///< terminating chunk (non-stream: half the body, then close)
        ErrorEventMidStream, ///< the same chunks, then a 503 UNAVAILABLE error object in the
                             ///< stream and its end (non-stream: 503 UNAVAILABLE)
        RefuseConnection,    ///< listener closed → ECONNREFUSED; `count` is ignored, it listens
                             ///< again (same port) when setFault() sets another fault
    };
    Q_ENUM(Fault)

    struct ReceivedRequest
    {
        QByteArray method;
        QByteArray path; ///< with the query string (which may hold ?key=)
        HttpHeaders headers;
        QByteArray body;
    };

    explicit MockGeminiServer(QObject *parent = nullptr);
    ~MockGeminiServer() override;

    /// Listens on 127.0.0.1; port 0 lets the OS choose.
    bool listen(quint16 port = 0);
    quint16 port() const;
    /// http://127.0.0.1:<port> (requests go to /v1beta/models/…).
    QUrl baseUrl() const;

    /// Applies `fault` to the next `count` requests (then None); -1 = until changed.
    void setFault(Fault fault, int count = -1);
    Fault fault() const { return m_fault; }
    /// The text part of every reply; with a tool call set it precedes the functionCall part
    /// (an empty text means a functionCall part only).
    void setReplyText(const QString &text);
    /// Reply with a functionCall part (no id, finishReason still "STOP"); empty name clears it.
    void setToolCall(const QString &name, const QString &argumentsJson);
    /// Delay before the response headers.
    void setLatencyMs(int ms);
    /// Delay between stream chunks.
    void setChunkDelayMs(int ms);
    /// Non-empty: the key (x-goog-api-key header or ?key=) must match, else 400
    /// INVALID_ARGUMENT API_KEY_INVALID. Empty: any key. A missing key is 403 PERMISSION_DENIED.
    void setExpectedApiKey(const QString &key);
    /// Reported as usageMetadata.cachedContentTokenCount (capped at promptTokenCount).
    void setCachedTokens(int tokens);
    /// Reported as usageMetadata.thoughtsTokenCount (0: absent); counted in totalTokenCount,
    /// not in candidatesTokenCount.
    void setThoughtsTokens(int tokens);
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
    void respondGenerate(Internal::MockHttpConnection *connection,
                         const Internal::MockHttpRequest &request, const QString &model,
                         bool stream, bool sse, Fault fault);
    void sendError(Internal::MockHttpConnection *connection, int status, const QByteArray &body);
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
    int m_thoughtsTokens = 0;
    int m_historyLimit = 10000;
    QList<ReceivedRequest> m_requests;
    int m_requestCount = 0;
    QByteArray m_lastResponseBody;
};

} // namespace Switchyard::Testing
