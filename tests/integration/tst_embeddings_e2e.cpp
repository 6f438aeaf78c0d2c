// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
// End to end: POST /v1/embeddings on the real switchyard-server against the OpenAI and Gemini
// mocks and the simulated provider, checked down to the SQLite log. Also the two streaming
// additions that need the real dispatcher: first_token_timeout_ms failover and anthropic-beta.
#include "gatewayprocess.h"
#include "httptestclient.h"
#include "tests/support/mockanthropicserver.h"
#include "tests/support/mockgeminiserver.h"
#include "tests/support/mockopenaiserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QVariantMap>

using Switchyard::Testing::ClientReply;
using Switchyard::Testing::GatewayProcess;
using Switchyard::Testing::HttpTestClient;
using Switchyard::Testing::MockAnthropicServer;
using Switchyard::Testing::MockGeminiServer;
using Switchyard::Testing::MockOpenAiServer;

namespace {

const QString s_openAiKey = QStringLiteral("sk-upstream-embed-AAAA1111");
const QString s_geminiKey = QStringLiteral("gm-upstream-embed-BBBB2222");
const QString s_anthropicKey = QStringLiteral("sk-ant-upstream-CCCC3333");

QByteArray embeddingsBody(const QString &model, const QJsonValue &input)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("model"), model}, {QStringLiteral("input"), input}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject provider(const char *id, const char *kind, const QString &baseUrl, const QString &key)
{
    return QJsonObject{{QStringLiteral("id"), QLatin1String(id)},
                       {QStringLiteral("kind"), QLatin1String(kind)},
                       {QStringLiteral("base_url"), baseUrl},
                       {QStringLiteral("api_key"), key},
                       {QStringLiteral("first_byte_timeout_ms"), 3000}};
}

QJsonObject model(const char *id, const char *providerId, const char *upstream, double inputPrice = -1)
{
    QJsonObject out{{QStringLiteral("id"), QLatin1String(id)},
                    {QStringLiteral("provider"), QLatin1String(providerId)},
                    {QStringLiteral("upstream"), QLatin1String(upstream)}};
    if (inputPrice >= 0)
        out.insert(QStringLiteral("price"), QJsonObject{{QStringLiteral("input"), inputPrice}, {QStringLiteral("output"), 0}});
    return out;
}

QJsonObject route(const char *name, const QStringList &targets)
{
    return QJsonObject{{QStringLiteral("name"), QLatin1String(name)},
                       {QStringLiteral("strategy"), QStringLiteral("fallback")},
                       {QStringLiteral("targets"), QJsonArray::fromStringList(targets)}};
}

} // namespace

class tst_EmbeddingsE2e final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void openAiProviderRelaysAndIsLogged_data();
    void openAiProviderRelaysAndIsLogged();
    void geminiProviderIsTranslated();
    void simulatedProviderAnswers();
    void modelsThatCannotEmbedAreSkipped();
    void anthropicOnlyRouteIsAClear400();
    void badInputGetsOpenAiErrors_data();
    void badInputGetsOpenAiErrors();
    void firstTokenTimeoutFailsOver();
    void anthropicBetaIsForwarded();

private:
    QUrl url(const char *path) const { return m_gateway.baseUrl().resolved(QUrl(QString::fromLatin1(path))); }

    MockOpenAiServer m_openai;
    MockOpenAiServer m_slow;
    MockGeminiServer m_gemini;
    MockAnthropicServer m_anthropic;
    GatewayProcess m_gateway;
    HttpTestClient m_client;
};

