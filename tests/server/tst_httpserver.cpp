// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/server/httpserver.h"
#include "core/server/irequesthandler.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

#include <memory>
#include <optional>

using namespace Switchyard;
using namespace Switchyard::Server;

namespace {

constexpr int kWaitMs = 5000;

/// Echo / delayed / streaming / held answers, chosen by path.
class TestHandler final : public IRequestHandler
{
public:
    void handleRequest(HttpRequest &&request, std::shared_ptr<ResponseWriter> writer) override
    {
        requests.append(request);
        const QUrlQuery query(QString::fromLatin1(request.target.mid(request.path.size() + 1)));
        const int ms = query.queryItemValue(QStringLiteral("ms")).toInt();
        if (request.path == "/delay") {
            QTimer::singleShot(ms, [writer, body = request.path] {
                writer->send(200, {{"Content-Type", "text/plain"}}, "late " + body);
            });
        } else if (request.path == "/stream") {
            writer->startStream(200, {{"Content-Type", "text/event-stream"}});
            writer->writeChunk("a");
            QTimer::singleShot(ms, [writer] {
                writer->writeChunk("bb");
                QTimer::singleShot(10, [writer] {
                    writer->writeChunk("ccc");
                    writer->finishStream();
                });
            });
        } else if (request.path == "/hold") {
            writer->setDisconnectHandler([this] { ++disconnects; });
            writer->startStream(200, {{"Content-Type", "text/event-stream"}});
            writer->writeChunk("first");
            held = writer;
        } else {
            writer->send(200, {{"Content-Type", "text/plain"}, {"X-Path", request.path}},
                         request.method + ' ' + request.target + '|' + request.body);
        }
    }

    QList<HttpRequest> requests;
    std::shared_ptr<ResponseWriter> held;
    int disconnects = 0;
};

struct Response
{
    int status = 0;
    HttpHeaders headers;
    QByteArray body;
    QByteArray raw;
    QByteArray header(QByteArrayView name) const { return headerValue(headers, name); }
    QJsonObject error() const
    {
        return QJsonDocument::fromJson(body).object().value(u"error").toObject();
    }
};

/// A raw HTTP client on the test's event loop.
class Client final
{
    Q_DISABLE_COPY_MOVE(Client)
public:
    Client()
    {
        QObject::connect(&socket, &QIODevice::readyRead, [this] { buffer += socket.readAll(); });
    }

    bool connectTo(quint16 port)
    {
        socket.connectToHost(QHostAddress::LocalHost, port);
        return pumpUntil([this] { return socket.state() == QAbstractSocket::ConnectedState; });
    }
    void send(const QByteArray &data) { socket.write(data); }
    bool closed() const { return socket.state() == QAbstractSocket::UnconnectedState; }

    /// Runs the event loop until `done()` or the bounded wait expires.
    template<typename Predicate>
    static bool pumpUntil(Predicate done, int timeoutMs = kWaitMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!done()) {
            if (deadline.hasExpired()) {
                return false;
            }
            QEventLoop loop;
            QTimer::singleShot(qMin<qint64>(20, deadline.remainingTime()), &loop, &QEventLoop::quit);
            loop.exec();
        }
        return true;
    }

    /// Parses one response (Content-Length, chunked, or read-until-close) from the buffer.
    std::optional<Response> tryParse(bool atEof)
    {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            return std::nullopt;
        }
        Response r;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        r.status = lines.first().split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            r.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        }
        qsizetype pos = end + 4;
        if (r.header("transfer-encoding") == "chunked") {
            for (;;) {
                const qsizetype eol = buffer.indexOf("\r\n", pos);
                if (eol < 0) {
                    return std::nullopt;
                }
                bool ok = false;
                const qsizetype size = buffer.mid(pos, eol - pos).toLongLong(&ok, 16);
                if (!ok || buffer.size() < eol + 2 + size + 2) {
                    return std::nullopt;
                }
                r.body += buffer.mid(eol + 2, size);
                pos = eol + 2 + size + 2;
                if (size == 0) {
                    break;
                }
            }
        } else if (!r.header("content-length").isEmpty()) {
            const qsizetype length = r.header("content-length").toLongLong();
            if (buffer.size() < pos + length) {
                return std::nullopt;
            }
            r.body = buffer.mid(pos, length);
            pos += length;
        } else if (r.status >= 200 && r.status != 204 && r.status != 304) {
            if (!atEof) {
                return std::nullopt;
            }
            r.body = buffer.mid(pos);
            pos = buffer.size();
        }
        r.raw = buffer.left(pos);
        buffer.remove(0, pos);
        return r;
    }

    std::optional<Response> readResponse(int timeoutMs = kWaitMs)
    {
        std::optional<Response> response;
        pumpUntil([&] { return (response = tryParse(closed())).has_value() || closed(); },
                  timeoutMs);
        if (!response) {
            response = tryParse(true);
        }
        return response;
    }

    QTcpSocket socket;
    QByteArray buffer;
};

} // namespace

