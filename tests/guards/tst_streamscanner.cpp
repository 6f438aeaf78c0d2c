// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/guards/redactor.h"
#include "core/guards/streamscanner.h"

#include <QTest>

using namespace Switchyard::Guards;

namespace {

DlpScannerPtr defaultScanner()
{
    static const DlpScannerPtr scanner = DlpScanner::create(DlpSettings{}).value();
    return scanner;
}

QString filler(int n)
{
    QString out;
    while (out.size() < n) {
        out += QStringLiteral("lorem ipsum dolor sit amet ");
    }
    return out.left(n);
}

// The whole text, redacted in one go: what the stream must produce.
QString redactedWhole(const QString &text)
{
    Redactor redactor(defaultScanner());
    QString copy = text;
    redactor.apply(copy);
    return copy;
}

QString streamInChunks(const QString &text, const QList<qsizetype> &cuts,
                       qsizetype *maxPending = nullptr)
{
    StreamScanner stream(defaultScanner());
    QString out;
    qsizetype pos = 0;
    for (qsizetype cut : cuts) {
        out += stream.feed(QStringView(text).mid(pos, cut - pos));
        if (maxPending) {
            *maxPending = qMax(*maxPending, stream.pendingSize());
        }
        pos = cut;
    }
    out += stream.feed(QStringView(text).mid(pos));
    out += stream.finish();
    return out;
}

} // namespace

class tst_StreamScanner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitAtEveryBoundary_data();
    void splitAtEveryBoundary();
    void smallChunksMatchWholeText_data();
    void smallChunksMatchWholeText();
    void holdsOnlyABoundedTail();
    void privateKeyBlockIsDroppedWhateverItsLength();
    void blockStopsTheStream();
    void restoresRequestPlaceholdersAcrossChunks();
};

void tst_StreamScanner::splitAtEveryBoundary_data()
{
    QTest::addColumn<QString>("text");
    const QString pad = filler(280);
    const auto row = [&pad](const char *name, const char *value) {
        QTest::newRow(name) << pad + QStringLiteral(" ") + QString::fromLatin1(value)
                                   + QStringLiteral(" ") + filler(40);
    };
    row("email", "jane.doe@example.com");
    row("card", "4111 1111 1111 1111");
    row("iban", "DE89 3704 0044 0532 0130 00");
    row("ssn", "536-22-1234");
    row("ipv6", "2001:db8::8a2e:370:7334");
    row("openai key", "sk-proj-9Wvgfygw2wMqZcUDIh7yfJs1ON43xKmTecQoXsf2o3gyrDO1");
    row("bearer",
        "Bearer eyJhbGciOiJIUzI1NiJ9.dLEG62Hkd9Gf2leMeR3pzh84KpLMcN.Du7W7eaDNKgeInGqi7w4");
    row("two values", "a.one@example.com then 4111-1111-1111-1111 and a.one@example.com");
    row("private key", "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5\n"
                       "-----END EC PRIVATE KEY-----");
    row("value then key", "jane@example.com -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n"
                          "-----END PRIVATE KEY----- 10.1.2.3");
}

void tst_StreamScanner::splitAtEveryBoundary()
{
    QFETCH(QString, text);
    const QString expected = redactedWhole(text);
    QVERIFY(expected != text); // something was redacted
    for (qsizetype cut = 0; cut <= text.size(); ++cut) {
        const QString got = streamInChunks(text, {cut});
        if (got != expected) {
            QFAIL(qPrintable(QStringLiteral("split at %1 differs").arg(cut)));
        }
    }
}

void tst_StreamScanner::smallChunksMatchWholeText_data()
{
    QTest::addColumn<int>("chunk");
    QTest::newRow("1 char") << 1;
    QTest::newRow("3 chars") << 3;
    QTest::newRow("7 chars") << 7;
    QTest::newRow("64 chars") << 64;
}

void tst_StreamScanner::smallChunksMatchWholeText()
{
    QFETCH(int, chunk);
    const QString text = filler(300)
                         + QStringLiteral(" mail jane.doe@example.com, card 4111 1111 1111 1111, ")
                         + filler(400)
                         + QStringLiteral(" ip 192.168.1.20 and jane.doe@example.com ")
                         + filler(500) + QStringLiteral("AKIAIOSFODNN7EXAMPLE");
    QList<qsizetype> cuts;
    for (qsizetype c = chunk; c < text.size(); c += chunk) {
        cuts.append(c);
    }
    QCOMPARE(streamInChunks(text, cuts), redactedWhole(text));
}

