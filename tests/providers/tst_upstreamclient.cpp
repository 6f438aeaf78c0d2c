// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/providers/http/upstreamclient.h"
#include "core/providers/http/upstreamexchange.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <functional>
#include <memory>

using Switchyard::HttpHeaders;
using Switchyard::Providers::UpstreamClient;
using Switchyard::Providers::UpstreamExchange;
using Switchyard::Providers::UpstreamRequestSpec;
using ErrorKind = Switchyard::Providers::UpstreamExchange::ErrorKind;

namespace {

/// A scripted HTTP/1.1 server: parses each request (head + Content-Length body) and hands it
/// to `respond` with the connection's index and the request's index on that connection.
struct ScriptedServer
{
    using Responder = std::function<void(QTcpSocket *, const QByteArray &request, int connection,
                                         int requestOnConnection)>;

    QTcpServer server;
    Responder respond;
    int accepted = 0;
    QList<QByteArray> requests;

    bool listen()
    {
        QObject::connect(&server, &QTcpServer::newConnection, &server, [this] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                const int index = accepted++;
                auto buffer = std::make_shared<QByteArray>();
                auto count = std::make_shared<int>(0);
                QObject::connect(socket, &QTcpSocket::readyRead, socket,
                                 [this, socket, index, buffer, count] {
                                     buffer->append(socket->readAll());
                                     takeRequests(socket, index, *buffer, *count);
                                 });
            }
        });
        return server.listen(QHostAddress::LocalHost, 0);
    }

    void takeRequests(QTcpSocket *socket, int index, QByteArray &buffer, int &count)
    {
        for (;;) {
            const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
            if (headEnd < 0) {
                return;
            }
            qsizetype length = 0;
            const QByteArray head = buffer.first(headEnd);
            const qsizetype at = head.toLower().indexOf("content-length:");
            if (at >= 0) {
                const qsizetype eol = head.indexOf("\r\n", at);
                length = head.mid(at + 15, eol < 0 ? -1 : eol - at - 15).trimmed().toLongLong();
            }
            if (buffer.size() < headEnd + 4 + length) {
                return;
            }
            const QByteArray request = buffer.first(headEnd + 4 + length);
            buffer.remove(0, request.size());
            requests.append(request);
            respond(socket, request, index, count++);
        }
    }

    QUrl url(const QString &path = QStringLiteral("/v1/thing")) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(server.serverPort()).arg(path));
    }
};

const QByteArray s_okHello = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-Test: yes\r\n\r\nhello";

struct Outcome
{
    std::unique_ptr<QSignalSpy> head;
    std::unique_ptr<QSignalSpy> finished;
    std::unique_ptr<QSignalSpy> failed;
    QByteArray body;
};

std::unique_ptr<Outcome> watch(UpstreamExchange *exchange)
{
    auto outcome = std::make_unique<Outcome>();
    outcome->head = std::make_unique<QSignalSpy>(exchange, &UpstreamExchange::responseHead);
    outcome->finished = std::make_unique<QSignalSpy>(exchange, &UpstreamExchange::finished);
    outcome->failed = std::make_unique<QSignalSpy>(exchange, &UpstreamExchange::failed);
    QObject::connect(exchange, &UpstreamExchange::bodyData, exchange,
                     [o = outcome.get()](const QByteArray &bytes) { o->body += bytes; });
    return outcome;
}

UpstreamRequestSpec spec(const QUrl &url, const QByteArray &body = "{\"a\":1}")
{
    UpstreamRequestSpec s;
    s.url = url;
    s.headers = {{"Content-Type", "application/json"}, {"Authorization", "Bearer test"}};
    s.body = body;
    s.firstByteTimeoutMs = 5000;
    s.totalTimeoutMs = 10000;
    return s;
}

} // namespace

class tst_UpstreamClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bodyFraming_data();
    void bodyFraming();
    void requestIsWellFormed();
    void keepAliveReuse();
    void staleReusedConnectionRetriedOnce();
    void connectionRefused();
    void firstByteTimeout();
    void abortEmitsNothing();
    void invalidUrlFailsAsynchronously();
    void errorStatusIsAResponse();
    void sequentialRequestsDoNotStall();
};

