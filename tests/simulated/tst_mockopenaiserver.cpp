// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/support/mockopenaiserver.h"
#include "tests/support/mockservertest.h"
#include "tests/support/rawhttp.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

using Switchyard::Testing::MockOpenAiServer;
using Fault = MockOpenAiServer::Fault;
namespace MockServerTest = Switchyard::Testing::MockServerTest;
namespace RawHttp = Switchyard::Testing::RawHttp;
using RawResponse = RawHttp::Response;

namespace {

QByteArray chatBody(bool stream, bool includeUsage)
{
    QJsonObject body{{QStringLiteral("model"), QStringLiteral("gpt-4o-mini")},
                     {QStringLiteral("messages"),
                      QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                             {QStringLiteral("content"), QStringLiteral("Say hello")}}}}};
    if (stream)
        body.insert(QStringLiteral("stream"), true);
    if (includeUsage)
        body.insert(QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}});
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray httpRequest(const QByteArray &method, const QByteArray &path, const QByteArray &body = {},
                       const QByteArray &authorization = "Bearer sk-test")
{
    Switchyard::HttpHeaders headers;
    if (!authorization.isEmpty())
        headers.append({"Authorization", authorization});
    return RawHttp::request(method, path, headers, body);
}

QList<QJsonObject> sseEvents(const RawResponse &response, bool *sawDone)
{
    QList<QJsonObject> events;
    *sawDone = false;
    for (const QByteArray &chunk : response.chunks) {
        if (chunk == "data: [DONE]\n\n") {
            *sawDone = true;
            continue;
        }
        events.append(QJsonDocument::fromJson(chunk.mid(6)).object());
    }
    return events;
}

} // namespace

class tst_MockOpenAiServer : public QObject
{
    Q_OBJECT

private:
    RawResponse exchange(const QByteArray &request)
    {
        return RawHttp::exchange(m_server->port(), request);
    }

