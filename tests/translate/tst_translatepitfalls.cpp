// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/providers/sse/ssedecoder.h"
#include "core/translate/anthropiccodec.h"
#include "core/translate/geminicodec.h"
#include "core/translate/openaicodec.h"
#include "core/translate/streamdecoder.h"
#include "core/translate/streamencoder.h"
#include "translatetestutil.h"

#include <QJsonArray>
#include <QTest>

#include <functional>

using namespace Switchyard;
using namespace Switchyard::Translate;
using namespace TranslateTest;

namespace {

/// A pitfall check: an empty string when handled, else what went wrong.
using Check = std::function<QString()>;

/// Upstream transcript (tests/data/translate/streams) → client surface bytes.
QByteArray pipe(WireFormat upstream, const char *file, WireFormat surface, bool includeUsage)
{
    Providers::SseDecoder sse;
    sse.feed(readData(QStringLiteral("streams/") + QLatin1String(file)));
    const auto decoder = makeStreamDecoder(upstream);
    StreamEncoderOptions options;
    options.includeUsage = includeUsage;
    const auto encoder = makeStreamEncoder(surface, options);
    QByteArray out;
    const QList<Providers::SseEvent> events = sse.takeEvents();
    for (const Providers::SseEvent &e : events) {
        const QList<StreamEvent> decoded = decoder->decode(e);
        for (const StreamEvent &s : decoded) {
            out += encoder->encode(s);
        }
    }
    if (decoder->isComplete()) {
        out += encoder->finish();
    }
    return out;
}

QString expect(bool condition, const QString &what)
{
    return condition ? QString() : what;
}

QJsonObject openAiToAnthropic(const char *json)
{
    const auto request = OpenAiCodec::decodeRequest(parse(json));
    if (!request) {
        return {};
    }
    const auto body = AnthropicCodec::encodeRequest(request.value());
    return body ? body.value() : QJsonObject();
}

QString has(const QByteArray &haystack, const QByteArray &needle)
{
    return expect(haystack.contains(needle),
                  QStringLiteral("missing %1 in:\n%2")
                      .arg(QString::fromUtf8(needle), QString::fromUtf8(haystack)));
}

} // namespace

class tst_TranslatePitfalls final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pitfalls_data();
    void pitfalls();
    void roundTripKeepsToolIdsAndArguments();
};

