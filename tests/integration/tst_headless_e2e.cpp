// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
// End to end: the real switchyard-server against the project's mock OpenAI servers.
#include "gatewayprocess.h"
#include "httptestclient.h"
#include "tests/support/mockanthropicserver.h"
#include "tests/support/mockopenaiserver.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>

using Switchyard::Testing::ClientReply;
using Switchyard::Testing::GatewayProcess;
using Switchyard::Testing::HttpTestClient;
using Switchyard::Testing::MockAnthropicServer;
using Switchyard::Testing::MockOpenAiServer;
using Fault = MockOpenAiServer::Fault;

namespace {

const QByteArray s_upstreamKeyA = "sk-upstream-secret-AAAA1111";
const QByteArray s_upstreamKeyB = "sk-upstream-secret-BBBB2222";

QByteArray chatBody(const QString &model, bool stream, bool includeUsage = false)
{
    QJsonObject body{{QStringLiteral("model"), model},
                     {QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                                          {QStringLiteral("content"), QStringLiteral("Say hello")}}}}};
    if (stream)
        body.insert(QStringLiteral("stream"), true);
    if (includeUsage)
        body.insert(QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}});
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray messagesBody(const QString &model, bool stream)
{
    QJsonObject body{{QStringLiteral("model"), model},
                     {QStringLiteral("max_tokens"), 256},
                     {QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                                          {QStringLiteral("content"), QStringLiteral("Say hello")}}}}};
    if (stream)
        body.insert(QStringLiteral("stream"), true);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

/// The text of an Anthropic reply, streamed (text_delta events) or not.
QString anthropicText(const QByteArray &body, bool stream)
{
    if (!stream) {
        QString text;
        for (const QJsonValue &block : QJsonDocument::fromJson(body).object().value(QLatin1String("content")).toArray())
            text += block.toObject().value(QLatin1String("text")).toString();
        return text;
    }
    QString text;
    for (const QByteArray &line : body.split('\n')) {
        if (!line.startsWith("data: "))
            continue;
        const QJsonObject event = QJsonDocument::fromJson(line.mid(6)).object();
        if (event.value(QLatin1String("type")).toString() == QLatin1String("content_block_delta"))
            text += event.value(QLatin1String("delta")).toObject().value(QLatin1String("text")).toString();
    }
    return text;
}

QByteArray withoutUsageChunk(const QByteArray &sse)
{
    QByteArray out;
    for (const QByteArray &event : sse.split('\n')) {
        if (event.isEmpty())
            continue;
        if (event.contains("\"choices\":[]"))
            continue;
        // Without include_usage the gateway drops the usage-only chunk; real OpenAI would also
        // omit "usage":null, but the relay keeps upstream bytes untouched.
        out += event + "\n\n";
    }
    return out;
}

} // namespace

class tst_HeadlessE2e final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void nonStreamedReplyIsRelayedByteForByte();
    void streamedReplyIsRelayedByteForByte_data();
    void streamedReplyIsRelayedByteForByte();
    void failsOverBeforeTheFirstByte_data();
    void failsOverBeforeTheFirstByte();
    void rateLimitIsRelayedWithRetryAfter();
    void insufficientQuotaIsNotRetried();
    void providerDyingMidStreamGivesAnErrorEvent_data();
    void providerDyingMidStreamGivesAnErrorEvent();
    void simulatedProviderAnswersTheDefaultRoute();
    void modelsAndHealth();
    void anthropicSurfaceReachesEveryKindOfProvider_data();
    void anthropicSurfaceReachesEveryKindOfProvider();
    void anthropicSurfaceErrorsUseTheAnthropicShape();
    void badInputGetsClearErrors_data();
    void badInputGetsClearErrors();
    void oversizedBodyIsRefusedWhileOthersAreServed();
    void slowClientTimesOutWhileOthersAreServed();
    void killedServerLosesNoServedRequest();
    void everyServedRequestIsLoggedAndShutdownIsClean();

private:
    QUrl url(const char *path) const { return m_gateway.baseUrl().resolved(QUrl(QString::fromLatin1(path))); }

    MockOpenAiServer m_mockA;
    MockOpenAiServer m_mockB;
    MockAnthropicServer m_anthropic;
    GatewayProcess m_gateway;
    HttpTestClient m_client;
};

