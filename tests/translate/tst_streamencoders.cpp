// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/translate/anthropicstreamencoder.h"
#include "core/translate/openaistreamencoder.h"

#include <QTest>

using namespace Switchyard;
using namespace Switchyard::Translate;

namespace {

using Events = QList<StreamEvent>;

// One OpenAI chunk as the encoder must write it (keys sorted, compact).
QByteArray oaChunk(const QByteArray &delta, const QByteArray &finish, bool usageNull)
{
    return R"(data: {"choices":[{"delta":)" + delta + R"(,"finish_reason":)" + finish
           + R"(,"index":0,"logprobs":null}],"created":1700000000,"id":"chatcmpl-1","model":"m",)"
           + R"("object":"chat.completion.chunk")" + (usageNull ? R"(,"usage":null})" : "}")
           + "\n\n";
}

QByteArray anEvent(const char *name, const QByteArray &data)
{
    return QByteArray("event: ") + name + "\ndata: " + data + "\n\n";
}

} // namespace

class tst_StreamEncoders final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodes_data();
    void encodes();
    void closedEncoderIsSilent();
};

void tst_StreamEncoders::encodes_data()
{
    QTest::addColumn<WireFormat>("surface");
    QTest::addColumn<bool>("includeUsage");
    QTest::addColumn<Events>("events");
    QTest::addColumn<bool>("endWithError");
    QTest::addColumn<QByteArray>("expected");

    const Usage usage{183, 1024, 0, 14, 0, true};
    QTest::newRow("openai text, include_usage")
        << WireFormat::OpenAi << true
        << Events{StreamEvent::messageStart(QStringLiteral("chatcmpl-1"), QStringLiteral("m")),
                  StreamEvent::textDelta(QStringLiteral("Hel")),
                  StreamEvent::textDelta(QStringLiteral("lo")),
                  StreamEvent::finish(StopReason::EndTurn), StreamEvent::usageUpdate(usage)}
        << false
        << oaChunk(R"({"content":"","role":"assistant"})", "null", true)
               + oaChunk(R"({"content":"Hel"})", "null", true)
               + oaChunk(R"({"content":"lo"})", "null", true) + oaChunk("{}", R"("stop")", true)
               + R"(data: {"choices":[],"created":1700000000,"id":"chatcmpl-1","model":"m",)"
                 R"("object":"chat.completion.chunk","usage":{"completion_tokens":14,)"
                 R"("completion_tokens_details":{"reasoning_tokens":0},"prompt_tokens":1207,)"
                 R"("prompt_tokens_details":{"cached_tokens":1024},"total_tokens":1221}})"
                 "\n\n"
               + "data: [DONE]\n\n";
    QTest::newRow("openai tool call, no usage chunk")
        << WireFormat::OpenAi << false
        << Events{StreamEvent::messageStart(QStringLiteral("chatcmpl-1"), QStringLiteral("m")),
                  StreamEvent::toolCallStart(0, QStringLiteral("call_1"), QStringLiteral("fx")),
                  StreamEvent::toolCallArgsDelta(0, QStringLiteral("{\"a\"")),
                  StreamEvent::toolCallArgsDelta(0, QStringLiteral(":1}")),
                  StreamEvent::toolCallEnd(0),
                  StreamEvent::finish(StopReason::ToolUse),
                  StreamEvent::usageUpdate(usage)}
        << false
        << oaChunk(R"({"content":"","role":"assistant"})", "null", false)
               + oaChunk(R"({"tool_calls":[{"function":{"arguments":"","name":"fx"},"id":"call_1",)"
                         R"("index":0,"type":"function"}]})",
                         "null", false)
               + oaChunk(R"({"tool_calls":[{"function":{"arguments":"{\"a\""},"index":0}]})",
                         "null", false)
               + oaChunk(R"({"tool_calls":[{"function":{"arguments":":1}"},"index":0}]})", "null",
                         false)
               + oaChunk("{}", R"("tool_calls")", false) + "data: [DONE]\n\n";
    QTest::newRow("openai mid-stream error")
        << WireFormat::OpenAi << false
        << Events{StreamEvent::messageStart(QStringLiteral("chatcmpl-1"), QStringLiteral("m")),
                  StreamEvent::textDelta(QStringLiteral("Par"))}
        << true
        << oaChunk(R"({"content":"","role":"assistant"})", "null", false)
               + oaChunk(R"({"content":"Par"})", "null", false)
               + R"(data: {"error":{"code":null,"message":"Overloaded","param":null,)"
                 R"("type":"overloaded_error"}})"
                 "\n\n";

    const QByteArray start = anEvent(
        "message_start",
        R"({"message":{"content":[],"id":"msg_1","model":"c","role":"assistant","stop_reason":null,)"
        R"("stop_sequence":null,"type":"message","usage":{"cache_creation_input_tokens":0,)"
        R"("cache_read_input_tokens":5,"input_tokens":10,"output_tokens":0}},"type":"message_start"})");
    QTest::newRow("anthropic text then tool_use, usage in start and delta")
        << WireFormat::Anthropic << false
        << Events{StreamEvent::messageStart(QStringLiteral("msg_1"), QStringLiteral("c")),
                  StreamEvent::usageUpdate(Usage{10, 5, 0, 0, 0, true}),
                  StreamEvent::textDelta(QStringLiteral("Hi")),
                  StreamEvent::toolCallStart(0, QStringLiteral("toolu_1"), QStringLiteral("fx")),
                  StreamEvent::toolCallArgsDelta(0, QStringLiteral("{\"a\":1}")),
                  StreamEvent::toolCallEnd(0),
                  StreamEvent::finish(StopReason::ToolUse),
                  StreamEvent::usageUpdate(Usage{10, 5, 0, 7, 0, true})}
        << false
        << start
               + anEvent(
                   "content_block_start",
                   R"({"content_block":{"text":"","type":"text"},"index":0,"type":"content_block_start"})")
               + anEvent(
                   "content_block_delta",
                   R"({"delta":{"text":"Hi","type":"text_delta"},"index":0,"type":"content_block_delta"})")
               + anEvent("content_block_stop", R"({"index":0,"type":"content_block_stop"})")
               + anEvent("content_block_start",
                         R"({"content_block":{"id":"toolu_1","input":{},"name":"fx","type":"tool_use"},)"
                         R"("index":1,"type":"content_block_start"})")
               + anEvent("content_block_delta",
                         R"({"delta":{"partial_json":"{\"a\":1}","type":"input_json_delta"},"index":1,)"
                         R"("type":"content_block_delta"})")
               + anEvent("content_block_stop", R"({"index":1,"type":"content_block_stop"})")
               + anEvent("message_delta",
                         R"({"delta":{"stop_reason":"tool_use","stop_sequence":null},"type":"message_delta",)"
                         R"("usage":{"cache_creation_input_tokens":0,"cache_read_input_tokens":5,)"
                         R"("input_tokens":10,"output_tokens":7}})")
               + anEvent("message_stop", R"({"type":"message_stop"})");
    QTest::newRow("anthropic two tools, ends at finish (OpenAI order)")
        << WireFormat::Anthropic << false
        << Events{StreamEvent::messageStart(QStringLiteral("msg_1"), QStringLiteral("c")),
                  StreamEvent::usageUpdate(Usage{10, 5, 0, 0, 0, true}),
                  StreamEvent::toolCallStart(0, QStringLiteral("a"), QStringLiteral("f")),
                  StreamEvent::toolCallStart(1, QStringLiteral("b"), QStringLiteral("g")),
                  StreamEvent::toolCallArgsDelta(1, QStringLiteral("{}")),
                  StreamEvent::toolCallEnd(0),
                  StreamEvent::toolCallEnd(1),
                  StreamEvent::finish(StopReason::StopSequence, QStringLiteral("###"))}
        << false
        << start
               + anEvent("content_block_start",
                         R"({"content_block":{"id":"a","input":{},"name":"f","type":"tool_use"},)"
                         R"("index":0,"type":"content_block_start"})")
               + anEvent("content_block_stop", R"({"index":0,"type":"content_block_stop"})")
               + anEvent("content_block_start",
                         R"({"content_block":{"id":"b","input":{},"name":"g","type":"tool_use"},)"
                         R"("index":1,"type":"content_block_start"})")
               + anEvent("content_block_delta",
                         R"({"delta":{"partial_json":"{}","type":"input_json_delta"},"index":1,)"
                         R"("type":"content_block_delta"})")
               + anEvent("content_block_stop", R"({"index":1,"type":"content_block_stop"})")
               + anEvent("message_delta",
                         R"({"delta":{"stop_reason":"stop_sequence","stop_sequence":"###"},"type":"message_delta",)"
                         R"("usage":{"cache_creation_input_tokens":0,"cache_read_input_tokens":5,)"
                         R"("input_tokens":10,"output_tokens":0}})")
               + anEvent("message_stop", R"({"type":"message_stop"})");
    QTest::newRow("anthropic error after text")
        << WireFormat::Anthropic << false
        << Events{StreamEvent::messageStart(QStringLiteral("msg_1"), QStringLiteral("c")),
                  StreamEvent::usageUpdate(Usage{10, 5, 0, 0, 0, true}),
                  StreamEvent::textDelta(QStringLiteral("Hi"))}
        << true
        << start
               + anEvent(
                   "content_block_start",
                   R"({"content_block":{"text":"","type":"text"},"index":0,"type":"content_block_start"})")
               + anEvent(
                   "content_block_delta",
                   R"({"delta":{"text":"Hi","type":"text_delta"},"index":0,"type":"content_block_delta"})")
               + anEvent(
                   "error",
                   R"({"error":{"message":"Overloaded","type":"overloaded_error"},"type":"error"})");
}

