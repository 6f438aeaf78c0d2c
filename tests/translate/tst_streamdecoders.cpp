// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/providers/sse/ssedecoder.h"
#include "core/translate/geminicodec.h"
#include "core/translate/streamdecoder.h"
#include "translatetestutil.h"

#include <QTest>

using namespace Switchyard;
using namespace Switchyard::Translate;
using namespace TranslateTest;

namespace {

// Feeds `bytes` through a fresh SseDecoder in pieces ending at `cuts`, then the rest.
QStringList run(WireFormat format, const QByteArray &bytes, const QList<qsizetype> &cuts,
                bool *complete)
{
    Providers::SseDecoder sse;
    const std::unique_ptr<StreamDecoder> decoder = makeStreamDecoder(format);
    QStringList out;
    const auto drain = [&] {
        const QList<Providers::SseEvent> events = sse.takeEvents();
        for (const Providers::SseEvent &e : events) {
            const QList<StreamEvent> decoded = decoder->decode(e);
            for (const StreamEvent &s : decoded) {
                out.append(describe(s));
            }
        }
    };
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        sse.feed(QByteArrayView(bytes).sliced(from, cut - from));
        drain();
        from = cut;
    }
    sse.feed(QByteArrayView(bytes).sliced(from));
    drain();
    *complete = decoder->isComplete();
    return out;
}

QString geminiId(const char *responseId, int index, const char *name)
{
    return GeminiCodec::toolCallId(QString::fromLatin1(responseId), index,
                                   QString::fromLatin1(name));
}

} // namespace

class tst_StreamDecoders final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void transcripts_data();
    void transcripts();
};

void tst_StreamDecoders::transcripts_data()
{
    QTest::addColumn<WireFormat>("format");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("complete");

    QTest::newRow("openai text + usage chunk")
        << WireFormat::OpenAi << "openai_text.sse"
        << QStringList{"start(chatcmpl-1,gpt-4o-mini)", "text(Hello, )", "text(wörld ✓)",
                       "finish(0,)", "usage(in=183,cr=1024,cw=0,out=14,rs=3)"}
        << true;
    QTest::newRow("openai parallel tool calls")
        << WireFormat::OpenAi << "openai_tools.sse"
        << QStringList{"start(chatcmpl-abc,gpt-4o-mini-2024-07-18)",
                       "tool(0,call_Q1w2E3r4,fx_rate)",
                       "args(0,{\"from\":\"U)",
                       "args(0,SD\",\"to\":\"EUR\"})",
                       "tool(1,call_Z9,clock)",
                       "args(1,{})",
                       "toolEnd(0)",
                       "toolEnd(1)",
                       "finish(2,)",
                       "usage(in=88,cr=0,cw=0,out=19,rs=0)"}
        << true;
    QTest::newRow("openai azure/openrouter/vllm quirks")
        << WireFormat::OpenAi << "openai_quirks.sse"
        << QStringList{"start(gen-1,m)", "text(Hi)", "finish(1,)",
                       "usage(in=5,cr=0,cw=0,out=1,rs=0)"}
        << true;
    QTest::newRow("openai mid-stream error")
        << WireFormat::OpenAi << "openai_error.sse"
        << QStringList{"start(chatcmpl-2,m)", "text(Par)",
                       "error(api_error,The server had an error while processing your request.)"}
        << false;
    QTest::newRow("anthropic text + tool_use")
        << WireFormat::Anthropic << "anthropic_tools.sse"
        << QStringList{"start(msg_01XyZ,claude-sonnet-4-5-20250929)",
                       "usage(in=412,cr=0,cw=0,out=1,rs=0)",
                       "text(Checking the rate.)",
                       "tool(0,toolu_01AbCdEf,fx_rate)",
                       "args(0,{\"from\": \"USD\", )",
                       "args(0,\"to\": \"EUR\"})",
                       "toolEnd(0)",
                       "finish(2,)",
                       "usage(in=412,cr=0,cw=0,out=58,rs=0)"}
        << true;
    QTest::newRow("anthropic thinking + empty args + cache usage")
        << WireFormat::Anthropic << "anthropic_empty_args.sse"
        << QStringList{"start(msg_2,claude-haiku-4-5)",
                       "usage(in=12,cr=2000,cw=300,out=1,rs=0)",
                       "tool(0,toolu_clock,clock)",
                       "args(0,{})",
                       "toolEnd(0)",
                       "finish(2,)",
                       "usage(in=12,cr=2000,cw=300,out=25,rs=0)"}
        << true;
    QTest::newRow("anthropic overloaded after 200")
        << WireFormat::Anthropic << "anthropic_error.sse"
        << QStringList{"start(msg_3,c)", "usage(in=7,cr=0,cw=0,out=1,rs=0)",
                       "error(overloaded_error,Overloaded)"}
        << false;
    QTest::newRow("gemini text, CRLF, running usage")
        << WireFormat::Gemini << "gemini_text.sse"
        << QStringList{"start(Qw1abcXYZ,gemini-2.5-flash)",
                       "text(18.20 USD)",
                       "usage(in=28,cr=0,cw=0,out=0,rs=0)",
                       "text( is about 16.56 EUR.)",
                       "finish(0,)",
                       "usage(in=28,cr=0,cw=0,out=42,rs=30)"}
        << true;
    QTest::newRow("gemini function calls, STOP means tool use")
        << WireFormat::Gemini << "gemini_tools.sse"
        << QStringList{"start(G2,gemini-2.5-pro)",
                       "usage(in=40,cr=0,cw=0,out=0,rs=0)",
                       QStringLiteral("tool(0,%1,fx_rate)").arg(geminiId("G2", 0, "fx_rate")),
                       "args(0,{\"from\":\"USD\",\"to\":\"EUR\"})",
                       "toolEnd(0)",
                       QStringLiteral("tool(1,%1,clock)").arg(geminiId("G2", 1, "clock")),
                       "args(1,{})",
                       "toolEnd(1)",
                       "finish(2,)",
                       "usage(in=40,cr=0,cw=0,out=9,rs=0)"}
        << true;
    QTest::newRow("gemini malformed function call is an error")
        << WireFormat::Gemini << "gemini_malformed.sse"
        << QStringList{"start(G3,gemini-2.5-flash)", "text(Let me)",
                       "error(api_error,the model produced an invalid tool call "
                       "(MALFORMED_FUNCTION_CALL))"}
        << false;
}

void tst_StreamDecoders::transcripts()
{
    QFETCH(WireFormat, format);
    QFETCH(QString, file);
    QFETCH(QStringList, expected);
    QFETCH(bool, complete);
    const QByteArray bytes = readData(QStringLiteral("streams/") + file);
    QVERIFY(!bytes.isEmpty());

    bool wasComplete = false;
    QCOMPARE(run(format, bytes, {}, &wasComplete), expected);
    QCOMPARE(wasComplete, complete);

    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < bytes.size(); ++i) {
        everyByte.append(i);
    }
    QCOMPARE(run(format, bytes, everyByte, &wasComplete), expected);
    QCOMPARE(wasComplete, complete);

    for (qsizetype cut = 1; cut < bytes.size(); ++cut) {
        const QStringList got = run(format, bytes, {cut}, &wasComplete);
        if (got != expected || wasComplete != complete) {
            QFAIL(qPrintable(
                QStringLiteral("split at byte %1 gave %2").arg(cut).arg(got.join(u' '))));
        }
    }
}

QTEST_GUILESS_MAIN(tst_StreamDecoders)
#include "tst_streamdecoders.moc"
