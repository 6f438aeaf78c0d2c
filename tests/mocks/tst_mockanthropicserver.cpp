// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/support/mockanthropicserver.h"
#include "tests/support/mockservertest.h"
#include "tests/support/rawhttp.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpSocket>
#include <QTest>

using Switchyard::HttpHeaders;
using Switchyard::Testing::MockAnthropicServer;
namespace MockServerTest = Switchyard::Testing::MockServerTest;
namespace RawHttp = Switchyard::Testing::RawHttp;
using Fault = MockAnthropicServer::Fault;

namespace {

struct SseEvent
{
    QByteArray name;
    QJsonObject data;
};

QJsonObject json(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

QJsonObject obj(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toObject();
}

QString str(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

QByteArray userMessages(const QJsonArray &messages, bool stream = false)
{
    QJsonObject body{{QStringLiteral("model"), QStringLiteral("claude-sonnet-4-5")},
                     {QStringLiteral("max_tokens"), 1024},
                     {QStringLiteral("messages"), messages}};
    if (stream)
        body.insert(QStringLiteral("stream"), true);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray helloBody(bool stream = false)
{
    return userMessages({QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                     {QStringLiteral("content"), QStringLiteral("Say hello")}}},
                        stream);
}

HttpHeaders goodHeaders()
{
    return {{"x-api-key", "sk-ant-test"}, {"anthropic-version", "2023-06-01"}};
}

QByteArray messagesRequest(const QByteArray &body, const HttpHeaders &headers = goodHeaders())
{
    return RawHttp::request("POST", "/v1/messages", headers, body);
}

/// Every HTTP chunk must be exactly one `event:` + `data:` event.
QList<SseEvent> sseEvents(const RawHttp::Response &response, bool *wellFramed)
{
    QList<SseEvent> events;
    *wellFramed = !response.chunks.isEmpty();
    for (const QByteArray &chunk : response.chunks) {
        const QList<QByteArray> lines = chunk.split('\n');
        if (lines.size() != 4 || !lines.at(0).startsWith("event: ") || !lines.at(1).startsWith("data: ")
            || !lines.at(2).isEmpty() || !lines.at(3).isEmpty()) {
            *wellFramed = false;
            continue;
        }
        events.append({lines.at(0).mid(7), json(lines.at(1).mid(6))});
    }
    return events;
}

QJsonArray toolLoop(const QString &resultId)
{
    return {
        QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                    {QStringLiteral("content"), QStringLiteral("Convert 18.20 USD to EUR.")}},
        QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                    {QStringLiteral("content"),
                     QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                            {QStringLiteral("text"), QStringLiteral("Checking.")}},
                                QJsonObject{{QStringLiteral("type"), QStringLiteral("tool_use")},
                                            {QStringLiteral("id"), QStringLiteral("toolu_01A")},
                                            {QStringLiteral("name"), QStringLiteral("fx_rate")},
                                            {QStringLiteral("input"), QJsonObject()}}}}},
        QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                    {QStringLiteral("content"),
                     QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("tool_result")},
                                            {QStringLiteral("tool_use_id"), resultId},
                                            {QStringLiteral("content"), QStringLiteral("0.91")}}}}},
    };
}

} // namespace

class tst_MockAnthropicServer : public QObject
{
    Q_OBJECT

private:
    RawHttp::Response exchange(const QByteArray &request)
    {
        return RawHttp::exchange(m_server->port(), request);
    }

