// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/net/tcpstream.h"

#include "core/common/tr.h"

#include <QSocketNotifier>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <utility>

namespace Switchyard::Net {

namespace {

/// One read takes at most this much; a full buffer means more may wait, so the loop reads on.
constexpr size_t kReadChunk = 64 * 1024;
/// Kept output is compacted once this much of its front has been sent.
constexpr qsizetype kCompactAfter = 64 * 1024;

void setOptions(int fd)
{
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

QHostAddress addressOf(const sockaddr_storage &storage, quint16 *port)
{
    if (storage.ss_family == AF_INET) {
        const auto *in = reinterpret_cast<const sockaddr_in *>(&storage);
        *port = ntohs(in->sin_port);
        return QHostAddress(ntohl(in->sin_addr.s_addr));
    }
    if (storage.ss_family == AF_INET6) {
        const auto *in6 = reinterpret_cast<const sockaddr_in6 *>(&storage);
        *port = ntohs(in6->sin6_port);
        QHostAddress address(in6->sin6_addr.s6_addr);
        if (in6->sin6_scope_id)
            address.setScopeId(QString::number(in6->sin6_scope_id));
        return address;
    }
    *port = 0;
    return {};
}

TcpStream::Error errorFor(int systemError)
{
    switch (systemError) {
    case ECONNREFUSED:
        return TcpStream::Error::ConnectionRefused;
    case ECONNRESET:
    case EPIPE:
        return TcpStream::Error::ConnectionReset;
    case ETIMEDOUT:
        return TcpStream::Error::TimedOut;
    default:
        return TcpStream::Error::Network;
    }
}

} // namespace

TcpStream::TcpStream(qintptr descriptor, TcpStreamHandler *handler, QObject *parent)
    : TcpStream(descriptor, State::Connected, handler, parent)
{
}

TcpStream::TcpStream(qintptr descriptor, State state, TcpStreamHandler *handler, QObject *parent)
    : QObject(parent)
    , m_fd(int(descriptor))
    , m_state(state)
    , m_handler(handler)
{
    if (m_fd < 0) {
        if (state == State::Connected)
            m_state = State::Closed;
        return; // connectTo() reports the failed socket() through failLater()
    }
    if (state == State::Connected) {
        const int flags = ::fcntl(m_fd, F_GETFL);
        if (!(flags & O_NONBLOCK))
            ::fcntl(m_fd, F_SETFL, flags | O_NONBLOCK);
        setOptions(m_fd);
        readAddresses();
    }
    m_readNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &TcpStream::onReadable);
    m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &TcpStream::onWritable);
    // While connecting, writability is the answer to connect(); reading starts after it.
    m_readNotifier->setEnabled(state == State::Connected);
    m_writeNotifier->setEnabled(state == State::Connecting);
}

TcpStream *TcpStream::connectTo(const QHostAddress &address, quint16 port, TcpStreamHandler *handler,
                                QObject *parent)
{
    sockaddr_storage storage{};
    socklen_t length = 0;
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    if (v6) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, bytes.c, sizeof bytes.c);
        in6->sin6_scope_id = address.scopeId().toUInt();
        length = sizeof(sockaddr_in6);
    } else {
        auto *in = reinterpret_cast<sockaddr_in *>(&storage);
        in->sin_family = AF_INET;
        in->sin_port = htons(port);
        in->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof(sockaddr_in);
    }
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    auto *stream = new TcpStream(fd, State::Connecting, handler, parent);
    if (fd < 0) {
        stream->failLater(errno);
        return stream;
    }
    setOptions(fd);
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&storage), length) != 0 && errno != EINPROGRESS)
        stream->failLater(errno);
    // Connected at once or in progress: the write notifier reports either.
    return stream;
}

TcpStream::~TcpStream()
{
    closeDescriptor();
}

QString TcpStream::errorString() const
{
    switch (m_error) {
    case Error::None:
        return {};
    case Error::RemoteClosed:
        return Tr::tr("the peer closed the connection");
    case Error::ConnectionRefused:
        return Tr::tr("connection refused");
    case Error::ConnectionReset:
        return Tr::tr("the connection was reset by the peer");
    case Error::TimedOut:
        return Tr::tr("the connection timed out");
    case Error::Network:
        break;
    }
    return Tr::tr("network error: %1").arg(QString::fromLocal8Bit(std::strerror(m_systemError)));
}

void TcpStream::readAddresses()
{
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    if (::getpeername(m_fd, reinterpret_cast<sockaddr *>(&storage), &length) == 0)
        m_peerAddress = addressOf(storage, &m_peerPort);
    length = sizeof storage;
    if (::getsockname(m_fd, reinterpret_cast<sockaddr *>(&storage), &length) == 0)
        addressOf(storage, &m_localPort);
}

void TcpStream::write(QByteArrayView data)
{
    write(data, {});
}

