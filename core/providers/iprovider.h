// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/httptypes.h"
#include "core/common/usage.h"
#include "core/translate/chatmodel.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <memory>

namespace Switchyard::Providers {

/// What the dispatcher asks one provider for. `body` is the client's request as sent, in
/// `clientFormat`; `chat` is the same request in the internal model. A provider whose wire
/// format is the client's relays `body` (rewriting model and credentials); any other
/// translates `chat` and answers in `clientFormat`: data(), CallResult::tail and
/// ProviderError::clientBody are always in the client's surface format.
struct ProviderRequest
{
    QString requestId;
    Translate::WireFormat clientFormat = Translate::WireFormat::OpenAi;
    QJsonObject body;          ///< parsed client request, in clientFormat
    /// The client's bytes while `body` is unchanged since parsing (empty once a guard or policy
    /// rewrote it, or when translated): relayed with only "model" spliced in.
    QByteArray bodyBytes;
    /// The request in the internal model; null when it could not be decoded (an OpenAI body
    /// with parts the translator does not know): only a same-format provider can serve it.
    std::shared_ptr<const Translate::ChatRequest> chat;
    QString chatError;         ///< why `chat` is null
    QString upstreamModel;     ///< replaces body["model"]
    bool stream = false;
    bool clientWantsUsage = false; ///< client set stream_options.include_usage
    /// The Anthropic-surface client's `anthropic-beta` header; an anthropic upstream gets it
    /// on the relay path (same format). Ignored otherwise.
    QByteArray anthropicBeta;
};

/// One OpenAI-shaped `/v1/embeddings` attempt. `body` is the client's request (already
/// checked: see Translate::EmbeddingsCodec); `upstreamModel` replaces body["model"].
struct EmbeddingsRequest
{
    QString requestId;
    QJsonObject body;
    QString upstreamModel;
};

/// Why an attempt failed. `retryable` errors before the first data() let the dispatcher fail
/// over (e.g. a first-token timeout after a 2xx head).
struct ProviderError
{
    enum class Kind {
        Connection,       ///< refused, reset, DNS, TLS
        Timeout,          ///< connect, first byte, first token or whole-attempt timeout
        Http,             ///< upstream answered with a non-2xx status
        Protocol,         ///< malformed upstream response
        Cancelled,        ///< cancel() was called
    };
    Kind kind = Kind::Connection;
    int httpStatus = 0;       ///< upstream status for Http, else 0
    QString message;          ///< for people and the log; never contains credentials
    QByteArray clientBody;    ///< error body in the client's surface shape (OpenAI), for relaying
    HttpHeaders clientHeaders;///< headers worth relaying (retry-after, x-ratelimit-*)
    qint64 retryAfterMs = -1; ///< from retry-after / retry-after-ms, -1 when absent
    bool retryable = false;
    bool midStream = false;   ///< failed after started(): the client already has bytes
};

/// The outcome of a successful call.
struct CallResult
{
    Usage usage;
    QString upstreamModel; ///< as reported by the provider
    /// Bytes the dispatcher writes after the request is logged: the whole body of a
    /// non-streamed reply, or the final `data: [DONE]` event of a stream.
    QByteArray tail;
};

/// One in-flight attempt. Lives on the core thread. Signals are never emitted from inside
/// IProvider::startChat(): the caller connects first. Exactly one of finished/failed fires.
class ProviderCall : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    /// Stops the attempt; emits failed(Cancelled) unless already finished or failed.
    virtual void cancel() = 0;

Q_SIGNALS:
    /// Upstream accepted the request (2xx). From here on there is no failover.
    void started(int status, const Switchyard::HttpHeaders &headers);
    /// Streamed body bytes in the client's surface format, whole SSE events, in order.
    void data(const QByteArray &bytes);
    void finished(const Switchyard::Providers::CallResult &result);
    void failed(const Switchyard::Providers::ProviderError &error);
};

/// A configured upstream. Lives on the core thread.
class IProvider
{
public:
    virtual ~IProvider() = default;
    virtual QString id() const = 0;
    virtual QString kind() const = 0;
    /// The wire format it speaks upstream; a client in another format gets translation.
    virtual Translate::WireFormat wireFormat() const { return Translate::WireFormat::OpenAi; }
    /// Starts one chat-completions attempt; the call is parented to `parent`.
    virtual ProviderCall *startChat(const ProviderRequest &request, QObject *parent) = 0;
    /// Whether startEmbeddings() can serve a request (kinds openai, gemini, simulated).
    virtual bool supportsEmbeddings() const { return false; }
    /// Starts one embeddings attempt, answered in the OpenAI shape: started(), then
    /// finished() with the whole reply body as CallResult::tail (or failed()). Null when the
    /// provider has no embeddings endpoint. The call is parented to `parent`.
    virtual ProviderCall *startEmbeddings(const EmbeddingsRequest &request, QObject *parent)
    {
        Q_UNUSED(request)
        Q_UNUSED(parent)
        return nullptr;
    }
};

} // namespace Switchyard::Providers

Q_DECLARE_METATYPE(Switchyard::Providers::ProviderError)
Q_DECLARE_METATYPE(Switchyard::Providers::CallResult)