void tst_HeadlessE2e::initTestCase()
{
    QVERIFY(m_mockA.listen());
    QVERIFY(m_mockB.listen());
    QVERIFY(m_anthropic.listen());
    m_anthropic.setExpectedApiKey(QStringLiteral("sk-ant-upstream-CCCC3333"));
    m_anthropic.setReplyText(QStringLiteral("Hello from the Anthropic mock."));
    m_mockA.setExpectedApiKey(QString::fromLatin1(s_upstreamKeyA));
    m_mockB.setExpectedApiKey(QString::fromLatin1(s_upstreamKeyB));
    const auto provider = [](const char *id, const MockOpenAiServer &mock, const QByteArray &key) {
        return QJsonObject{{QStringLiteral("id"), QLatin1String(id)},
                           {QStringLiteral("kind"), QStringLiteral("openai")},
                           {QStringLiteral("base_url"), mock.baseUrl().toString()},
                           {QStringLiteral("api_key"), QString::fromLatin1(key)},
                           {QStringLiteral("first_byte_timeout_ms"), 1500}};
    };
    const QJsonObject price{{QStringLiteral("input"), 0.15}, {QStringLiteral("output"), 0.6},
                            {QStringLiteral("cache_read"), 0.075}};
    const QJsonObject config{
        {QStringLiteral("server"), QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                                               {QStringLiteral("port"), 0},
                                               {QStringLiteral("max_body_bytes"), 65536},
                                               {QStringLiteral("header_timeout_ms"), 1000}}},
        // Each row below breaks mock A on purpose; the breaker would rightly stop trying it.
        {QStringLiteral("resilience"), QJsonObject{{QStringLiteral("breaker_failures"), 0}}},
        {QStringLiteral("providers"),
         QJsonArray{provider("mock", m_mockA, s_upstreamKeyA), provider("mock-b", m_mockB, s_upstreamKeyB),
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("anth")},
                                {QStringLiteral("kind"), QStringLiteral("anthropic")},
                                {QStringLiteral("base_url"), QString(m_anthropic.baseUrl().toString() + QStringLiteral("/v1"))},
                                {QStringLiteral("api_key"), QStringLiteral("sk-ant-upstream-CCCC3333")}},
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("sim")},
                                {QStringLiteral("kind"), QStringLiteral("simulated")},
                                {QStringLiteral("latency_ms"), 0},
                                {QStringLiteral("tokens_per_second"), 5000},
                                {QStringLiteral("failure_rate"), 0}}}},
        {QStringLiteral("models"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("gpt-4o-mini")},
                                {QStringLiteral("provider"), QStringLiteral("mock")},
                                {QStringLiteral("price"), price}},
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("backup-mini")},
                                {QStringLiteral("provider"), QStringLiteral("mock-b")},
                                {QStringLiteral("upstream"), QStringLiteral("gpt-4o-mini")},
                                {QStringLiteral("price"), price}},
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("claude-haiku-4-5")},
                                {QStringLiteral("provider"), QStringLiteral("anth")},
                                {QStringLiteral("price"), price}},
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("sim-fast")},
                                {QStringLiteral("provider"), QStringLiteral("sim")}}}},
        {QStringLiteral("routes"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("reliable")},
                                {QStringLiteral("strategy"), QStringLiteral("fallback")},
                                {QStringLiteral("targets"), QJsonArray{QStringLiteral("gpt-4o-mini"), QStringLiteral("backup-mini")}}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("auto")},
                                {QStringLiteral("strategy"), QStringLiteral("fallback")},
                                {QStringLiteral("targets"), QJsonArray{QStringLiteral("sim-fast")}}}}}};
    QVERIFY2(m_gateway.start(config), m_gateway.standardError().constData());
}

void tst_HeadlessE2e::cleanupTestCase()
{
    m_gateway.stop();
}

void tst_HeadlessE2e::init()
{
    m_mockA.setFault(Fault::None);
    m_mockB.setFault(Fault::None);
    m_mockA.setToolCall({}, {});
    m_mockA.setReplyText(QStringLiteral("Hello from mock A, relayed through Switchyard."));
    m_mockB.setReplyText(QStringLiteral("Hello from mock B."));
    m_mockA.clearRequests();
    m_mockB.clearRequests();
}

