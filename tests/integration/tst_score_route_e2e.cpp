// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
// End to end: a `score` route over three providers of three kinds, the best-scored one down.
// The real switchyard-server must fail over in score order and log the whole decision.
#include "gatewayprocess.h"
#include "httptestclient.h"
#include "tests/support/mockanthropicserver.h"
#include "tests/support/mockgeminiserver.h"
#include "tests/support/mockopenaiserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using Switchyard::Testing::ClientReply;
using Switchyard::Testing::GatewayProcess;
using Switchyard::Testing::HttpTestClient;
using Switchyard::Testing::MockAnthropicServer;
using Switchyard::Testing::MockGeminiServer;
using Switchyard::Testing::MockOpenAiServer;

namespace {

QJsonObject provider(const char *id, const char *kind, const QString &baseUrl, const char *key)
{
    return QJsonObject{{QStringLiteral("id"), QLatin1String(id)},
                       {QStringLiteral("kind"), QLatin1String(kind)},
                       {QStringLiteral("base_url"), baseUrl},
                       {QStringLiteral("api_key"), QLatin1String(key)},
                       {QStringLiteral("first_byte_timeout_ms"), 3000}};
}

QJsonObject model(const char *id, const char *providerId, const char *upstream, double house)
{
    return QJsonObject{{QStringLiteral("id"), QLatin1String(id)},
                       {QStringLiteral("provider"), QLatin1String(providerId)},
                       {QStringLiteral("upstream"), QLatin1String(upstream)},
                       {QStringLiteral("price"), QJsonObject{{QStringLiteral("input"), 1}, {QStringLiteral("output"), 2}}},
                       {QStringLiteral("scores"), QJsonObject{{QStringLiteral("house_eval"), house}}}};
}

} // namespace

class tst_ScoreRouteE2e final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void failsOverInScoreOrderAndLogsTheDecision();

private:
    MockOpenAiServer m_openai;
    MockAnthropicServer m_anthropic;
    MockGeminiServer m_gemini;
    GatewayProcess m_gateway;
    HttpTestClient m_client;
};

void tst_ScoreRouteE2e::initTestCase()
{
    QVERIFY(m_openai.listen());
    QVERIFY(m_anthropic.listen());
    QVERIFY(m_gemini.listen());
    m_openai.setFault(MockOpenAiServer::Fault::Overloaded503);
    m_anthropic.setReplyText(QStringLiteral("Hello from the second-best model."));
    m_gemini.setReplyText(QStringLiteral("Hello from the third-best model."));
    // house_eval ranks top-gpt > mid-claude > low-gemini; top-gpt's provider answers 503.
    // Provider id "google" (kind gemini) also pulls the catalog's Gemini models in.
    const QJsonObject config{
        {QStringLiteral("server"), QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")}, {QStringLiteral("port"), 0}}},
        {QStringLiteral("resilience"), QJsonObject{{QStringLiteral("breaker_failures"), 0}}},
        {QStringLiteral("providers"),
         QJsonArray{provider("oa", "openai", m_openai.baseUrl().toString(), "sk-oa-e2e"),
                    provider("anth", "anthropic", m_anthropic.baseUrl().toString() + QStringLiteral("/v1"), "sk-ant-e2e"),
                    provider("google", "gemini", m_gemini.baseUrl().toString() + QStringLiteral("/v1beta"), "gm-e2e")}},
        {QStringLiteral("models"),
         QJsonArray{model("low-gemini", "google", "gemini-2.5-flash", 50), model("top-gpt", "oa", "gpt-4o-mini", 90),
                    model("mid-claude", "anth", "claude-haiku-4-5", 70)}},
        {QStringLiteral("routes"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("ranked")},
                                {QStringLiteral("strategy"), QStringLiteral("score")},
                                {QStringLiteral("candidates"), QJsonArray{QStringLiteral("low-gemini"), QStringLiteral("mid-claude"), QStringLiteral("top-gpt")}},
                                {QStringLiteral("weights"), QJsonObject{{QStringLiteral("house_eval"), 1}}}}}},
        {QStringLiteral("default_route"), QStringLiteral("ranked")}};
    QVERIFY2(m_gateway.start(config), m_gateway.standardError().constData());
}

void tst_ScoreRouteE2e::cleanupTestCase()
{
    m_gateway.stop();
}

