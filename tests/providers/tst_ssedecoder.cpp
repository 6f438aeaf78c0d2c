// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/common/sse.h"

#include <QList>
#include <QTest>

using Switchyard::SseDecoder;
using Switchyard::SseEvent;

namespace {

struct Expected
{
    QByteArray event;
    QByteArray data;
    QByteArray id;
    bool comment = false;
};

using ExpectedList = QList<Expected>;

QList<SseEvent> decodeInPieces(const QByteArray &input, const QList<qsizetype> &cuts,
                               qsizetype *pending)
{
    SseDecoder decoder;
    QList<SseEvent> events;
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        decoder.feed(QByteArrayView(input).sliced(from, cut - from));
        events += decoder.takeEvents();
        from = cut;
    }
    decoder.feed(QByteArrayView(input).sliced(from));
    events += decoder.takeEvents();
    *pending = decoder.pendingBytes();
    return events;
}

QByteArray describe(const QList<SseEvent> &events)
{
    QByteArray out;
    for (const SseEvent &e : events) {
        out += "[" + e.event + "|" + e.data + "|" + e.id + "|" + (e.comment ? "c" : "-") + "|"
               + e.raw.toPercentEncoding() + "]";
    }
    return out;
}

} // namespace

Q_DECLARE_METATYPE(ExpectedList)

class tst_SseDecoder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void transcripts_data();
    void transcripts();
    void splitAtEveryByte_data() { transcripts_data(); }
    void splitAtEveryByte();
    void oneByteAtATime_data() { transcripts_data(); }
    void oneByteAtATime();
    void carriageReturnHeldUntilNextByte();
};

void tst_SseDecoder::transcripts_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<ExpectedList>("expected");
    QTest::addColumn<qsizetype>("pending");

    QTest::newRow("openai stream")
        << QByteArray("data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\n"
                      "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":3}}\n\n"
                      "data: [DONE]\n\n")
        << ExpectedList{{{}, "{\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}", {}, false},
                        {{}, "{\"choices\":[],\"usage\":{\"prompt_tokens\":3}}", {}, false},
                        {{}, "[DONE]", {}, false}}
        << qsizetype(0);
    QTest::newRow("anthropic event+data")
        << QByteArray("event: message_start\ndata: {\"type\":\"message_start\"}\n\n"
                      "event: ping\ndata: {\"type\": \"ping\"}\n\n"
                      "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n")
        << ExpectedList{{"message_start", "{\"type\":\"message_start\"}", {}, false},
                        {"ping", "{\"type\": \"ping\"}", {}, false},
                        {"message_stop", "{\"type\":\"message_stop\"}", {}, false}}
        << qsizetype(0);
    QTest::newRow("gemini crlf")
        << QByteArray("data: {\"candidates\":[1]}\r\n\r\ndata: {\"candidates\":[2]}\r\n\r\n")
        << ExpectedList{{{}, "{\"candidates\":[1]}", {}, false},
                        {{}, "{\"candidates\":[2]}", {}, false}}
        << qsizetype(0);
    QTest::newRow("comments and keep-alives")
        << QByteArray(": OPENROUTER PROCESSING\n\ndata: x\n\n: keep-alive\n\n\n")
        << ExpectedList{{{}, {}, {}, true}, {{}, "x", {}, false}, {{}, {}, {}, true},
                        {{}, {}, {}, true}}
        << qsizetype(0);
    QTest::newRow("comment inside an event")
        << QByteArray("data: a\n: note\ndata: b\n\n")
        << ExpectedList{{{}, "a\nb", {}, false}} << qsizetype(0);
    QTest::newRow("multi-line data")
        << QByteArray("data: line1\ndata: line2\ndata:\n\n")
        << ExpectedList{{{}, "line1\nline2\n", {}, false}} << qsizetype(0);
    QTest::newRow("bom, no colon, no space, id, retry")
        << QByteArray("\xEF\xBB\xBF" "data:nospace\ndata\nid: 7\nevent:custom\nretry: 100\n\n")
        << ExpectedList{{"custom", "nospace\n", "7", false}} << qsizetype(0);
    QTest::newRow("only one leading space stripped")
        << QByteArray("data:  two\n\n") << ExpectedList{{{}, " two", {}, false}} << qsizetype(0);
    QTest::newRow("cr line ends")
        << QByteArray("data: x\r\rdata: y\r\r:\r")
        << ExpectedList{{{}, "x", {}, false}, {{}, "y", {}, false}} << qsizetype(2);
    QTest::newRow("mixed line ends")
        << QByteArray("data: a\r\ndata: b\n\r\nevent: e\rdata: c\r\n\n")
        << ExpectedList{{{}, "a\nb", {}, false}, {"e", "c", {}, false}} << qsizetype(0);
    QTest::newRow("incomplete trailing event")
        << QByteArray("data: done\n\ndata: partial\n")
        << ExpectedList{{{}, "done", {}, false}} << qsizetype(14);
    QTest::newRow("event without data is not an event")
        << QByteArray("event: lonely\n\n")
        << ExpectedList{{"lonely", {}, {}, true}} << qsizetype(0);
}

void tst_SseDecoder::transcripts()
{
    QFETCH(QByteArray, input);
    QFETCH(ExpectedList, expected);
    QFETCH(qsizetype, pending);

    qsizetype left = -1;
    const QList<SseEvent> events = decodeInPieces(input, {}, &left);
    QCOMPARE(events.size(), expected.size());
    QByteArray concatenated;
    for (qsizetype i = 0; i < events.size(); ++i) {
        QCOMPARE(events[i].event, expected[i].event);
        QCOMPARE(events[i].data, expected[i].data);
        QCOMPARE(events[i].id, expected[i].id);
        QCOMPARE(events[i].comment, expected[i].comment);
        concatenated += events[i].raw;
    }
    QCOMPARE(left, pending);
    QCOMPARE(concatenated, input.first(input.size() - pending));
}

void tst_SseDecoder::splitAtEveryByte()
{
    QFETCH(QByteArray, input);
    qsizetype wholePending = -1;
    const QByteArray whole = describe(decodeInPieces(input, {}, &wholePending));
    for (qsizetype cut = 1; cut < input.size(); ++cut) {
        qsizetype pending = -1;
        const QByteArray split = describe(decodeInPieces(input, {cut}, &pending));
        QVERIFY2(split == whole, qPrintable(QStringLiteral("split at %1").arg(cut)));
        QCOMPARE(pending, wholePending);
    }
}

void tst_SseDecoder::oneByteAtATime()
{
    QFETCH(QByteArray, input);
    qsizetype wholePending = -1;
    const QByteArray whole = describe(decodeInPieces(input, {}, &wholePending));
    QList<qsizetype> cuts;
    for (qsizetype cut = 1; cut < input.size(); ++cut) {
        cuts.append(cut);
    }
    qsizetype pending = -1;
    QCOMPARE(describe(decodeInPieces(input, cuts, &pending)), whole);
    QCOMPARE(pending, wholePending);
}

void tst_SseDecoder::carriageReturnHeldUntilNextByte()
{
    SseDecoder decoder;
    decoder.feed("data: x\r\n\r");
    QVERIFY(decoder.takeEvents().isEmpty()); // could still be \r\n
    decoder.feed("\n");
    const QList<SseEvent> events = decoder.takeEvents();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().raw, QByteArray("data: x\r\n\r\n"));
    QCOMPARE(decoder.pendingBytes(), 0);
}

QTEST_GUILESS_MAIN(tst_SseDecoder)
#include "tst_ssedecoder.moc"