void tst_HeadlessE2e::nonStreamedReplyIsRelayedByteForByte()
{
    const ClientReply reply = m_client.post(url("/v1/chat/completions"), chatBody(QStringLiteral("gpt-4o-mini"), false),
                                            {{"authorization", "Bearer sk-client-should-not-travel"}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, m_mockA.lastResponseBody());
    QVERIFY(reply.body.contains("Hello from mock A"));
    QCOMPARE(reply.header("x-switchyard-provider"), QByteArray("mock"));
    QCOMPARE(reply.header("x-switchyard-model"), QByteArray("gpt-4o-mini"));
    QCOMPARE(reply.header("x-switchyard-attempts"), QByteArray("1"));
    QCOMPARE(reply.header("x-switchyard-fallback"), QByteArray("false"));
    QVERIFY(reply.header("x-switchyard-request-id").startsWith("req_"));
    QVERIFY(reply.header("x-switchyard-cost-usd").toDouble() > 0);

    QCOMPARE(m_mockA.requests().size(), 1);
    const MockOpenAiServer::ReceivedRequest upstream = m_mockA.requests().constFirst();
    QCOMPARE(Switchyard::headerValue(upstream.headers, "authorization"), "Bearer " + s_upstreamKeyA);
    QCOMPARE(QJsonDocument::fromJson(upstream.body).object().value(QLatin1String("model")).toString(),
             QStringLiteral("gpt-4o-mini"));
}

void tst_HeadlessE2e::streamedReplyIsRelayedByteForByte_data()
{
    QTest::addColumn<bool>("includeUsage");
    QTest::newRow("client asks for usage") << true;
    QTest::newRow("client does not ask for usage") << false;
}

void tst_HeadlessE2e::streamedReplyIsRelayedByteForByte()
{
    QFETCH(bool, includeUsage);
    m_mockA.setChunkDelayMs(5);
    const ClientReply reply = m_client.post(url("/v1/chat/completions"),
                                            chatBody(QStringLiteral("gpt-4o-mini"), true, includeUsage));
    m_mockA.setChunkDelayMs(0);
    QCOMPARE(reply.status, 200);
    QVERIFY2(reply.networkError.isEmpty(), qPrintable(reply.networkError));
    QVERIFY(reply.header("content-type").startsWith("text/event-stream"));
    const QByteArray upstream = m_mockA.lastResponseBody();
    QCOMPARE(reply.body, includeUsage ? upstream : withoutUsageChunk(upstream));
    QVERIFY(reply.body.endsWith("data: [DONE]\n\n"));
    QVERIFY2(reply.chunks.size() > 3, "the stream must arrive in pieces, not buffered whole");
    // The gateway always asks upstream for usage, so it can log tokens and cost.
    const QJsonObject sent = QJsonDocument::fromJson(m_mockA.requests().constLast().body).object();
    QVERIFY(sent.value(QLatin1String("stream_options")).toObject().value(QLatin1String("include_usage")).toBool());
}

void tst_HeadlessE2e::failsOverBeforeTheFirstByte_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<bool>("stream");
    QTest::newRow("500") << Fault::ServerError500 << false;
    QTest::newRow("503 overloaded") << Fault::Overloaded503 << false;
    QTest::newRow("429 rate limited") << Fault::RateLimited429 << false;
    QTest::newRow("connection refused") << Fault::RefuseConnection << false;
    QTest::newRow("hang until first-byte timeout") << Fault::Hang << false;
    QTest::newRow("500, streamed") << Fault::ServerError500 << true;
}

void tst_HeadlessE2e::failsOverBeforeTheFirstByte()
{
    QFETCH(Fault, fault);
    QFETCH(bool, stream);
    m_mockA.setFault(fault);
    const ClientReply reply = m_client.post(url("/v1/chat/completions"), chatBody(QStringLiteral("reliable"), stream));
    m_mockA.setFault(Fault::None);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, stream ? withoutUsageChunk(m_mockB.lastResponseBody()) : m_mockB.lastResponseBody());
    QCOMPARE(reply.header("x-switchyard-provider"), QByteArray("mock-b"));
    QCOMPARE(reply.header("x-switchyard-model"), QByteArray("backup-mini"));
    QCOMPARE(reply.header("x-switchyard-route"), QByteArray("reliable"));
    QCOMPARE(reply.header("x-switchyard-attempts"), QByteArray("2"));
    QCOMPARE(reply.header("x-switchyard-fallback"), QByteArray("true"));
    QCOMPARE(m_mockB.requests().size(), 1);
}