void tst_TranslatePitfalls::pitfalls_data()
{
    QTest::addColumn<Check>("check");

    QTest::newRow("litellm#5063 streamed tool call without arguments gives {}") << Check([] {
        return has(pipe(WireFormat::Anthropic, "anthropic_empty_args.sse", WireFormat::OpenAi,
                        false),
                   R"("function":{"arguments":"{}"},"index":0)");
    });
    QTest::newRow("litellm#15884 streamed tool calls keep id, name and index 0") << Check([] {
        return has(
            pipe(WireFormat::Anthropic, "anthropic_tools.sse", WireFormat::OpenAi, false),
            R"({"function":{"arguments":"","name":"fx_rate"},"id":"toolu_01AbCdEf","index":0,"type":"function"})");
    });
    QTest::newRow("litellm-pr#13638 tool arguments are input_json_delta, not text") << Check([] {
        const QByteArray out = pipe(WireFormat::OpenAi, "openai_tools.sse", WireFormat::Anthropic,
                                    false);
        if (out.contains("text_delta")) {
            return QStringLiteral("arguments leaked as text");
        }
        return has(out, R"({"partial_json":"{\"from\":\"U","type":"input_json_delta"})");
    });
    QTest::newRow("litellm#25390 gemini tool input reaches an anthropic stream") << Check([] {
        return has(
            pipe(WireFormat::Gemini, "gemini_tools.sse", WireFormat::Anthropic, false),
            R"({"partial_json":"{\"from\":\"USD\",\"to\":\"EUR\"}","type":"input_json_delta"})");
    });
    QTest::newRow("litellm#25669 anthropic tool history converted for chat completions")
        << Check([] {
               const auto request = AnthropicCodec::decodeRequest(
                   readJson(QStringLiteral("requests/anthropic_tools.json"))
                       .value(QLatin1String("input"))
                       .toObject());
               const QJsonArray messages = OpenAiCodec::encodeRequest(request.value())
                                               .value()
                                               .value(QLatin1String("messages"))
                                               .toArray();
               return expect(messages.at(2).toObject().contains(QLatin1String("tool_calls"))
                                 && messages.at(3).toObject().value(QLatin1String("role"))
                                        == QLatin1String("tool")
                                 && messages.at(3).toObject().value(QLatin1String("tool_call_id"))
                                        == QLatin1String("toolu_01AbCdEf"),
                             QStringLiteral("tool history lost"));
           });
    QTest::newRow("litellm#16525 tool_result blocks come right after the tool_use turn") << Check([] {
        const QJsonObject body = openAiToAnthropic(R"({"model":"m","messages":[
            {"role":"user","content":"go"},
            {"role":"assistant","content":"","tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{}"}}]},
            {"role":"tool","tool_call_id":"c1","content":"ok"},
            {"role":"user","content":"and then?"}]})");
        const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
        const QJsonArray first = messages.at(2).toObject().value(QLatin1String("content")).toArray();
        return expect(messages.size() == 3
                          && first.at(0).toObject().value(QLatin1String("type"))
                                 == QLatin1String("tool_result")
                          && first.at(1).toObject().value(QLatin1String("text"))
                                 == QLatin1String("and then?"),
                      QString::fromUtf8(pretty(body)));
    });
    QTest::newRow("litellm#14330 gemini schema loses additionalProperties at any depth") << Check(
        [] {
            const QJsonObject cleaned = GeminiCodec::cleanSchema(
                parse(R"({"type":"object","additionalProperties":false,
            "properties":{"items":{"type":"array","items":{"type":"object","additionalProperties":false,
            "properties":{"n":{"$ref":"#/$defs/num"}}}}},"$defs":{"num":{"type":"number","exclusiveMaximum":3}}})"));
            const QByteArray text = pretty(cleaned);
            return expect(!text.contains("additionalProperties") && !text.contains("$defs")
                              && !text.contains("exclusiveMaximum") && text.contains("\"number\""),
                          QString::fromUtf8(text));
        });
    QTest::newRow("litellm-pr#10485 gemini STOP with a function call is tool_calls") << Check([] {
        const auto r = GeminiCodec::decodeResponse(parse(R"({"candidates":[{"content":{"parts":[
            {"functionCall":{"name":"f","args":{}}}]},"finishReason":"STOP"}]})"));
        const QJsonObject body = OpenAiCodec::encodeResponse(r.value(), 0);
        return expect(body.value(QLatin1String("choices"))
                              .toArray()
                              .at(0)
                              .toObject()
                              .value(QLatin1String("finish_reason"))
                          == QLatin1String("tool_calls"),
                      QString::fromUtf8(pretty(body)));
    });
    QTest::newRow("litellm#11364 anthropic cache tokens inside openai prompt_tokens") << Check([] {
        const auto r = AnthropicCodec::decodeResponse(parse(R"({"id":"m","model":"c","content":[],
            "stop_reason":"end_turn","usage":{"input_tokens":10,"cache_read_input_tokens":100,
            "cache_creation_input_tokens":1000,"output_tokens":5}})"));
        const QJsonObject usage
            = OpenAiCodec::encodeResponse(r.value(), 0).value(QLatin1String("usage")).toObject();
        return expect(usage.value(QLatin1String("prompt_tokens")).toInteger() == 1110
                          && usage.value(QLatin1String("prompt_tokens_details"))
                                     .toObject()
                                     .value(QLatin1String("cached_tokens"))
                                     .toInteger()
                                 == 100,
                      QString::fromUtf8(pretty(usage)));
    });
    QTest::newRow("litellm#5364 cache usage survives streaming to openai") << Check([] {
        return has(
            pipe(WireFormat::Anthropic, "anthropic_empty_args.sse", WireFormat::OpenAi, true),
            R"("usage":{"completion_tokens":25,"completion_tokens_details":{"reasoning_tokens":0},"prompt_tokens":2312,"prompt_tokens_details":{"cached_tokens":2000},"total_tokens":2337})");
    });
    QTest::newRow("litellm#31069 cache counts in message_start") << Check([] {
        return has(
            pipe(WireFormat::Anthropic, "anthropic_empty_args.sse", WireFormat::Anthropic, false),
            R"("usage":{"cache_creation_input_tokens":300,"cache_read_input_tokens":2000,"input_tokens":12,"output_tokens":1}},"type":"message_start")");
    });
    QTest::newRow("litellm#12899 http image stays a url source for anthropic") << Check([] {
        const QByteArray text = pretty(
            openAiToAnthropic(R"({"model":"m","messages":[{"role":"user","content":[
            {"type":"image_url","image_url":{"url":"https://example.com/a.png"}}]}]})"));
        return expect(text.contains("\"url\": \"https://example.com/a.png\"")
                          && !text.contains("base64"),
                      QString::fromUtf8(text));
    });
    QTest::newRow("portkey#459 anthropic stop reasons never leak to openai") << Check([] {
        QStringList bad;
        for (const char *raw :
             {"refusal", "pause_turn", "model_context_window_exceeded", "future_reason"}) {
            ChatResponse r = AnthropicCodec::decodeResponse(
                                 QJsonObject{{QLatin1String("content"), QJsonArray()},
                                             {QLatin1String("stop_reason"), QLatin1String(raw)}})
                                 .value();
            const QString finish = OpenAiCodec::encodeResponse(r, 0)
                                       .value(QLatin1String("choices"))
                                       .toArray()
                                       .at(0)
                                       .toObject()
                                       .value(QLatin1String("finish_reason"))
                                       .toString();
            if (finish != QLatin1String("stop") && finish != QLatin1String("length")
                && finish != QLatin1String("content_filter")) {
                bad.append(finish);
            }
        }
        return bad.join(u',');
    });
    QTest::newRow("portkey#1200 gemini MAX_TOKENS is length") << Check([] {
        const auto r = GeminiCodec::decodeResponse(parse(
            R"({"candidates":[{"content":{"parts":[{"text":"a"}]},"finishReason":"MAX_TOKENS"}]})"));
        return expect(OpenAiCodec::encodeResponse(r.value(), 0)
                              .value(QLatin1String("choices"))
                              .toArray()
                              .at(0)
                              .toObject()
                              .value(QLatin1String("finish_reason"))
                          == QLatin1String("length"),
                      QStringLiteral("not length"));
    });
    QTest::newRow("portkey#350 stream usage joins message_start input and message_delta output")
        << Check([] {
               return has(
                   pipe(WireFormat::Anthropic, "anthropic_tools.sse", WireFormat::OpenAi, true),
                   R"("completion_tokens":58,"completion_tokens_details":{"reasoning_tokens":0},"prompt_tokens":412,)");
           });
    QTest::newRow("portkey-pr#741 overloaded after 200 is an error, not a clean stop") << Check([] {
        const QByteArray out = pipe(WireFormat::Anthropic, "anthropic_error.sse",
                                    WireFormat::OpenAi, true);
        if (out.contains("finish_reason\":\"stop") || out.contains("[DONE]")) {
            return QString::fromUtf8(out);
        }
        return has(
            out,
            R"(data: {"error":{"code":null,"message":"Overloaded","param":null,"type":"overloaded_error"}})");
    });
    QTest::newRow("portkey#910 final openai usage chunk reaches message_delta") << Check([] {
        return has(
            pipe(WireFormat::OpenAi, "openai_text.sse", WireFormat::Anthropic, false),
            R"("type":"message_delta","usage":{"cache_creation_input_tokens":0,"cache_read_input_tokens":1024,"input_tokens":183,"output_tokens":14}})");
    });
    QTest::newRow("portkey#1338 a second usage chunk replaces, never adds") << Check([] {
        const auto decoder = makeStreamDecoder(WireFormat::OpenAi);
        const auto encoder = makeStreamEncoder(WireFormat::OpenAi, {QString(), QString(), 0, true});
        QByteArray out;
        for (const char *data :
             {R"({"id":"g","model":"m","choices":[{"delta":{"content":"a"},"finish_reason":"stop"}],"x_groq":{"usage":{"prompt_tokens":3,"completion_tokens":1}}})",
              R"({"id":"g","model":"m","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":1}})",
              R"({"id":"g","model":"m","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":1}})"}) {
            Providers::SseEvent e;
            e.data = data;
            for (const StreamEvent &s : decoder->decode(e)) {
                out += encoder->encode(s);
            }
        }
        out += encoder->finish();
        return expect(out.count("\"prompt_tokens\":3") == 1 && out.contains("\"total_tokens\":4"),
                      QString::fromUtf8(out));
    });
    QTest::newRow("portkey#858 deepseek usage without prompt_tokens") << Check([] {
        const auto r = OpenAiCodec::decodeResponse(
            parse(R"({"choices":[{"message":{"content":"x"},"finish_reason":"stop"}],
            "usage":{"completion_tokens":2,"prompt_cache_hit_tokens":6,"prompt_cache_miss_tokens":4}})"));
        const Usage u = r.value().usage;
        return expect(u.inputTokens == 4 && u.cacheReadTokens == 6 && u.outputTokens == 2,
                      QStringLiteral("in=%1 cr=%2").arg(u.inputTokens).arg(u.cacheReadTokens));
    });
    QTest::newRow("portkey-pr#426 gemini parallel calls get distinct ids") << Check([] {
        const auto r = GeminiCodec::decodeResponse(
            parse(R"({"responseId":"r","candidates":[{"content":{"parts":[
            {"functionCall":{"name":"f","args":{"a":1}}},{"functionCall":{"name":"f","args":{"a":2}}}]},"finishReason":"STOP"}]})"));
        const QJsonArray calls = OpenAiCodec::encodeResponse(r.value(), 0)
                                     .value(QLatin1String("choices"))
                                     .toArray()
                                     .at(0)
                                     .toObject()
                                     .value(QLatin1String("message"))
                                     .toObject()
                                     .value(QLatin1String("tool_calls"))
                                     .toArray();
        return expect(calls.size() == 2
                          && calls.at(0).toObject().value(QLatin1String("id"))
                                 != calls.at(1).toObject().value(QLatin1String("id")),
                      QStringLiteral("ids collide"));
    });
    QTest::newRow("portkey#1442 gemini thought signatures are echoed back") << Check([] {
        const auto r = GeminiCodec::decodeResponse(parse(R"({"candidates":[{"content":{"parts":[
            {"functionCall":{"name":"f","args":{}},"thoughtSignature":"c2ln"}]},"finishReason":"STOP"}]})"));
        ChatRequest request;
        request.messages = {ChatMessage{Role::User, {ContentPart::makeText(QStringLiteral("go"))}},
                            ChatMessage{Role::Assistant, r.value().content}};
        return has(pretty(GeminiCodec::encodeRequest(request).value()),
                   "\"thoughtSignature\": \"c2ln\"");
    });
    QTest::newRow("portkey#1761 role function is converted for gemini") << Check([] {
        const auto request = OpenAiCodec::decodeRequest(parse(R"({"model":"m","messages":[
            {"role":"user","content":"go"},
            {"role":"assistant","content":null,"function_call":{"name":"f","arguments":"{\"x\":1}"}},
            {"role":"function","name":"f","content":"{\"ok\":true}"}]})"));
        const QByteArray text = pretty(GeminiCodec::encodeRequest(request.value()).value());
        return expect(!text.contains("\"function\"") && text.contains("\"functionResponse\"")
                          && text.contains("\"ok\": true"),
                      QString::fromUtf8(text));
    });
    QTest::newRow("langchain-pr#24668 mistral tool ids are 9 alphanumerics, consistently")
        << Check([] {
               const auto request = OpenAiCodec::decodeRequest(parse(R"({"model":"m","messages":[
            {"role":"assistant","content":null,"tool_calls":[{"id":"call_abc_123","type":"function","function":{"name":"f","arguments":"{}"}}]},
            {"role":"tool","tool_call_id":"call_abc_123","content":"x"}]})"));
               OpenAiCodec::RequestOptions options;
               options.mistralToolIds = true;
               const QJsonArray m = OpenAiCodec::encodeRequest(request.value(), options)
                                        .value()
                                        .value(QLatin1String("messages"))
                                        .toArray();
               const QString id = m.at(0)
                                      .toObject()
                                      .value(QLatin1String("tool_calls"))
                                      .toArray()
                                      .at(0)
                                      .toObject()
                                      .value(QLatin1String("id"))
                                      .toString();
               return expect(
                   id.size() == 9
                       && id == m.at(1).toObject().value(QLatin1String("tool_call_id")).toString()
                       && OpenAiCodec::mistralToolId(QStringLiteral("Ab3De6Gh9"))
                              == QLatin1String("Ab3De6Gh9"),
                   id);
           });
    QTest::newRow("azure empty first chunk and openrouter comments are skipped") << Check([] {
        const QByteArray out = pipe(WireFormat::OpenAi, "openai_quirks.sse", WireFormat::Anthropic,
                                    false);
        return has(out, R"("id":"gen-1","model":"m")");
    });
    QTest::newRow("llama_index-pr#17278 no empty text blocks for anthropic") << Check([] {
        const QByteArray text = pretty(openAiToAnthropic(R"({"model":"m","messages":[
            {"role":"user","content":"go"},
            {"role":"assistant","content":"","tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":""}}]},
            {"role":"tool","tool_call_id":"c","content":""},
            {"role":"user","content":[{"type":"text","text":""}]}]})"));
        return expect(!text.contains("\"text\": \"\"") && text.contains("tool_result"),
                      QString::fromUtf8(text));
    });
    QTest::newRow("livekit#3867 no data: prefix inside anthropic base64") << Check([] {
        const QByteArray fromOpenAi = pretty(
            openAiToAnthropic(R"({"model":"m","messages":[{"role":"user","content":[
            {"type":"image_url","image_url":{"url":"data:image/webp;base64,UklGR"}}]}]})"));
        const auto fromClient = AnthropicCodec::decodeRequest(
            parse(R"({"model":"c","messages":[{"role":"user","content":[
            {"type":"image","source":{"type":"base64","media_type":"image/png","data":"data:image/png;base64,iVBO"}}]}]})"));
        const QByteArray relayed = pretty(AnthropicCodec::encodeRequest(fromClient.value()).value());
        return expect(fromOpenAi.contains("\"data\": \"UklGR\"")
                          && fromOpenAi.contains("image/webp")
                          && relayed.contains("\"data\": \"iVBO\""),
                      QString::fromUtf8(fromOpenAi + relayed));
    });
    QTest::newRow("envoy-ai-gateway#893 anthropic always gets max_tokens") << Check([] {
        return expect(openAiToAnthropic(
                          R"({"model":"m","messages":[{"role":"user","content":"a"}]})")
                              .value(QLatin1String("max_tokens"))
                              .toInteger()
                          == 4096,
                      QStringLiteral("max_tokens missing"));
    });
}