void tst_StreamScanner::holdsOnlyABoundedTail()
{
    const QString text = filler(20000) + QStringLiteral(" jane@example.com ") + filler(20000);
    QList<qsizetype> cuts;
    for (qsizetype c = 5; c < text.size(); c += 5) {
        cuts.append(c);
    }
    qsizetype maxPending = 0;
    const QString out = streamInChunks(text, cuts, &maxPending);
    QVERIFY2(maxPending <= StreamScanner::kHold + 64, qPrintable(QString::number(maxPending)));
    QVERIFY(out.contains(QLatin1String("[EMAIL_1]")));
    QVERIFY(!out.contains(QLatin1String("jane@example.com")));
}

void tst_StreamScanner::privateKeyBlockIsDroppedWhateverItsLength()
{
    QString body;
    for (int i = 0; i < 60; ++i) {
        body += QStringLiteral(
            "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7\n");
    }
    const QString text = QStringLiteral("key:\n-----BEGIN OPENSSH PRIVATE KEY-----\n") + body
                         + QStringLiteral("-----END OPENSSH PRIVATE KEY-----\nthanks");
    for (int chunk : {1, 13, 100}) {
        StreamScanner stream(defaultScanner());
        QString out;
        qsizetype maxPending = 0;
        for (qsizetype pos = 0; pos < text.size(); pos += chunk) {
            out += stream.feed(QStringView(text).mid(pos, chunk));
            maxPending = qMax(maxPending, stream.pendingSize());
        }
        out += stream.finish();
        QCOMPARE(out, QStringLiteral("key:\n[SECRET_1]\nthanks"));
        QVERIFY(maxPending < body.size());
        QCOMPARE(stream.findings().size(), 1);
    }
}

void tst_StreamScanner::blockStopsTheStream()
{
    DlpSettings settings;
    settings.actions.insert(DataClass::Card, GuardAction::Block);
    StreamScanner stream(DlpScanner::create(settings).value());
    const QString secret = QStringLiteral("4111 1111 1111 1111");
    QString out = stream.feed(QString(filler(300) + QStringLiteral(" number 4111 11")));
    out += stream.feed(QString(QStringLiteral("11 1111 1111 and more ") + filler(400)));
    out += stream.finish();
    QVERIFY(stream.blocked());
    QVERIFY(out.endsWith(QLatin1String(" number ")));
    QVERIFY(!out.contains(QLatin1String("4111")));
    QVERIFY(!stream.blockReason().contains(secret));
    QVERIFY(stream.blockReason().contains(QLatin1String("card")));
    QCOMPARE(stream.feed(u"anything"), QString());
}

void tst_StreamScanner::restoresRequestPlaceholdersAcrossChunks()
{
    DlpSettings settings;
    settings.restoreResponses = true;
    Redactor redactor(DlpScanner::create(settings).value());
    QString request = QStringLiteral("email jane@example.com");
    redactor.apply(request);
    QCOMPARE(request, QStringLiteral("email [EMAIL_1]"));

    const QString response = filler(300) + QStringLiteral(" Dear [EMAIL_1], also bob@example.org ")
                             + filler(300);
    for (qsizetype cut = 290; cut < 340; ++cut) {
        Redactor perRequest(DlpScanner::create(settings).value());
        QString original = QStringLiteral("email jane@example.com");
        perRequest.apply(original);
        StreamScanner stream(DlpScanner::create(settings).value(), &perRequest.placeholders(), true);
        QString out = stream.feed(QStringView(response).left(cut));
        out += stream.feed(QStringView(response).mid(cut));
        out += stream.finish();
        QVERIFY2(out.contains(QLatin1String("Dear jane@example.com,")),
                 qPrintable(QString::number(cut)));
        // New values in the response are redacted with the shared numbering and stay redacted.
        QVERIFY2(out.contains(QLatin1String("also [EMAIL_2]")), qPrintable(QString::number(cut)));
        QVERIFY(!out.contains(QLatin1String("bob@example.org")));
    }
}

QTEST_GUILESS_MAIN(tst_StreamScanner)
#include "tst_streamscanner.moc"