void tst_HeadlessE2e::rateLimitIsRelayedWithRetryAfter()
{
    m_mockA.setFault(Fault::RateLimited429);
    const ClientReply reply = m_client.post(url("/v1/chat/completions"), chatBody(QStringLiteral("gpt-4o-mini"), false));
    QCOMPARE(reply.status, 429);
    QCOMPARE(reply.header("retry-after"), QByteArray("1"));
    const QJsonObject error = reply.json().value(QLatin1String("error")).toObject();
    QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
    QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("rate_limit_exceeded"));
    QCOMPARE(reply.header("x-switchyard-provider"), QByteArray("mock"));
}

void tst_HeadlessE2e::insufficientQuotaIsNotRetried()
{
    m_mockA.setFault(Fault::InsufficientQuota429);
    const ClientReply reply = m_client.post(url("/v1/chat/completions"), chatBody(QStringLiteral("reliable"), false));
    QCOMPARE(reply.status, 429);
    QCOMPARE(reply.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("insufficient_quota"));
    QCOMPARE(m_mockB.requests().size(), 0);
}

void tst_HeadlessE2e::providerDyingMidStreamGivesAnErrorEvent_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::newRow("connection dropped") << Fault::DropMidStream;
    QTest::newRow("error event") << Fault::ErrorEventMidStream;
}

void tst_HeadlessE2e::providerDyingMidStreamGivesAnErrorEvent()
{
    QFETCH(Fault, fault);
    m_mockA.setFault(fault);
    // A raw socket shows exactly how the response ends on the wire.
    QTcpSocket socket;
    socket.connectToHost(m_gateway.baseUrl().host(), quint16(m_gateway.baseUrl().port()));
    QVERIFY(socket.waitForConnected(5000));
    const QByteArray body = chatBody(QStringLiteral("reliable"), true);
    socket.write("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                 + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QByteArray raw;
    QTRY_VERIFY_WITH_TIMEOUT((raw += socket.readAll(), socket.state() == QAbstractSocket::UnconnectedState), 10000);
    raw += socket.readAll();
    QVERIFY2(raw.startsWith("HTTP/1.1 200"), raw.constData());
    QVERIFY(raw.contains("chat.completion.chunk"));
    QVERIFY2(raw.contains("data: {\"error\""), raw.constData());
    QVERIFY(!raw.contains("[DONE]"));
    QVERIFY2(!raw.endsWith("0\r\n\r\n"), "a broken stream must not end with the terminating chunk");
    QCOMPARE(m_mockB.requests().size(), 0); // bytes reached the client: no failover
}

void tst_HeadlessE2e::simulatedProviderAnswersTheDefaultRoute()
{
    const ClientReply reply = m_client.post(url("/v1/chat/completions"), chatBody(QStringLiteral("auto"), false));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("x-switchyard-provider"), QByteArray("sim"));
    const QJsonObject body = reply.json();
    QVERIFY(!body.value(QLatin1String("choices")).toArray().first().toObject().value(QLatin1String("message"))
                 .toObject().value(QLatin1String("content")).toString().isEmpty());
    QVERIFY(body.value(QLatin1String("usage")).toObject().value(QLatin1String("completion_tokens")).toInt() > 0);
}

void tst_HeadlessE2e::modelsAndHealth()
{
    const ClientReply models = m_client.get(url("/v1/models"));
    QCOMPARE(models.status, 200);
    QStringList ids;
    for (const QJsonValue &entry : models.json().value(QLatin1String("data")).toArray())
        ids.append(entry.toObject().value(QLatin1String("id")).toString());
    for (const char *expected : {"reliable", "auto", "gpt-4o-mini", "backup-mini", "sim-fast"})
        QVERIFY2(ids.contains(QLatin1String(expected)), expected);
    const ClientReply health = m_client.get(url("/health"));
    QCOMPARE(health.status, 200);
    QCOMPARE(health.json().value(QLatin1String("status")).toString(), QStringLiteral("ok"));
}

