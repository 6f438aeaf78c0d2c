// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/net/tcpstream.h"
#include "core/server/irequesthandler.h"
#include "core/server/serverlimits.h"

#include <QBasicTimer>
#include <QByteArray>
#include <QObject>
#include <QString>

#include <http_parser.h>

#include <functional>
#include <memory>

namespace Switchyard::Server {
class HttpServer;
}

namespace Switchyard::Server::Internal {

class HttpConnection;
struct ParserCallbacks;

/// The ResponseWriter handed to the handler for one request. Once the response has ended or
/// the socket has closed it is detached from its connection and every call is a no-op.
class ConnectionWriter final : public ResponseWriter
{
public:
    explicit ConnectionWriter(HttpConnection *connection) : m_connection(connection) {}

    void send(int status, const HttpHeaders &headers, const QByteArray &body) override;
    void startStream(int status, const HttpHeaders &headers) override;
    void writeChunk(const QByteArray &data) override;
    void finishStream() override;
    void abort() override;
    bool isOpen() const override { return m_connection != nullptr; }
    bool hasStarted() const override { return m_started; }
    qint64 pendingBytes() const override;
    void setDisconnectHandler(std::function<void()> handler) override;

private:
    friend class HttpConnection;

    HttpConnection *m_connection;
    std::function<void()> m_disconnectHandler;
    bool m_started = false;
};

/// One accepted socket: parses requests with http_parser, hands each complete one to the
/// handler, and writes its response. Pipelined requests are parsed one at a time (the parser
/// is paused after each message) so responses go out in order. Lives on the server's thread;
/// the server deletes it (deleteLater) when the socket closes.
class HttpConnection final : public QObject, private Net::TcpStreamHandler
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    /// Takes ownership of the accepted socket `descriptor`.
    HttpConnection(qintptr descriptor, HttpServer *server);
    ~HttpConnection() override;

    /// Closes the socket at once; an unfinished response's disconnect handler is called.
    void abortConnection();
    /// Answers with a server error at once and closes (used for 503 on overload).
    void reject(int status, const QString &type, const QString &message);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    friend class ConnectionWriter;
    friend struct ParserCallbacks;

    enum class Phase { Idle, Receiving, Handling, Closing };

    // http_parser callbacks.
    int onMessageBegin();
    int onUrl(const char *at, size_t length);
    int onHeaderField(const char *at, size_t length);
    int onHeaderValue(const char *at, size_t length);
    int onHeadersComplete();
    int onBody(const char *at, size_t length);
    int onMessageComplete();
    bool addHeaderBytes(size_t length);
    void failRequest(int status, const QString &message);

    // ResponseWriter operations, called through ConnectionWriter.
    void sendResponse(int status, const HttpHeaders &headers, const QByteArray &body);
    void startStream(int status, const HttpHeaders &headers);
    void writeChunk(const QByteArray &data);
    void finishStream();
    void abortResponse();
    qint64 pendingBytes() const;

    // Net::TcpStreamHandler
    void streamData(Net::TcpStream *stream, QByteArrayView data) override;
    void streamClosed(Net::TcpStream *stream) override;

    void processInput();
    void dispatchRequest();
    void endResponse();
    void appendHead(QByteArray &out, int status, const HttpHeaders &headers) const;
    void write(QByteArrayView data);
    void sendError(int status, const QString &type, const QString &message);
    void closeGracefully();
    void onSocketClosed();

    HttpServer *m_server;
    Net::TcpStream *m_stream;
    ServerLimits m_limits;
    http_parser m_parser;
    QByteArray m_input;
    qsizetype m_inputOffset = 0;
    HttpRequest m_request;
    quint64 m_connectionId = 0;
    qint64 m_headerBytes = 0;
    int m_errorStatus = 0;
    QString m_errorMessage;
    std::shared_ptr<ConnectionWriter> m_writer;
    QBasicTimer m_timer;
    Phase m_phase = Phase::Idle;
    bool m_inHeaderField = false;
    bool m_keepAlive = true;
    bool m_http10 = false;
    bool m_isHead = false;
    bool m_streaming = false;
    bool m_dispatching = false;
    bool m_processQueued = false;
    bool m_closed = false;
};

} // namespace Switchyard::Server::Internal
