// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/server/httpconnection.h"

#include "core/common/clock.h"
#include "core/common/httptypes.h"
#include "core/common/tr.h"
#include "core/server/httpserver.h"

#include <QTimerEvent>

#include <algorithm>
#include <atomic>

namespace Switchyard::Server::Internal {

namespace {

/// How long a connection being closed after an error keeps draining what the client still sends,
/// so the client reads the error instead of a reset (nginx's lingering close).
constexpr int kLingerMs = 2000;
/// Never reserve more than this up front from a declared Content-Length.
constexpr qint64 kMaxBodyReserve = 4 * 1024 * 1024;
/// Input kept while a request is being handled. Past it reading stops and pipelined successors
/// wait in the kernel, so a client cannot make us buffer without bound: TCP pushes back instead.
constexpr qint64 kReadBufferSize = 256 * 1024;

QString humanBytes(qint64 bytes)
{
    if (bytes >= 1024 * 1024) {
        return Tr::tr("%1 MiB").arg(QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1));
    }
    if (bytes >= 1024) {
        return Tr::tr("%1 KiB").arg(QString::number(double(bytes) / 1024.0, 'f', 1));
    }
    return Tr::tr("%1 bytes").arg(bytes);
}

} // namespace

/// Static trampolines from http_parser's C callbacks to the connection.
struct ParserCallbacks
{
    static HttpConnection *self(http_parser *parser)
    {
        return static_cast<HttpConnection *>(parser->data);
    }
    static int messageBegin(http_parser *p) { return self(p)->onMessageBegin(); }
    static int url(http_parser *p, const char *at, size_t n) { return self(p)->onUrl(at, n); }
    static int field(http_parser *p, const char *at, size_t n)
    {
        return self(p)->onHeaderField(at, n);
    }
    static int value(http_parser *p, const char *at, size_t n)
    {
        return self(p)->onHeaderValue(at, n);
    }
    static int headersComplete(http_parser *p) { return self(p)->onHeadersComplete(); }
    static int body(http_parser *p, const char *at, size_t n) { return self(p)->onBody(at, n); }
    static int messageComplete(http_parser *p) { return self(p)->onMessageComplete(); }

    static const http_parser_settings &settings()
    {
        static const http_parser_settings s_settings = [] {
            http_parser_settings s;
            http_parser_settings_init(&s);
            s.on_message_begin = &messageBegin;
            s.on_url = &url;
            s.on_header_field = &field;
            s.on_header_value = &value;
            s.on_headers_complete = &headersComplete;
            s.on_body = &body;
            s.on_message_complete = &messageComplete;
            return s;
        }();
        return s_settings;
    }
};

HttpConnection::HttpConnection(qintptr descriptor, HttpServer *server)
    : QObject(server)
    , m_server(server)
    , m_stream(new Net::TcpStream(descriptor, this, this))
    , m_limits(server->limits())
{
    static std::atomic<quint64> s_nextConnectionId{1};
    m_connectionId = s_nextConnectionId.fetch_add(1, std::memory_order_relaxed);
    http_parser_init(&m_parser, HTTP_REQUEST);
    m_parser.data = this;
    m_timer.start(m_limits.idleTimeoutMs, this);
}

HttpConnection::~HttpConnection()
{
    // Destroyed with the server: detach a held writer without calling back into anything.
    if (m_writer) {
        m_writer->m_connection = nullptr;
    }
}

void HttpConnection::abortConnection()
{
    if (!m_closed) {
        m_stream->abort();
        onSocketClosed();
    }
}

void HttpConnection::reject(int status, const QString &type, const QString &message)
{
    sendError(status, type, message);
}

int HttpConnection::onMessageBegin()
{
    m_request = HttpRequest{};
    m_request.headers.reserve(16);
    m_request.peerAddress = m_stream->peerAddress();
    m_request.peerPort = m_stream->peerPort();
    m_request.localPort = m_stream->localPort();
    m_request.connectionId = m_connectionId;
    m_request.receivedAtMs = SystemClock::instance()->monotonicMs();
    m_headerBytes = 0;
    m_inHeaderField = false;
    m_phase = Phase::Receiving;
    m_timer.start(m_limits.headerTimeoutMs, this);
    return 0;
}

bool HttpConnection::addHeaderBytes(size_t length)
{
    m_headerBytes += qint64(length);
    if (m_headerBytes <= m_limits.maxHeaderBytes) {
        return true;
    }
    failRequest(431, Tr::tr("request headers exceed the limit of %1 (server.max_header_bytes)")
                         .arg(humanBytes(m_limits.maxHeaderBytes)));
    return false;
}