void tst_HeadlessE2e::anthropicSurfaceReachesEveryKindOfProvider_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QString>("expectedText");
    QTest::addColumn<QByteArray>("provider");
    QTest::newRow("anthropic → openai") << "gpt-4o-mini" << false << "Hello from mock A, relayed through Switchyard." << QByteArray("mock");
    QTest::newRow("anthropic → openai, streamed") << "gpt-4o-mini" << true << "Hello from mock A, relayed through Switchyard." << QByteArray("mock");
    QTest::newRow("anthropic → anthropic") << "claude-haiku-4-5" << false << "Hello from the Anthropic mock." << QByteArray("anth");
    QTest::newRow("anthropic → anthropic, streamed") << "claude-haiku-4-5" << true << "Hello from the Anthropic mock." << QByteArray("anth");
}

void tst_HeadlessE2e::anthropicSurfaceReachesEveryKindOfProvider()
{
    QFETCH(QString, model);
    QFETCH(bool, stream);
    QFETCH(QString, expectedText);
    QFETCH(QByteArray, provider);
    const ClientReply reply = m_client.post(url("/v1/messages"), messagesBody(model, stream),
                                            {{"x-api-key", "sk-ant-client-anything"}, {"anthropic-version", "2023-06-01"}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("x-switchyard-provider"), provider);
    QCOMPARE(anthropicText(reply.body, stream), expectedText);
    if (stream) {
        QVERIFY(reply.body.contains("event: message_start"));
        QVERIFY(reply.body.trimmed().endsWith("{\"type\":\"message_stop\"}"));
    } else {
        QCOMPARE(reply.json().value(QLatin1String("type")).toString(), QStringLiteral("message"));
        QCOMPARE(reply.json().value(QLatin1String("stop_reason")).toString(), QStringLiteral("end_turn"));
    }
}

void tst_HeadlessE2e::anthropicSurfaceErrorsUseTheAnthropicShape()
{
    const ClientReply reply = m_client.post(url("/v1/messages"), QByteArray("{\"model\": "));
    QCOMPARE(reply.status, 400);
    const QJsonObject body = reply.json();
    QCOMPARE(body.value(QLatin1String("type")).toString(), QStringLiteral("error"));
    QCOMPARE(body.value(QLatin1String("error")).toObject().value(QLatin1String("type")).toString(),
             QStringLiteral("invalid_request_error"));
    const ClientReply unknown = m_client.post(url("/v1/messages"), messagesBody(QStringLiteral("claude-17"), false));
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.json().value(QLatin1String("error")).toObject().value(QLatin1String("type")).toString(),
             QStringLiteral("not_found_error"));
}

void tst_HeadlessE2e::badInputGetsClearErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("malformed JSON") << QByteArray("{\"model\": \"auto\", \"messages\": [") << 400 << QStringLiteral("not valid JSON");
    QTest::newRow("empty body") << QByteArray() << 400 << QStringLiteral("empty");
    QTest::newRow("no messages") << QByteArray("{\"model\":\"auto\"}") << 400 << QStringLiteral("messages");
    QTest::newRow("unknown model") << chatBody(QStringLiteral("gpt-17"), false) << 404 << QStringLiteral("reliable");
}

void tst_HeadlessE2e::badInputGetsClearErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, messagePart);
    const ClientReply reply = m_client.post(url("/v1/chat/completions"), body);
    QCOMPARE(reply.status, status);
    const QJsonObject error = reply.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("invalid_request_error"));
    QVERIFY2(error.value(QLatin1String("message")).toString().contains(messagePart),
             qPrintable(error.value(QLatin1String("message")).toString()));
    QVERIFY(!reply.header("x-switchyard-request-id").isEmpty());
}