    std::unique_ptr<MockAnthropicServer> m_server;

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<MockAnthropicServer>();
        MockServerTest::verifyListening(*m_server);
    }

    void nonStreamMessage()
    {
        m_server->setReplyText(QStringLiteral("18.20 USD is about 16.56 EUR."));
        m_server->setCacheTokens(1450, 20);
        const RawHttp::Response response = exchange(messagesRequest(helloBody()));
        QCOMPARE(response.status, 200);
        QVERIFY(!response.chunked);
        QCOMPARE(response.header("content-type"), QByteArray("application/json"));
        QVERIFY(response.header("request-id").startsWith("req_"));
        for (const char *name : {"anthropic-ratelimit-requests-reset", "anthropic-ratelimit-tokens-reset",
                                 "anthropic-ratelimit-input-tokens-reset", "anthropic-ratelimit-output-tokens-reset"}) {
            const QByteArray reset = response.header(name);
            QVERIFY2(reset.endsWith('Z'), name);
            QVERIFY2(QDateTime::fromString(QString::fromLatin1(reset), Qt::ISODate).isValid(), name);
        }
        QVERIFY(!response.header("anthropic-ratelimit-requests-remaining").isEmpty());
        QCOMPARE(response.body, m_server->lastResponseBody());

        const QJsonObject body = json(response.body);
        QVERIFY(str(body, "id").startsWith(QStringLiteral("msg_")));
        QCOMPARE(str(body, "type"), QStringLiteral("message"));
        QCOMPARE(str(body, "role"), QStringLiteral("assistant"));
        QCOMPARE(str(body, "model"), QStringLiteral("claude-sonnet-4-5"));
        QCOMPARE(str(body, "stop_reason"), QStringLiteral("end_turn"));
        QVERIFY(body.value(QStringLiteral("stop_sequence")).isNull());
        const QJsonArray content = body.value(QStringLiteral("content")).toArray();
        QCOMPARE(content.size(), 1);
        QCOMPARE(str(content.first().toObject(), "text"), QStringLiteral("18.20 USD is about 16.56 EUR."));
        const QJsonObject usage = obj(body, "usage");
        QVERIFY(usage.value(QStringLiteral("input_tokens")).toInt() > 0);
        QVERIFY(usage.value(QStringLiteral("output_tokens")).toInt() > 0);
        QCOMPARE(usage.value(QStringLiteral("cache_read_input_tokens")).toInt(), 1450);
        QCOMPARE(usage.value(QStringLiteral("cache_creation_input_tokens")).toInt(), 20);
        QCOMPARE(m_server->requestCount(), 1);
        QCOMPARE(m_server->requests().first().path, QByteArray("/v1/messages"));
        QCOMPARE(m_server->requests().first().body, helloBody());
    }

    void nonStreamToolUse()
    {
        m_server->setToolCall(QStringLiteral("fx_rate"), QStringLiteral("{\"from\":\"USD\",\"to\":\"EUR\"}"));
        const QJsonObject body = json(exchange(messagesRequest(helloBody())).body);
        QCOMPARE(str(body, "stop_reason"), QStringLiteral("tool_use"));
        const QJsonArray content = body.value(QStringLiteral("content")).toArray();
        QCOMPARE(content.size(), 2);
        QCOMPARE(str(content.at(0).toObject(), "type"), QStringLiteral("text"));
        const QJsonObject tool = content.at(1).toObject();
        QCOMPARE(str(tool, "type"), QStringLiteral("tool_use"));
        QVERIFY(str(tool, "id").startsWith(QStringLiteral("toolu_")));
        QCOMPARE(str(tool, "name"), QStringLiteral("fx_rate"));
        QCOMPARE(obj(tool, "input"), (QJsonObject{{QStringLiteral("from"), QStringLiteral("USD")},
                                                  {QStringLiteral("to"), QStringLiteral("EUR")}}));
    }

    void streamEventOrder_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("toolName");
        QTest::addColumn<QString>("arguments");
        QTest::newRow("text only") << QStringLiteral("Hello there, friend.") << QString() << QString();
        QTest::newRow("text then tool_use") << QStringLiteral("Checking the rate.") << QStringLiteral("fx_rate")
                                            << QStringLiteral("{\"from\": \"USD\", \"to\": \"EUR\"}");
        QTest::newRow("tool_use only") << QString() << QStringLiteral("fx_rate")
                                       << QStringLiteral("{\"from\": \"USD\"}");
        QTest::newRow("tool without arguments") << QString() << QStringLiteral("now") << QString();
    }

    void streamEventOrder()
    {
        QFETCH(QString, text);
        QFETCH(QString, toolName);
        QFETCH(QString, arguments);
        m_server->setReplyText(text);
        m_server->setToolCall(toolName, arguments);
        m_server->setCacheTokens(7, 3);
        const RawHttp::Response response = exchange(messagesRequest(helloBody(true)));
        QCOMPARE(response.status, 200);
        QVERIFY(response.chunked && response.complete);
        QCOMPARE(response.header("content-type"), QByteArray("text/event-stream; charset=utf-8"));
        QCOMPARE(response.body, m_server->lastResponseBody());
        bool wellFramed = false;
        const QList<SseEvent> events = sseEvents(response, &wellFramed);
        QVERIFY(wellFramed);
        for (const SseEvent &event : events)
            QCOMPARE(str(event.data, "type").toLatin1(), event.name);

        QCOMPARE(events.first().name, QByteArray("message_start"));
        const QJsonObject started = obj(events.first().data, "message");
        QVERIFY(started.value(QStringLiteral("content")).toArray().isEmpty());
        QVERIFY(started.value(QStringLiteral("stop_reason")).isNull());
        QCOMPARE(obj(started, "usage").value(QStringLiteral("cache_read_input_tokens")).toInt(), 7);
        QCOMPARE(events.last().name, QByteArray("message_stop"));
        const SseEvent &delta = events.at(events.size() - 2);
        QCOMPARE(delta.name, QByteArray("message_delta"));
        QCOMPARE(str(obj(delta.data, "delta"), "stop_reason"),
                 toolName.isEmpty() ? QStringLiteral("end_turn") : QStringLiteral("tool_use"));
        const QJsonObject finalUsage = obj(delta.data, "usage");
        QVERIFY(finalUsage.value(QStringLiteral("output_tokens")).toInt()
                > obj(started, "usage").value(QStringLiteral("output_tokens")).toInt());
        QCOMPARE(finalUsage.value(QStringLiteral("cache_creation_input_tokens")).toInt(), 3);

        // Blocks: start → deltas → stop, indices 0.. across text and tool_use alike.
        int open = -1;
        int nextIndex = 0;
        int pings = 0;
        QString text2;
        QString partialJson;
        QStringList blockTypes;
        bool firstJsonDelta = true;
        for (qsizetype i = 1; i < events.size() - 2; ++i) {
            const SseEvent &event = events.at(i);
            const int index = event.data.value(QStringLiteral("index")).toInt(-1);
            if (event.name == "ping") {
                ++pings;
            } else if (event.name == "content_block_start") {
                QCOMPARE(open, -1);
                QCOMPARE(index, nextIndex);
                open = index;
                blockTypes.append(str(obj(event.data, "content_block"), "type"));
            } else if (event.name == "content_block_delta") {
                QCOMPARE(index, open);
                const QJsonObject d = obj(event.data, "delta");
                if (str(d, "type") == QLatin1String("text_delta")) {
                    text2 += str(d, "text");
                } else {
                    QCOMPARE(str(d, "type"), QStringLiteral("input_json_delta"));
                    if (firstJsonDelta)
                        QCOMPARE(str(d, "partial_json"), QString());
                    firstJsonDelta = false;
                    partialJson += str(d, "partial_json");
                }
            } else {
                QCOMPARE(event.name, QByteArray("content_block_stop"));
                QCOMPARE(index, open);
                open = -1;
                ++nextIndex;
            }
        }
        QCOMPARE(open, -1);
        QCOMPARE(pings, 1);
        QCOMPARE(text2, text);
        QStringList expectedTypes;
        if (!text.isEmpty())
            expectedTypes.append(QStringLiteral("text"));
        if (!toolName.isEmpty())
            expectedTypes.append(QStringLiteral("tool_use"));
        QCOMPARE(blockTypes, expectedTypes);
        QCOMPARE(partialJson, arguments);
        QCOMPARE(firstJsonDelta, toolName.isEmpty());
    }

    void validationErrors_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("message");
        const QByteArray hello = helloBody();
        QTest::newRow("missing x-api-key")
            << messagesRequest(hello, {{"anthropic-version", "2023-06-01"}}) << 401
            << QStringLiteral("authentication_error") << QStringLiteral("x-api-key header is required");
        QTest::newRow("wrong x-api-key")
            << messagesRequest(hello, {{"x-api-key", "sk-ant-other"}, {"anthropic-version", "2023-06-01"}})
            << 401 << QStringLiteral("authentication_error") << QStringLiteral("invalid x-api-key");
        QTest::newRow("missing anthropic-version")
            << messagesRequest(hello, {{"x-api-key", "sk-ant-test"}}) << 400
            << QStringLiteral("invalid_request_error") << QStringLiteral("anthropic-version: header is required");
        QTest::newRow("missing max_tokens")
            << messagesRequest(R"({"model":"claude-sonnet-4-5","messages":[{"role":"user","content":"hi"}]})")
            << 400 << QStringLiteral("invalid_request_error") << QStringLiteral("max_tokens: Field required");
        QTest::newRow("empty text block")
            << messagesRequest(R"({"model":"m","max_tokens":5,"messages":[{"role":"user","content":[{"type":"text","text":""}]}]})")
            << 400 << QStringLiteral("invalid_request_error")
            << QStringLiteral("messages: text content blocks must be non-empty");
        QTest::newRow("empty string content")
            << messagesRequest(R"({"model":"m","max_tokens":5,"messages":[{"role":"user","content":""}]})")
            << 400 << QStringLiteral("invalid_request_error")
            << QStringLiteral("messages.0: all messages must have non-empty content except for the optional final assistant message");
        QTest::newRow("system role")
            << messagesRequest(R"({"model":"m","max_tokens":5,"messages":[{"role":"system","content":"x"}]})")
            << 400 << QStringLiteral("invalid_request_error") << QStringLiteral("messages: Unexpected role \"system\"");
        QTest::newRow("tool_result for an unknown tool_use")
            << messagesRequest(userMessages(toolLoop(QStringLiteral("toolu_99")))) << 400
            << QStringLiteral("invalid_request_error")
            << QStringLiteral("messages.2.content.0: unexpected `tool_use_id` found in `tool_result` blocks: toolu_99");
        QJsonArray separated = toolLoop(QStringLiteral("toolu_01A"));
        separated.insert(2, QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                        {QStringLiteral("content"), QStringLiteral("Any news?")}});
        QTest::newRow("tool_result not immediately after")
            << messagesRequest(userMessages(separated)) << 400 << QStringLiteral("invalid_request_error")
            << QStringLiteral("messages.1: `tool_use` ids were found without `tool_result` blocks immediately after: toolu_01A");
        QTest::newRow("unknown path")
            << RawHttp::request("POST", "/v1/complete", goodHeaders(), hello) << 404
            << QStringLiteral("not_found_error") << QStringLiteral("Not Found");
    }

    void validationErrors()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(QString, type);
        QFETCH(QString, message);
        m_server->setExpectedApiKey(QStringLiteral("sk-ant-test"));
        const RawHttp::Response response = exchange(request);
        QCOMPARE(response.status, status);
        const QJsonObject body = json(response.body);
        QCOMPARE(str(body, "type"), QStringLiteral("error"));
        QCOMPARE(str(obj(body, "error"), "type"), type);
        QVERIFY2(str(obj(body, "error"), "message").startsWith(message),
                 qPrintable(str(obj(body, "error"), "message")));
        QCOMPARE(str(body, "request_id").toLatin1(), response.header("request-id"));
        QCOMPARE(response.header("x-should-retry"), QByteArray("false"));
        // The key must never be echoed back.
        QVERIFY(!response.body.contains("sk-ant"));
    }

    void validToolLoopAccepted()
    {
        const RawHttp::Response response =
            exchange(messagesRequest(userMessages(toolLoop(QStringLiteral("toolu_01A")))));
        QCOMPARE(response.status, 200);
    }

    void httpFaults_data()
    {
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        QTest::newRow("500") << Fault::ServerError500 << 500 << QStringLiteral("api_error");
        QTest::newRow("429") << Fault::RateLimited429 << 429 << QStringLiteral("rate_limit_error");
        QTest::newRow("529") << Fault::Overloaded529 << 529 << QStringLiteral("overloaded_error");
        QTest::newRow("error event, non-stream") << Fault::ErrorEventMidStream << 529
                                                 << QStringLiteral("overloaded_error");
    }

    void httpFaults()
    {
        QFETCH(Fault, fault);
        QFETCH(int, status);
        QFETCH(QString, type);
        m_server->setFault(fault, 1);
        const RawHttp::Response response = exchange(messagesRequest(helloBody()));
        QCOMPARE(response.status, status);
        QCOMPARE(str(obj(json(response.body), "error"), "type"), type);
        QCOMPARE(response.header("x-should-retry"), QByteArray("true"));
        QCOMPARE(response.header("retry-after"), status == 429 ? QByteArray("1") : QByteArray());
        QCOMPARE(exchange(messagesRequest(helloBody())).status, 200); // the count ran out
    }

    void dropMidStream()
    {
        m_server->setFault(Fault::DropMidStream, 1);
        const RawHttp::Response response = exchange(messagesRequest(helloBody(true)));
        QCOMPARE(response.status, 200);
        QVERIFY(!response.complete);
        QVERIFY(response.closed);
        QVERIFY(response.body.startsWith("event: message_start\n"));
        QVERIFY(response.body.contains("event: content_block_delta\n"));
        QVERIFY(!response.body.contains("message_delta"));
        QVERIFY(!response.body.contains("message_stop"));
        QCOMPARE(response.body, m_server->lastResponseBody());
    }

    void errorEventMidStream()
    {
        m_server->setFault(Fault::ErrorEventMidStream, 1);
        const RawHttp::Response response = exchange(messagesRequest(helloBody(true)));
        QCOMPARE(response.status, 200);
        QVERIFY(response.complete);
        bool wellFramed = false;
        const QList<SseEvent> events = sseEvents(response, &wellFramed);
        QVERIFY(wellFramed);
        QCOMPARE(events.first().name, QByteArray("message_start"));
        QCOMPARE(events.last().name, QByteArray("error"));
        QCOMPARE(str(obj(events.last().data, "error"), "type"), QStringLiteral("overloaded_error"));
        QVERIFY(!response.body.contains("message_stop"));
    }

    void nonStreamDrop()
    {
        m_server->setFault(Fault::DropMidStream, 1);
        const RawHttp::Response response = exchange(messagesRequest(helloBody()));
        QCOMPARE(response.status, 200);
        QVERIFY(!response.complete);
        QVERIFY(response.closed);
        QVERIFY(response.body.size() < response.header("content-length").toInt());
    }

    void hang()
    {
        m_server->setFault(Fault::Hang, 1);
        QTcpSocket socket;
        MockServerTest::verifyNoAnswer(*m_server, socket, messagesRequest(helloBody()));
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
        QCOMPARE(exchange(messagesRequest(helloBody())).status, 200);
    }

    void refuseConnection()
    {
        const quint16 port = m_server->port();
        m_server->setFault(Fault::RefuseConnection);
        MockServerTest::verifyRefused(port);
        QCOMPARE(m_server->requestCount(), 0);
        m_server->setFault(Fault::None);
        QCOMPARE(m_server->port(), port);
        QCOMPARE(exchange(messagesRequest(helloBody())).status, 200);
    }

    void latency()
    {
        m_server->setLatencyMs(150);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(exchange(messagesRequest(helloBody())).status, 200);
        QVERIFY(timer.elapsed() >= 150);
    }

    void pacedStreamMatchesUnpaced()
    {
        const QByteArray unpaced = exchange(messagesRequest(helloBody(true))).body;
        m_server->setChunkDelayMs(2);
        const RawHttp::Response paced = exchange(messagesRequest(helloBody(true)));
        QVERIFY(paced.complete);
        // Only the random ids differ; the event sequence is the same.
        QCOMPARE(paced.chunks.size(), unpaced.count("\n\n"));
    }

    void faultNames()
    {
        QCOMPARE(MockAnthropicServer::faultFromName(QStringLiteral("Overloaded529")), Fault::Overloaded529);
        QCOMPARE(MockAnthropicServer::faultName(Fault::ErrorEventMidStream), QStringLiteral("ErrorEventMidStream"));
        QVERIFY(!MockAnthropicServer::faultFromName(QStringLiteral("Overloaded503")));
    }

    void executablePrintsListeningLine()
    {
        QProcess process;
        quint16 port = 0;
        MockServerTest::startExecutable(process, QStringLiteral(MOCK_ANTHROPIC_EXE), {}, "mock-anthropic", &port);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(RawHttp::exchange(port, messagesRequest(helloBody())).status, 200);
        MockServerTest::stopExecutable(process);
    }
};

QTEST_GUILESS_MAIN(tst_MockAnthropicServer)
#include "tst_mockanthropicserver.moc"