void HttpConnection::failRequest(int status, const QString &message)
{
    m_errorStatus = status;
    m_errorMessage = message;
}

int HttpConnection::onUrl(const char *at, size_t length)
{
    if (!addHeaderBytes(length)) {
        return -1;
    }
    appendParsedPiece(m_request.target, at, length);
    return 0;
}

int HttpConnection::onHeaderField(const char *at, size_t length)
{
    size_t counted = length;
    if (!m_inHeaderField) {
        m_request.headers.emplaceBack();
        m_inHeaderField = true;
        counted += 4; // ": " and CRLF count towards the limit too
    }
    if (!addHeaderBytes(counted)) {
        return -1;
    }
    appendParsedPiece(m_request.headers.last().first, at, length);
    return 0;
}

int HttpConnection::onHeaderValue(const char *at, size_t length)
{
    m_inHeaderField = false;
    if (!addHeaderBytes(length)) {
        return -1;
    }
    appendParsedPiece(m_request.headers.last().second, at, length);
    return 0;
}

int HttpConnection::onHeadersComplete()
{
    const char *method = http_method_str(http_method(m_parser.method));
    m_request.method = QByteArray::fromRawData(method, qsizetype(qstrlen(method)));
    const qsizetype query = m_request.target.indexOf('?');
    m_request.path = query < 0 ? m_request.target : m_request.target.left(query);
    m_http10 = m_parser.http_major < 1 || (m_parser.http_major == 1 && m_parser.http_minor == 0);
    m_isHead = m_parser.method == HTTP_HEAD;

    const bool chunked = (m_parser.flags & F_CHUNKED) != 0;
    const bool hasLength = !chunked && m_parser.content_length != ULLONG_MAX;
    if (hasLength && m_parser.content_length > quint64(m_limits.maxBodyBytes)) {
        failRequest(413, Tr::tr("request body is %1; the limit is %2 (server.max_body_bytes)")
                             .arg(humanBytes(qint64(m_parser.content_length)),
                                  humanBytes(m_limits.maxBodyBytes)));
        return -1;
    }
    const bool expectsBody = chunked || (hasLength && m_parser.content_length > 0);
    if (hasLength && m_parser.content_length > 0) {
        m_request.body.reserve(qsizetype(std::min<quint64>(m_parser.content_length, kMaxBodyReserve)));
    }
    if (expectsBody && !m_http10
        && headerValue(m_request.headers, "expect").compare("100-continue", Qt::CaseInsensitive)
               == 0) {
        write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
    }
    return 0;
}

int HttpConnection::onBody(const char *at, size_t length)
{
    if (m_request.body.size() + qint64(length) > m_limits.maxBodyBytes) {
        failRequest(413, Tr::tr("request body exceeds the limit of %1 (server.max_body_bytes)")
                             .arg(humanBytes(m_limits.maxBodyBytes)));
        return -1;
    }
    m_request.body.append(at, qsizetype(length));
    return 0;
}

int HttpConnection::onMessageComplete()
{
    m_keepAlive = http_should_keep_alive(&m_parser) != 0 && !m_parser.upgrade;
    // Stop after this message: the next pipelined one is parsed once this response has ended.
    http_parser_pause(&m_parser, 1);
    return 0;
}

void HttpConnection::streamData(Net::TcpStream *, QByteArrayView data)
{
    if (m_closed || m_phase == Phase::Closing) {
        return; // draining after an error or a close: what the client still sends is dropped
    }
    if (m_inputOffset >= m_input.size()) {
        m_input.clear();
        m_inputOffset = 0;
    }
    m_input.append(data);
    if (m_phase != Phase::Handling) {
        processInput(); // while handling, input waits until the response ends
    } else if (m_input.size() - m_inputOffset > kReadBufferSize) {
        m_stream->setReading(false); // endResponse() resumes
    }
}

void HttpConnection::streamClosed(Net::TcpStream *)
{
    onSocketClosed();
}