void tst_EmbeddingsE2e::initTestCase()
{
    QVERIFY(m_openai.listen());
    QVERIFY(m_slow.listen());
    QVERIFY(m_gemini.listen());
    QVERIFY(m_anthropic.listen());
    m_openai.setExpectedApiKey(s_openAiKey);
    m_slow.setExpectedApiKey(s_openAiKey);
    m_gemini.setExpectedApiKey(s_geminiKey);
    m_anthropic.setExpectedApiKey(s_anthropicKey);
    QJsonObject slow = provider("oa-slow", "openai", m_slow.baseUrl().toString(), s_openAiKey);
    slow.insert(QStringLiteral("first_token_timeout_ms"), 300);
    const QJsonObject config{
        {QStringLiteral("server"), QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                                               {QStringLiteral("port"), 0}}},
        {QStringLiteral("resilience"), QJsonObject{{QStringLiteral("breaker_failures"), 0}}},
        {QStringLiteral("providers"),
         QJsonArray{provider("oa", "openai", m_openai.baseUrl().toString(), s_openAiKey), slow,
                    provider("gem", "gemini", QString(m_gemini.baseUrl().toString() + QStringLiteral("/v1beta")), s_geminiKey),
                    provider("anth", "anthropic", QString(m_anthropic.baseUrl().toString() + QStringLiteral("/v1")), s_anthropicKey),
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("sim")},
                                {QStringLiteral("kind"), QStringLiteral("simulated")},
                                {QStringLiteral("latency_ms"), 0},
                                {QStringLiteral("failure_rate"), 0}}}},
        {QStringLiteral("models"),
         QJsonArray{model("embed-small", "oa", "text-embedding-3-small", 0.02),
                    model("gem-embed", "gem", "text-embedding-004", 0.15),
                    model("claude", "anth", "claude-haiku-4-5", 1.0),
                    model("sim-embed", "sim", "sim-embedding-1", 0.01),
                    model("slow-chat", "oa-slow", "gpt-4o-mini", 0.15),
                    model("fast-chat", "oa", "gpt-4o-mini", 0.15)}},
        {QStringLiteral("routes"),
         QJsonArray{route("embed-any", {QStringLiteral("claude"), QStringLiteral("embed-small")}),
                    route("claude-only", {QStringLiteral("claude")}),
                    route("ttft", {QStringLiteral("slow-chat"), QStringLiteral("fast-chat")})}},
        {QStringLiteral("default_route"), QStringLiteral("embed-any")}};
    QVERIFY2(m_gateway.start(config), m_gateway.standardError().constData());
}

void tst_EmbeddingsE2e::cleanupTestCase()
{
    QCOMPARE(m_gateway.stop(), 0);
    QVERIFY(!m_gateway.standardError().contains(s_openAiKey.toUtf8()));
    QVERIFY(!m_gateway.standardError().contains(s_geminiKey.toUtf8()));
}

void tst_EmbeddingsE2e::init()
{
    m_openai.clearRequests();
    m_slow.clearRequests();
    m_gemini.clearRequests();
    m_anthropic.clearRequests();
}

void tst_EmbeddingsE2e::openAiProviderRelaysAndIsLogged_data()
{
    QTest::addColumn<QJsonValue>("input");
    QTest::addColumn<int>("count");
    QTest::newRow("string") << QJsonValue(QStringLiteral("The quick brown fox")) << 1;
    QTest::newRow("array") << QJsonValue(QJsonArray{QStringLiteral("alpha"), QStringLiteral("beta")}) << 2;
}