void tst_StreamEncoders::encodes()
{
    QFETCH(WireFormat, surface);
    QFETCH(bool, includeUsage);
    QFETCH(Events, events);
    QFETCH(bool, endWithError);
    QFETCH(QByteArray, expected);
    StreamEncoderOptions options;
    options.created = 1700000000;
    options.includeUsage = includeUsage;
    const std::unique_ptr<StreamEncoder> encoder = makeStreamEncoder(surface, options);
    QVERIFY(encoder);
    QByteArray out;
    for (const StreamEvent &e : std::as_const(events)) {
        out += encoder->encode(e);
    }
    out += endWithError
               ? encoder->error(QStringLiteral("overloaded_error"), QStringLiteral("Overloaded"))
               : encoder->finish();
    QCOMPARE(out, expected);
}

void tst_StreamEncoders::closedEncoderIsSilent()
{
    OpenAiStreamEncoder openai({});
    QVERIFY(openai.finish().endsWith("data: [DONE]\n\n"));
    QVERIFY(openai.encode(StreamEvent::textDelta(QStringLiteral("late"))).isEmpty());
    QVERIFY(openai.error(QString(), QStringLiteral("x")).isEmpty());
    AnthropicStreamEncoder anthropic({});
    QVERIFY(anthropic.error(QStringLiteral("api_error"), QStringLiteral("x"))
                .startsWith("event: error\n"));
    QVERIFY(anthropic.finish().isEmpty());
}

QTEST_GUILESS_MAIN(tst_StreamEncoders)
#include "tst_streamencoders.moc"