void tst_UpstreamClient::bodyFraming_data()
{
    QTest::addColumn<QByteArrayList>("writes");
    QTest::addColumn<bool>("closeAfter");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("content-length") << QByteArrayList{s_okHello} << false << QByteArray("hello");
    QTest::newRow("content-length in pieces")
        << QByteArrayList{"HTTP/1.1 200 OK\r\nContent-Le", "ngth: 11\r\n\r\nhello", " world"}
        << false << QByteArray("hello world");
    QTest::newRow("chunked")
        << QByteArrayList{"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n",
                          "6\r\n world\r\n0\r\n\r\n"}
        << false << QByteArray("hello world");
    QTest::newRow("close-delimited")
        << QByteArrayList{"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil ", "the end"}
        << true << QByteArray("until the end");
}

void tst_UpstreamClient::bodyFraming()
{
    QFETCH(QByteArrayList, writes);
    QFETCH(bool, closeAfter);
    QFETCH(QByteArray, body);

    ScriptedServer server;
    server.respond = [&](QTcpSocket *socket, const QByteArray &, int, int) {
        for (const QByteArray &piece : writes) {
            socket->write(piece);
            socket->flush();
        }
        if (closeAfter) {
            socket->disconnectFromHost();
        }
    };
    QVERIFY(server.listen());
    UpstreamClient client;
    auto outcome = watch(client.send(spec(server.url()), this));
    QVERIFY(outcome->finished->wait(5000));
    QCOMPARE(outcome->failed->count(), 0);
    QCOMPARE(outcome->head->count(), 1);
    QCOMPARE(outcome->head->first().at(0).toInt(), 200);
    QCOMPARE(outcome->body, body);
}

void tst_UpstreamClient::requestIsWellFormed()
{
    ScriptedServer server;
    server.respond = [](QTcpSocket *socket, const QByteArray &, int, int) {
        socket->write(s_okHello);
    };
    QVERIFY(server.listen());
    UpstreamClient client;
    auto outcome = watch(client.send(spec(server.url(QStringLiteral("/v1/chat?x=1")), "{}"), this));
    QVERIFY(outcome->finished->wait(5000));
    QCOMPARE(server.requests.size(), 1);
    const QByteArray request = server.requests.first();
    QVERIFY(request.startsWith("POST /v1/chat?x=1 HTTP/1.1\r\n"));
    QVERIFY(request.contains("\r\nHost: 127.0.0.1:"));
    QVERIFY(request.contains("\r\nContent-Length: 2\r\n"));
    QVERIFY(request.contains("\r\nAuthorization: Bearer test\r\n"));
    QVERIFY(request.endsWith("\r\n\r\n{}"));
    const auto headers = outcome->head->first().at(1).value<HttpHeaders>();
    QCOMPARE(Switchyard::headerValue(headers, "x-test"), QByteArray("yes"));
}

void tst_UpstreamClient::keepAliveReuse()
{
    ScriptedServer server;
    server.respond = [](QTcpSocket *socket, const QByteArray &, int, int) {
        socket->write(s_okHello);
    };
    QVERIFY(server.listen());
    UpstreamClient client;
    for (int i = 0; i < 2; ++i) {
        UpstreamExchange *exchange = client.send(spec(server.url()), this);
        auto outcome = watch(exchange);
        QVERIFY(outcome->finished->wait(5000));
        QCOMPARE(outcome->body, QByteArray("hello"));
        QCOMPARE(exchange->reusedConnection(), i == 1);
    }
    QCOMPARE(server.accepted, 1);
    QCOMPARE(client.connectionsOpened(), quint64(1));
    QCOMPARE(client.idleConnectionCount(), 1);
}

void tst_UpstreamClient::staleReusedConnectionRetriedOnce()
{
    ScriptedServer server;
    // Connection 0 answers its first request, then drops the second without a byte, as a
    // server does that closed an idle keep-alive connection. Connection 1 answers.
    server.respond = [](QTcpSocket *socket, const QByteArray &, int connection, int request) {
        if (connection == 0 && request == 1) {
            socket->abort();
            return;
        }
        socket->write(s_okHello);
    };
    QVERIFY(server.listen());
    UpstreamClient client;
    auto first = watch(client.send(spec(server.url()), this));
    QVERIFY(first->finished->wait(5000));
    UpstreamExchange *exchange = client.send(spec(server.url()), this);
    auto second = watch(exchange);
    QVERIFY(second->finished->wait(5000));
    QCOMPARE(second->failed->count(), 0);
    QCOMPARE(second->head->count(), 1);
    QCOMPARE(second->body, QByteArray("hello"));
    QCOMPARE(server.accepted, 2);
    QCOMPARE(server.requests.size(), 3);
    QCOMPARE(client.connectionsOpened(), quint64(2));
}

