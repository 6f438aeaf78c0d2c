// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/translate/anthropiccodec.h"
#include "core/translate/codechelpers.h"
#include "core/translate/geminicodec.h"
#include "core/translate/openaicodec.h"
#include "core/translate/stopreasons.h"
#include "translatetestutil.h"

#include <QTest>

using namespace Switchyard;
using namespace Switchyard::Translate;
using namespace TranslateTest;

namespace {

QString describeContent(const QList<ContentPart> &parts)
{
    QStringList out;
    for (const ContentPart &p : parts) {
        if (p.kind == ContentPart::Kind::Text) {
            out.append(QStringLiteral("text(%1)").arg(p.text));
        } else if (p.kind == ContentPart::Kind::ToolUse) {
            out.append(QStringLiteral("tool(%1,%2,%3)")
                           .arg(p.toolId, p.toolName, Internal::compactJson(p.arguments)));
        }
    }
    return out.join(QLatin1Char('|'));
}

Result<ChatResponse> decode(WireFormat format, const QJsonObject &body)
{
    switch (format) {
    case WireFormat::OpenAi: return OpenAiCodec::decodeResponse(body);
    case WireFormat::Anthropic: return AnthropicCodec::decodeResponse(body);
    case WireFormat::Gemini: break;
    }
    return GeminiCodec::decodeResponse(body);
}

} // namespace

class tst_ResponseCodec final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodes_data();
    void decodes();
    void decodeFailures_data();
    void decodeFailures();
    void stopReasons_data();
    void stopReasons();
    void encodeOpenAi();
    void encodeAnthropic();
};

