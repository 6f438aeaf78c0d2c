// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
// Cost per provider family through the real switchyard-server: each mock reports cached input
// and reasoning tokens the way its API does, streamed and not, and the logged token classes
// and cost must equal the figures worked out by hand below from the prices in the config.
#include "tests/integration/gatewayprocess.h"
#include "tests/integration/httptestclient.h"
#include "tests/support/mockanthropicserver.h"
#include "tests/support/mockgeminiserver.h"
#include "tests/support/mockopenaiserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Switchyard;
using namespace Switchyard::Testing;

namespace {

// Prices in USD per 1M tokens, as written in the config.
constexpr double s_oaiInput = 2.00, s_oaiOutput = 8.00, s_oaiCacheRead = 0.50;
constexpr double s_antInput = 3.00, s_antOutput = 15.00, s_antCacheRead = 0.30, s_antCacheWrite = 3.75;
constexpr double s_gemInput = 1.25, s_gemOutput = 10.00, s_gemCacheRead = 0.25;

/// The token classes Switchyard logs (disjoint: input excludes cache; output includes reasoning).
struct Expected
{
    qint64 input = 0;
    qint64 cacheRead = 0;
    qint64 cacheWrite = 0;
    qint64 output = 0;
    qint64 reasoning = 0;
    double costUsd = -1; ///< < 0: unknown, logged as NULL
};

// OpenAI reports prompt_tokens 1200 of which prompt_tokens_details.cached_tokens 1000, and
// completion_tokens 500 of which completion_tokens_details.reasoning_tokens 200:
//   input  = 1200 - 1000 = 200        → 200  × $2.00  = $400  per 1M
//   cached = 1000                     → 1000 × $0.50  = $500  per 1M
//   output = 500 (reasoning included) → 500  × $8.00  = $4000 per 1M
//   total  = 4900 / 1e6 = $0.0049
const Expected s_openai{200, 1000, 0, 500, 200, (200 * 2.00 + 1000 * 0.50 + 500 * 8.00) / 1e6};
// Anthropic reports input_tokens 100, cache_read_input_tokens 2000 and
// cache_creation_input_tokens 400 (all disjoint), output_tokens 250:
//   100 × $3.00 + 2000 × $0.30 + 400 × $3.75 + 250 × $15.00 = 300 + 600 + 1500 + 3750
//   = 6150 / 1e6 = $0.00615
const Expected s_anthropic{100, 2000, 400, 250, 0, (100 * 3.00 + 2000 * 0.30 + 400 * 3.75 + 250 * 15.00) / 1e6};
// Gemini reports promptTokenCount 3000 of which cachedContentTokenCount 2000,
// candidatesTokenCount 150 and thoughtsTokenCount 350 (outside the candidates):
//   input  = 3000 - 2000 = 1000 → 1000 × $1.25 = $1250 per 1M
//   cached = 2000               → 2000 × $0.25 = $500  per 1M
//   output = 150 + 350 = 500    → 500 × $10.00 = $5000 per 1M
//   total  = 6750 / 1e6 = $0.00675
const Expected s_gemini{1000, 2000, 0, 500, 350, (1000 * 1.25 + 2000 * 0.25 + 500 * 10.00) / 1e6};
// The same OpenAI usage on a model with no price: tokens logged, cost unknown (NULL, never $0).
const Expected s_unpriced{200, 1000, 0, 500, 200, -1};

QJsonObject price(double input, double output, double cacheRead, double cacheWrite = -1)
{
    QJsonObject out{{QStringLiteral("input"), input}, {QStringLiteral("output"), output},
                    {QStringLiteral("cache_read"), cacheRead}};
    if (cacheWrite >= 0)
        out.insert(QStringLiteral("cache_write"), cacheWrite);
    return out;
}

QJsonObject provider(const QString &id, const QString &kind, const QString &baseUrl)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("base_url"), baseUrl},
            {QStringLiteral("api_key"), QStringLiteral("sk-upstream-%1-SECRET").arg(kind)}};
}

