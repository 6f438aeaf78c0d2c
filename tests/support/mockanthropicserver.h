// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "tests/support/mockserverbase.h"

#include <QString>

#include <optional>

namespace Switchyard::Testing {

/// An Anthropic Messages upstream on 127.0.0.1, faithful to wire-formats.md §3 and §9:
/// `POST /v1/messages` (JSON, or `event:`+`data:` SSE with chunked transfer encoding),
/// x-api-key + anthropic-version checks, request validation, anthropic-ratelimit-* headers with
/// RFC 3339 resets, and injectable faults. Same API shape as MockOpenAiServer.
/// Lives on the thread that created it; not thread-safe.
class MockAnthropicServer final : public Internal::MockServerBase
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

    using ReceivedRequest = Internal::MockReceivedRequest;

    explicit MockAnthropicServer(QObject *parent = nullptr);

    // listen(), port(), the request history, lastResponseBody() and requestReceived() come
    // from MockServerBase; baseUrl() is http://127.0.0.1:<port> (the SDKs' base URL;
    // requests go to /v1/messages).

    /// Applies `fault` to the next `count` requests (then None); -1 = until changed.
    void setFault(Fault fault, int count = -1) { setFaultCode(int(fault), count); }
    Fault fault() const { return Fault(faultCode()); }
    /// The text block of every reply; with a tool call set, it precedes the tool_use block
    /// (an empty text means a tool_use block only).
    using MockServerBase::setReplyText;
    /// Reply with a tool_use block (stop_reason tool_use); an empty name clears it.
    using MockServerBase::setToolCall;
    /// Non-empty: requests must carry `x-api-key: <key>` exactly. Empty: any non-empty key.
    /// Either way a missing key is 401 authentication_error.
    using MockServerBase::setExpectedApiKey;
    /// Reported as usage.cache_read_input_tokens / cache_creation_input_tokens (disjoint from
    /// input_tokens, as the real API counts them).
    void setCacheTokens(int readTokens, int writeTokens);

    static QString faultName(Fault fault) { return enumName(fault); }
    static std::optional<Fault> faultFromName(const QString &name) { return enumFromName<Fault>(name); }

private:
    void respond(Internal::MockHttpConnection *connection, const Internal::MockHttpRequest &request,
                 int faultCode) override;
    void respondMessages(Internal::MockHttpConnection *connection,
                         const Internal::MockHttpRequest &request, Fault fault);
    void sendError(Internal::MockHttpConnection *connection, const QByteArray &requestId,
                   int status, const QByteArray &type, const QString &message,
                   HttpHeaders extra = {});
    HttpHeaders commonHeaders(const QByteArray &requestId, const QByteArray &contentType) const;

    int m_cacheReadTokens = 0;
    int m_cacheWriteTokens = 0;
};

} // namespace Switchyard::Testing
