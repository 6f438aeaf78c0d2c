// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/providers/http/upstreamconnection.h"

#include "core/common/httptypes.h"
#include "core/common/tr.h"

#include <QHostInfo>
#include <QSslSocket>
#include <QTimerEvent>

namespace Switchyard::Providers::Internal {

namespace {

UpstreamConnection *self(http_parser *parser)
{
    return static_cast<UpstreamConnection *>(parser->data);
}

const http_parser_settings &parserSettings()
{
    static const http_parser_settings settings = [] {
        http_parser_settings s{};
        s.on_header_field = [](http_parser *p, const char *at, size_t n) {
            return self(p)->onHeaderField(at, n);
        };
        s.on_header_value = [](http_parser *p, const char *at, size_t n) {
            return self(p)->onHeaderValue(at, n);
        };
        s.on_headers_complete = [](http_parser *p) { return self(p)->onHeadersComplete(); };
        s.on_body = [](http_parser *p, const char *at, size_t n) {
            return self(p)->onBody(at, n);
        };
        s.on_message_complete = [](http_parser *p) { return self(p)->onMessageComplete(); };
        return s;
    }();
    return settings;
}

UpstreamExchange::ErrorKind errorKind(QAbstractSocket::SocketError error)
{
    using Kind = UpstreamExchange::ErrorKind;
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return Kind::ConnectionRefused;
    case QAbstractSocket::HostNotFoundError:
        return Kind::HostNotFound;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        return Kind::Tls;
    case QAbstractSocket::SocketTimeoutError:
        return Kind::ConnectTimeout;
    default:
        return Kind::ConnectionClosed;
    }
}

UpstreamExchange::ErrorKind errorKind(Net::TcpStream::Error error)
{
    using Kind = UpstreamExchange::ErrorKind;
    switch (error) {
    case Net::TcpStream::Error::ConnectionRefused:
        return Kind::ConnectionRefused;
    case Net::TcpStream::Error::TimedOut:
        return Kind::ConnectTimeout;
    default:
        return Kind::ConnectionClosed;
    }
}

} // namespace

UpstreamConnection::UpstreamConnection(UpstreamClient *client, const QString &poolKey,
                                       const QUrl &url)
    : QObject(client)
    , m_client(client)
    , m_poolKey(poolKey)
{
    const bool tls = url.scheme() == QLatin1String("https");
    m_port = quint16(url.port(tls ? 443 : 80));
    if (tls) {
        m_tls = new QSslSocket(this);
        connect(m_tls, &QSslSocket::encrypted, this, &UpstreamConnection::onConnected);
        connect(m_tls, &QSslSocket::readyRead, this, &UpstreamConnection::onTlsReadyRead);
        connect(m_tls, &QSslSocket::disconnected, this, &UpstreamConnection::onEof);
        connect(m_tls, &QSslSocket::errorOccurred, this, &UpstreamConnection::onSocketError);
        m_tls->connectToHostEncrypted(url.host(), m_port);
        return;
    }
    const QString host = url.host();
    if (QHostAddress address; address.setAddress(host)) {
        m_addresses = {address};
        connectNextAddress();
        return;
    }
    // QHostInfo answers from its cache or its lookup thread, never from inside this call.
    QHostInfo::lookupHost(host, this, &UpstreamConnection::onResolved);
}

void UpstreamConnection::onResolved(const QHostInfo &info)
{
    if (m_closed)
        return;
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        failConnect(UpstreamExchange::ErrorKind::HostNotFound,
                    Tr::tr("Cannot resolve upstream host %1: %2").arg(info.hostName(), info.errorString()));
        return;
    }
    m_addresses = info.addresses();
    connectNextAddress();
}

void UpstreamConnection::connectNextAddress()
{
    if (m_stream) {
        m_stream->setParent(nullptr);
        m_stream->deleteLater(); // it may be reporting its failure right now
    }
    m_stream = Net::TcpStream::connectTo(m_addresses.takeFirst(), m_port, this, this);
}

void UpstreamConnection::streamConnected(Net::TcpStream *)
{
    m_addresses.clear();
    onConnected();
}