QJsonObject model(const QString &id, const QString &providerId, const QString &upstream,
                  const QJsonObject &modelPrice = {})
{
    QJsonObject out{{QStringLiteral("id"), id},
                    {QStringLiteral("provider"), providerId},
                    {QStringLiteral("upstream"), upstream}};
    if (!modelPrice.isEmpty())
        out.insert(QStringLiteral("price"), modelPrice);
    return out;
}

} // namespace

class tst_CostE2e final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void loggedCost_data();
    void loggedCost();

private:
    MockOpenAiServer m_openai;
    MockAnthropicServer m_anthropic;
    MockGeminiServer m_gemini;
    GatewayProcess m_gateway;
    HttpTestClient m_client;
};

void tst_CostE2e::initTestCase()
{
    QVERIFY(m_openai.listen());
    QVERIFY(m_anthropic.listen());
    QVERIFY(m_gemini.listen());
    m_openai.setFixedUsage(1200, 300); // + 200 reasoning → completion_tokens 500
    m_openai.setCachedTokens(1000);
    m_openai.setReasoningTokens(200);
    m_anthropic.setFixedUsage(100, 250);
    m_anthropic.setCacheTokens(2000, 400);
    m_gemini.setFixedUsage(3000, 150);
    m_gemini.setCachedTokens(2000);
    m_gemini.setThoughtsTokens(350);

    const QJsonObject config{
        {QStringLiteral("providers"),
         QJsonArray{provider(QStringLiteral("mock-oai"), QStringLiteral("openai"), m_openai.baseUrl().toString()),
                    provider(QStringLiteral("mock-ant"), QStringLiteral("anthropic"),
                             m_anthropic.baseUrl().toString() + QStringLiteral("/v1")),
                    provider(QStringLiteral("mock-gem"), QStringLiteral("gemini"),
                             m_gemini.baseUrl().toString() + QStringLiteral("/v1beta"))}},
        {QStringLiteral("models"),
         QJsonArray{model(QStringLiteral("cost-oai"), QStringLiteral("mock-oai"), QStringLiteral("gpt-4o-mini"),
                          price(s_oaiInput, s_oaiOutput, s_oaiCacheRead)),
                    model(QStringLiteral("cost-ant"), QStringLiteral("mock-ant"), QStringLiteral("claude-sonnet-4-5"),
                          price(s_antInput, s_antOutput, s_antCacheRead, s_antCacheWrite)),
                    model(QStringLiteral("cost-gem"), QStringLiteral("mock-gem"), QStringLiteral("gemini-2.5-flash"),
                          price(s_gemInput, s_gemOutput, s_gemCacheRead)),
                    model(QStringLiteral("cost-unpriced"), QStringLiteral("mock-oai"), QStringLiteral("gpt-4o-mini"))}},
        {QStringLiteral("routes"), QJsonArray{}},
        {QStringLiteral("default_route"), QStringLiteral("cost-oai")}};
    QVERIFY2(m_gateway.start(config), m_gateway.standardError().constData());
}

void tst_CostE2e::cleanupTestCase()
{
    QCOMPARE(m_gateway.stop(), 0);
    QVERIFY(!m_gateway.standardError().contains("SECRET"));
}