void tst_EmbeddingsE2e::openAiProviderRelaysAndIsLogged()
{
    QFETCH(QJsonValue, input);
    QFETCH(int, count);
    const ClientReply reply = m_client.post(url("/v1/embeddings"), embeddingsBody(QStringLiteral("embed-small"), input),
                                            {{"authorization", "Bearer sk-client-should-not-travel"},
                                             {"x-switchyard-customer", "acme"}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, m_openai.lastResponseBody()); // relayed byte for byte
    const QJsonObject json = reply.json();
    QCOMPARE(json.value(QLatin1String("object")).toString(), QStringLiteral("list"));
    QCOMPARE(json.value(QLatin1String("data")).toArray().size(), count);
    QCOMPARE(reply.header("x-switchyard-provider"), QByteArray("oa"));

    QCOMPARE(m_openai.requests().size(), 1);
    const MockOpenAiServer::ReceivedRequest sent = m_openai.requests().constFirst();
    QCOMPARE(sent.path, QByteArray("/v1/embeddings"));
    QCOMPARE(Switchyard::headerValue(sent.headers, "authorization"), "Bearer " + s_openAiKey.toUtf8());
    const QJsonObject sentBody = QJsonDocument::fromJson(sent.body).object();
    QCOMPARE(sentBody.value(QLatin1String("model")).toString(), QStringLiteral("text-embedding-3-small"));
    QCOMPARE(sentBody.value(QLatin1String("input")), input);

    const QVariantMap row = m_gateway.waitForLoggedRow(reply.header("x-switchyard-request-id"));
    QVERIFY2(!row.isEmpty(), "the request is not in the log");
    QCOMPARE(row.value(QStringLiteral("surface")).toString(), QStringLiteral("openai.embeddings"));
    QCOMPARE(row.value(QStringLiteral("provider")).toString(), QStringLiteral("oa"));
    QCOMPARE(row.value(QStringLiteral("provider_kind")).toString(), QStringLiteral("openai"));
    QCOMPARE(row.value(QStringLiteral("customer")).toString(), QStringLiteral("acme"));
    QCOMPARE(row.value(QStringLiteral("status")).toInt(), 200);
    QCOMPARE(row.value(QStringLiteral("stream")).toInt(), 0);
    const qint64 promptTokens = json.value(QLatin1String("usage")).toObject().value(QLatin1String("prompt_tokens")).toInteger();
    QVERIFY(promptTokens > 0);
    QCOMPARE(row.value(QStringLiteral("input_tokens")).toLongLong(), promptTokens);
    QCOMPARE(row.value(QStringLiteral("output_tokens")).toLongLong(), 0);
    QVERIFY(!row.value(QStringLiteral("cost_usd")).isNull());
    QVERIFY(qAbs(row.value(QStringLiteral("cost_usd")).toDouble() - promptTokens * 0.02 / 1e6) < 1e-12);
    QVERIFY(row.value(QStringLiteral("latency_ms")).toDouble() > 0);
}

void tst_EmbeddingsE2e::geminiProviderIsTranslated()
{
    const ClientReply reply = m_client.post(url("/v1/embeddings"),
                                            embeddingsBody(QStringLiteral("gem-embed"),
                                                           QJsonArray{QStringLiteral("one"), QStringLiteral("two")}));
    QCOMPARE(reply.status, 200);
    const QJsonObject json = reply.json();
    const QJsonArray data = json.value(QLatin1String("data")).toArray();
    QCOMPARE(data.size(), 2);
    QCOMPARE(data.at(1).toObject().value(QLatin1String("index")).toInt(), 1);
    QCOMPARE(data.at(0).toObject().value(QLatin1String("embedding")).toArray().size(), 16);
    QVERIFY(json.value(QLatin1String("usage")).toObject().value(QLatin1String("prompt_tokens")).toInt() > 0);
    QCOMPARE(m_gemini.requests().size(), 1);
    QCOMPARE(m_gemini.requests().constFirst().path, QByteArray("/v1beta/models/text-embedding-004:batchEmbedContents"));

    const QVariantMap row = m_gateway.waitForLoggedRow(reply.header("x-switchyard-request-id"));
    QVERIFY(!row.isEmpty());
    QCOMPARE(row.value(QStringLiteral("surface")).toString(), QStringLiteral("openai.embeddings"));
    QCOMPARE(row.value(QStringLiteral("provider_kind")).toString(), QStringLiteral("gemini"));
    // Gemini reports no usage: unknown in the log (never a made-up $0), estimate kept apart.
    QVERIFY(row.value(QStringLiteral("input_tokens")).isNull());
    QVERIFY(row.value(QStringLiteral("cost_usd")).isNull());
    QVERIFY(row.value(QStringLiteral("estimated_prompt_tokens")).toLongLong() > 0);
}

void tst_EmbeddingsE2e::simulatedProviderAnswers()
{
    const QByteArray body = embeddingsBody(QStringLiteral("sim-embed"), QStringLiteral("deterministic"));
    const ClientReply first = m_client.post(url("/v1/embeddings"), body);
    const ClientReply second = m_client.post(url("/v1/embeddings"), body);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.body, second.body);
    const QJsonArray vector = first.json().value(QLatin1String("data")).toArray().at(0).toObject()
                                  .value(QLatin1String("embedding")).toArray();
    QCOMPARE(vector.size(), 256);
    const QVariantMap row = m_gateway.waitForLoggedRow(first.header("x-switchyard-request-id"));
    QCOMPARE(row.value(QStringLiteral("provider_kind")).toString(), QStringLiteral("simulated"));
    QVERIFY(row.value(QStringLiteral("input_tokens")).toLongLong() > 0);
    QVERIFY(!row.value(QStringLiteral("cost_usd")).isNull());
}

void tst_EmbeddingsE2e::modelsThatCannotEmbedAreSkipped()
{
    // Route embed-any lists the anthropic model first; the default route is embed-any too.
    for (const QString &requested : {QStringLiteral("embed-any"), QString()}) {
        const QByteArray body = requested.isEmpty()
            ? QByteArray("{\"input\":\"hello\"}")
            : embeddingsBody(requested, QStringLiteral("hello"));
        const ClientReply reply = m_client.post(url("/v1/embeddings"), body);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("x-switchyard-provider"), QByteArray("oa"));
        QCOMPARE(reply.header("x-switchyard-attempts"), QByteArray("1"));
    }
    QCOMPARE(m_anthropic.requestCount(), 0);
}

void tst_EmbeddingsE2e::anthropicOnlyRouteIsAClear400()
{
    const ClientReply reply = m_client.post(url("/v1/embeddings"), embeddingsBody(QStringLiteral("claude-only"), QStringLiteral("hi")));
    QCOMPARE(reply.status, 400);
    const QJsonObject error = reply.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("invalid_request_error"));
    QVERIFY2(error.value(QLatin1String("message")).toString().contains(QStringLiteral("provider anth (anthropic) has no embeddings endpoint")),
             reply.body.constData());
    QCOMPARE(m_anthropic.requestCount(), 0);
    const QVariantMap row = m_gateway.waitForLoggedRow(reply.header("x-switchyard-request-id"));
    QCOMPARE(row.value(QStringLiteral("status")).toInt(), 400);
    QCOMPARE(row.value(QStringLiteral("surface")).toString(), QStringLiteral("openai.embeddings"));
}