void tst_ScoreRouteE2e::failsOverInScoreOrderAndLogsTheDecision()
{
    const QByteArray body = R"({"model":"ranked","messages":[{"role":"user","content":"Say hello"}]})";
    const ClientReply reply = m_client.post(m_gateway.baseUrl().resolved(QUrl(QStringLiteral("/v1/chat/completions"))), body);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("x-switchyard-model"), QByteArray("mid-claude"));
    QCOMPARE(reply.header("x-switchyard-provider"), QByteArray("anth"));
    QCOMPARE(reply.header("x-switchyard-attempts"), QByteArray("2"));
    QCOMPARE(reply.header("x-switchyard-fallback"), QByteArray("true"));
    const QJsonObject message = QJsonDocument::fromJson(reply.body).object().value(QLatin1String("choices")).toArray()
                                    .first().toObject().value(QLatin1String("message")).toObject();
    QCOMPARE(message.value(QLatin1String("content")).toString(), QStringLiteral("Hello from the second-best model."));
    QCOMPARE(m_openai.requests().size(), 1);
    QCOMPARE(m_anthropic.requests().size(), 1);
    QCOMPARE(m_gemini.requests().size(), 0);

    const ClientReply models = m_client.get(m_gateway.baseUrl().resolved(QUrl(QStringLiteral("/v1/models"))));
    QCOMPARE(models.status, 200);
    QVERIFY2(models.body.contains("\"gemini-2.5-flash\""), "the catalog's Gemini models are listed for provider 'google'");
    QVERIFY(!models.body.contains("\"claude-sonnet-4-5\"")); // provider 'anth' is not the catalog's 'anthropic'

    const QByteArray requestId = reply.header("x-switchyard-request-id");
    QVERIFY(!requestId.isEmpty());
    QCOMPARE(m_gateway.stop(), 0); // the record is durable once the server has shut down

    QJsonObject decision;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("score-e2e"));
        db.setDatabaseName(m_gateway.databasePath());
        QVERIFY(db.open());
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT decision FROM requests WHERE request_id = ?"));
        query.addBindValue(QString::fromLatin1(requestId));
        QVERIFY(query.exec());
        QVERIFY(query.next());
        decision = QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("score-e2e"));

    QCOMPARE(decision.value(QLatin1String("route")).toString(), QStringLiteral("ranked"));
    QCOMPARE(decision.value(QLatin1String("strategy")).toString(), QStringLiteral("score"));
    QCOMPARE(decision.value(QLatin1String("winner")).toString(), QStringLiteral("mid-claude"));

    const QJsonArray scores = decision.value(QLatin1String("scores")).toArray();
    QCOMPARE(scores.size(), 3);
    const QStringList order{QStringLiteral("top-gpt"), QStringLiteral("mid-claude"), QStringLiteral("low-gemini")};
    double previous = 2;
    for (qsizetype i = 0; i < scores.size(); ++i) {
        const QJsonObject row = scores.at(i).toObject();
        QCOMPARE(row.value(QLatin1String("model")).toString(), order.at(i));
        QCOMPARE(row.value(QLatin1String("rank")).toInt(), int(i + 1));
        const double total = row.value(QLatin1String("total")).toDouble();
        QVERIFY(total < previous);
        previous = total;
        const QJsonObject metric = row.value(QLatin1String("metrics")).toArray().first().toObject();
        QCOMPARE(metric.value(QLatin1String("metric")).toString(), QStringLiteral("house_eval"));
    }

    const QJsonArray candidates = decision.value(QLatin1String("candidates")).toArray();
    QCOMPARE(candidates.size(), 3);
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        QCOMPARE(candidates.at(i).toObject().value(QLatin1String("model")).toString(), order.at(i));
        QVERIFY(candidates.at(i).toObject().value(QLatin1String("eligible")).toBool());
    }

    const QJsonArray attempts = decision.value(QLatin1String("attempts")).toArray();
    QCOMPARE(attempts.size(), 2);
    const QJsonObject failed = attempts.at(0).toObject();
    QCOMPARE(failed.value(QLatin1String("model")).toString(), QStringLiteral("top-gpt"));
    QCOMPARE(failed.value(QLatin1String("status")).toInt(), 503);
    QVERIFY2(!failed.value(QLatin1String("error")).toString().isEmpty(), "the failed attempt keeps its error");
    QVERIFY(failed.value(QLatin1String("retryable")).toBool());
    const QJsonObject served = attempts.at(1).toObject();
    QCOMPARE(served.value(QLatin1String("model")).toString(), QStringLiteral("mid-claude"));
    QCOMPARE(served.value(QLatin1String("error")).toString(), QString());

    const QString reasons = decision.value(QLatin1String("reasons")).toVariant().toStringList().join(QLatin1Char('\n'));
    QVERIFY2(reasons.contains(QLatin1String("ranked: scored 3 candidates on house_eval; best top-gpt")), qPrintable(reasons));
    QVERIFY(!m_gateway.standardError().contains("sk-oa-e2e"));
}

QTEST_GUILESS_MAIN(tst_ScoreRouteE2e)
#include "tst_score_route_e2e.moc"