class tst_HttpServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void getRoundTrip();
    void postRoundTrip();
    void largeBodyAndResponse();
    void keepAliveTwoRequests();
    void pipelinedRequestsAnsweredInOrder();
    void chunkedRequestBody();
    void expectContinue();
    void http10ClosesAfterResponse();
    void malformedRequestGets400();
    void oversizeContentLengthGets413AtOnce();
    void oversizeChunkedBodyGets413();
    void oversizeHeadersGet431();
    void slowClientGets408WhileOthersAreServed();
    void connectionLimitAnswers503();
    void streamedResponseIsChunkedInOrder();
    void clientDisconnectMidStream();
    void asynchronousResponse();
    void idleConnectionIsClosed();
    void customErrorFormatter();
    void listenErrorNamesAddress();

private:
    quint16 startServer(const ServerLimits &limits = {});

    std::unique_ptr<TestHandler> m_handler;
    std::unique_ptr<HttpServer> m_server;
};

void tst_HttpServer::init()
{
    m_handler = std::make_unique<TestHandler>();
    m_server = std::make_unique<HttpServer>(m_handler.get());
}

void tst_HttpServer::cleanup()
{
    m_server.reset();
    m_handler.reset();
}

quint16 tst_HttpServer::startServer(const ServerLimits &limits)
{
    m_server->setLimits(limits);
    const Result<quint16> port = m_server->listen(QHostAddress::LocalHost, 0);
    if (!port.ok()) {
        qWarning() << port.error().message;
        return 0;
    }
    return port.value();
}

void tst_HttpServer::getRoundTrip()
{
    const quint16 port = startServer();
    QVERIFY(port != 0);
    Client client;
    QVERIFY(client.connectTo(port));
    client.send("GET /hello?x=1 HTTP/1.1\r\nHost: localhost\r\nX-Custom: yes\r\n\r\n");
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QVERIFY(response->raw.startsWith("HTTP/1.1 200 OK\r\n"));
    QCOMPARE(response->body, QByteArray("GET /hello?x=1|"));
    QCOMPARE(response->header("x-path"), QByteArray("/hello"));
    QCOMPARE(response->header("content-length"), QByteArray("15"));
    QVERIFY(response->header("connection").isEmpty());
    QCOMPARE(m_handler->requests.size(), 1);
    const HttpRequest &request = m_handler->requests.first();
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.path, QByteArray("/hello"));
    QCOMPARE(headerValue(request.headers, "x-custom"), QByteArray("yes"));
    QCOMPARE(request.peerAddress, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(request.peerPort, client.socket.localPort());
    QCOMPARE(request.localPort, port);
    QCOMPARE(m_server->connectionCount(), 1);
    QCOMPARE(m_server->activeRequestCount(), 0);
}

void tst_HttpServer::postRoundTrip()
{
    const quint16 port = startServer();
    Client client;
    QVERIFY(client.connectTo(port));
    const QByteArray body = R"({"model":"gpt-4o-mini","messages":[]})";
    client.send("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                "Content-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, "POST /v1/chat/completions|" + body);
    QCOMPARE(m_handler->requests.first().body, body);
}

void tst_HttpServer::largeBodyAndResponse()
{
    const quint16 port = startServer();
    Client client;
    QVERIFY(client.connectTo(port));
    QByteArray body(3 * 1024 * 1024, 'x');
    for (qsizetype i = 0; i < body.size(); i += 4096) {
        body[i] = char('a' + (i / 4096) % 26);
    }
    const QByteArray request = "POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: "
                               + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    // Two of them pipelined in one write, far more than the server's read buffer.
    client.send(request + request);
    for (int i = 0; i < 2; ++i) {
        const auto response = client.readResponse(20000);
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body.size(), body.size() + 10);
        QVERIFY(response->body == "POST /big|" + body);
    }
    QCOMPARE(m_handler->requests.size(), 2);
}