void tst_CostE2e::loggedCost_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("surface"); ///< "openai" or "anthropic"
    QTest::addColumn<bool>("stream");
    QTest::addColumn<qint64>("input");
    QTest::addColumn<qint64>("cacheRead");
    QTest::addColumn<qint64>("cacheWrite");
    QTest::addColumn<qint64>("output");
    QTest::addColumn<qint64>("reasoning");
    QTest::addColumn<double>("cost");

    struct Family
    {
        const char *name;
        const char *model;
        const char *surface;
        Expected expected;
    };
    const Family families[] = {
        {"openai", "cost-oai", "openai", s_openai},
        {"openai via anthropic surface", "cost-oai", "anthropic", s_openai},
        {"anthropic", "cost-ant", "anthropic", s_anthropic},
        {"anthropic via openai surface", "cost-ant", "openai", s_anthropic},
        {"gemini", "cost-gem", "openai", s_gemini},
        {"unknown price", "cost-unpriced", "openai", s_unpriced},
    };
    for (const Family &f : families) {
        for (const bool stream : {false, true}) {
            const Expected &e = f.expected;
            QTest::newRow(qPrintable(QStringLiteral("%1, %2").arg(QLatin1String(f.name),
                                                                   stream ? QStringLiteral("stream")
                                                                          : QStringLiteral("non-stream"))))
                << QString::fromLatin1(f.model) << QString::fromLatin1(f.surface) << stream << e.input
                << e.cacheRead << e.cacheWrite << e.output << e.reasoning << e.costUsd;
        }
    }
}

void tst_CostE2e::loggedCost()
{
    QFETCH(QString, model);
    QFETCH(QString, surface);
    QFETCH(bool, stream);
    QFETCH(qint64, input);
    QFETCH(qint64, cacheRead);
    QFETCH(qint64, cacheWrite);
    QFETCH(qint64, output);
    QFETCH(qint64, reasoning);
    QFETCH(double, cost);

    const bool anthropicSurface = surface == QLatin1String("anthropic");
    QJsonObject body{{QStringLiteral("model"), model},
                     {QStringLiteral("max_tokens"), 64},
                     {QStringLiteral("stream"), stream},
                     {QStringLiteral("messages"),
                      QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                             {QStringLiteral("content"), QStringLiteral("What is 2+2?")}}}}};
    QUrl url = m_gateway.baseUrl();
    url.setPath(anthropicSurface ? QStringLiteral("/v1/messages") : QStringLiteral("/v1/chat/completions"));
    const ClientReply reply = m_client.post(url, QJsonDocument(body).toJson(QJsonDocument::Compact),
                                            {{"anthropic-version", "2023-06-01"}});
    QCOMPARE(reply.status, 200);
    QVERIFY2(reply.networkError.isEmpty(), qPrintable(reply.networkError));
    const QByteArray requestId = reply.header("x-switchyard-request-id");
    QVERIFY(!requestId.isEmpty());
    if (!stream) {
        // The header carries the same figure (8 decimals); absent when the cost is unknown.
        const QByteArray header = reply.header("x-switchyard-cost-usd");
        if (cost < 0) {
            QVERIFY2(header.isEmpty(), header.constData());
        } else {
            QCOMPARE(header, QByteArray::number(cost, 'f', 8));
        }
    }

    const QVariantMap row = m_gateway.waitForLoggedRow(requestId);
    QVERIFY2(!row.isEmpty(), requestId.constData());
    QCOMPARE(row.value(QStringLiteral("status")).toInt(), 200);
    QCOMPARE(row.value(QStringLiteral("input_tokens")).toLongLong(), input);
    QCOMPARE(row.value(QStringLiteral("cache_read_tokens")).toLongLong(), cacheRead);
    QCOMPARE(row.value(QStringLiteral("cache_write_tokens")).toLongLong(), cacheWrite);
    QCOMPARE(row.value(QStringLiteral("output_tokens")).toLongLong(), output);
    QCOMPARE(row.value(QStringLiteral("reasoning_tokens")).toLongLong(), reasoning);
    QCOMPARE(row.value(QStringLiteral("stream")).toBool(), stream);
    const QVariant logged = row.value(QStringLiteral("cost_usd"));
    if (cost < 0) {
        QVERIFY2(logged.isNull(), qPrintable(logged.toString())); // unknown, never $0
    } else {
        QVERIFY(!logged.isNull());
        QVERIFY2(qAbs(logged.toDouble() - cost) < 1e-12,
                 qPrintable(QStringLiteral("%1 vs %2").arg(logged.toDouble(), 0, 'g', 17).arg(cost, 0, 'g', 17)));
    }
}

QTEST_GUILESS_MAIN(tst_CostE2e)
#include "tst_cost_e2e.moc"