void TcpStream::write(QByteArrayView head, QByteArrayView body)
{
    if (m_state == State::Closed || m_writeShut || m_shutdownPending)
        return;
    qsizetype sent = 0;
    const qsizetype total = head.size() + body.size();
    if (m_state == State::Connected && bytesToWrite() == 0 && total > 0) {
        iovec parts[2];
        int count = 0;
        for (QByteArrayView piece : {head, body}) {
            if (!piece.isEmpty())
                parts[count++] = {const_cast<char *>(piece.data()), size_t(piece.size())};
        }
        msghdr message{};
        message.msg_iov = parts;
        message.msg_iovlen = size_t(count);
        ssize_t n;
        do {
            n = ::sendmsg(m_fd, &message, MSG_NOSIGNAL | MSG_DONTWAIT);
        } while (n < 0 && errno == EINTR);
        if (n < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK) {
                failLater(errno); // the caller is in the middle of its own work
                return;
            }
            n = 0;
        }
        sent = qsizetype(n);
        if (sent == total)
            return;
    }
    // Keep what the kernel did not take, in order, and send it once the socket is writable.
    if (sent < head.size()) {
        m_output.append(head.sliced(sent));
        m_output.append(body);
    } else {
        m_output.append(body.sliced(sent - head.size()));
    }
    if (m_state == State::Connected)
        m_writeNotifier->setEnabled(true);
}

void TcpStream::setReading(bool enabled)
{
    if (m_reading == enabled)
        return;
    m_reading = enabled;
    if (m_state == State::Connected && m_readNotifier)
        m_readNotifier->setEnabled(enabled);
}

void TcpStream::shutdownWrite()
{
    if (m_state == State::Closed || m_writeShut)
        return;
    if (m_state == State::Connected && bytesToWrite() == 0) {
        ::shutdown(m_fd, SHUT_WR);
        m_writeShut = true;
        return;
    }
    m_shutdownPending = true;
}

void TcpStream::abort()
{
    m_closeReportPending = false;
    closeDescriptor();
}

void TcpStream::closeDescriptor()
{
    m_state = State::Closed;
    if (m_fd < 0)
        return;
    // Notifiers first: the dispatcher must never poll a closed (or reused) descriptor.
    delete m_readNotifier;
    m_readNotifier = nullptr;
    delete m_writeNotifier;
    m_writeNotifier = nullptr;
    ::close(m_fd);
    m_fd = -1;
    m_output.clear();
    m_outputOffset = 0;
}

void TcpStream::closeWithError(Error error, int systemError)
{
    m_error = error;
    m_systemError = systemError;
    closeDescriptor();
}

void TcpStream::fail(Error error, int systemError)
{
    if (m_state == State::Closed)
        return;
    closeWithError(error, systemError);
    if (m_handler)
        m_handler->streamClosed(this);
}

void TcpStream::failLater(int systemError)
{
    if (m_state == State::Closed)
        return;
    closeWithError(errorFor(systemError), systemError);
    m_closeReportPending = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (std::exchange(m_closeReportPending, false) && m_handler)
                m_handler->streamClosed(this);
        },
        Qt::QueuedConnection);
}

void TcpStream::onReadable()
{
    thread_local std::array<char, kReadChunk> buffer;
    while (m_state == State::Connected && m_reading) {
        ssize_t n = ::recv(m_fd, buffer.data(), buffer.size(), MSG_DONTWAIT);
        if (n > 0) {
            m_handler->streamData(this, QByteArrayView(buffer.data(), qsizetype(n)));
            if (size_t(n) < buffer.size())
                return; // the kernel had no more; poll says when it has
            continue;
        }
        if (n == 0) {
            fail(Error::RemoteClosed, 0);
            return;
        }
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK)
            fail(errorFor(errno), errno);
        return;
    }
}

void TcpStream::onWritable()
{
    if (m_state == State::Connecting) {
        finishConnect();
        return;
    }
    if (!flushOutput())
        return;
    outputDrained();
    if (m_handler)
        m_handler->streamDrained(this);
}

void TcpStream::outputDrained()
{
    m_writeNotifier->setEnabled(false);
    if (std::exchange(m_shutdownPending, false)) {
        m_writeShut = true;
        ::shutdown(m_fd, SHUT_WR);
    }
}

bool TcpStream::flushOutput()
{
    while (bytesToWrite() > 0) {
        const ssize_t n = ::send(m_fd, m_output.constData() + m_outputOffset, size_t(bytesToWrite()),
                                 MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                fail(errorFor(errno), errno);
            return false;
        }
        m_outputOffset += qsizetype(n);
        if (m_outputOffset >= kCompactAfter && bytesToWrite() > 0) {
            m_output.remove(0, m_outputOffset);
            m_outputOffset = 0;
        }
    }
    m_output.clear();
    m_outputOffset = 0;
    return true;
}

void TcpStream::finishConnect()
{
    int systemError = 0;
    socklen_t length = sizeof systemError;
    if (::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &systemError, &length) != 0)
        systemError = errno;
    if (systemError != 0) {
        fail(errorFor(systemError), systemError);
        return;
    }
    m_state = State::Connected;
    readAddresses();
    m_readNotifier->setEnabled(m_reading);
    const bool pending = bytesToWrite() > 0;
    m_writeNotifier->setEnabled(pending);
    if (pending && flushOutput())
        outputDrained();
    if (m_state == State::Connected && m_handler)
        m_handler->streamConnected(this);
}

} // namespace Switchyard::Net
