// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/common/jsonscan.h"
#include "core/common/jsonwriter.h"
#include "core/common/routingdecision.h"
#include "core/translate/usagecodec.h"

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
    void usageFromTextEqualsParsed_data();
    void usageFromTextEqualsParsed();
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
    QTest::newRow("ASCII then an escape") << QStringLiteral("route-a, then \"b\"");
    QTest::newRow("ASCII then non-ASCII") << QStringLiteral("policy eu-only: region 'us' not in [eu] \u2192 x");
    QTest::newRow("long ASCII") << QString(300, QLatin1Char('m'));
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

    // Strings longer than the scanner's 16-byte steps: escapes, quotes and control characters
    // at every offset of a step, including a backslash as the last byte of one.
    const QByteArray filler(40, 'x');
    for (int offset = 0; offset < 18; ++offset) {
        const QByteArray head = filler.left(offset);
        const QByteArray text = R"({"content":")" + head + R"(\"q\\)" + filler + R"(","model":"m",)"
                                R"("usage":{"prompt_tokens":5}})";
        QTest::addRow("long string, escapes at %d", offset) << text << true << QStringLiteral("m") << 5;
        QTest::addRow("long string, raw newline at %d", offset)
            << QByteArray(R"({"content":")" + head + '\n' + filler + R"(","model":"m"})") << false
            << QString() << -1;
        QTest::addRow("long string, unterminated at %d", offset)
            << QByteArray(R"({"model":"m","content":")" + filler + head + '\\') << false << QString() << -1;
    }
    QTest::newRow("long model with non-ASCII")
        << QByteArray(R"({"model":")" + filler + "\xc3\xa9" + filler + R"("})") << true
        << QString::fromUtf8(filler + "\xc3\xa9" + filler) << -1;
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

void tst_JsonFastPath::usageFromTextEqualsParsed_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("usage");
    QTest::newRow("openai") << "openai" << QByteArray(R"({"prompt_tokens":57,"completion_tokens":160,"total_tokens":217})");
    QTest::newRow("openai details")
        << "openai" << QByteArray(R"({"prompt_tokens":100,"completion_tokens":40,"prompt_tokens_details":{"cached_tokens":60,"audio_tokens":0},)"
                                  R"("completion_tokens_details":{"reasoning_tokens":25}})");
    QTest::newRow("openai cached exceeds prompt") << "openai" << QByteArray(R"({"prompt_tokens":5,"prompt_tokens_details":{"cached_tokens":9}})");
    QTest::newRow("deepseek") << "openai" << QByteArray(R"({"prompt_cache_hit_tokens":30,"prompt_cache_miss_tokens":12,"completion_tokens":7})");
    QTest::newRow("floats, exponent, negative, string")
        << "openai" << QByteArray(R"( { "prompt_tokens" : 17.0 , "completion_tokens": 1.2e1, "prompt_tokens_details": {"cached_tokens": -3},)"
                                  R"( "completion_tokens_details": {"reasoning_tokens": "4"} } )");
    QTest::newRow("fraction") << "openai" << QByteArray(R"({"prompt_tokens":2.5,"completion_tokens":3})");
    QTest::newRow("null details") << "openai" << QByteArray(R"({"prompt_tokens":3,"prompt_tokens_details":null})");
    QTest::newRow("openai empty") << "openai" << QByteArray("{}");
    QTest::newRow("anthropic")
        << "anthropic" << QByteArray(R"({"input_tokens":12,"cache_read_input_tokens":100,"cache_creation_input_tokens":50,"output_tokens":9})");
    QTest::newRow("anthropic partial") << "anthropic" << QByteArray(R"({"output_tokens":9})");
    QTest::newRow("anthropic none") << "anthropic" << QByteArray(R"({"service_tier":"standard"})");
    QTest::newRow("gemini")
        << "gemini" << QByteArray(R"({"promptTokenCount":90,"cachedContentTokenCount":40,"candidatesTokenCount":20,)"
                                  R"("thoughtsTokenCount":8,"toolUsePromptTokenCount":3,"totalTokenCount":121})");
    QTest::newRow("malformed") << "openai" << QByteArray(R"({"prompt_tokens":5,)");
}

void tst_JsonFastPath::usageFromTextEqualsParsed()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, usage);
    const QJsonObject parsed = QJsonDocument::fromJson(usage).object();
    const JsonScan::ObjectView text(usage);
    Usage expected;
    Usage actual;
    if (format == QLatin1String("openai")) {
        expected = Translate::UsageCodec::fromOpenAi(parsed);
        actual = Translate::UsageCodec::fromOpenAi(text);
    } else if (format == QLatin1String("anthropic")) {
        expected = Translate::UsageCodec::fromAnthropic(parsed);
        actual = Translate::UsageCodec::fromAnthropic(text);
    } else {
        expected = Translate::UsageCodec::fromGemini(parsed);
        actual = Translate::UsageCodec::fromGemini(text);
    }
    QCOMPARE(actual.inputTokens, expected.inputTokens);
    QCOMPARE(actual.cacheReadTokens, expected.cacheReadTokens);
    QCOMPARE(actual.cacheWriteTokens, expected.cacheWriteTokens);
    QCOMPARE(actual.outputTokens, expected.outputTokens);
    QCOMPARE(actual.reasoningTokens, expected.reasoningTokens);
    QCOMPARE(actual.known, expected.known);
}

QTEST_GUILESS_MAIN(tst_JsonFastPath)
#include "tst_jsonfastpath.moc"