void tst_EmbeddingsE2e::badInputGetsOpenAiErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("invalid JSON") << QByteArray("{\"model\": \"embed-small\", \"input\": ") << QStringLiteral("JSON");
    QTest::newRow("missing input") << QByteArray("{\"model\": \"embed-small\"}") << QStringLiteral("\"input\"");
    QTest::newRow("empty string") << QByteArray("{\"model\": \"embed-small\", \"input\": \"\"}") << QStringLiteral("empty string");
    QTest::newRow("empty array") << QByteArray("{\"model\": \"embed-small\", \"input\": []}") << QStringLiteral("empty array");
    QTest::newRow("number") << QByteArray("{\"model\": \"embed-small\", \"input\": 7}") << QStringLiteral("\"input\"");
    QTest::newRow("bad encoding_format")
        << QByteArray("{\"model\": \"embed-small\", \"input\": \"x\", \"encoding_format\": \"hex\"}")
        << QStringLiteral("encoding_format");
}

void tst_EmbeddingsE2e::badInputGetsOpenAiErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, mentions);
    const ClientReply reply = m_client.post(url("/v1/embeddings"), body);
    QCOMPARE(reply.status, 400);
    const QJsonObject error = reply.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("invalid_request_error"));
    QVERIFY2(error.value(QLatin1String("message")).toString().contains(mentions), reply.body.constData());
    QCOMPARE(m_openai.requestCount(), 0);
}

void tst_EmbeddingsE2e::firstTokenTimeoutFailsOver()
{
    // oa-slow answers 200 at once but holds its first event back far beyond its 300 ms budget.
    m_slow.setFirstEventDelayMs(10000);
    const QByteArray body = QJsonDocument(QJsonObject{
        {QStringLiteral("model"), QStringLiteral("ttft")},
        {QStringLiteral("stream"), true},
        {QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                             {QStringLiteral("content"), QStringLiteral("hi")}}}}})
                                .toJson(QJsonDocument::Compact);
    const ClientReply reply = m_client.post(url("/v1/chat/completions"), body, {}, 8000);
    m_slow.setFirstEventDelayMs(0);
    QCOMPARE(reply.status, 200);
    QVERIFY2(reply.networkError.isEmpty(), qPrintable(reply.networkError));
    QCOMPARE(m_slow.requestCount(), 1);
    QCOMPARE(m_openai.requestCount(), 1);
    QVERIFY(reply.body.contains("chat.completion.chunk"));
    QVERIFY(reply.body.endsWith("data: [DONE]\n\n"));
    QCOMPARE(reply.header("x-switchyard-provider"), QByteArray("oa"));
    QCOMPARE(reply.header("x-switchyard-fallback"), QByteArray("true"));
    const QVariantMap row = m_gateway.waitForLoggedRow(reply.header("x-switchyard-request-id"));
    QCOMPARE(row.value(QStringLiteral("attempts")).toInt(), 2);
    QVERIFY(row.value(QStringLiteral("decision")).toString().contains(QStringLiteral("first_token_timeout_ms")));
}

void tst_EmbeddingsE2e::anthropicBetaIsForwarded()
{
    const QByteArray body = QJsonDocument(QJsonObject{
        {QStringLiteral("model"), QStringLiteral("claude")},
        {QStringLiteral("max_tokens"), 64},
        {QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                             {QStringLiteral("content"), QStringLiteral("hi")}}}}})
                                .toJson(QJsonDocument::Compact);
    const ClientReply reply = m_client.post(url("/v1/messages"), body,
                                            {{"anthropic-version", "2023-06-01"},
                                             {"anthropic-beta", "prompt-caching-2024-07-31"}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(m_anthropic.requests().size(), 1);
    QCOMPARE(Switchyard::headerValue(m_anthropic.requests().constFirst().headers, "anthropic-beta"),
             QByteArray("prompt-caching-2024-07-31"));

    // Without the header nothing is invented.
    const ClientReply plain = m_client.post(url("/v1/messages"), body, {{"anthropic-version", "2023-06-01"}});
    QCOMPARE(plain.status, 200);
    QVERIFY(Switchyard::headerValue(m_anthropic.requests().constLast().headers, "anthropic-beta").isEmpty());
}

QTEST_GUILESS_MAIN(tst_EmbeddingsE2e)
#include "tst_embeddings_e2e.moc"
