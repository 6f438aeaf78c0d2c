// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QObject>
#include <QString>

class QSocketNotifier;

namespace Switchyard::Net {

class TcpStream;

/// What a TcpStream reports, on the stream's thread. A callback must not delete the stream
/// (deleteLater() it instead); it may write, abort or shut it down.
class TcpStreamHandler
{
public:
    virtual ~TcpStreamHandler() = default;
    /// A connectTo() stream is connected; writes queued before went out. Not called for
    /// adopted sockets.
    virtual void streamConnected(TcpStream *stream) { Q_UNUSED(stream); }
    /// Bytes arrived. `data` is valid only during the call.
    virtual void streamData(TcpStream *stream, QByteArrayView data) = 0;
    /// Everything written so far has been handed to the kernel (after a partial write only).
    virtual void streamDrained(TcpStream *stream) { Q_UNUSED(stream); }
    /// The peer closed its side (EOF), the connection failed or was reset: the socket is
    /// closed, error() tells which, and no further callback follows. Not called for abort().
    virtual void streamClosed(TcpStream *stream) = 0;
};

/// A non-blocking TCP socket on the event loop of the thread that created it: one `recv()`
/// per readiness (no FIONREAD, no QIODevice buffer), writes sent at once with one `sendmsg()`
/// and only the rest kept until the socket is writable, TCP_NODELAY always. What QTcpSocket
/// costs per read and write is a large part of a proxied request (docs/performance.md), so the
/// request path uses this; TLS upstreams keep QSslSocket. POSIX only.
class TcpStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TcpStream)

public:
    enum class State { Connecting, Connected, Closed };
    enum class Error { None, RemoteClosed, ConnectionRefused, ConnectionReset, TimedOut, Network };

    /// Adopts a connected socket (e.g. an accepted one); the stream owns and closes it.
    TcpStream(qintptr descriptor, TcpStreamHandler *handler, QObject *parent = nullptr);
    /// Starts a non-blocking connect. Failure is reported through streamClosed() from the
    /// event loop, never from inside this call.
    static TcpStream *connectTo(const QHostAddress &address, quint16 port, TcpStreamHandler *handler,
                                QObject *parent = nullptr);
    ~TcpStream() override;

    State state() const { return m_state; }
    Error error() const { return m_error; }
    /// A sentence for logs and error replies; empty while there is no error.
    QString errorString() const;
    QHostAddress peerAddress() const { return m_peerAddress; }
    quint16 peerPort() const { return m_peerPort; }
    quint16 localPort() const { return m_localPort; }

    /// Hands `data` to the kernel now as far as it takes it, keeps the rest in order. While
    /// connecting, everything is kept and sent once connected. Ignored once closed. A failed
    /// send closes the stream and is reported by streamClosed() from the event loop.
    void write(QByteArrayView data);
    /// The two pieces in one system call (a response head and its body, without joining them).
    void write(QByteArrayView head, QByteArrayView body);
    /// Bytes accepted by write() that the kernel has not taken yet.
    qint64 bytesToWrite() const { return m_output.size() - m_outputOffset; }
    /// Stops or resumes reading; while stopped, the kernel's buffers fill and TCP pushes back.
    void setReading(bool enabled);
    /// Half-closes (FIN) once everything written is sent; reading goes on until the peer closes.
    void shutdownWrite();
    /// Closes at once; unsent bytes are dropped and no callback follows.
    void abort();

private:
    TcpStream(qintptr descriptor, State state, TcpStreamHandler *handler, QObject *parent);
    void onReadable();
    void onWritable();
    bool flushOutput();
    /// Everything kept went out: stop watching writability, half-close if shutdownWrite() waits.
    void outputDrained();
    void finishConnect();
    void closeWithError(Error error, int systemError);
    void fail(Error error, int systemError);
    /// Closes now and reports streamClosed() from the event loop: for failures found inside a
    /// caller's own call (write(), connectTo()), which must not be re-entered.
    void failLater(int systemError);
    void closeDescriptor();
    void readAddresses();

    int m_fd = -1;
    State m_state = State::Closed;
    Error m_error = Error::None;
    int m_systemError = 0;
    TcpStreamHandler *m_handler;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QByteArray m_output;
    qsizetype m_outputOffset = 0;
    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
    quint16 m_localPort = 0;
    bool m_reading = true;
    bool m_shutdownPending = false;
    bool m_writeShut = false;
    bool m_closeReportPending = false; ///< failLater() queued a streamClosed(); abort() cancels it
};

} // namespace Switchyard::Net