void UpstreamConnection::streamData(Net::TcpStream *, QByteArrayView data)
{
    onData(data);
}

void UpstreamConnection::streamClosed(Net::TcpStream *stream)
{
    if (!m_ready && !m_addresses.isEmpty()) {
        connectNextAddress(); // the host's next address (e.g. ::1 refused, 127.0.0.1 next)
        return;
    }
    if (m_ready && stream->error() == Net::TcpStream::Error::RemoteClosed) {
        onEof();
        return;
    }
    if (m_closed)
        return;
    failConnect(errorKind(stream->error()), stream->errorString());
}

void UpstreamConnection::failConnect(UpstreamExchange::ErrorKind kind, const QString &message)
{
    if (m_closed)
        return;
    m_closed = true;
    failExchange(kind, message);
}

void UpstreamConnection::send(const QByteArray &bytes)
{
    if (m_stream) {
        m_stream->write(bytes);
    } else if (m_tls) {
        // Send now: QAbstractSocket otherwise waits for the next event-loop pass.
        m_tls->write(bytes);
        m_tls->flush();
    }
}

void UpstreamConnection::abortSocket()
{
    if (m_stream)
        m_stream->abort();
    if (m_tls)
        m_tls->abort();
}

UpstreamConnection::~UpstreamConnection()
{
    takeExchange();
}

bool UpstreamConnection::isReusable() const
{
    if (!m_ready || m_closed || m_exchange)
        return false;
    if (m_stream)
        return m_stream->state() == Net::TcpStream::State::Connected;
    return m_tls && m_tls->state() == QAbstractSocket::ConnectedState && m_tls->bytesAvailable() == 0;
}

void UpstreamConnection::startRequest(UpstreamExchange *exchange, const QByteArray &request,
                                      bool isHead)
{
    m_idleTimer.stop();
    m_exchange = exchange;
    exchange->m_connection = this;
    m_isHead = isHead;
    m_gotBytes = false;
    m_headers.clear();
    m_lastWasValue = false;
    m_headReady = m_informational = m_complete = m_headDelivered = false;
    m_status = 0;
    m_bodyBatch.clear();
    http_parser_init(&m_parser, HTTP_RESPONSE);
    m_parser.data = this;
    if (m_ready) {
        send(request);
    } else {
        m_pendingWrite = request;
    }
}

void UpstreamConnection::detach()
{
    takeExchange();
    m_closed = true;
    abortSocket();
    m_client->discard(this);
}

void UpstreamConnection::setIdle(int idleTimeoutMs)
{
    if (idleTimeoutMs > 0) {
        m_idleTimer.start(idleTimeoutMs, Qt::CoarseTimer, this);
    }
}

void UpstreamConnection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_idleTimer.timerId()) {
        m_idleTimer.stop();
        m_closed = true;
        abortSocket();
        m_client->discard(this);
    }
}

void UpstreamConnection::onConnected()
{
    m_ready = true;
    if (m_tls) {
        m_tls->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_tls->setSocketOption(QAbstractSocket::KeepAliveOption, 1);
    }
    if (m_exchange) {
        m_exchange->handleConnected();
    }
    if (!m_pendingWrite.isEmpty()) {
        send(std::exchange(m_pendingWrite, {}));
    }
}

void UpstreamConnection::onTlsReadyRead()
{
    const QByteArray data = m_tls->readAll();
    if (!data.isEmpty())
        onData(data);
}

void UpstreamConnection::onData(QByteArrayView data)
{
    if (!m_exchange) {
        // Bytes on an idle connection: the server is confused or closing; never reuse it.
        m_closed = true;
        abortSocket();
        m_client->discard(this);
        return;
    }
    m_gotBytes = true;
    parse(data.constData(), data.size());
}

void UpstreamConnection::parse(const char *data, qsizetype size)
{
    const size_t parsed = http_parser_execute(&m_parser, &parserSettings(), data, size_t(size));
    const auto error = HTTP_PARSER_ERRNO(&m_parser);
    if (error != HPE_OK && error != HPE_PAUSED) {
        failExchange(UpstreamExchange::ErrorKind::Protocol,
                     Tr::tr("Malformed HTTP response from upstream: %1")
                         .arg(QString::fromLatin1(http_errno_description(error))));
        return;
    }
    if (m_complete && parsed < size_t(size)) {
        m_closed = true; // bytes after the response: do not trust this connection again
    }
    deliver();
}