void tst_HttpServer::keepAliveTwoRequests()
{
    const quint16 port = startServer();
    Client client;
    QVERIFY(client.connectTo(port));
    for (const QByteArray &path : {QByteArray("/one"), QByteArray("/two")}) {
        client.send("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->body, "GET " + path + '|');
        QVERIFY(!client.closed());
    }
    QCOMPARE(m_handler->requests.size(), 2);
    QCOMPARE(m_server->connectionCount(), 1);
}

void tst_HttpServer::pipelinedRequestsAnsweredInOrder()
{
    const quint16 port = startServer();
    Client client;
    QVERIFY(client.connectTo(port));
    // The first is answered later than the second would be; order must still hold.
    client.send("GET /delay?ms=50 HTTP/1.1\r\nHost: x\r\n\r\n"
                "POST /second HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
                "GET /third HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto first = client.readResponse();
    const auto second = client.readResponse();
    const auto third = client.readResponse();
    QVERIFY(first && second && third);
    QCOMPARE(first->body, QByteArray("late /delay"));
    QCOMPARE(second->body, QByteArray("POST /second|abc"));
    QCOMPARE(third->body, QByteArray("GET /third|"));
    QVERIFY(client.buffer.isEmpty());
    QCOMPARE(m_handler->requests.size(), 3);
}

void tst_HttpServer::chunkedRequestBody()
{
    const quint16 port = startServer();
    Client client;
    QVERIFY(client.connectTo(port));
    client.send("POST /up HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, QByteArray("POST /up|hello world"));
}

void tst_HttpServer::expectContinue()
{
    const quint16 port = startServer();
    Client client;
    QVERIFY(client.connectTo(port));
    client.send("POST /up HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
    const QByteArray interim = "HTTP/1.1 100 Continue\r\n\r\n";
    QVERIFY(Client::pumpUntil([&] { return client.buffer.size() >= interim.size(); }));
    QCOMPARE(client.buffer, interim);
    QVERIFY(m_handler->requests.isEmpty());
    client.buffer.clear();
    client.send("hello");
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, QByteArray("POST /up|hello"));
}

void tst_HttpServer::http10ClosesAfterResponse()
{
    const quint16 port = startServer();
    Client client;
    QVERIFY(client.connectTo(port));
    client.send("GET /old HTTP/1.0\r\n\r\n");
    const auto response = client.readResponse();
    QVERIFY(response);
    QVERIFY(response->raw.startsWith("HTTP/1.0 200 OK\r\n"));
    QCOMPARE(response->header("connection"), QByteArray("close"));
    QVERIFY(Client::pumpUntil([&] { return client.closed(); }));
}

void tst_HttpServer::malformedRequestGets400()
{
    const quint16 port = startServer();
    Client client;
    QVERIFY(client.connectTo(port));
    client.send("BLAH /x HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 400);
    QCOMPARE(response->header("content-type"), QByteArray("application/json"));
    QCOMPARE(response->header("connection"), QByteArray("close"));
    QCOMPARE(response->error().value(u"type").toString(), QStringLiteral("invalid_request_error"));
    const QString message = response->error().value(u"message").toString();
    QVERIFY2(message.contains(QLatin1String("invalid HTTP method")), qPrintable(message));
    QVERIFY(Client::pumpUntil([&] { return client.closed(); }));
    QVERIFY(m_handler->requests.isEmpty());
}

void tst_HttpServer::oversizeContentLengthGets413AtOnce()
{
    const quint16 port = startServer();
    Client big;
    Client normal;
    QVERIFY(big.connectTo(port));
    QVERIFY(normal.connectTo(port));
    // Only the headers are sent: the answer must not wait for the 40 MiB body.
    big.send("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: "
             + QByteArray::number(40LL * 1024 * 1024) + "\r\n\r\n");
    normal.send("GET /fine HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto rejected = big.readResponse();
    const auto served = normal.readResponse();
    QVERIFY(rejected && served);
    QCOMPARE(rejected->status, 413);
    QCOMPARE(rejected->error().value(u"message").toString(),
             QStringLiteral("request body is 40.0 MiB; the limit is 32.0 MiB (server.max_body_bytes)"));
    QCOMPARE(rejected->error().value(u"type").toString(), QStringLiteral("invalid_request_error"));
    QVERIFY(Client::pumpUntil([&] { return big.closed(); }));
    QCOMPARE(served->status, 200);
    QCOMPARE(served->body, QByteArray("GET /fine|"));
}

void tst_HttpServer::oversizeChunkedBodyGets413()
{
    ServerLimits limits;
    limits.maxBodyBytes = 8;
    const quint16 port = startServer(limits);
    Client client;
    QVERIFY(client.connectTo(port));
    client.send("POST /up HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                "5\r\nhello\r\n5\r\nworld\r\n");
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 413);
    QVERIFY(response->error().value(u"message").toString().contains(
        QLatin1String("server.max_body_bytes")));
    QVERIFY(Client::pumpUntil([&] { return client.closed(); }));
    QVERIFY(m_handler->requests.isEmpty());
}

void tst_HttpServer::oversizeHeadersGet431()
{
    ServerLimits limits;
    limits.maxHeaderBytes = 1024;
    const quint16 port = startServer(limits);
    Client client;
    QVERIFY(client.connectTo(port));
    client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(2000, 'a') + "\r\n\r\n");
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 431);
    QVERIFY(response->raw.startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n"));
    QVERIFY(response->error().value(u"message").toString().contains(
        QLatin1String("server.max_header_bytes")));
    QVERIFY(Client::pumpUntil([&] { return client.closed(); }));
}

void tst_HttpServer::slowClientGets408WhileOthersAreServed()
{
    ServerLimits limits;
    limits.headerTimeoutMs = 300;
    const quint16 port = startServer(limits);
    Client slow;
    Client fast;
    QVERIFY(slow.connectTo(port));
    QVERIFY(fast.connectTo(port));
    QElapsedTimer elapsed;
    elapsed.start();
    slow.send("GET /slow HTTP/1.1\r\nHost: x\r\n");
    fast.send("GET /fast HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto served = fast.readResponse();
    QVERIFY(served);
    QCOMPARE(served->body, QByteArray("GET /fast|"));
    QVERIFY(slow.buffer.isEmpty());
    const auto timedOut = slow.readResponse();
    QVERIFY(timedOut);
    QCOMPARE(timedOut->status, 408);
    QVERIFY(elapsed.elapsed() >= 250);
    QCOMPARE(timedOut->error().value(u"type").toString(), QStringLiteral("invalid_request_error"));
    QVERIFY(timedOut->error().value(u"message").toString().contains(
        QLatin1String("server.header_timeout_ms")));
    QVERIFY(Client::pumpUntil([&] { return slow.closed(); }));
}

void tst_HttpServer::connectionLimitAnswers503()
{
    ServerLimits limits;
    limits.maxConnections = 2;
    const quint16 port = startServer(limits);
    Client first;
    Client second;
    Client third;
    QVERIFY(first.connectTo(port));
    QVERIFY(second.connectTo(port));
    QVERIFY(Client::pumpUntil([&] { return m_server->connectionCount() == 2; }));
    // The server answers and closes at once, so do not wait for ConnectedState here.
    third.socket.connectToHost(QHostAddress::LocalHost, port);
    third.send("GET /third HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto rejected = third.readResponse();
    QVERIFY(rejected);
    QCOMPARE(rejected->status, 503);
    QCOMPARE(rejected->error().value(u"type").toString(), QStringLiteral("server_overloaded"));
    QVERIFY(Client::pumpUntil([&] { return third.closed(); }));
    QCOMPARE(m_server->connectionCount(), 2);
    first.send("GET /first HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto served = first.readResponse();
    QVERIFY(served);
    QCOMPARE(served->status, 200);
    QCOMPARE(m_handler->requests.size(), 1);
}

void tst_HttpServer::streamedResponseIsChunkedInOrder()
{
    const quint16 port = startServer();
    Client client;
    QVERIFY(client.connectTo(port));
    client.send("GET /stream?ms=20 HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->header("transfer-encoding"), QByteArray("chunked"));
    QVERIFY(response->header("content-length").isEmpty());
    QVERIFY(response->raw.endsWith("\r\n\r\n1\r\na\r\n2\r\nbb\r\n3\r\nccc\r\n0\r\n\r\n"));
    QCOMPARE(response->body, QByteArray("abbccc"));
    QCOMPARE(m_server->activeRequestCount(), 0);
    // The connection is reusable after the terminating chunk.
    client.send("GET /after HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto after = client.readResponse();
    QVERIFY(after);
    QCOMPARE(after->body, QByteArray("GET /after|"));
}

void tst_HttpServer::clientDisconnectMidStream()
{
    const quint16 port = startServer();
    QSignalSpy idleSpy(m_server.get(), &HttpServer::idle);
    {
        Client client;
        QVERIFY(client.connectTo(port));
        client.send("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(Client::pumpUntil([&] { return client.buffer.endsWith("5\r\nfirst\r\n"); }));
        QCOMPARE(m_server->activeRequestCount(), 1);
        QVERIFY(m_handler->held && m_handler->held->isOpen());
        QVERIFY(m_handler->held->hasStarted());
        client.socket.abort();
    }
    QVERIFY(Client::pumpUntil([&] { return m_handler->disconnects > 0; }));
    QCOMPARE(m_handler->disconnects, 1);
    QCOMPARE(m_server->activeRequestCount(), 0);
    QCOMPARE(idleSpy.count(), 1);
    QVERIFY(!m_handler->held->isOpen());
    m_handler->held->writeChunk("late");
    m_handler->held->finishStream();
    m_handler->held->abort();
    QCOMPARE(m_handler->held->pendingBytes(), 0);
    QVERIFY(Client::pumpUntil([&] { return m_server->connectionCount() == 0; }));
    QCOMPARE(m_handler->disconnects, 1);
    QCOMPARE(idleSpy.count(), 1);
}

void tst_HttpServer::asynchronousResponse()
{
    const quint16 port = startServer();
    QSignalSpy idleSpy(m_server.get(), &HttpServer::idle);
    Client client;
    QVERIFY(client.connectTo(port));
    client.send("GET /delay?ms=100 HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(Client::pumpUntil([&] { return m_server->activeRequestCount() == 1; }));
    QVERIFY(client.buffer.isEmpty());
    QVERIFY(idleSpy.wait(kWaitMs));
    QCOMPARE(m_server->activeRequestCount(), 0);
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, QByteArray("late /delay"));
}

void tst_HttpServer::idleConnectionIsClosed()
{
    ServerLimits limits;
    limits.idleTimeoutMs = 200;
    const quint16 port = startServer(limits);
    Client client;
    QVERIFY(client.connectTo(port));
    client.send("GET /once HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QVERIFY(!client.closed());
    QVERIFY(Client::pumpUntil([&] { return client.closed(); }));
    QVERIFY(client.buffer.isEmpty()); // closed silently, no 408
    QVERIFY(Client::pumpUntil([&] { return m_server->connectionCount() == 0; }));
}

void tst_HttpServer::customErrorFormatter()
{
    const quint16 port = startServer();
    m_server->setErrorFormatter(
        [](const QByteArray &path, int status, const QString &type, const QString &) -> QByteArray {
            return R"({"type":"error","error":{"type":")" + type.toUtf8() + R"("},"path":")" + path
                   + R"(","status":)" + QByteArray::number(status) + "}";
        });
    Client client;
    QVERIFY(client.connectTo(port));
    client.send("POST /v1/messages HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\n\r\n");
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 413);
    QCOMPARE(response->header("content-type"), QByteArray("application/json"));
    QCOMPARE(response->body, QByteArray(R"({"type":"error","error":{"type":"invalid_request_error"},)"
                                        R"("path":"/v1/messages","status":413})"));
}

void tst_HttpServer::listenErrorNamesAddress()
{
    const quint16 port = startServer();
    QVERIFY(port != 0);
    HttpServer other(m_handler.get());
    const Result<quint16> result = other.listen(QHostAddress::LocalHost, port);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().message,
             QStringLiteral("cannot listen on 127.0.0.1:%1: address in use").arg(port));
}

QTEST_GUILESS_MAIN(tst_HttpServer)
#include "tst_httpserver.moc"
