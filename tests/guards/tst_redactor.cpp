// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/guards/redactor.h"

#include <QTest>

using namespace Switchyard::Guards;

namespace {

DlpScannerPtr makeScanner(const DlpSettings &settings)
{
    const auto scanner = DlpScanner::create(settings);
    return scanner.ok() ? scanner.value() : nullptr;
}

} // namespace

class tst_Redactor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void placeholdersAreStablePerRequest();
    void sameValueDifferentClassGetsDifferentTags();
    void actionsPerClass_data();
    void actionsPerClass();
    void blockMessageNeverEchoesTheValue_data();
    void blockMessageNeverEchoesTheValue();
    void restoresPlaceholdersWhenAsked();
    void restoreIsOffByDefault();
    void reportListsClassesForTheLedger();
    void wholeResponseSharesTheMap();
};

void tst_Redactor::placeholdersAreStablePerRequest()
{
    Redactor redactor(makeScanner({}));
    QStringList texts{QStringLiteral("mail a.one@example.com and b.two@example.org"),
                      QStringLiteral("again a.one@example.com, card 4111 1111 1111 1111"),
                      QStringLiteral("no pii here")};
    const RedactionReport report = redactor.apply(texts);
    QVERIFY(!report.blocked);
    QCOMPARE(report.redactions, 4);
    QCOMPARE(texts.at(0), QStringLiteral("mail [EMAIL_1] and [EMAIL_2]"));
    QCOMPARE(texts.at(1), QStringLiteral("again [EMAIL_1], card [CARD_1]"));
    QCOMPARE(texts.at(2), QStringLiteral("no pii here"));
    QCOMPARE(report.findings.size(), 4);
    QCOMPARE(report.findings.at(2).textIndex, 1);

    // A second request on the same redactor continues the same map (one redactor per exchange).
    QString again = QStringLiteral("b.two@example.org");
    redactor.apply(again);
    QCOMPARE(again, QStringLiteral("[EMAIL_2]"));
}

void tst_Redactor::sameValueDifferentClassGetsDifferentTags()
{
    DlpSettings settings;
    settings.custom.append(
        {QStringLiteral("ticket"), QStringLiteral("T-\\d{4}"), GuardAction::Redact, false});
    Redactor redactor(makeScanner(settings));
    QString text = QStringLiteral("T-1234 T-9999 T-1234 10.0.0.1");
    redactor.apply(text);
    QCOMPARE(text, QStringLiteral("[TICKET_1] [TICKET_2] [TICKET_1] [IP_1]"));
}

void tst_Redactor::actionsPerClass_data()
{
    QTest::addColumn<QString>("cls");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("blocked");
    QTest::addColumn<int>("findings");

    QTest::newRow("redact") << "email"
                            << "redact"
                            << "x [EMAIL_1] y" << false << 1;
    QTest::newRow("log keeps text") << "email"
                                    << "log"
                                    << "x jane@example.com y" << false << 1;
    QTest::newRow("off ignores") << "email"
                                 << "off"
                                 << "x jane@example.com y" << false << 0;
    QTest::newRow("block leaves text") << "email"
                                       << "block"
                                       << "x jane@example.com y" << true << 1;
    QTest::newRow("other class blocked") << "card"
                                         << "block"
                                         << "x [EMAIL_1] y" << false << 1;
}

void tst_Redactor::actionsPerClass()
{
    QFETCH(QString, cls);
    QFETCH(QString, action);
    QFETCH(QString, expected);
    QFETCH(bool, blocked);
    QFETCH(int, findings);

    DlpSettings settings;
    settings.actions.insert(*dataClassFromKey(cls), *guardActionFromKey(action));
    Redactor redactor(makeScanner(settings));
    QString text = QStringLiteral("x jane@example.com y");
    const RedactionReport report = redactor.apply(text);
    QCOMPARE(text, expected);
    QCOMPARE(report.blocked, blocked);
    QCOMPARE(report.findings.size(), findings);
    QCOMPARE(report.blockReason.isEmpty(), !blocked);
}