void HttpConnection::processInput()
{
    m_processQueued = false;
    while (!m_closed && (m_phase == Phase::Idle || m_phase == Phase::Receiving)
           && m_inputOffset < m_input.size()) {
        const char *data = m_input.constData() + m_inputOffset;
        const size_t length = size_t(m_input.size() - m_inputOffset);
        const size_t parsed = http_parser_execute(&m_parser, &ParserCallbacks::settings(), data,
                                                  length);
        m_inputOffset += qsizetype(parsed);
        const auto error = http_errno(m_parser.http_errno);
        if (m_errorStatus != 0) {
            sendError(m_errorStatus, QStringLiteral("invalid_request_error"), m_errorMessage);
            return;
        }
        if (error == HPE_PAUSED) {
            http_parser_pause(&m_parser, 0);
            dispatchRequest();
            continue;
        }
        if (error == HPE_HEADER_OVERFLOW) {
            sendError(431, QStringLiteral("invalid_request_error"),
                      Tr::tr("request headers exceed the limit of %1 (server.max_header_bytes)")
                          .arg(humanBytes(m_limits.maxHeaderBytes)));
            return;
        }
        if (error != HPE_OK) {
            sendError(400, QStringLiteral("invalid_request_error"),
                      Tr::tr("malformed HTTP request: %1")
                          .arg(QString::fromLatin1(http_errno_description(error))));
            return;
        }
        if (parsed < length) {
            break; // an upgrade stops the parser; the connection closes after the response
        }
    }
    if (m_inputOffset >= m_input.size()) {
        m_input.clear();
        m_inputOffset = 0;
    }
}

void HttpConnection::dispatchRequest()
{
    m_phase = Phase::Handling;
    m_streaming = false;
    m_timer.stop();
    m_writer = std::make_shared<ConnectionWriter>(this);
    m_server->requestStarted();
    m_dispatching = true;
    m_server->m_handler->handleRequest(std::move(m_request), m_writer);
    m_dispatching = false;
}

void HttpConnection::endResponse()
{
    if (!m_writer) {
        return; // the socket closed while the response was being written
    }
    m_writer->m_connection = nullptr;
    m_writer.reset();
    m_streaming = false;
    m_phase = Phase::Idle;
    m_server->requestEnded(); // may emit idle(), whose receivers may close us
    if (m_closed) {
        return;
    }
    if (!m_keepAlive) {
        closeGracefully();
        return;
    }
    m_timer.start(m_limits.idleTimeoutMs, this);
    m_stream->setReading(true); // if pipelined input had paused it
    // Pipelined input waits in m_input; parse it from the event loop rather than inside the
    // handler's call to send(), so the handler is never re-entered from its own writer call.
    if (!m_dispatching && !m_processQueued && m_inputOffset < m_input.size()) {
        m_processQueued = true;
        QMetaObject::invokeMethod(this, &HttpConnection::processInput, Qt::QueuedConnection);
    }
}

void HttpConnection::write(QByteArrayView data)
{
    m_stream->write(data);
}

void HttpConnection::sendError(int status, const QString &type, const QString &message)
{
    const QByteArray body = m_server->formatError(m_request.path, status, type, message);
    m_keepAlive = false;
    QByteArray out;
    out.reserve(160 + body.size());
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
           + "\r\nContent-Type: application/json\r\nContent-Length: "
           + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    write(out);
    closeGracefully();
}

void HttpConnection::closeGracefully()
{
    if (m_closed) {
        return;
    }
    m_phase = Phase::Closing;
    m_timer.start(kLingerMs, this);
    // Half-close once the rest is written, and drain until the client closes too: closing with
    // unread input would reset the connection, and the client could lose the response it has
    // not read yet.
    m_input.clear();
    m_inputOffset = 0;
    m_stream->setReading(true); // if pipelined input had paused it
    m_stream->shutdownWrite();
}

void HttpConnection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    m_timer.stop();
    switch (m_phase) {
    case Phase::Idle:
        closeGracefully();
        break;
    case Phase::Receiving:
        sendError(408, QStringLiteral("invalid_request_error"),
                  Tr::tr("the request did not arrive completely within %1 s "
                         "(server.header_timeout_ms)")
                      .arg(QString::number(m_limits.headerTimeoutMs / 1000.0, 'g', 3)));
        break;
    case Phase::Closing:
        abortConnection();
        break;
    case Phase::Handling:
        break;
    }
}

void HttpConnection::onSocketClosed()
{
    if (m_closed) {
        return;
    }
    m_closed = true;
    m_timer.stop();
    if (m_writer) {
        std::shared_ptr<ConnectionWriter> writer = std::move(m_writer);
        writer->m_connection = nullptr;
        if (const std::function<void()> handler = std::move(writer->m_disconnectHandler)) {
            handler();
        }
        m_server->requestEnded();
    }
    m_server->connectionClosed(this);
}

} // namespace Switchyard::Server::Internal
