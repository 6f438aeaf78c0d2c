// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "tests/support/mockserverbase.h"

#include <QString>

#include <optional>

namespace Switchyard::Testing {

/// An OpenAI chat-completions upstream on 127.0.0.1, faithful to wire-formats.md §1–2:
/// `POST /v1/chat/completions` (JSON or `data:`-only SSE with chunked transfer encoding),
/// `POST /v1/embeddings` (validated like the real API; deterministic vectors, see
/// mockembeddings.h), `GET /v1/models[/{id}]`, Bearer auth, x-ratelimit-* headers, and injectable faults.
/// Lives on the thread that created it; not thread-safe.
class MockOpenAiServer final : public Internal::MockServerBase
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

    using ReceivedRequest = Internal::MockReceivedRequest;

    explicit MockOpenAiServer(QObject *parent = nullptr);

    // listen(), port(), the request history, lastResponseBody() and requestReceived() come
    // from MockServerBase; baseUrl() is http://127.0.0.1:<port>/v1.

    /// Applies `fault` to the next `count` requests (then None); -1 = until changed.
    void setFault(Fault fault, int count = -1) { setFaultCode(int(fault), count); }
    Fault fault() const { return Fault(faultCode()); }
    /// Reply with one tool call instead of text (setToolCall()); an empty name clears it.
    using MockServerBase::setToolCall;
    /// Non-empty: requests must carry `Authorization: Bearer <key>` exactly (else 401
    /// invalid_api_key). Empty: any non-empty Bearer token is accepted.
    using MockServerBase::setExpectedApiKey;
    /// Reported as usage.prompt_tokens_details.cached_tokens (capped at prompt_tokens).
    void setCachedTokens(int tokens);
    /// Reported as usage.completion_tokens_details.reasoning_tokens and, as the real API
    /// counts them, added to completion_tokens.
    void setReasoningTokens(int tokens);

    static QString faultName(Fault fault) { return enumName(fault); }
    static std::optional<Fault> faultFromName(const QString &name) { return enumFromName<Fault>(name); }

private:
    void respond(Internal::MockHttpConnection *connection, const Internal::MockHttpRequest &request,
                 int faultCode) override;
    void respondChat(Internal::MockHttpConnection *connection,
                     const Internal::MockHttpRequest &request, Fault fault);
    void respondEmbeddings(Internal::MockHttpConnection *connection,
                           const Internal::MockHttpRequest &request, Fault fault);
    void sendError(Internal::MockHttpConnection *connection, const Internal::MockHttpRequest &request,
                   int status, const QByteArray &body, HttpHeaders extra = {});
    HttpHeaders commonHeaders(const Internal::MockHttpRequest &request,
                              const QByteArray &contentType) const;

    int m_cachedTokens = 0;
    int m_reasoningTokens = 0;
};

} // namespace Switchyard::Testing
