// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/support/mockhttpconnection.h"

#include <QTcpSocket>

namespace Switchyard::Testing::Internal {

namespace {
constexpr qsizetype s_maxHeaderBytes = 64 * 1024;
constexpr qsizetype s_maxBodyBytes = 256LL * 1024 * 1024;
} // namespace

MockHttpConnection::MockHttpConnection(QTcpSocket *socket, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
{
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket, &QTcpSocket::readyRead, this, &MockHttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] {
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            deleteLater();
    });
}

MockHttpConnection::~MockHttpConnection() = default;

bool MockHttpConnection::isOpen() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

QByteArray MockHttpConnection::reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 413: return "Payload Too Large";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 529: return "Site Overloaded";
    default: return "Unknown";
    }
}

QByteArray MockHttpConnection::statusAndHeaders(int status, const HttpHeaders &headers) const
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &header : headers)
        out += header.first + ": " + header.second + "\r\n";
    return out;
}

void MockHttpConnection::writeResponse(int status, const HttpHeaders &headers, const QByteArray &body)
{
    QByteArray out = statusAndHeaders(status, headers);
    out += "content-length: " + QByteArray::number(body.size()) + "\r\n";
    if (!m_request.keepAlive)
        out += "connection: close\r\n";
    out += "\r\n";
    out += body;
    m_socket->write(out);
    m_socket->flush();
    completeExchange(!m_request.keepAlive);
}

void MockHttpConnection::writeTruncated(int status, const HttpHeaders &headers,
                                        const QByteArray &partial, qsizetype announcedLength)
{
    QByteArray out = statusAndHeaders(status, headers);
    out += "content-length: " + QByteArray::number(announcedLength) + "\r\n\r\n" + partial;
    m_socket->write(out);
    closeAfterWrite();
}

void MockHttpConnection::beginChunked(int status, const HttpHeaders &headers)
{
    QByteArray out = statusAndHeaders(status, headers);
    out += "transfer-encoding: chunked\r\n";
    if (!m_request.keepAlive)
        out += "connection: close\r\n";
    out += "\r\n";
    m_socket->write(out);
}

void MockHttpConnection::writeChunk(const QByteArray &data, bool flush)
{
    if (data.isEmpty())
        return; // an empty chunk would terminate the body
    m_socket->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
    if (flush)
        m_socket->flush();
}

void MockHttpConnection::endChunked(bool close)
{
    m_socket->write("0\r\n\r\n", 5);
    m_socket->flush();
    completeExchange(close || !m_request.keepAlive);
}

void MockHttpConnection::closeAfterWrite()
{
    m_busy = true; // never answer anything else on this connection
    m_buffer.clear();
    m_socket->disconnectFromHost();
}

void MockHttpConnection::completeExchange(bool close)
{
    if (close) {
        closeAfterWrite();
        return;
    }
    m_busy = false;
    m_request = MockHttpRequest();
    processBuffer();
}

void MockHttpConnection::onReadyRead()
{
    m_buffer += m_socket->readAll();
    processBuffer();
}

void MockHttpConnection::processBuffer()
{
    // Responses may complete synchronously from inside requestReceived(); the guard turns
    // that re-entry into iteration so pipelined requests do not recurse.
    if (m_processing)
        return;
    m_processing = true;
    while (!m_busy && !m_buffer.isEmpty() && m_socket->state() == QAbstractSocket::ConnectedState) {
        const int parsed = parseOne();
        if (parsed <= 0)
            break;
        m_busy = true;
        Q_EMIT requestReceived(m_request);
    }
    m_processing = false;
}

void MockHttpConnection::failBadRequest(int status)
{
    m_request.keepAlive = false;
    m_busy = true;
    writeResponse(status, {{"content-type", "text/plain"}}, reasonPhrase(status) + '\n');
}

bool MockHttpConnection::decodeChunkedBody(qsizetype from, QByteArray *body, qsizetype *consumed) const
{
    qsizetype pos = from;
    for (;;) {
        const qsizetype lineEnd = m_buffer.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return false;
        QByteArray sizeText = m_buffer.mid(pos, lineEnd - pos);
        const qsizetype semicolon = sizeText.indexOf(';');
        if (semicolon >= 0)
            sizeText.truncate(semicolon);
        bool ok = false;
        const qsizetype size = sizeText.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0)
            return false;
        pos = lineEnd + 2;
        if (size == 0) {
            // Optional trailers, then an empty line.
            const qsizetype end = m_buffer.indexOf("\r\n", pos);
            if (end < 0)
                return false;
            if (end != pos) {
                const qsizetype trailersEnd = m_buffer.indexOf("\r\n\r\n", pos);
                if (trailersEnd < 0)
                    return false;
                *consumed = trailersEnd + 4;
            } else {
                *consumed = pos + 2;
            }
            return true;
        }
        if (m_buffer.size() < pos + size + 2)
            return false;
        body->append(m_buffer.constData() + pos, size);
        pos += size + 2;
    }
}

int MockHttpConnection::parseOne()
{
    const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (m_buffer.size() > s_maxHeaderBytes)
            failBadRequest(431);
        return m_buffer.size() > s_maxHeaderBytes ? -1 : 0;
    }
    const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        failBadRequest(400);
        return -1;
    }
    MockHttpRequest request;
    request.method = requestLine.at(0);
    request.path = requestLine.at(1);
    const bool http10 = requestLine.at(2) == "HTTP/1.0";
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            failBadRequest(400);
            return -1;
        }
        request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    const QByteArray connection = headerValue(request.headers, "connection").toLower();
    request.keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");

    const qsizetype bodyStart = headerEnd + 4;
    qsizetype consumed = bodyStart;
    const bool chunked = headerValue(request.headers, "transfer-encoding").toLower().contains("chunked");
    if (chunked) {
        if (!decodeChunkedBody(bodyStart, &request.body, &consumed)) {
            if (m_buffer.size() - bodyStart > s_maxBodyBytes) {
                failBadRequest(413);
                return -1;
            }
            return 0;
        }
    } else {
        const QByteArray lengthText = headerValue(request.headers, "content-length");
        bool ok = true;
        const qsizetype length = lengthText.isEmpty() ? 0 : lengthText.toLongLong(&ok);
        if (!ok || length < 0 || length > s_maxBodyBytes) {
            failBadRequest(ok && length > s_maxBodyBytes ? 413 : 400);
            return -1;
        }
        if (m_buffer.size() < bodyStart + length) {
            if (!m_sentContinue
                && headerValue(request.headers, "expect").toLower() == "100-continue") {
                m_sentContinue = true;
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            }
            return 0;
        }
        request.body = m_buffer.mid(bodyStart, length);
        consumed = bodyStart + length;
    }
    m_buffer.remove(0, consumed);
    m_sentContinue = false;
    request.received.start();
    m_request = std::move(request);
    return 1;
}

} // namespace Switchyard::Testing::Internal