void tst_TranslatePitfalls::pitfalls()
{
    QFETCH(Check, check);
    const QString failure = check();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

void tst_TranslatePitfalls::roundTripKeepsToolIdsAndArguments()
{
    // OpenAI → internal → Anthropic → internal → OpenAI.
    const QJsonObject input = readJson(QStringLiteral("requests/openai_parallel_merge.json"))
                                  .value(QLatin1String("input"))
                                  .toObject();
    const auto first = OpenAiCodec::decodeRequest(input);
    QVERIFY(first.ok());
    const auto anthropic = AnthropicCodec::encodeRequest(first.value());
    QVERIFY(anthropic.ok());
    const auto second = AnthropicCodec::decodeRequest(anthropic.value());
    QVERIFY(second.ok());
    const auto back = OpenAiCodec::encodeRequest(second.value());
    QVERIFY(back.ok());
    const auto signature = [](const QJsonObject &body) {
        QStringList out;
        const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
        for (const QJsonValue &v : messages) {
            const QJsonObject m = v.toObject();
            for (const QJsonValue &c : m.value(QLatin1String("tool_calls")).toArray()) {
                const QJsonObject fn = c.toObject().value(QLatin1String("function")).toObject();
                out.append(c.toObject().value(QLatin1String("id")).toString() + QLatin1Char('=')
                           + fn.value(QLatin1String("name")).toString()
                           + fn.value(QLatin1String("arguments")).toString());
            }
            if (m.contains(QLatin1String("tool_call_id"))) {
                out.append(m.value(QLatin1String("tool_call_id")).toString() + QLatin1String("<-")
                           + m.value(QLatin1String("content")).toString());
            }
        }
        return out;
    };
    const QStringList expected{QStringLiteral("call_a=weather{\"city\":\"Paris\"}"),
                               QStringLiteral("call_b=weather{}"), QStringLiteral("call_a<-21C"),
                               QStringLiteral("call_b<-{\"temp\":18}")};
    QCOMPARE(signature(back.value()), expected);
    QCOMPARE(signature(OpenAiCodec::encodeRequest(first.value()).value()), expected);
}

QTEST_GUILESS_MAIN(tst_TranslatePitfalls)
#include "tst_translatepitfalls.moc"