void tst_ResponseCodec::decodes_data()
{
    QTest::addColumn<WireFormat>("format");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("content");
    QTest::addColumn<StopReason>("stop");
    QTest::addColumn<QList<qint64>>("usage"); // input, cacheRead, cacheWrite, output, reasoning

    QTest::newRow("openai text, cached prompt tokens")
        << WireFormat::OpenAi
        << QByteArray(R"({"id":"chatcmpl-9x","model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,
           "message":{"role":"assistant","content":"Total 16.56 EUR."},"finish_reason":"stop"}],
           "usage":{"prompt_tokens":1207,"completion_tokens":14,"total_tokens":1221,
           "prompt_tokens_details":{"cached_tokens":1024},"completion_tokens_details":{"reasoning_tokens":4}}})")
        << "text(Total 16.56 EUR.)" << StopReason::EndTurn << QList<qint64>{183, 1024, 0, 14, 4};
    QTest::newRow("openai tool calls")
        << WireFormat::OpenAi
        << QByteArray(
               R"({"id":"c1","model":"m","choices":[{"message":{"role":"assistant","content":null,
           "tool_calls":[{"id":"call_1","type":"function","function":{"name":"fx","arguments":"{\"a\":1}"}},
                         {"id":"call_2","type":"function","function":{"name":"fx","arguments":""}}]},
           "finish_reason":"tool_calls"}]})")
        << "tool(call_1,fx,{\"a\":1})|tool(call_2,fx,{})" << StopReason::ToolUse
        << QList<qint64>{0, 0, 0, 0, 0};
    QTest::newRow("openai length")
        << WireFormat::OpenAi
        << QByteArray(
               R"({"id":"c","model":"m","choices":[{"message":{"content":"cut"},"finish_reason":"length"}]})")
        << "text(cut)" << StopReason::MaxTokens << QList<qint64>{0, 0, 0, 0, 0};
    QTest::newRow("openai deepseek cache hit")
        << WireFormat::OpenAi
        << QByteArray(
               R"({"id":"c","model":"deepseek-chat","choices":[{"message":{"content":"x"},"finish_reason":"stop"}],
           "usage":{"prompt_tokens":100,"completion_tokens":5,"prompt_cache_hit_tokens":60,"prompt_cache_miss_tokens":40}})")
        << "text(x)" << StopReason::EndTurn << QList<qint64>{40, 60, 0, 5, 0};
    QTest::newRow("anthropic text with cache read")
        << WireFormat::Anthropic
        << QByteArray(
               R"({"id":"msg_01XyZ","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
           "content":[{"type":"text","text":"About 16.56 EUR."}],"stop_reason":"end_turn","stop_sequence":null,
           "usage":{"input_tokens":31,"output_tokens":17,"cache_creation_input_tokens":200,"cache_read_input_tokens":1450}})")
        << "text(About 16.56 EUR.)" << StopReason::EndTurn << QList<qint64>{31, 1450, 200, 17, 0};
    QTest::newRow("anthropic thinking dropped, tool_use")
        << WireFormat::Anthropic
        << QByteArray(
               R"({"id":"msg_2","model":"c","content":[{"type":"thinking","thinking":"hmm","signature":"s"},
           {"type":"text","text":"Checking."},{"type":"tool_use","id":"toolu_1","name":"fx","input":{"from":"USD"}}],
           "stop_reason":"tool_use","usage":{"input_tokens":10,"output_tokens":20}})")
        << "text(Checking.)|tool(toolu_1,fx,{\"from\":\"USD\"})" << StopReason::ToolUse
        << QList<qint64>{10, 0, 0, 20, 0};
    QTest::newRow("anthropic stop sequence")
        << WireFormat::Anthropic
        << QByteArray(
               R"({"id":"m","model":"c","content":[{"type":"text","text":"a"}],"stop_reason":"stop_sequence",
           "stop_sequence":"###","usage":{"input_tokens":1,"output_tokens":1}})")
        << "text(a)" << StopReason::StopSequence << QList<qint64>{1, 0, 0, 1, 0};
    QTest::newRow("gemini text, thoughts outside candidates")
        << WireFormat::Gemini
        << QByteArray(
               R"({"candidates":[{"content":{"role":"model","parts":[{"text":"plan","thought":true},
           {"text":"18.20 USD is about 16.56 EUR."}]},"finishReason":"STOP","index":0}],
           "usageMetadata":{"promptTokenCount":298,"candidatesTokenCount":14,"thoughtsTokenCount":120,
           "totalTokenCount":432,"cachedContentTokenCount":100},"modelVersion":"gemini-2.5-flash","responseId":"mK3q"})")
        << "text(18.20 USD is about 16.56 EUR.)" << StopReason::EndTurn
        << QList<qint64>{198, 100, 0, 134, 120};
    QTest::newRow("gemini function call without id, STOP")
        << WireFormat::Gemini
        << QByteArray(
               R"({"candidates":[{"content":{"role":"model","parts":[{"functionCall":{"name":"fx","args":{"to":"EUR"}}},
           {"functionCall":{"name":"fx","args":{"to":"GBP"},"id":"given"}}]},"finishReason":"STOP"}],
           "usageMetadata":{"promptTokenCount":5,"candidatesTokenCount":6,"totalTokenCount":11},"responseId":"R1"})")
        << QStringLiteral("tool(%1,fx,{\"to\":\"EUR\"})|tool(given,fx,{\"to\":\"GBP\"})")
               .arg(GeminiCodec::toolCallId(QStringLiteral("R1"), 0, QStringLiteral("fx")))
        << StopReason::ToolUse << QList<qint64>{5, 0, 0, 6, 0};
    QTest::newRow("gemini MAX_TOKENS")
        << WireFormat::Gemini
        << QByteArray(
               R"({"candidates":[{"content":{"parts":[{"text":"cut"}]},"finishReason":"MAX_TOKENS"}]})")
        << "text(cut)" << StopReason::MaxTokens << QList<qint64>{0, 0, 0, 0, 0};
    QTest::newRow("gemini SAFETY")
        << WireFormat::Gemini
        << QByteArray(R"({"candidates":[{"content":{"parts":[]},"finishReason":"SAFETY"}]})") << ""
        << StopReason::ContentFilter << QList<qint64>{0, 0, 0, 0, 0};
    QTest::newRow("gemini blocked prompt")
        << WireFormat::Gemini
        << QByteArray(
               R"({"promptFeedback":{"blockReason":"SAFETY"},"usageMetadata":{"promptTokenCount":9,"totalTokenCount":9}})")
        << "" << StopReason::ContentFilter << QList<qint64>{9, 0, 0, 0, 0};
}

void tst_ResponseCodec::decodes()
{
    QFETCH(WireFormat, format);
    QFETCH(QByteArray, body);
    QFETCH(QString, content);
    QFETCH(StopReason, stop);
    QFETCH(QList<qint64>, usage);
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    QVERIFY(!object.isEmpty());
    const Result<ChatResponse> r = decode(format, object);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    QCOMPARE(describeContent(r.value().content), content);
    QCOMPARE(r.value().stopReason, stop);
    const Usage &u = r.value().usage;
    QCOMPARE((QList<qint64>{u.inputTokens, u.cacheReadTokens, u.cacheWriteTokens, u.outputTokens,
                            u.reasoningTokens}),
             usage);
}

