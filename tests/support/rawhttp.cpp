// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/support/rawhttp.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QTest>

namespace Switchyard::Testing::RawHttp {

namespace {

/// Parses `buffer` as far as it goes; returns true once the response is complete. An interim
/// `100 Continue` response is dropped from `buffer`, so the final response is what is read.
bool parse(QByteArray &buffer, Response &response)
{
    qsizetype headerEnd = -1;
    for (;;) {
        headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return false;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        response = Response();
        response.status = lines.first().split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            response.headers.append({lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()});
        }
        if (response.status != 100)
            break;
        buffer.remove(0, headerEnd + 4);
    }
    const qsizetype bodyStart = headerEnd + 4;
    response.chunked = response.header("transfer-encoding") == "chunked";
    if (!response.chunked) {
        const qsizetype length = response.header("content-length").toLongLong();
        response.body = buffer.mid(bodyStart, length);
        response.complete = buffer.size() >= bodyStart + length;
        return response.complete;
    }
    qsizetype pos = bodyStart;
    for (;;) {
        const qsizetype lineEnd = buffer.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return false;
        const qsizetype size = buffer.mid(pos, lineEnd - pos).toLongLong(nullptr, 16);
        if (buffer.size() < lineEnd + 2 + size + 2)
            return false;
        if (size == 0) {
            response.complete = true;
            return true;
        }
        const QByteArray chunk = buffer.mid(lineEnd + 2, size);
        response.chunks.append(chunk);
        response.body += chunk;
        pos = lineEnd + 2 + size + 2;
    }
}

} // namespace

QByteArray request(const QByteArray &method, const QByteArray &path, const HttpHeaders &headers,
                   const QByteArray &body)
{
    QByteArray out = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto &header : headers)
        out += header.first + ": " + header.second + "\r\n";
    if (!body.isEmpty()) {
        out += "Content-Type: application/json\r\nContent-Length: "
               + QByteArray::number(body.size()) + "\r\n";
    }
    return out + "\r\n" + body;
}

Response read(QTcpSocket &socket, int timeoutMs)
{
    QByteArray buffer;
    Response response;
    bool done = false;
    [[maybe_unused]] const bool finished = QTest::qWaitFor([&] {
        buffer += socket.readAll();
        done = parse(buffer, response);
        return done || socket.state() == QAbstractSocket::UnconnectedState;
    }, timeoutMs);
    if (!done) {
        buffer += socket.readAll();
        parse(buffer, response);
    }
    response.closed = socket.state() == QAbstractSocket::UnconnectedState;
    return response;
}

Response exchange(quint16 port, const QByteArray &request, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    socket.write(request);
    return read(socket, timeoutMs);
}

} // namespace Switchyard::Testing::RawHttp
