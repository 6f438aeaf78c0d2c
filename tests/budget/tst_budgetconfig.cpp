// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/config/configloader.h"

#include <QTest>

using namespace Switchyard;
using namespace Switchyard::Config;

namespace {

QByteArray withBudgets(const char *budgets)
{
    return QByteArray(R"({"providers": [{"id": "sim", "kind": "simulated"}],
                          "models": [{"id": "m", "provider": "sim"}],
                          "routes": [], "default_route": "m", "budgets": )")
        + budgets + "}";
}

} // namespace

class tst_BudgetConfig final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void designSample();
    void invalid_data();
    void invalid();
};

void tst_BudgetConfig::designSample()
{
    const Result<GatewayConfig> config = ConfigLoader::parse(
        withBudgets(R"([{"name": "acme-monthly", "scope": "customer", "match": "acme", "period": "month",
                         "limit_usd": 50, "alerts": [1.0, 0.5, 0.8], "on_limit": "block"},
                        {"name": "soft", "limit_usd": 5, "period": "day", "on_limit": "downgrade",
                         "price_cap_output": 0.6, "time_zone": "Europe/Berlin",
                         "webhook": "http://127.0.0.1:9/hook"}])"),
        QStringLiteral("c.json"), {});
    QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
    const QList<BudgetSettings> &budgets = config.value().budgetSettings;
    QCOMPARE(budgets.size(), 2);
    QCOMPARE(budgets[0].scope, BudgetSettings::Scope::Customer);
    QCOMPARE(budgets[0].match, QStringLiteral("acme"));
    QCOMPARE(budgets[0].period, BudgetSettings::Period::Month);
    QCOMPARE(budgets[0].limitUsd, 50.0);
    QCOMPARE(budgets[0].alerts, (QList<double>{0.5, 0.8, 1.0}));
    QCOMPARE(budgets[1].scope, BudgetSettings::Scope::Global);
    QCOMPARE(budgets[1].onLimit, BudgetSettings::Action::Downgrade);
    QCOMPARE(budgets[1].priceCapOutput, 0.6);
    QCOMPARE(budgets[1].timeZone, QStringLiteral("Europe/Berlin"));
    QCOMPARE(config.value().budgets.size(), 2); // raw section kept for the writer
}

void tst_BudgetConfig::invalid_data()
{
    QTest::addColumn<QByteArray>("budgets");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("problem");

    QTest::newRow("not an object") << QByteArray("[1]") << "$.budgets[0]" << "object";
    QTest::newRow("missing name") << QByteArray(R"([{"limit_usd": 1}])") << "$.budgets[0].name" << "";
    QTest::newRow("missing limit") << QByteArray(R"([{"name": "x"}])") << "$.budgets[0].limit_usd" << "";
    QTest::newRow("negative limit") << QByteArray(R"([{"name": "x", "limit_usd": -1}])")
                                    << "$.budgets[0].limit_usd" << "";
    QTest::newRow("typo in key") << QByteArray(R"([{"name": "x", "limit_usd": 1, "perod": "day"}])")
                                 << "$.budgets[0]" << "period";
    QTest::newRow("unknown scope") << QByteArray(R"([{"name": "x", "limit_usd": 1, "scope": "team"}])")
                                   << "$.budgets[0].scope" << "customer";
    QTest::newRow("unknown period") << QByteArray(R"([{"name": "x", "limit_usd": 1, "period": "year"}])")
                                    << "$.budgets[0].period" << "month";
    QTest::newRow("scope without match")
        << QByteArray(R"([{"name": "x", "limit_usd": 1, "scope": "customer"}])") << "$.budgets[0].match"
        << "customer";
    QTest::newRow("downgrade without cap")
        << QByteArray(R"([{"name": "x", "limit_usd": 1, "on_limit": "downgrade"}])")
        << "$.budgets[0].price_cap_output" << "downgrade";
    QTest::newRow("alert fraction zero") << QByteArray(R"([{"name": "x", "limit_usd": 1, "alerts": [0]}])")
                                         << "$.budgets[0].alerts[0]" << "fraction";
    QTest::newRow("bad time zone")
        << QByteArray(R"([{"name": "x", "limit_usd": 1, "time_zone": "Mars/Olympus"}])")
        << "$.budgets[0].time_zone" << "IANA";
    QTest::newRow("webhook not http") << QByteArray(R"([{"name": "x", "limit_usd": 1, "webhook": "ftp://h/x"}])")
                                      << "$.budgets[0].webhook" << "http";
    QTest::newRow("duplicate name")
        << QByteArray(R"([{"name": "x", "limit_usd": 1}, {"name": "x", "limit_usd": 2}])")
        << "$.budgets[1].name" << "already";
}

void tst_BudgetConfig::invalid()
{
    QFETCH(QByteArray, budgets);
    QFETCH(QString, path);
    QFETCH(QString, problem);
    const Result<GatewayConfig> config = ConfigLoader::parse(withBudgets(budgets.constData()),
                                                             QStringLiteral("c.json"), {});
    QVERIFY(!config.ok());
    const QString message = config.error().message;
    QVERIFY2(message.startsWith(QStringLiteral("c.json: ") + path), qPrintable(message));
    QVERIFY2(message.contains(problem), qPrintable(message));
}

QTEST_GUILESS_MAIN(tst_BudgetConfig)
#include "tst_budgetconfig.moc"
