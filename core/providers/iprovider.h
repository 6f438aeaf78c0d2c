// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/httptypes.h"
#include "core/common/usage.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace Switchyard::Providers {

/// What the dispatcher asks one provider for. The body is the client's OpenAI
/// chat-completions request; the provider rewrites what it must (model, credentials).
struct ProviderRequest
{
    QString requestId;
    QJsonObject body;          ///< parsed client request (OpenAI chat shape)
    QString upstreamModel;     ///< replaces body["model"]
    bool stream = false;
    bool clientWantsUsage = false; ///< client set stream_options.include_usage
};

/// Why an attempt failed. `retryable` errors before started() let the dispatcher fail over.
struct ProviderError
{
    enum class Kind {
        Connection,       ///< refused, reset, DNS, TLS
        Timeout,          ///< connect, first byte or whole-attempt timeout
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
    /// Starts one chat-completions attempt; the call is parented to `parent`.
    virtual ProviderCall *startChat(const ProviderRequest &request, QObject *parent) = 0;
};

} // namespace Switchyard::Providers

Q_DECLARE_METATYPE(Switchyard::Providers::ProviderError)
Q_DECLARE_METATYPE(Switchyard::Providers::CallResult)
