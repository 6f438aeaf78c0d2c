// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/guards/guardsettings.h"

#include <QJsonDocument>
#include <QTest>

using namespace Switchyard::Guards;

namespace {

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

class tst_GuardSettings final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void fullSection();
    void errorsNameTheJsonPath_data();
    void errorsNameTheJsonPath();
};

void tst_GuardSettings::defaults()
{
    const auto settings = GuardSettings::fromJson({});
    QVERIFY(settings.ok());
    QVERIFY(settings.value().dlp.enabled);
    QCOMPARE(settings.value().dlp.defaultAction, GuardAction::Redact);
    QCOMPARE(settings.value().injection.action, InjectionAction::Flag);
    QCOMPARE(settings.value().injection.threshold, 0.5);
    QVERIFY(!settings.value().scanResponses);
    QVERIFY(settings.value().hasProfile(QStringLiteral("default")));
}

void tst_GuardSettings::fullSection()
{
    const auto settings = GuardSettings::fromJson(parse(R"({
        "dlp": {"action": "redact", "actions": {"secret": "block", "ip": "log"},
                "detectors": {"phone": false},
                "custom": [{"name": "ticket", "pattern": "TCK-\\d{6}", "action": "block"}],
                "restore_responses": true, "entropy": {"threshold": 4.5, "min_length": 40}},
        "profiles": {"strict": {"action": "block"}, "lenient": {"action": "log"}},
        "injection": {"threshold": 0.7, "action": "block", "tool_results": false},
        "scan_responses": true})"));
    QVERIFY2(settings.ok(), settings.ok() ? "" : qPrintable(settings.error().message));
    const GuardSettings &s = settings.value();
    QCOMPARE(s.dlp.actions.value(DataClass::Secret), GuardAction::Block);
    QCOMPARE(s.dlp.actions.value(DataClass::IpAddress), GuardAction::Log);
    QVERIFY(!s.dlp.runs(DataClass::Phone));
    QVERIFY(s.dlp.runs(DataClass::Email));
    QCOMPARE(s.dlp.custom.size(), 1);
    QCOMPARE(s.dlp.custom.first().action, GuardAction::Block);
    QVERIFY(s.dlp.restoreResponses);
    QCOMPARE(s.dlp.entropyBits, 4.5);
    QCOMPARE(s.dlp.entropyMinLength, 40);
    QCOMPARE(s.profile(QStringLiteral("strict")).defaultAction, GuardAction::Block);
    QCOMPARE(s.profile(QStringLiteral("lenient")).defaultAction, GuardAction::Log);
    QCOMPARE(s.profile(QStringLiteral("missing")).defaultAction, GuardAction::Redact);
    QCOMPARE(s.injection.threshold, 0.7);
    QCOMPARE(s.injection.action, InjectionAction::Block);
    QVERIFY(!s.injection.scanToolResults);
    QVERIFY(s.scanResponses);

    Finding ticket;
    ticket.dataClass = DataClass::Custom;
    ticket.label = QStringLiteral("ticket");
    QCOMPARE(s.dlp.actionFor(ticket), GuardAction::Block);
}

void tst_GuardSettings::errorsNameTheJsonPath_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("path");
    QTest::newRow("unknown top key") << R"({"dlpp": {}})"
                                     << "$.guards.dlpp:";
    QTest::newRow("bad action") << R"({"dlp": {"action": "shred"}})"
                                << "$.guards.dlp.action:";
    QTest::newRow("unknown class") << R"({"dlp": {"actions": {"passport": "block"}}})"
                                   << "$.guards.dlp.actions.passport:";
    QTest::newRow("detector not bool") << R"({"dlp": {"detectors": {"email": "no"}}})"
                                       << "$.guards.dlp.detectors.email:";
    QTest::newRow("bad regex") << R"({"dlp": {"custom": [{"name": "x", "pattern": "(open"}]}})"
                               << "$.guards.dlp.custom[0].pattern: invalid regular expression";
    QTest::newRow("empty-matching regex")
        << R"({"dlp": {"custom": [{"name": "x", "pattern": "a*"}]}})"
        << "$.guards.dlp.custom[0].pattern:";
    QTest::newRow("builtin name") << R"({"dlp": {"custom": [{"name": "email", "pattern": "a"}]}})"
                                  << "$.guards.dlp.custom[0].name:";
    QTest::newRow("duplicate name")
        << R"({"dlp": {"custom": [{"name": "t", "pattern": "a"}, {"name": "t", "pattern": "b"}]}})"
        << "$.guards.dlp.custom[1].name:";
    QTest::newRow("threshold range") << R"({"injection": {"threshold": 2}})"
                                     << "$.guards.injection.threshold:";
    QTest::newRow("injection action") << R"({"injection": {"action": "redact"}})"
                                      << "$.guards.injection.action:";
    QTest::newRow("profile error") << R"({"profiles": {"eu strict": {"action": 1}}})"
                                   << "$.guards.profiles[\"eu strict\"].action:";
    QTest::newRow("entropy min length") << R"({"dlp": {"entropy": {"min_length": 4}}})"
                                        << "$.guards.dlp.entropy.min_length:";
}

void tst_GuardSettings::errorsNameTheJsonPath()
{
    QFETCH(QString, json);
    QFETCH(QString, path);
    const auto settings = GuardSettings::fromJson(QJsonDocument::fromJson(json.toUtf8()).object());
    QVERIFY(!settings.ok());
    QCOMPARE(settings.error().code, QStringLiteral("config.invalid"));
    QVERIFY2(settings.error().message.startsWith(path), qPrintable(settings.error().message));
}

QTEST_GUILESS_MAIN(tst_GuardSettings)
#include "tst_guardsettings.moc"