void tst_HeadlessE2e::oversizedBodyIsRefusedWhileOthersAreServed()
{
    QTcpSocket big;
    big.connectToHost(m_gateway.baseUrl().host(), quint16(m_gateway.baseUrl().port()));
    QVERIFY(big.waitForConnected(5000));
    big.write("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              "Content-Length: 1048576\r\n\r\n");
    const ClientReply other = m_client.post(url("/v1/chat/completions"), chatBody(QStringLiteral("auto"), false));
    QCOMPARE(other.status, 200);
    QByteArray answer;
    QTRY_VERIFY_WITH_TIMEOUT((answer += big.readAll()).contains("\r\n\r\n{"), 5000);
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
    QVERIFY(answer.contains("max_body_bytes"));
}

void tst_HeadlessE2e::slowClientTimesOutWhileOthersAreServed()
{
    QTcpSocket slow;
    slow.connectToHost(m_gateway.baseUrl().host(), quint16(m_gateway.baseUrl().port()));
    QVERIFY(slow.waitForConnected(5000));
    slow.write("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Le");
    const ClientReply other = m_client.post(url("/v1/chat/completions"), chatBody(QStringLiteral("auto"), false));
    QCOMPARE(other.status, 200);
    QByteArray answer;
    QTRY_VERIFY_WITH_TIMEOUT((answer += slow.readAll()).startsWith("HTTP/1.1 408"), 5000);
}

void tst_HeadlessE2e::killedServerLosesNoServedRequest()
{
    // DESIGN §8: a killed process loses no completed request. A response leaves once its row
    // is in the journal; SIGKILL right after the last one, before the delayed commit.
    const QJsonObject config{
        {QStringLiteral("server"), QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                                               {QStringLiteral("port"), 0}}},
        {QStringLiteral("providers"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("mock")},
                                {QStringLiteral("kind"), QStringLiteral("openai")},
                                {QStringLiteral("base_url"), m_mockA.baseUrl().toString()},
                                {QStringLiteral("api_key"), QString::fromLatin1(s_upstreamKeyA)}}}},
        {QStringLiteral("models"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("gpt-4o-mini")},
                                {QStringLiteral("provider"), QStringLiteral("mock")}}}},
        {QStringLiteral("routes"), QJsonArray{}}};
    GatewayProcess gateway;
    QVERIFY2(gateway.start(config), gateway.standardError().constData());
    constexpr int served = 300;
    QCOMPARE(m_client.postMany(QUrl(gateway.baseUrl().toString() + QStringLiteral("/v1/chat/completions")),
                               chatBody(QStringLiteral("gpt-4o-mini"), false), served),
             served);
    gateway.process().kill();
    QVERIFY(gateway.process().waitForFinished(5000));
    const qint64 committedAtKill = gateway.loggedRowCount();
    const QStringList journals = QDir(gateway.dataDir()).entryList({QStringLiteral("*.rows-*")}, QDir::Files);
    qInfo("killed: %lld of %d rows committed, %lld journal file(s) left", committedAtKill, served,
          qint64(journals.size()));

    // The next start replays the dead process's journal, skipping rows already committed.
    QVERIFY2(gateway.start(config), gateway.standardError().constData());
    QCOMPARE(gateway.waitForLoggedRowCount(served), qint64(served));
    QCOMPARE(gateway.stop(), 0);
    QCOMPARE(gateway.loggedRowCount(), qint64(served));
    QCOMPARE(QDir(gateway.dataDir()).entryList({QStringLiteral("*.rows-*")}, QDir::Files), QStringList());
}

void tst_HeadlessE2e::everyServedRequestIsLoggedAndShutdownIsClean()
{
    // Rows are committed in the order they were journaled: once this one is visible, so is
    // every row before it.
    const ClientReply marker = m_client.post(url("/v1/chat/completions"), chatBody(QStringLiteral("gpt-4o-mini"), false));
    QCOMPARE(marker.status, 200);
    QVERIFY(!m_gateway.waitForLoggedRow(marker.header("x-switchyard-request-id")).isEmpty());
    const qint64 before = m_gateway.loggedRowCount();
    QVERIFY(before > 1);
    QCOMPARE(m_client.postMany(url("/v1/chat/completions"), chatBody(QStringLiteral("gpt-4o-mini"), false), 1000), 1000);
    // Every row reaches SQLite within the commit delay; none is counted twice.
    QCOMPARE(m_gateway.waitForLoggedRowCount(before + 1000), before + 1000);
    QCOMPARE(m_gateway.stop(), 0);
    QCOMPARE(m_gateway.loggedRowCount(), before + 1000);
    QVERIFY2(!m_gateway.standardError().contains(s_upstreamKeyA), "an upstream key leaked to stderr");
}

QTEST_GUILESS_MAIN(tst_HeadlessE2e)
#include "tst_headless_e2e.moc"