void tst_ResponseCodec::decodeFailures_data()
{
    QTest::addColumn<WireFormat>("format");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("openai without choices") << WireFormat::OpenAi << QByteArray(R"({"id":"x"})");
    QTest::newRow("anthropic without content")
        << WireFormat::Anthropic << QByteArray(R"({"id":"x"})");
    QTest::newRow("gemini without candidates") << WireFormat::Gemini << QByteArray(R"({"x":1})");
}

void tst_ResponseCodec::decodeFailures()
{
    QFETCH(WireFormat, format);
    QFETCH(QByteArray, body);
    QVERIFY(!decode(format, QJsonDocument::fromJson(body).object()).ok());
}

void tst_ResponseCodec::stopReasons_data()
{
    QTest::addColumn<StopReason>("reason");
    QTest::addColumn<QString>("openai");
    QTest::addColumn<QString>("anthropic");
    QTest::newRow("end turn") << StopReason::EndTurn << "stop"
                              << "end_turn";
    QTest::newRow("max tokens") << StopReason::MaxTokens << "length"
                                << "max_tokens";
    QTest::newRow("tool use") << StopReason::ToolUse << "tool_calls"
                              << "tool_use";
    QTest::newRow("stop sequence") << StopReason::StopSequence << "stop"
                                   << "stop_sequence";
    QTest::newRow("content filter") << StopReason::ContentFilter << "content_filter"
                                    << "refusal";
    QTest::newRow("other") << StopReason::Other << "stop"
                           << "end_turn";
}

void tst_ResponseCodec::stopReasons()
{
    QFETCH(StopReason, reason);
    QFETCH(QString, openai);
    QFETCH(QString, anthropic);
    QCOMPARE(StopReasons::toOpenAi(reason), openai);
    QCOMPARE(StopReasons::toAnthropic(reason), anthropic);
    if (reason != StopReason::StopSequence && reason != StopReason::Other) {
        QCOMPARE(StopReasons::fromOpenAi(openai), reason);
    }
    if (reason != StopReason::Other) {
        QCOMPARE(StopReasons::fromAnthropic(anthropic), reason);
    }
}

void tst_ResponseCodec::encodeOpenAi()
{
    ChatResponse r;
    r.id = QStringLiteral("msg_01");
    r.model = QStringLiteral("claude-x");
    r.content = {ContentPart::makeText(QStringLiteral("Checking.")),
                 ContentPart::makeToolUse(QStringLiteral("toolu_1"), QStringLiteral("fx"),
                                          parse(R"({"from":"USD"})"))};
    r.stopReason = StopReason::ToolUse;
    r.usage = Usage{31, 1450, 200, 17, 0, true};
    const QJsonObject expected = parse(
        R"({"id":"msg_01","object":"chat.completion","created":1700000000,
        "model":"claude-x","choices":[{"index":0,"logprobs":null,"finish_reason":"tool_calls",
        "message":{"role":"assistant","content":"Checking.","tool_calls":[{"id":"toolu_1","type":"function",
        "function":{"name":"fx","arguments":"{\"from\":\"USD\"}"}}]}}],
        "usage":{"prompt_tokens":1681,"completion_tokens":17,"total_tokens":1698,
        "prompt_tokens_details":{"cached_tokens":1450},"completion_tokens_details":{"reasoning_tokens":0}}})");
    QCOMPARE(pretty(OpenAiCodec::encodeResponse(r, 1700000000)), pretty(expected));
}

void tst_ResponseCodec::encodeAnthropic()
{
    ChatResponse r;
    r.id = QStringLiteral("chatcmpl-1");
    r.model = QStringLiteral("gpt-4o");
    r.content = {ContentPart::makeText(QString()),
                 ContentPart::makeToolUse(QStringLiteral("call_1"), QStringLiteral("fx"), {})};
    r.stopReason = StopReason::ToolUse;
    r.usage = Usage{183, 1024, 0, 14, 0, true};
    const QJsonObject expected = parse(R"({"id":"chatcmpl-1","type":"message","role":"assistant",
        "model":"gpt-4o","content":[{"type":"tool_use","id":"call_1","name":"fx","input":{}}],
        "stop_reason":"tool_use","stop_sequence":null,
        "usage":{"input_tokens":183,"cache_creation_input_tokens":0,"cache_read_input_tokens":1024,"output_tokens":14}})");
    QCOMPARE(pretty(AnthropicCodec::encodeResponse(r)), pretty(expected));
}

QTEST_GUILESS_MAIN(tst_ResponseCodec)
#include "tst_responsecodec.moc"