    std::unique_ptr<MockOpenAiServer> m_server;

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<MockOpenAiServer>();
        MockServerTest::verifyListening(*m_server, QStringLiteral("/v1"));
    }

    void nonStreamCompletion()
    {
        m_server->setReplyText(QStringLiteral("Hi there, friend."));
        const RawResponse response = exchange(httpRequest("POST", "/v1/chat/completions", chatBody(false, false)));
        QCOMPARE(response.status, 200);
        QVERIFY(!response.chunked);
        QCOMPARE(response.header("content-type"), QByteArray("application/json"));
        QVERIFY(response.header("x-request-id").startsWith("req_"));
        QVERIFY(!response.header("openai-processing-ms").isEmpty());
        const QRegularExpression duration(QStringLiteral("^(\\d+m)?\\d+(ms|s)$"));
        QVERIFY(duration.match(QString::fromLatin1(response.header("x-ratelimit-reset-requests"))).hasMatch());
        QVERIFY(duration.match(QString::fromLatin1(response.header("x-ratelimit-reset-tokens"))).hasMatch());
        QVERIFY(!response.header("x-ratelimit-remaining-tokens").isEmpty());
        QCOMPARE(response.body, m_server->lastResponseBody());

        const QJsonObject body = QJsonDocument::fromJson(response.body).object();
        QVERIFY(body.value(QStringLiteral("id")).toString().startsWith(QStringLiteral("chatcmpl-")));
        QCOMPARE(body.value(QStringLiteral("object")).toString(), QStringLiteral("chat.completion"));
        QCOMPARE(body.value(QStringLiteral("model")).toString(), QStringLiteral("gpt-4o-mini-2024-07-18"));
        QVERIFY(body.value(QStringLiteral("created")).toInteger() > 1700000000);
        const QJsonObject choice = body.value(QStringLiteral("choices")).toArray().first().toObject();
        QCOMPARE(choice.value(QStringLiteral("message")).toObject().value(QStringLiteral("content")).toString(),
                 QStringLiteral("Hi there, friend."));
        QCOMPARE(choice.value(QStringLiteral("finish_reason")).toString(), QStringLiteral("stop"));
        const QJsonObject usage = body.value(QStringLiteral("usage")).toObject();
        QVERIFY(usage.value(QStringLiteral("prompt_tokens")).toInt() > 0);
        QVERIFY(usage.value(QStringLiteral("completion_tokens")).toInt() > 0);
        QCOMPARE(usage.value(QStringLiteral("total_tokens")).toInt(),
                 usage.value(QStringLiteral("prompt_tokens")).toInt() + usage.value(QStringLiteral("completion_tokens")).toInt());
        QVERIFY(usage.value(QStringLiteral("prompt_tokens_details")).toObject().contains(QStringLiteral("cached_tokens")));
        QVERIFY(usage.value(QStringLiteral("completion_tokens_details")).toObject().contains(QStringLiteral("reasoning_tokens")));
        QVERIFY(body.contains(QStringLiteral("system_fingerprint")));
        QCOMPARE(m_server->requestCount(), 1);
        QCOMPARE(m_server->requests().first().path, QByteArray("/v1/chat/completions"));
        QCOMPARE(m_server->requests().first().body, chatBody(false, false));
    }

    void streamFraming_data()
    {
        QTest::addColumn<bool>("includeUsage");
        QTest::addColumn<int>("chunkDelayMs");
        QTest::newRow("without usage") << false << 0;
        QTest::newRow("with usage") << true << 0;
        QTest::newRow("with usage, paced") << true << 5;
    }

    void streamFraming()
    {
        QFETCH(bool, includeUsage);
        QFETCH(int, chunkDelayMs);
        m_server->setChunkDelayMs(chunkDelayMs);
        m_server->setReplyText(QStringLiteral("One two three \"four\"\nfive."));
        const RawResponse response = exchange(httpRequest("POST", "/v1/chat/completions", chatBody(true, includeUsage)));
        QCOMPARE(response.status, 200);
        QVERIFY(response.chunked);
        QVERIFY(response.complete);
        QVERIFY(response.header("content-type").startsWith("text/event-stream"));
        QVERIFY(!response.header("x-ratelimit-limit-requests").isEmpty());
        QCOMPARE(response.body, m_server->lastResponseBody());
        for (const QByteArray &chunk : response.chunks) {
            QVERIFY2(chunk.startsWith("data: ") && chunk.endsWith("\n\n") && chunk.count('\n') == 2, chunk.constData());
        }
        QCOMPARE(response.chunks.last(), QByteArray("data: [DONE]\n\n"));
        bool sawDone = false;
        const QList<QJsonObject> events = sseEvents(response, &sawDone);
        QVERIFY(sawDone);
        QVERIFY(events.size() >= 3);
        const QString id = events.first().value(QStringLiteral("id")).toString();
        QVERIFY(id.startsWith(QStringLiteral("chatcmpl-")));
        QString text;
        int finishIndex = -1;
        for (int i = 0; i < events.size(); ++i) {
            const QJsonObject &event = events.at(i);
            QCOMPARE(event.value(QStringLiteral("id")).toString(), id);
            QCOMPARE(event.value(QStringLiteral("object")).toString(), QStringLiteral("chat.completion.chunk"));
            QCOMPARE(event.value(QStringLiteral("created")), events.first().value(QStringLiteral("created")));
            QCOMPARE(event.value(QStringLiteral("model")).toString(), QStringLiteral("gpt-4o-mini-2024-07-18"));
            QCOMPARE(event.contains(QStringLiteral("usage")), includeUsage);
            const QJsonArray choices = event.value(QStringLiteral("choices")).toArray();
            if (choices.isEmpty()) {
                QVERIFY(includeUsage);
                QCOMPARE(i, events.size() - 1); // the usage chunk is last
                QVERIFY(event.value(QStringLiteral("usage")).toObject().value(QStringLiteral("total_tokens")).toInt() > 0);
                continue;
            }
            if (includeUsage)
                QVERIFY(event.value(QStringLiteral("usage")).isNull());
            const QJsonObject choice = choices.first().toObject();
            const QJsonObject delta = choice.value(QStringLiteral("delta")).toObject();
            if (i == 0) {
                QCOMPARE(delta.value(QStringLiteral("role")).toString(), QStringLiteral("assistant"));
                QCOMPARE(delta.value(QStringLiteral("content")).toString(), QString());
                QVERIFY(delta.value(QStringLiteral("content")).isString());
            }
            if (!choice.value(QStringLiteral("finish_reason")).isNull()) {
                QCOMPARE(finishIndex, -1);
                finishIndex = i;
                QVERIFY(delta.isEmpty());
                QCOMPARE(choice.value(QStringLiteral("finish_reason")).toString(), QStringLiteral("stop"));
            }
            text += delta.value(QStringLiteral("content")).toString();
        }
        QCOMPARE(text, QStringLiteral("One two three \"four\"\nfive."));
        QCOMPARE(finishIndex, int(events.size()) - (includeUsage ? 2 : 1));
    }

    void toolCallStream()
    {
        m_server->setToolCall(QStringLiteral("fx_rate"), QStringLiteral("{\"from\":\"USD\",\"to\":\"EUR\"}"));
        const RawResponse response = exchange(httpRequest("POST", "/v1/chat/completions", chatBody(true, true)));
        bool sawDone = false;
        const QList<QJsonObject> events = sseEvents(response, &sawDone);
        QVERIFY(sawDone);
        QVERIFY(events.size() >= 4);
        const auto toolDelta = [&](int i) {
            return events.at(i).value(QStringLiteral("choices")).toArray().first().toObject()
                .value(QStringLiteral("delta")).toObject().value(QStringLiteral("tool_calls")).toArray().first().toObject();
        };
        const QJsonObject first = toolDelta(0);
        QCOMPARE(first.value(QStringLiteral("index")).toInt(-1), 0);
        QVERIFY(first.value(QStringLiteral("id")).toString().startsWith(QStringLiteral("call_")));
        QCOMPARE(first.value(QStringLiteral("type")).toString(), QStringLiteral("function"));
        QCOMPARE(first.value(QStringLiteral("function")).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("fx_rate"));
        QCOMPARE(first.value(QStringLiteral("function")).toObject().value(QStringLiteral("arguments")).toString(), QString());
        QString arguments;
        for (int i = 1; i < events.size() - 2; ++i) {
            const QJsonObject fragment = toolDelta(i);
            QCOMPARE(fragment.value(QStringLiteral("index")).toInt(-1), 0);
            QVERIFY(!fragment.contains(QStringLiteral("id")));
            arguments += fragment.value(QStringLiteral("function")).toObject().value(QStringLiteral("arguments")).toString();
        }
        QCOMPARE(arguments, QStringLiteral("{\"from\":\"USD\",\"to\":\"EUR\"}"));
        const QJsonObject finish = events.at(events.size() - 2).value(QStringLiteral("choices")).toArray().first().toObject();
        QCOMPARE(finish.value(QStringLiteral("finish_reason")).toString(), QStringLiteral("tool_calls"));

        const RawResponse plain = exchange(httpRequest("POST", "/v1/chat/completions", chatBody(false, false)));
        const QJsonObject choice = QJsonDocument::fromJson(plain.body).object().value(QStringLiteral("choices")).toArray().first().toObject();
        QCOMPARE(choice.value(QStringLiteral("finish_reason")).toString(), QStringLiteral("tool_calls"));
        QVERIFY(choice.value(QStringLiteral("message")).toObject().value(QStringLiteral("content")).isNull());
        const QJsonObject call = choice.value(QStringLiteral("message")).toObject().value(QStringLiteral("tool_calls")).toArray().first().toObject();
        QCOMPARE(call.value(QStringLiteral("function")).toObject().value(QStringLiteral("arguments")).toString(),
                 QStringLiteral("{\"from\":\"USD\",\"to\":\"EUR\"}"));
    }

    void keepAliveAndConcurrency()
    {
        QTcpSocket first;
        QTcpSocket second;
        first.connectToHost(QHostAddress::LocalHost, m_server->port());
        second.connectToHost(QHostAddress::LocalHost, m_server->port());
        m_server->setLatencyMs(50);
        first.write(httpRequest("POST", "/v1/chat/completions", chatBody(true, false)));
        second.write(httpRequest("POST", "/v1/chat/completions", chatBody(false, false)));
        const RawResponse a = RawHttp::read(first);
        const RawResponse b = RawHttp::read(second);
        QCOMPARE(a.status, 200);
        QCOMPARE(b.status, 200);
        QVERIFY(!a.closed);
        // Reuse the first connection, with a chunked request body this time.
        const QByteArray body = chatBody(false, false);
        first.write("POST /v1/chat/completions HTTP/1.1\r\nAuthorization: Bearer k\r\n"
                    "Transfer-Encoding: chunked\r\n\r\n"
                    + QByteArray::number(body.size(), 16) + "\r\n" + body + "\r\n0\r\n\r\n");
        QCOMPARE(RawHttp::read(first).status, 200);
        QCOMPARE(m_server->requestCount(), 3);
        QCOMPARE(m_server->requests().last().body, body);
    }

    void latency()
    {
        m_server->setLatencyMs(120);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(exchange(httpRequest("GET", "/v1/models")).status, 200);
        QVERIFY(timer.elapsed() >= 120);
    }

    void models()
    {
        const RawResponse response = exchange(httpRequest("GET", "/v1/models"));
        QCOMPARE(response.status, 200);
        const QJsonObject body = QJsonDocument::fromJson(response.body).object();
        QCOMPARE(body.value(QStringLiteral("object")).toString(), QStringLiteral("list"));
        QVERIFY(!body.value(QStringLiteral("data")).toArray().isEmpty());
        QCOMPARE(exchange(httpRequest("GET", "/v1/models/gpt-4o-mini")).status, 200);
        QCOMPARE(exchange(httpRequest("GET", "/v1/nothing")).status, 404);
    }

    void auth_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("missing") << QByteArray() << 401 << QString();
        QTest::newRow("not bearer") << QByteArray("Basic abc") << 401 << QString();
        QTest::newRow("wrong key") << QByteArray("Bearer sk-wrong") << 401 << QStringLiteral("invalid_api_key");
        QTest::newRow("right key") << QByteArray("Bearer sk-right") << 200 << QString();
    }

    void auth()
    {
        QFETCH(QByteArray, authorization);
        QFETCH(int, status);
        QFETCH(QString, code);
        m_server->setExpectedApiKey(QStringLiteral("sk-right"));
        const RawResponse response = exchange(httpRequest("POST", "/v1/chat/completions", chatBody(false, false), authorization));
        QCOMPARE(response.status, status);
        if (status != 200) {
            const QJsonObject error = QJsonDocument::fromJson(response.body).object().value(QStringLiteral("error")).toObject();
            QCOMPARE(error.value(QStringLiteral("type")).toString(), QStringLiteral("invalid_request_error"));
            QCOMPARE(error.value(QStringLiteral("code")).toString(), code);
            QVERIFY(!response.body.contains("sk-"));
        }
    }

    void httpFaults_data()
    {
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::newRow("500") << Fault::ServerError500 << 500 << QStringLiteral("server_error") << QString() << QByteArray();
        QTest::newRow("429 rate") << Fault::RateLimited429 << 429 << QStringLiteral("requests") << QStringLiteral("rate_limit_exceeded") << QByteArray("1");
        QTest::newRow("429 quota") << Fault::InsufficientQuota429 << 429 << QStringLiteral("insufficient_quota") << QStringLiteral("insufficient_quota") << QByteArray();
        QTest::newRow("503") << Fault::Overloaded503 << 503 << QStringLiteral("server_error") << QString() << QByteArray();
        QTest::newRow("error event, non-stream") << Fault::ErrorEventMidStream << 500 << QStringLiteral("server_error") << QString() << QByteArray();
    }

    void httpFaults()
    {
        QFETCH(Fault, fault);
        QFETCH(int, status);
        QFETCH(QString, type);
        QFETCH(QString, code);
        QFETCH(QByteArray, retryAfter);
        m_server->setFault(fault, 2);
        for (int i = 0; i < 2; ++i) {
            const RawResponse response = exchange(httpRequest("POST", "/v1/chat/completions", chatBody(false, false)));
            QCOMPARE(response.status, status);
            QVERIFY(!response.header("x-request-id").isEmpty());
            QCOMPARE(response.header("retry-after"), retryAfter);
            if (!retryAfter.isEmpty())
                QCOMPARE(response.header("retry-after-ms"), QByteArray("1000"));
            const QJsonObject error = QJsonDocument::fromJson(response.body).object().value(QStringLiteral("error")).toObject();
            QVERIFY(!error.value(QStringLiteral("message")).toString().isEmpty());
            QCOMPARE(error.value(QStringLiteral("type")).toString(), type);
            QCOMPARE(error.value(QStringLiteral("code")).toString(), code);
        }
        // The count is used up: back to normal.
        QCOMPARE(exchange(httpRequest("POST", "/v1/chat/completions", chatBody(false, false))).status, 200);
        QCOMPARE(m_server->fault(), Fault::None);
    }

    void hang()
    {
        m_server->setFault(Fault::Hang, 1);
        QTcpSocket socket;
        MockServerTest::verifyNoAnswer(*m_server, socket, httpRequest("POST", "/v1/chat/completions", chatBody(false, false)));
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
        QCOMPARE(exchange(httpRequest("POST", "/v1/chat/completions", chatBody(false, false))).status, 200);
    }

    void midStreamFaults_data()
    {
        QTest::addColumn<Fault>("fault");
        QTest::newRow("drop") << Fault::DropMidStream;
        QTest::newRow("error event") << Fault::ErrorEventMidStream;
    }

    void midStreamFaults()
    {
        QFETCH(Fault, fault);
        m_server->setFault(fault, 1);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        socket.write(httpRequest("POST", "/v1/chat/completions", chatBody(true, true)));
        const RawResponse response = RawHttp::read(socket);
        QCOMPARE(response.status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
        QVERIFY(!response.chunks.isEmpty());
        QVERIFY(!response.body.contains("[DONE]"));
        QVERIFY(!response.body.contains("finish_reason\":\"stop"));
        QCOMPARE(response.body, m_server->lastResponseBody());
        if (fault == Fault::DropMidStream) {
            QVERIFY(!response.complete);
            QVERIFY(!response.body.contains("\"error\""));
        } else {
            QVERIFY(response.complete);
            QVERIFY(response.chunks.last().startsWith("data: {\"error\":{"));
            const QJsonObject error = QJsonDocument::fromJson(response.chunks.last().mid(6)).object();
            QCOMPARE(error.value(QStringLiteral("error")).toObject().value(QStringLiteral("type")).toString(),
                     QStringLiteral("server_error"));
        }
        m_server->setFault(fault, 1);
        const RawResponse plain = exchange(httpRequest("POST", "/v1/chat/completions", chatBody(false, false)));
        QVERIFY(fault == Fault::DropMidStream ? (!plain.complete && plain.closed) : plain.status == 500);
    }

    void refuseConnection()
    {
        const quint16 port = m_server->port();
        m_server->setFault(Fault::RefuseConnection);
        MockServerTest::verifyRefused(port);
        QCOMPARE(m_server->requestCount(), 0);
        m_server->setFault(Fault::None);
        QCOMPARE(m_server->port(), port);
        QCOMPARE(exchange(httpRequest("GET", "/v1/models")).status, 200);
    }

    void faultNames()
    {
        QCOMPARE(MockOpenAiServer::faultFromName(QStringLiteral("RateLimited429")), Fault::RateLimited429);
        QCOMPARE(MockOpenAiServer::faultName(Fault::Hang), QStringLiteral("Hang"));
        QVERIFY(!MockOpenAiServer::faultFromName(QStringLiteral("Nope")));
    }
};

QTEST_GUILESS_MAIN(tst_MockOpenAiServer)
#include "tst_mockopenaiserver.moc"