void tst_Redactor::blockMessageNeverEchoesTheValue_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("openai key") << "sk-proj-9Wvgfygw2wMqZcUDIh7yfJs1ON43xKmTecQoXsf2o3gyrDO1";
    QTest::newRow("anthropic key")
        << "sk-ant-api03-nPFz46PDjqipVJIqVLB5LzxoiGFfWd3hjOkYRBMeyyMDHqJ38aRUhR4IWrXP";
    QTest::newRow("aws key id") << "AKIAIOSFODNN7EXAMPLE";
    QTest::newRow("github token") << "ghp_vhsBkDa9U4UqGWlG6g3Ot1OGMmjxWkI9X7H6";
    QTest::newRow("entropy token") << "AFEn3z5dkyayq7YYDsBS9UYJQTFjmsn9dLVIdVud";
    QTest::newRow("card") << "4111 1111 1111 1111";
    QTest::newRow("email") << "jane.doe@example.com";
    QTest::newRow("iban") << "DE89370400440532013000";
    QTest::newRow("ssn") << "536-22-1234";
}

void tst_Redactor::blockMessageNeverEchoesTheValue()
{
    QFETCH(QString, value);
    DlpSettings settings;
    settings.defaultAction = GuardAction::Block;
    Redactor redactor(makeScanner(settings));
    QStringList texts{QStringLiteral("hello"),
                      QStringLiteral("please use ") + value + QStringLiteral(" now")};
    const RedactionReport report = redactor.apply(texts);
    QVERIFY(report.blocked);
    QVERIFY(!report.blockReason.isEmpty());
    QVERIFY2(report.blockReason.contains(QLatin1String("message 2")),
             qPrintable(report.blockReason));
    QVERIFY(!report.blockReason.contains(value));
    // Not even a long fragment of it.
    QVERIFY(!report.blockReason.contains(value.mid(2, 8)));
    for (const FindingRecord &f : report.findings) {
        QVERIFY(!f.detector.contains(value));
        QVERIFY(!f.label.contains(value));
    }
    QCOMPARE(texts.at(1), QStringLiteral("please use ") + value + QStringLiteral(" now"));
}

void tst_Redactor::restoresPlaceholdersWhenAsked()
{
    DlpSettings settings;
    settings.restoreResponses = true;
    Redactor redactor(makeScanner(settings));
    QString request = QStringLiteral("write to jane@example.com about 4111 1111 1111 1111");
    redactor.apply(request);
    QCOMPARE(request, QStringLiteral("write to [EMAIL_1] about [CARD_1]"));
    QVERIFY(redactor.restoresResponses());
    QCOMPARE(redactor.restore(u"Dear [EMAIL_1], your [CARD_1] and [EMAIL_9] [not a tag]"),
             QStringLiteral(
                 "Dear jane@example.com, your 4111 1111 1111 1111 and [EMAIL_9] [not a tag]"));
}

void tst_Redactor::restoreIsOffByDefault()
{
    Redactor redactor(makeScanner({}));
    QString request = QStringLiteral("jane@example.com");
    redactor.apply(request);
    QCOMPARE(redactor.restore(u"hi [EMAIL_1]"), QStringLiteral("hi [EMAIL_1]"));
}

void tst_Redactor::reportListsClassesForTheLedger()
{
    Redactor redactor(makeScanner({}));
    QStringList texts{QStringLiteral("a@example.com b@example.com 10.0.0.1 AKIAIOSFODNN7EXAMPLE")};
    const RedactionReport report = redactor.apply(texts);
    QCOMPARE(report.classes(), (QStringList{QStringLiteral("email"), QStringLiteral("ip"),
                                            QStringLiteral("secret")}));
}

void tst_Redactor::wholeResponseSharesTheMap()
{
    DlpSettings settings;
    settings.restoreResponses = true;
    settings.actions.insert(DataClass::Secret, GuardAction::Block);
    Redactor redactor(makeScanner(settings));
    QString request = QStringLiteral("write to jane@example.com");
    redactor.apply(request);

    QString response = QStringLiteral("Sent to [EMAIL_1], cc bob@example.org");
    const RedactionReport ok = redactor.applyResponse(response);
    QVERIFY(!ok.blocked);
    QCOMPARE(response, QStringLiteral("Sent to jane@example.com, cc [EMAIL_2]"));
    QCOMPARE(ok.redactions, 1);

    QString leaky = QStringLiteral("Your key is AKIAIOSFODNN7EXAMPLE ok");
    const RedactionReport blocked = redactor.applyResponse(leaky);
    QVERIFY(blocked.blocked);
    QCOMPARE(leaky, QStringLiteral("Your key is "));
    QVERIFY(blocked.blockReason.startsWith(QLatin1String("response blocked")));
    QVERIFY(!blocked.blockReason.contains(QLatin1String("AKIA")));
}

QTEST_GUILESS_MAIN(tst_Redactor)
#include "tst_redactor.moc"