void UpstreamConnection::deliver()
{
    UpstreamExchange *exchange = m_exchange;
    const QPointer<UpstreamExchange> guard(exchange);
    auto stillOurs = [&] { return guard && m_exchange == exchange; };

    if (m_headReady) {
        m_headReady = false;
        m_headDelivered = true;
        exchange->handleHead(m_status, m_headers);
        if (!stillOurs()) {
            return;
        }
    }
    if (!m_bodyBatch.isEmpty()) {
        exchange->handleBody(std::exchange(m_bodyBatch, {}));
        if (!stillOurs()) {
            return;
        }
    }
    if (m_complete) {
        const bool keepAlive = !m_closed && http_should_keep_alive(&m_parser) != 0;
        takeExchange();
        // Pool first, so a request issued from a finished() handler can reuse this socket.
        m_client->release(this, keepAlive);
        exchange->handleComplete();
    }
}

void UpstreamConnection::onSocketError(QAbstractSocket::SocketError error)
{
    if (error == QAbstractSocket::RemoteHostClosedError) {
        onEof();
        return;
    }
    if (m_closed) {
        return;
    }
    m_closed = true;
    failExchange(errorKind(error), m_tls->errorString());
}

void UpstreamConnection::onEof()
{
    if (m_closed) {
        return;
    }
    m_closed = true;
    if (m_exchange && m_tls && m_tls->bytesAvailable() > 0) {
        onTlsReadyRead();
    }
    if (!m_exchange) {
        m_client->discard(this);
        return;
    }
    // Tell the parser about EOF: completes a close-delimited body.
    if (m_gotBytes && !m_complete) {
        http_parser_execute(&m_parser, &parserSettings(), nullptr, 0);
        if (m_complete) {
            deliver();
            return;
        }
    }
    failExchange(UpstreamExchange::ErrorKind::ConnectionClosed,
                 Tr::tr("Upstream closed the connection before the response was complete"));
}

void UpstreamConnection::failExchange(UpstreamExchange::ErrorKind kind, const QString &message)
{
    m_closed = true;
    UpstreamExchange *exchange = takeExchange();
    abortSocket();
    m_client->discard(this);
    if (exchange) {
        exchange->handleError(kind, message, !m_gotBytes);
    }
}

UpstreamExchange *UpstreamConnection::takeExchange()
{
    UpstreamExchange *exchange = std::exchange(m_exchange, nullptr);
    if (exchange && exchange->m_connection == this) {
        exchange->m_connection = nullptr;
    }
    return exchange;
}

int UpstreamConnection::onHeaderField(const char *at, size_t length)
{
    if (m_lastWasValue || m_headers.isEmpty()) {
        m_headers.append({QByteArray(at, qsizetype(length)), QByteArray()});
    } else {
        m_headers.last().first.append(at, qsizetype(length)); // a continuation: never empty
    }
    m_lastWasValue = false;
    return 0;
}

int UpstreamConnection::onHeaderValue(const char *at, size_t length)
{
    if (!m_headers.isEmpty()) {
        appendParsedPiece(m_headers.last().second, at, length);
    }
    m_lastWasValue = true;
    return 0;
}

int UpstreamConnection::onHeadersComplete()
{
    m_status = int(m_parser.status_code);
    m_informational = m_status >= 100 && m_status < 200;
    if (m_informational) {
        m_headers.clear();
        m_lastWasValue = false;
        return 0;
    }
    m_headReady = true;
    return m_isHead ? 1 : 0; // 1 = "no body follows"
}

int UpstreamConnection::onBody(const char *at, size_t length)
{
    m_bodyBatch.append(at, qsizetype(length));
    return 0;
}

int UpstreamConnection::onMessageComplete()
{
    if (m_informational) {
        m_informational = false; // a 100 Continue; the real response follows
        return 0;
    }
    m_complete = true;
    http_parser_pause(&m_parser, 1);
    return 0;
}

} // namespace Switchyard::Providers::Internal
