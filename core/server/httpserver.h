// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/result.h"
#include "core/server/serverlimits.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTcpServer>

#include <functional>
#include <memory>

namespace Switchyard::Server {

class IRequestHandler;

namespace Internal {
class HttpConnection;
class Listener;
}

/// The gateway's inbound HTTP/1.1 server (QTcpServer + http_parser).
///
/// Knows nothing about routing: every complete request goes to the IRequestHandler, which
/// answers through a ResponseWriter. Keep-alive, pipelining (answered in order, one at a time),
/// chunked request bodies and `Expect: 100-continue` are handled here, as are the errors the
/// server produces itself (400, 408, 413, 431, 503), each answered and followed by a close.
///
/// Thread affinity: lives on, and must only be used from, the thread it was created on (the
/// core thread); the handler is called and `idle()` is emitted on that thread.
class HttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    /// Body of an error the server produces itself (status 400/408/413/431/503).
    using ErrorFormatter = std::function<QByteArray(const QByteArray &path, int status,
                                                    const QString &type, const QString &message)>;

    /// `handler` is not owned and must outlive the server.
    explicit HttpServer(IRequestHandler *handler, QObject *parent = nullptr);
    ~HttpServer() override;

    /// Applies to connections accepted from now on.
    void setLimits(const ServerLimits &limits);
    const ServerLimits &limits() const { return m_limits; }

    /// Replaces the default OpenAI-shaped body `{"error":{"message","type","code"}}`.
    /// The Content-Type of server errors stays application/json.
    void setErrorFormatter(ErrorFormatter formatter);

    /// Starts listening; returns the bound port (useful with port 0).
    Result<quint16> listen(const QHostAddress &address, quint16 port);
    /// Stops accepting; open connections stay open.
    void stopListening();
    bool isListening() const;
    /// Aborts every connection; handlers of unfinished responses get their disconnect call.
    void closeAllConnections();

    int connectionCount() const { return int(m_connections.size()); }
    /// Requests handed to the handler whose response has not ended.
    int activeRequestCount() const { return m_activeRequests; }

Q_SIGNALS:
    /// Emitted when activeRequestCount() drops to 0 (used by the shutdown drain).
    void idle();

private:
    friend class Internal::HttpConnection;
    friend class Internal::Listener;

    void onAccepted(qintptr descriptor);
    QByteArray formatError(const QByteArray &path, int status, const QString &type,
                           const QString &message) const;
    void requestStarted() { ++m_activeRequests; }
    void requestEnded();
    void connectionClosed(Internal::HttpConnection *connection);

    IRequestHandler *m_handler;
    ServerLimits m_limits;
    ErrorFormatter m_errorFormatter;
    std::unique_ptr<Internal::Listener> m_tcpServer;
    QSet<Internal::HttpConnection *> m_connections;
    int m_activeRequests = 0;
};

/// The default error body: `{"error":{"message":...,"type":...,"code":...}}`.
QByteArray defaultErrorBody(int status, const QString &type, const QString &message);

/// The reason phrase for `status` ("OK", "Not Found", ...); "Unknown" for unlisted codes.
QByteArray reasonPhrase(int status);

} // namespace Switchyard::Server
