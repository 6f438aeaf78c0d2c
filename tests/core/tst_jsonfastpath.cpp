// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/common/jsonscan.h"
#include "core/common/jsonwriter.h"
#include "core/common/routingdecision.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <array>

using namespace Switchyard;

/// The hand-written JSON paths of the request hot path must say exactly what Qt's JSON says.
class tst_JsonFastPath final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decisionBytesEqualQtSerialisation_data();
    void decisionBytesEqualQtSerialisation();
    void stringsAreEscapedLikeQt_data();
    void stringsAreEscapedLikeQt();
    void topLevelMembers_data();
    void topLevelMembers();
};

void tst_JsonFastPath::decisionBytesEqualQtSerialisation_data()
{
    QTest::addColumn<RoutingDecision>("decision");
    RoutingDecision empty;
    QTest::newRow("empty") << empty;

    RoutingDecision full;
    full.requestedModel = QStringLiteral("auto");
    full.route = QStringLiteral("auto");
    full.strategy = QStringLiteral("score");
    full.candidates = {{QStringLiteral("a"), QStringLiteral("p1"), true, QStringLiteral("rank 1")},
                       {QStringLiteral("b"), QStringLiteral("p2"), false,
                        QStringLiteral("policy \"eu\": region 'us' not in [eu]\n\t\\ \u00e9 \u2603")}};
    full.reasons = {QStringLiteral("rule x fired"), QStringLiteral("control \x01 char")};
    full.winner = QStringLiteral("a");
    full.attempts = {{QStringLiteral("a"), QStringLiteral("p1"), QStringLiteral("a-2024"), 503,
                      QStringLiteral("upstream 503"), true, 12.5},
                     {QStringLiteral("a"), QStringLiteral("p1"), QStringLiteral("a-2024"), 200,
                      QString(), false, 0.1 + 0.2}};
    full.scores = QJsonArray{QJsonObject{{QStringLiteral("model"), QStringLiteral("a")},
                                         {QStringLiteral("total"), 0.75}}};
    QTest::newRow("full, escapes, doubles") << full;
}

void tst_JsonFastPath::decisionBytesEqualQtSerialisation()
{
    QFETCH(RoutingDecision, decision);
    QCOMPARE(decision.toJsonBytes(), QJsonDocument(decision.toJson()).toJson(QJsonDocument::Compact));
}

void tst_JsonFastPath::stringsAreEscapedLikeQt_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << QStringLiteral("hello");
    QTest::newRow("quote and backslash") << QStringLiteral("a\"b\\c");
    QTest::newRow("named controls") << QStringLiteral("\b\f\n\r\t");
    QTest::newRow("other controls") << QString(QChar(0x01)) + QChar(0x1f);
    QTest::newRow("non-ASCII") << QStringLiteral("caf\u00e9 \u2603 \U0001F600");
    QTest::newRow("empty") << QString();
}

void tst_JsonFastPath::stringsAreEscapedLikeQt()
{
    QFETCH(QString, text);
    QByteArray ours;
    JsonWriter json(ours);
    json.beginArray();
    json.value(text);
    json.endArray();
    QCOMPARE(ours, QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact));
}

void tst_JsonFastPath::topLevelMembers_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("wellFormed");
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("promptTokens"); // -1: no usage object found

    const QByteArray reply = R"({"id":"x","choices":[{"message":{"content":"usage: {\"model\":1}"}}],)"
                             R"("model":"gpt-4o-mini","usage":{"prompt_tokens":17,"completion_tokens":3}})";
    QTest::newRow("OpenAI reply") << reply << true << QStringLiteral("gpt-4o-mini") << 17;
    QTest::newRow("nested keys are not top-level")
        << QByteArray(R"({"choices":[{"model":"inner","usage":{"prompt_tokens":9}}]})") << true << QString() << -1;
    QTest::newRow("escaped model") << QByteArray(R"( { "model" : "a\"b\u00e9" , "usage":{"prompt_tokens":1} } )")
                                   << true << QStringLiteral("a\"b\u00e9") << 1;
    QTest::newRow("first occurrence wins")
        << QByteArray(R"({"model":"one","model":"two"})") << true << QStringLiteral("one") << -1;
    QTest::newRow("numbers and literals")
        << QByteArray(R"({"a":-1.5e3,"b":true,"c":null,"model":"m"})") << true << QStringLiteral("m") << -1;
    QTest::newRow("empty object") << QByteArray("{}") << true << QString() << -1;
    QTest::newRow("truncated") << QByteArray(R"({"model":"m","usage":{"prompt_tokens":1)") << false << QString() << -1;
    QTest::newRow("not an object") << QByteArray(R"(["model"])") << false << QString() << -1;
    QTest::newRow("trailing garbage") << QByteArray(R"({"model":"m"} x)") << false << QString() << -1;
    QTest::newRow("unterminated string") << QByteArray(R"({"model":"m)") << false << QString() << -1;
}

void tst_JsonFastPath::topLevelMembers()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, wellFormed);
    QFETCH(QString, model);
    QFETCH(int, promptTokens);
    std::array<JsonScan::ValueSpan, 2> spans;
    QCOMPARE(JsonScan::topLevelMembers(json, {QByteArrayView("model"), QByteArrayView("usage")}, spans),
             wellFormed);
    if (!wellFormed)
        return;
    QCOMPARE(JsonScan::stringAt(json, spans[0]), model);
    const QJsonObject usage = JsonScan::objectAt(json, spans[1]);
    QCOMPARE(usage.isEmpty() ? -1 : usage.value(QLatin1String("prompt_tokens")).toInt(), promptTokens);
    // Whatever the scanner finds, Qt's parser agrees with.
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    QCOMPARE(root.value(QLatin1String("usage")).toObject(), usage);
}

QTEST_GUILESS_MAIN(tst_JsonFastPath)
#include "tst_jsonfastpath.moc"
