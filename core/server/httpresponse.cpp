// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
// The response half of HttpConnection and the ResponseWriter handed to handlers.
#include "core/server/httpconnection.h"

#include "core/server/httpserver.h"

#include <QDebug>

#include <cstring>

namespace Switchyard::Server::Internal {

namespace {

/// Bodies below this are copied behind the head (one buffer); larger ones go out beside it in
/// the same sendmsg(), uncopied.
constexpr qsizetype kInlineBodyLimit = 16 * 1024;

bool isFramingHeader(const QByteArray &name)
{
    // By length first: this runs for every header of every response.
    switch (name.size()) {
    case 14: return name.compare("content-length", Qt::CaseInsensitive) == 0;
    case 17: return name.compare("transfer-encoding", Qt::CaseInsensitive) == 0;
    case 10: return name.compare("connection", Qt::CaseInsensitive) == 0;
    default: return false;
    }
}

bool hasLineBreak(QByteArrayView text)
{
    for (const char c : text) {
        if (c == '\n' || c == '\r')
            return true;
    }
    return false;
}

/// Exact size of the header lines, so the response head is built in one allocation.
qsizetype headerBytes(const HttpHeaders &headers)
{
    qsizetype bytes = 0;
    for (const auto &[name, value] : headers)
        bytes += name.size() + value.size() + 4;
    return bytes;
}

bool bodyForbidden(int status)
{
    return (status >= 100 && status < 200) || status == 204 || status == 304;
}

} // namespace

void ConnectionWriter::send(int status, const HttpHeaders &headers, const QByteArray &body)
{
    if (!m_connection) {
        return;
    }
    if (m_started) {
        qWarning("ResponseWriter::send() after the response has started; ignored");
        return;
    }
    m_started = true;
    m_connection->sendResponse(status, headers, body);
}

void ConnectionWriter::startStream(int status, const HttpHeaders &headers)
{
    if (!m_connection) {
        return;
    }
    if (m_started) {
        qWarning("ResponseWriter::startStream() after the response has started; ignored");
        return;
    }
    m_started = true;
    m_connection->startStream(status, headers);
}

void ConnectionWriter::writeChunk(const QByteArray &data)
{
    if (m_connection && m_started) {
        m_connection->writeChunk(data);
    }
}

void ConnectionWriter::finishStream()
{
    if (m_connection && m_started) {
        m_connection->finishStream();
    }
}

void ConnectionWriter::abort()
{
    if (m_connection) {
        m_connection->abortResponse();
    }
}

qint64 ConnectionWriter::pendingBytes() const
{
    return m_connection ? m_connection->pendingBytes() : 0;
}

void ConnectionWriter::setDisconnectHandler(std::function<void()> handler)
{
    m_disconnectHandler = std::move(handler);
}

void HttpConnection::appendHead(QByteArray &out, int status, const HttpHeaders &headers) const
{
    // Sized first, then copied in: a response head is a dozen short pieces, and a QByteArray
    // append per piece cost more than the rest of the response.
    const QByteArray code = QByteArray::number(status);
    const QByteArray reason = reasonPhrase(status);
    const QByteArrayView connection = !m_keepAlive ? QByteArrayView("Connection: close\r\n")
                                      : m_http10   ? QByteArrayView("Connection: keep-alive\r\n")
                                                   : QByteArrayView();
    auto relayed = [](const QByteArray &name, const QByteArray &value) {
        if (isFramingHeader(name))
            return false; // the server frames the response itself
        if (hasLineBreak(name) || hasLineBreak(value)) {
            qWarning() << "dropping response header with a line break:" << name;
            return false;
        }
        return true;
    };
    qsizetype size = 9 + code.size() + 1 + reason.size() + 2 + connection.size();
    for (const auto &[name, value] : headers)
        size += name.size() + 2 + value.size() + 2;
    const qsizetype start = out.size();
    out.resize(start + size);
    char *p = out.data() + start;
    auto put = [&p](QByteArrayView piece) {
        if (piece.isEmpty())
            return; // an empty view may have no data pointer, which memcpy must not get
        std::memcpy(p, piece.data(), size_t(piece.size()));
        p += piece.size();
    };
    put(m_http10 ? "HTTP/1.0 " : "HTTP/1.1 ");
    put(code);
    put(" ");
    put(reason);
    put("\r\n");
    for (const auto &[name, value] : headers) {
        if (!relayed(name, value))
            continue;
        put(name);
        put(": ");
        put(value);
        put("\r\n");
    }
    put(connection);
    out.truncate(p - out.constData()); // dropped headers leave room unused
}

void HttpConnection::sendResponse(int status, const HttpHeaders &headers, const QByteArray &body)
{
    const bool withBody = !m_isHead && !bodyForbidden(status);
    const bool inlineBody = withBody && body.size() < kInlineBodyLimit;
    QByteArray out;
    out.reserve(128 + headerBytes(headers) + (inlineBody ? body.size() : 0));
    appendHead(out, status, headers);
    if (!bodyForbidden(status)) {
        out += "Content-Length: ";
        out += QByteArray::number(body.size());
        out += "\r\n";
    }
    out += "\r\n";
    if (inlineBody) {
        out += body;
        write(out);
    } else {
        m_stream->write(out, withBody ? QByteArrayView(body) : QByteArrayView());
    }
    endResponse();
}

void HttpConnection::startStream(int status, const HttpHeaders &headers)
{
    if (m_http10) {
        m_keepAlive = false; // no chunked coding in HTTP/1.0: the close ends the body
    }
    QByteArray out;
    out.reserve(128 + headerBytes(headers));
    appendHead(out, status, headers);
    if (!m_http10) {
        out += "Transfer-Encoding: chunked\r\n";
    }
    out += "\r\n";
    write(out);
    if (m_isHead || bodyForbidden(status)) {
        endResponse();
        return;
    }
    m_streaming = true;
}

void HttpConnection::writeChunk(const QByteArray &data)
{
    if (!m_streaming || data.isEmpty()) {
        return; // an empty chunk would end the stream
    }
    if (m_http10) {
        write(data);
        return;
    }
    const QByteArray size = QByteArray::number(data.size(), 16);
    if (data.size() < kInlineBodyLimit) {
        QByteArray out;
        out.reserve(size.size() + data.size() + 4);
        out += size;
        out += "\r\n";
        out += data;
        out += "\r\n";
        write(out);
    } else {
        m_stream->write(QByteArray(size + "\r\n"), data);
        m_stream->write("\r\n");
    }
}

void HttpConnection::finishStream()
{
    if (!m_streaming) {
        return;
    }
    if (!m_http10) {
        write(QByteArrayLiteral("0\r\n\r\n"));
    }
    endResponse();
}

void HttpConnection::abortResponse()
{
    // The handler chose to end the response this way, so its disconnect handler is not called.
    if (m_writer) {
        m_writer->m_connection = nullptr;
        m_writer.reset();
        m_server->requestEnded();
    }
    // Deliver what was written (e.g. an error event) and close without the terminating chunk,
    // so the client sees a truncated response rather than a reset that may eat those bytes.
    closeGracefully();
}

qint64 HttpConnection::pendingBytes() const
{
    return m_stream->bytesToWrite();
}

} // namespace Switchyard::Server::Internal