void tst_UpstreamClient::connectionRefused()
{
    QTcpServer dead;
    QVERIFY(dead.listen(QHostAddress::LocalHost, 0));
    const quint16 port = dead.serverPort();
    dead.close();
    UpstreamClient client;
    UpstreamExchange *exchange = client.send(
        spec(QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port))), this);
    auto outcome = watch(exchange);
    QVERIFY(outcome->failed->wait(5000));
    QCOMPARE(outcome->failed->first().at(0).value<ErrorKind>(), ErrorKind::ConnectionRefused);
    QCOMPARE(outcome->head->count(), 0);
    QCOMPARE(outcome->finished->count(), 0);
}

void tst_UpstreamClient::firstByteTimeout()
{
    ScriptedServer server;
    server.respond = [](QTcpSocket *, const QByteArray &, int, int) {}; // never answers
    QVERIFY(server.listen());
    UpstreamClient client;
    UpstreamRequestSpec s = spec(server.url());
    s.firstByteTimeoutMs = 150;
    auto outcome = watch(client.send(s, this));
    QVERIFY(outcome->failed->wait(5000));
    QCOMPARE(outcome->failed->first().at(0).value<ErrorKind>(), ErrorKind::FirstByteTimeout);
    QVERIFY(UpstreamExchange::isTimeout(ErrorKind::FirstByteTimeout));
    QCOMPARE(server.requests.size(), 1);
    QCOMPARE(client.idleConnectionCount(), 0);
}

void tst_UpstreamClient::abortEmitsNothing()
{
    ScriptedServer server;
    QPointer<QTcpSocket> serverSide;
    server.respond = [&](QTcpSocket *socket, const QByteArray &, int, int) {
        serverSide = socket;
    };
    QVERIFY(server.listen());
    UpstreamClient client;
    UpstreamExchange *exchange = client.send(spec(server.url()), this);
    auto outcome = watch(exchange);
    QTRY_VERIFY_WITH_TIMEOUT(server.requests.size() == 1, 5000);
    exchange->abort();
    QVERIFY(exchange->isDone());
    serverSide->write(s_okHello);
    // The server sees the aborted connection close; nothing reaches the exchange.
    QTRY_VERIFY_WITH_TIMEOUT(!serverSide || serverSide->state() != QAbstractSocket::ConnectedState,
                             5000);
    QCOMPARE(outcome->head->count() + outcome->finished->count() + outcome->failed->count(), 0);
}

void tst_UpstreamClient::invalidUrlFailsAsynchronously()
{
    UpstreamClient client;
    UpstreamExchange *exchange = client.send(spec(QUrl(QStringLiteral("ftp://x/y"))), this);
    auto outcome = watch(exchange);
    QCOMPARE(outcome->failed->count(), 0);
    QVERIFY(outcome->failed->wait(5000));
    QCOMPARE(outcome->failed->first().at(0).value<ErrorKind>(), ErrorKind::InvalidRequest);
}

void tst_UpstreamClient::errorStatusIsAResponse()
{
    ScriptedServer server;
    server.respond = [](QTcpSocket *socket, const QByteArray &, int, int) {
        socket->write("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 2\r\n"
                      "Content-Length: 4\r\n\r\nbusy");
    };
    QVERIFY(server.listen());
    UpstreamClient client;
    auto outcome = watch(client.send(spec(server.url()), this));
    QVERIFY(outcome->finished->wait(5000));
    QCOMPARE(outcome->head->first().at(0).toInt(), 503);
    QCOMPARE(outcome->body, QByteArray("busy"));
    QCOMPARE(client.idleConnectionCount(), 1);
}

void tst_UpstreamClient::sequentialRequestsDoNotStall()
{
    // 300 keep-alive round trips: a Nagle/delayed-ACK stall (~40 ms each) would take 12 s.
    ScriptedServer server;
    server.respond = [](QTcpSocket *socket, const QByteArray &, int, int) {
        socket->write(s_okHello);
    };
    QVERIFY(server.listen());
    UpstreamClient client;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 300; ++i) {
        UpstreamExchange *exchange = client.send(spec(server.url()), nullptr);
        QSignalSpy finished(exchange, &UpstreamExchange::finished);
        QVERIFY(finished.wait(5000));
        delete exchange;
    }
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(server.accepted, 1);
}

QTEST_GUILESS_MAIN(tst_UpstreamClient)
#include "tst_upstreamclient.moc"
