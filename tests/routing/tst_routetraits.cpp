// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
// ParseStage reads the request traits routing needs; RouteStage hands them to the router.
#include "core/pipeline/parsestage.h"
#include "core/pipeline/routestage.h"

#include <QTest>

using namespace Switchyard;
using namespace Switchyard::Pipeline;

class tst_RouteTraits final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesTraits_data();
    void parsesTraits();
    void routeQueryCarriesTraits();
};

void tst_RouteTraits::parsesTraits_data()
{
    QTest::addColumn<bool>("anthropic");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("hasTools");
    QTest::addColumn<bool>("hasImages");
    QTest::addColumn<qint64>("outputTokens");
    QTest::addColumn<qint64>("minPrompt");
    QTest::addColumn<qint64>("maxPrompt");

    const QByteArray image(40000, 'A'); // 40 kB of base64: one picture, not 10 000 tokens
    QTest::newRow("plain openai") << false << QByteArray(R"({"model":"m","messages":[{"role":"user","content":"hi"}]})")
                                  << false << false << qint64(0) << qint64(10) << qint64(20);
    QTest::newRow("openai tools and max_completion_tokens")
        << false << QByteArray(R"({"model":"m","max_completion_tokens":77,"max_tokens":5,"tools":[{"type":"function","function":{"name":"f"}}],"messages":[{"role":"user","content":"hi"}]})")
        << true << false << qint64(77) << qint64(1) << qint64(1000);
    QTest::newRow("openai empty tools list") << false << QByteArray(R"({"model":"m","tools":[],"max_tokens":9,"messages":[{"role":"user","content":"hi"}]})")
                                             << false << false << qint64(9) << qint64(1) << qint64(1000);
    QTest::newRow("openai image_url part")
        << false << QByteArray(R"({"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"what?"},{"type":"image_url","image_url":{"url":"data:image/png;base64,)" + image + R"("}}]}]})")
        << false << true << qint64(0) << qint64(1000) << qint64(1100);
    QTest::newRow("anthropic image block and tools")
        << true << QByteArray(R"({"model":"m","max_tokens":256,"tools":[{"name":"f","input_schema":{"type":"object"}}],"messages":[{"role":"user","content":[{"type":"image","source":{"type":"base64","media_type":"image/png","data":")" + image + R"("}},{"type":"text","text":"what?"}]}]})")
        << true << true << qint64(256) << qint64(1000) << qint64(1100);
    QTest::newRow("anthropic image inside a tool result")
        << true << QByteArray(R"({"model":"m","max_tokens":1,"messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":[{"type":"image","source":{"type":"base64","media_type":"image/png","data":"AAAA"}}]}]}]})")
        << false << true << qint64(1) << qint64(1000) << qint64(1100);
}

void tst_RouteTraits::parsesTraits()
{
    QFETCH(bool, anthropic);
    QFETCH(QByteArray, body);
    QFETCH(bool, hasTools);
    QFETCH(bool, hasImages);
    QFETCH(qint64, outputTokens);
    QFETCH(qint64, minPrompt);
    QFETCH(qint64, maxPrompt);
    Exchange exchange;
    exchange.clientFormat = anthropic ? Translate::WireFormat::Anthropic : Translate::WireFormat::OpenAi;
    exchange.request.body = body;
    ParseStage stage;
    const StageResult result = stage.onRequest(exchange);
    QCOMPARE(result.status, StageResult::Status::Continue);
    QCOMPARE(exchange.hasTools, hasTools);
    QCOMPARE(exchange.hasImages, hasImages);
    QCOMPARE(exchange.expectedOutputTokens, outputTokens);
    QVERIFY2(exchange.estimatedPromptTokens >= minPrompt && exchange.estimatedPromptTokens <= maxPrompt,
             qPrintable(QString::number(exchange.estimatedPromptTokens)));
}

void tst_RouteTraits::routeQueryCarriesTraits()
{
    Exchange exchange;
    exchange.request.body = R"({"model":"auto","max_tokens":64,"tools":[{"type":"function","function":{"name":"f"}}],"messages":[{"role":"user","content":"hi"}]})";
    exchange.request.headers = {{"x-switchyard-customer", "acme"}, {"x-switchyard-project", "apollo"},
                                {"x-switchyard-feature", "chat"}, {"x-switchyard-tags", "eu, batch,,"},
                                {"x-switchyard-app", "aider"}, {"x-switchyard-route", "by-customer"}};
    ParseStage stage;
    QCOMPARE(stage.onRequest(exchange).status, StageResult::Status::Continue);
    QCOMPARE(exchange.app, QStringLiteral("aider"));
    const Routing::RouteQuery query = RouteStage::queryFor(exchange);
    QCOMPARE(query.requestedModel, QStringLiteral("auto"));
    QCOMPARE(query.forcedRoute, QStringLiteral("by-customer"));
    QCOMPARE(query.customer, QStringLiteral("acme"));
    QCOMPARE(query.project, QStringLiteral("apollo"));
    QCOMPARE(query.feature, QStringLiteral("chat"));
    QCOMPARE(query.tags, (QStringList{QStringLiteral("eu"), QStringLiteral("batch")}));
    QCOMPARE(query.app, QStringLiteral("aider"));
    QVERIFY(query.hasTools);
    QVERIFY(!query.hasImages);
    QCOMPARE(query.expectedOutputTokens, qint64(64));
    QCOMPARE(query.promptTokens, exchange.estimatedPromptTokens);
    QVERIFY(query.promptTokens > 0);

    Exchange bare; // no ParseStage: the router still gets an estimate and its output default
    bare.request.body = QByteArray(400, ' ');
    const Routing::RouteQuery fallback = RouteStage::queryFor(bare);
    QCOMPARE(fallback.promptTokens, qint64(100));
    QCOMPARE(fallback.expectedOutputTokens, Routing::RouteQuery{}.expectedOutputTokens);
}

QTEST_GUILESS_MAIN(tst_RouteTraits)
#include "tst_routetraits.moc"
