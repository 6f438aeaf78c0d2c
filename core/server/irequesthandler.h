// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/httptypes.h"

#include <QByteArray>
#include <QHostAddress>

#include <functional>
#include <memory>

namespace Switchyard::Server {

/// A complete, parsed inbound request (body fully received).
struct HttpRequest
{
    QByteArray method;
    QByteArray target; ///< path and query as sent
    QByteArray path;   ///< target without the query
    HttpHeaders headers;
    QByteArray body;
    QHostAddress peerAddress;
    quint16 peerPort = 0;
    quint16 localPort = 0;
    quint64 connectionId = 0; ///< unique per accepted connection in this process, never reused
    qint64 receivedAtMs = 0; ///< SystemClock monotonic ms when the first byte arrived
};

/// Writes one response on one connection. Owned jointly by the server and the handler;
/// every method must be called on the server's thread. After the client disconnects every
/// write is a no-op and isOpen() is false.
class ResponseWriter
{
public:
    virtual ~ResponseWriter() = default;

    /// A complete response with Content-Length.
    virtual void send(int status, const HttpHeaders &headers, const QByteArray &body) = 0;
    /// Starts a chunked response (SSE); headers go out at once.
    virtual void startStream(int status, const HttpHeaders &headers) = 0;
    /// One chunk of a started stream; sent as soon as the socket takes it.
    virtual void writeChunk(const QByteArray &data) = 0;
    /// Ends a started stream cleanly (terminating chunk); the connection may be reused.
    virtual void finishStream() = 0;
    /// Closes the connection without a clean end, so the client sees a truncated response.
    virtual void abort() = 0;

    virtual bool isOpen() const = 0;
    virtual bool hasStarted() const = 0;
    /// Bytes accepted but not yet written to the socket, for backpressure decisions.
    virtual qint64 pendingBytes() const = 0;
    /// Called once, on the server's thread, if the client goes away before the response ends.
    virtual void setDisconnectHandler(std::function<void()> handler) = 0;
};

/// The one-method boundary between the HTTP server and the gateway (qBittorrent's shape).
class IRequestHandler
{
public:
    virtual ~IRequestHandler() = default;
    /// Called on the server's thread. The handler answers now or later through `writer`.
    virtual void handleRequest(HttpRequest &&request, std::shared_ptr<ResponseWriter> writer) = 0;
};

} // namespace Switchyard::Server
