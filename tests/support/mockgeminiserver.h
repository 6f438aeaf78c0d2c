// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "tests/support/mockserverbase.h"

#include <QString>

#include <optional>

namespace Switchyard::Testing {

/// A Gemini (Generative Language API) upstream on 127.0.0.1, faithful to wire-formats.md §4 and
/// §9: `POST /v1beta/models/{model}:generateContent`, `:streamGenerateContent?alt=sse` (`data:`
/// SSE with CRLF, no terminator) and `:streamGenerateContent` without alt (a JSON array written
/// incrementally), `:embedContent` and `:batchEmbedContents` (deterministic vectors, see
/// mockembeddings.h); x-goog-api-key or ?key= auth, google.rpc error bodies, schema checks on
/// functionDeclarations, and injectable faults. Same API shape as MockOpenAiServer.
/// Lives on the thread that created it; not thread-safe.
class MockGeminiServer final : public Internal::MockServerBase
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

    using ReceivedRequest = Internal::MockReceivedRequest;

    explicit MockGeminiServer(QObject *parent = nullptr);

    // listen(), port(), the request history, lastResponseBody() and requestReceived() come
    // from MockServerBase (ReceivedRequest::path keeps the query string, which may hold
    // ?key=); baseUrl() is http://127.0.0.1:<port> (requests go to /v1beta/models/…).

    /// Applies `fault` to the next `count` requests (then None); -1 = until changed.
    void setFault(Fault fault, int count = -1) { setFaultCode(int(fault), count); }
    Fault fault() const { return Fault(faultCode()); }
    /// The text part of every reply; with a tool call set it precedes the functionCall part
    /// (an empty text means a functionCall part only).
    using MockServerBase::setReplyText;
    /// Reply with a functionCall part (no id, finishReason still "STOP"); empty name clears it.
    using MockServerBase::setToolCall;
    /// Non-empty: the key (x-goog-api-key header or ?key=) must match, else 400
    /// INVALID_ARGUMENT API_KEY_INVALID. Empty: any key. A missing key is 403 PERMISSION_DENIED.
    using MockServerBase::setExpectedApiKey;
    /// Reported as usageMetadata.cachedContentTokenCount (capped at promptTokenCount).
    void setCachedTokens(int tokens);
    /// Reported as usageMetadata.thoughtsTokenCount (0: absent); counted in totalTokenCount,
    /// not in candidatesTokenCount.
    void setThoughtsTokens(int tokens);

    static QString faultName(Fault fault) { return enumName(fault); }
    static std::optional<Fault> faultFromName(const QString &name) { return enumFromName<Fault>(name); }

private:
    void respond(Internal::MockHttpConnection *connection, const Internal::MockHttpRequest &request,
                 int faultCode) override;
    void respondGenerate(Internal::MockHttpConnection *connection,
                         const Internal::MockHttpRequest &request, const QString &model,
                         bool stream, bool sse, Fault fault);
    void respondEmbed(Internal::MockHttpConnection *connection, const Internal::MockHttpRequest &request,
                      const QString &model, bool batch, Fault fault);
    void sendError(Internal::MockHttpConnection *connection, int status, const QByteArray &body);
    HttpHeaders commonHeaders(const Internal::MockHttpRequest &request,
                              const QByteArray &contentType) const;

    int m_cachedTokens = 0;
    int m_thoughtsTokens = 0;
};

} // namespace Switchyard::Testing
