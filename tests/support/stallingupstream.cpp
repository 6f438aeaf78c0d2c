// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/support/stallingupstream.h"

#include <QHostAddress>

namespace Switchyard::Testing {

namespace {

QByteArray chunk(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

QByteArray sseEvent(const QByteArray &json)
{
    return chunk("data: " + json + "\n\n");
}

const QByteArray s_streamHead = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                                "Transfer-Encoding: chunked\r\n\r\n";
const QByteArray s_roleChunk = R"({"id":"c1","object":"chat.completion.chunk","created":1,)"
                               R"("model":"stall-model","choices":[{"index":0,)"
                               R"("delta":{"role":"assistant","content":""},"finish_reason":null}]})";

QByteArray answer(bool stream)
{
    if (!stream) {
        const QByteArray body = R"({"id":"c1","object":"chat.completion","created":1,)"
                                R"("model":"stall-model","choices":[{"index":0,"message":)"
                                R"({"role":"assistant","content":"hi"},"finish_reason":"stop"}],)"
                                R"("usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}})";
        return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
               + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    }
    return s_streamHead + sseEvent(s_roleChunk)
           + sseEvent(R"({"id":"c1","object":"chat.completion.chunk","created":1,"model":"stall-model",)"
                   R"("choices":[{"index":0,"delta":{"content":"hi"},"finish_reason":"stop"}]})")
           + sseEvent(R"({"id":"c1","object":"chat.completion.chunk","created":1,"model":"stall-model",)"
                   R"("choices":[],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}})")
           + chunk("data: [DONE]\n\n") + "0\r\n\r\n";
}

} // namespace

StallingUpstream::StallingUpstream(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &StallingUpstream::onConnection);
}

StallingUpstream::~StallingUpstream()
{
    for (const QPointer<QTcpSocket> &socket : std::as_const(m_sockets)) {
        if (socket) {
            socket->abort();
        }
    }
}

bool StallingUpstream::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QString StallingUpstream::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1/v1").arg(m_server.serverPort());
}

void StallingUpstream::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        m_sockets.append(socket);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    }
}

void StallingUpstream::onReadyRead(QTcpSocket *socket)
{
    if (socket->property("answered").toBool()) {
        socket->readAll(); // one request per connection is all these tests need
        return;
    }
    const QByteArray pending = socket->property("pending").toByteArray() + socket->readAll();
    socket->setProperty("pending", pending);
    const qsizetype end = pending.indexOf("\r\n\r\n");
    if (end < 0) {
        return;
    }
    qsizetype bodyLength = 0;
    for (const QByteArray &line : pending.left(end).split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (trimmed.toLower().startsWith("content-length:")) {
            bodyLength = trimmed.mid(15).trimmed().toLongLong();
        }
    }
    if (pending.size() < end + 4 + bodyLength) {
        return;
    }
    socket->setProperty("answered", true);
    socket->setProperty("pending", QByteArray());
    const bool stream = pending.mid(end + 4).contains("\"stream\":true");
    ++m_requests;
    switch (m_mode) {
    case Mode::Answer:
        socket->write(answer(stream));
        break;
    case Mode::Silent:
        break;
    case Mode::HeadersOnly:
        socket->write(stream ? s_streamHead
                             : QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                          "Content-Length: 100\r\n\r\n"));
        break;
    case Mode::RoleChunk:
        socket->write(s_streamHead + sseEvent(s_roleChunk));
        break;
    }
    Q_EMIT requestReceived();
}

} // namespace Switchyard::Testing
