// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/server/httpserver.h"

#include "core/common/tr.h"
#include "core/server/httpconnection.h"
#include "core/server/irequesthandler.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <utility>

namespace Switchyard::Server {

namespace {

constexpr int kListenBacklog = 1024;

QString hostPort(const QHostAddress &address, quint16 port)
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                             : address.toString();
    return host + QLatin1Char(':') + QString::number(port);
}

QJsonValue errorCode(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("bad_request");
    case 408:
        return QStringLiteral("request_timeout");
    case 413:
        return QStringLiteral("request_too_large");
    case 431:
        return QStringLiteral("headers_too_large");
    case 503:
        return QStringLiteral("too_many_connections");
    default:
        return QJsonValue::Null;
    }
}

} // namespace

namespace Internal {

/// Hands each accepted descriptor to the server as it is: no QTcpSocket is made for it.
class Listener final : public QTcpServer
{
public:
    explicit Listener(HttpServer *server)
        : m_server(server)
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override { m_server->onAccepted(descriptor); }

private:
    HttpServer *m_server;
};

} // namespace Internal

QByteArray defaultErrorBody(int status, const QString &type, const QString &message)
{
    const QJsonObject error{{QStringLiteral("message"), message},
                            {QStringLiteral("type"), type},
                            {QStringLiteral("code"), errorCode(status)}};
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), error}})
        .toJson(QJsonDocument::Compact);
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100: return QByteArrayLiteral("Continue");
    case 101: return QByteArrayLiteral("Switching Protocols");
    case 200: return QByteArrayLiteral("OK");
    case 201: return QByteArrayLiteral("Created");
    case 202: return QByteArrayLiteral("Accepted");
    case 204: return QByteArrayLiteral("No Content");
    case 206: return QByteArrayLiteral("Partial Content");
    case 301: return QByteArrayLiteral("Moved Permanently");
    case 302: return QByteArrayLiteral("Found");
    case 304: return QByteArrayLiteral("Not Modified");
    case 307: return QByteArrayLiteral("Temporary Redirect");
    case 308: return QByteArrayLiteral("Permanent Redirect");
    case 400: return QByteArrayLiteral("Bad Request");
    case 401: return QByteArrayLiteral("Unauthorized");
    case 402: return QByteArrayLiteral("Payment Required");
    case 403: return QByteArrayLiteral("Forbidden");
    case 404: return QByteArrayLiteral("Not Found");
    case 405: return QByteArrayLiteral("Method Not Allowed");
    case 408: return QByteArrayLiteral("Request Timeout");
    case 409: return QByteArrayLiteral("Conflict");
    case 411: return QByteArrayLiteral("Length Required");
    case 413: return QByteArrayLiteral("Content Too Large");
    case 415: return QByteArrayLiteral("Unsupported Media Type");
    case 422: return QByteArrayLiteral("Unprocessable Content");
    case 429: return QByteArrayLiteral("Too Many Requests");
    case 431: return QByteArrayLiteral("Request Header Fields Too Large");
    case 499: return QByteArrayLiteral("Client Closed Request");
    case 500: return QByteArrayLiteral("Internal Server Error");
    case 501: return QByteArrayLiteral("Not Implemented");
    case 502: return QByteArrayLiteral("Bad Gateway");
    case 503: return QByteArrayLiteral("Service Unavailable");
    case 504: return QByteArrayLiteral("Gateway Timeout");
    case 529: return QByteArrayLiteral("Site Overloaded");
    default: return QByteArrayLiteral("Unknown");
    }
}

HttpServer::HttpServer(IRequestHandler *handler, QObject *parent)
    : QObject(parent)
    , m_handler(handler)
    , m_tcpServer(std::make_unique<Internal::Listener>(this))
{
    Q_ASSERT(m_handler);
    m_tcpServer->setListenBacklogSize(kListenBacklog);
}

HttpServer::~HttpServer()
{
    // Connections must go while the server's members still exist.
    qDeleteAll(std::exchange(m_connections, {}));
}

void HttpServer::setLimits(const ServerLimits &limits)
{
    m_limits = limits;
}

void HttpServer::setErrorFormatter(ErrorFormatter formatter)
{
    m_errorFormatter = std::move(formatter);
}

Result<quint16> HttpServer::listen(const QHostAddress &address, quint16 port)
{
    if (m_tcpServer->isListening()) {
        m_tcpServer->close();
    }
    if (m_tcpServer->listen(address, port)) {
        return m_tcpServer->serverPort();
    }
    QString reason;
    switch (m_tcpServer->serverError()) {
    case QAbstractSocket::AddressInUseError:
        reason = Tr::tr("address in use");
        break;
    case QAbstractSocket::SocketAccessError:
        reason = Tr::tr("permission denied");
        break;
    case QAbstractSocket::SocketAddressNotAvailableError:
        reason = Tr::tr("address not available on this machine");
        break;
    default:
        reason = m_tcpServer->errorString();
        break;
    }
    return Error{QStringLiteral("listen_failed"),
                 Tr::tr("cannot listen on %1: %2").arg(hostPort(address, port), reason)};
}

void HttpServer::stopListening()
{
    m_tcpServer->close();
}

bool HttpServer::isListening() const
{
    return m_tcpServer->isListening();
}

void HttpServer::closeAllConnections()
{
    const QSet<Internal::HttpConnection *> connections = m_connections;
    for (Internal::HttpConnection *connection : connections) {
        if (m_connections.contains(connection)) { // a disconnect handler may have closed others
            connection->abortConnection();
        }
    }
}

void HttpServer::onAccepted(qintptr descriptor)
{
    if (m_connections.size() < m_limits.maxConnections) {
        m_connections.insert(new Internal::HttpConnection(descriptor, this));
        return;
    }
    // Not counted in m_connections: it only answers 503, drains and closes.
    auto *connection = new Internal::HttpConnection(descriptor, this);
    connection->reject(503, QStringLiteral("server_overloaded"),
                       Tr::tr("too many connections: the limit is %1 (server.max_connections); "
                              "try again later")
                           .arg(m_limits.maxConnections));
}

QByteArray HttpServer::formatError(const QByteArray &path, int status, const QString &type,
                                   const QString &message) const
{
    return m_errorFormatter ? m_errorFormatter(path, status, type, message)
                            : defaultErrorBody(status, type, message);
}

void HttpServer::requestEnded()
{
    if (--m_activeRequests == 0) {
        Q_EMIT idle();
    }
}

void HttpServer::connectionClosed(Internal::HttpConnection *connection)
{
    m_connections.remove(connection);
    connection->deleteLater();
}

} // namespace Switchyard::Server
