// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/budget/budgetledger.h"
#include "tests/support/fakeclock.h"

#include <QTest>

using namespace Switchyard;
using namespace Switchyard::Budget;
using Settings = Config::BudgetSettings;

namespace {

Settings budget(const QString &name, double limit, Settings::Action action = Settings::Action::Block)
{
    Settings b;
    b.name = name;
    b.limitUsd = limit;
    b.onLimit = action;
    b.period = Settings::Period::Day;
    b.timeZone = QStringLiteral("UTC");
    return b;
}

CandidateCost paid(const QString &model, double worstCase, double outputPrice = 10)
{
    return {model, true, false, worstCase, outputPrice};
}

CandidateCost local(const QString &model)
{
    return {model, true, true, 0, 0};
}

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate);
}

} // namespace

class tst_BudgetLedger final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scopeMatching_data();
    void scopeMatching();
    void reservationsNeverOvershoot();
    void settleChargesActualAndReleasesRest();
    void unknownActualCostIsChargedAtWorstCase();
    void releaseFreesTheHold();
    void blockNamesBudgetSpentLimitAndReset();
    void localModelsPassWhenExhausted();
    void unknownPriceBlockedOnlyUnderBlockBudgets();
    void downgradeKeepsOnlyCheapModelsOnceReached();
    void alertOnlyNeverBlocks();
    void pausedPaidTraffic();
    void periodRollover();
    void holdFromPreviousPeriodDoesNotLeak();
    void alertsOncePerThresholdPerPeriod();
    void editKeepsSpendOfUnchangedBudgets();
    void seedingCountsOnlyTheCurrentPeriod();
};

void tst_BudgetLedger::scopeMatching_data()
{
    QTest::addColumn<int>("scope");
    QTest::addColumn<QString>("match");
    QTest::addColumn<bool>("expected");
    using S = Settings::Scope;
    // Subject: customer acme, project web, key k1, app Cursor, tags [eval, nightly].
    QTest::newRow("global") << int(S::Global) << "" << true;
    QTest::newRow("customer hit") << int(S::Customer) << "acme" << true;
    QTest::newRow("customer miss") << int(S::Customer) << "globex" << false;
    QTest::newRow("customer is case-sensitive") << int(S::Customer) << "ACME" << false;
    QTest::newRow("project") << int(S::Project) << "web" << true;
    QTest::newRow("key") << int(S::Key) << "k1" << true;
    QTest::newRow("key miss") << int(S::Key) << "k2" << false;
    QTest::newRow("app ignores case") << int(S::App) << "cursor" << true;
    QTest::newRow("tag any of") << int(S::Tag) << "nightly" << true;
    QTest::newRow("tag miss") << int(S::Tag) << "prod" << false;
}

void tst_BudgetLedger::scopeMatching()
{
    QFETCH(int, scope);
    QFETCH(QString, match);
    QFETCH(bool, expected);
    Settings b = budget(QStringLiteral("b"), 1);
    b.scope = Settings::Scope(scope);
    b.match = match;
    const BudgetSubject subject{QStringLiteral("acme"), QStringLiteral("web"), QStringLiteral("k1"),
                                QStringLiteral("Cursor"), {QStringLiteral("eval"), QStringLiteral("nightly")}};
    QCOMPARE(BudgetLedger::matches(b, subject), expected);
}

void tst_BudgetLedger::reservationsNeverOvershoot()
{
    Testing::FakeClock clock;
    BudgetLedger ledger(&clock);
    ledger.setBudgets({budget(QStringLiteral("daily"), 1.0)});
    // Worst case $0.10: ten fit, the eleventh does not, whatever order they settle in.
    QList<quint64> held;
    for (int i = 0; i < 10; ++i) {
        const Admission a = ledger.admit({}, {paid(QStringLiteral("m"), 0.10)});
        QVERIFY(a.allowed(0));
        QVERIFY(a.reservationId != 0);
        held.append(a.reservationId);
    }
    const Admission eleventh = ledger.admit({}, {paid(QStringLiteral("m"), 0.10)});
    QVERIFY(!eleventh.allowed(0));
    QVERIFY(eleventh.block.has_value());
    QCOMPARE(eleventh.reservationId, quint64(0));
    for (quint64 id : held)
        ledger.settle(id, 0.10);
    QCOMPARE(ledger.statuses().first().spentUsd, 1.0);
    QCOMPARE(ledger.statuses().first().reservedUsd, 0.0);
}

void tst_BudgetLedger::settleChargesActualAndReleasesRest()
{
    Testing::FakeClock clock;
    BudgetLedger ledger(&clock);
    ledger.setBudgets({budget(QStringLiteral("daily"), 1.0)});
    const Admission a = ledger.admit({}, {paid(QStringLiteral("a"), 0.5), paid(QStringLiteral("b"), 0.8)});
    // Failover may reach either: the larger worst case is held.
    QCOMPARE(a.reservedUsd, 0.8);
    QCOMPARE(ledger.statuses().first().reservedUsd, 0.8);
    ledger.settle(a.reservationId, 0.03);
    QCOMPARE(ledger.statuses().first().spentUsd, 0.03);
    QCOMPARE(ledger.statuses().first().reservedUsd, 0.0);
    ledger.settle(a.reservationId, 0.03); // a second settle is a no-op
    QCOMPARE(ledger.statuses().first().spentUsd, 0.03);
}

void tst_BudgetLedger::unknownActualCostIsChargedAtWorstCase()
{
    Testing::FakeClock clock;
    BudgetLedger ledger(&clock);
    ledger.setBudgets({budget(QStringLiteral("daily"), 1.0)});
    const Admission a = ledger.admit({}, {paid(QStringLiteral("a"), 0.25)});
    ledger.settle(a.reservationId, std::nullopt);
    QCOMPARE(ledger.statuses().first().spentUsd, 0.25);
}

void tst_BudgetLedger::releaseFreesTheHold()
{
    Testing::FakeClock clock;
    BudgetLedger ledger(&clock);
    ledger.setBudgets({budget(QStringLiteral("daily"), 0.3)});
    const Admission a = ledger.admit({}, {paid(QStringLiteral("a"), 0.3)});
    QVERIFY(!ledger.admit({}, {paid(QStringLiteral("a"), 0.3)}).allowed(0));
    ledger.release(a.reservationId);
    QCOMPARE(ledger.statuses().first().spentUsd, 0.0);
    QVERIFY(ledger.admit({}, {paid(QStringLiteral("a"), 0.3)}).allowed(0));
}

void tst_BudgetLedger::blockNamesBudgetSpentLimitAndReset()
{
    Testing::FakeClock clock(at("2026-11-25T10:00:00Z"));
    BudgetLedger ledger(&clock);
    ledger.setBudgets({budget(QStringLiteral("acme-daily"), 2.0)});
    ledger.settle(ledger.admit({}, {paid(QStringLiteral("a"), 1.9)}).reservationId, 1.9);
    const Admission a = ledger.admit({}, {paid(QStringLiteral("a"), 0.2), paid(QStringLiteral("b"), 0.5)});
    QVERIFY(a.block.has_value());
    QCOMPARE(a.block->budget, QStringLiteral("acme-daily"));
    QCOMPARE(a.block->spentUsd, 1.9);
    QCOMPARE(a.block->limitUsd, 2.0);
    QCOMPARE(a.block->resetsAt, at("2026-11-26T00:00:00Z"));
    QCOMPARE(a.notes.size(), 2);
    QVERIFY(a.notes.first().contains(QLatin1String("acme-daily")));
}

void tst_BudgetLedger::localModelsPassWhenExhausted()
{
    Testing::FakeClock clock;
    BudgetLedger ledger(&clock);
    ledger.setBudgets({budget(QStringLiteral("daily"), 0)});
    const Admission a = ledger.admit({}, {paid(QStringLiteral("gpt"), 0.01), local(QStringLiteral("llama"))});
    QVERIFY(!a.allowed(0));
    QVERIFY(a.allowed(1));
    QVERIFY(!a.block.has_value());
    QCOMPARE(a.reservationId, quint64(0)); // nothing paid can be reached: nothing held
}

void tst_BudgetLedger::unknownPriceBlockedOnlyUnderBlockBudgets()
{
    Testing::FakeClock clock;
    BudgetLedger ledger(&clock);
    const CandidateCost adHoc{QStringLiteral("openai/new-model"), false, false, 0, 0};
    ledger.setBudgets({budget(QStringLiteral("watch"), 1, Settings::Action::Alert)});
    QVERIFY(ledger.admit({}, {adHoc}).allowed(0));
    ledger.setBudgets({budget(QStringLiteral("hard"), 1)});
    const Admission a = ledger.admit({}, {adHoc});
    QVERIFY(!a.allowed(0));
    QVERIFY(a.removed.first().contains(QLatin1String("price unknown")));
}

void tst_BudgetLedger::downgradeKeepsOnlyCheapModelsOnceReached()
{
    Testing::FakeClock clock;
    BudgetLedger ledger(&clock);
    Settings soft = budget(QStringLiteral("soft"), 1.0, Settings::Action::Downgrade);
    soft.priceCapOutput = 1.0;
    ledger.setBudgets({soft});
    const QList<CandidateCost> candidates{paid(QStringLiteral("big"), 0.4, 15), paid(QStringLiteral("mini"), 0.1, 0.6)};
    Admission before = ledger.admit({}, candidates);
    QVERIFY(before.allowed(0) && before.allowed(1));
    ledger.settle(before.reservationId, 1.2); // soft budgets may overshoot
    const Admission after = ledger.admit({}, candidates);
    QVERIFY(!after.allowed(0));
    QVERIFY(after.allowed(1));
    QVERIFY(after.removed.first().contains(QLatin1String("downgraded")));
}

void tst_BudgetLedger::alertOnlyNeverBlocks()
{
    Testing::FakeClock clock;
    BudgetLedger ledger(&clock);
    Settings watch = budget(QStringLiteral("watch"), 0.1, Settings::Action::Alert);
    watch.alerts = {1.0};
    ledger.setBudgets({watch});
    for (int i = 0; i < 3; ++i) {
        const Admission a = ledger.admit({}, {paid(QStringLiteral("m"), 0.5)});
        QVERIFY(a.allowed(0));
        ledger.settle(a.reservationId, 0.5);
    }
    QCOMPARE(ledger.statuses().first().spentUsd, 1.5);
}

void tst_BudgetLedger::pausedPaidTraffic()
{
    Testing::FakeClock clock;
    BudgetLedger ledger(&clock);
    ledger.setPaidTrafficPaused(true);
    Admission a = ledger.admit({}, {paid(QStringLiteral("gpt"), 0.01)});
    QVERIFY(a.block.has_value());
    QVERIFY(a.block->budget.isEmpty());
    a = ledger.admit({}, {paid(QStringLiteral("gpt"), 0.01), local(QStringLiteral("llama"))});
    QVERIFY(!a.block.has_value());
    QVERIFY(a.allowed(1));
    ledger.setPaidTrafficPaused(false);
    QVERIFY(ledger.admit({}, {paid(QStringLiteral("gpt"), 0.01)}).allowed(0));
}

void tst_BudgetLedger::periodRollover()
{
    Testing::FakeClock clock(at("2026-11-25T23:59:00Z"));
    BudgetLedger ledger(&clock);
    ledger.setBudgets({budget(QStringLiteral("daily"), 1.0)});
    ledger.settle(ledger.admit({}, {paid(QStringLiteral("m"), 1.0)}).reservationId, 1.0);
    QVERIFY(!ledger.admit({}, {paid(QStringLiteral("m"), 0.01)}).allowed(0));
    clock.advance(60'000); // midnight UTC
    const Admission a = ledger.admit({}, {paid(QStringLiteral("m"), 0.01)});
    QVERIFY(a.allowed(0));
    QCOMPARE(ledger.statuses().first().window.start, at("2026-11-26T00:00:00Z"));
    QCOMPARE(ledger.statuses().first().spentUsd, 0.0);
}

void tst_BudgetLedger::holdFromPreviousPeriodDoesNotLeak()
{
    Testing::FakeClock clock(at("2026-11-25T23:59:59Z"));
    BudgetLedger ledger(&clock);
    ledger.setBudgets({budget(QStringLiteral("daily"), 1.0)});
    const Admission a = ledger.admit({}, {paid(QStringLiteral("m"), 0.6)});
    clock.advance(2'000);
    // The request started yesterday: its cost belongs to yesterday's period.
    ledger.settle(a.reservationId, 0.6);
    QCOMPARE(ledger.statuses().first().spentUsd, 0.0);
    QCOMPARE(ledger.statuses().first().reservedUsd, 0.0);
}

void tst_BudgetLedger::alertsOncePerThresholdPerPeriod()
{
    Testing::FakeClock clock(at("2026-11-25T08:00:00Z"));
    BudgetLedger ledger(&clock);
    Settings b = budget(QStringLiteral("daily"), 10.0);
    b.alerts = {0.5, 0.8, 1.0};
    ledger.setBudgets({b});
    const auto spend = [&](double usd) {
        return ledger.settle(ledger.admit({}, {paid(QStringLiteral("m"), usd)}).reservationId, usd);
    };
    QVERIFY(spend(4.0).isEmpty());
    QList<BudgetAlert> alerts = spend(1.0); // 50 %
    QCOMPARE(alerts.size(), 1);
    QCOMPARE(alerts.first().threshold, 0.5);
    QCOMPARE(alerts.first().spentUsd, 5.0);
    QVERIFY(spend(0.5).isEmpty()); // still between 50 % and 80 %
    alerts = spend(4.5);           // jumps past 80 % and 100 % at once
    QCOMPARE(alerts.size(), 2);
    QCOMPARE(alerts.at(0).threshold, 0.8);
    QCOMPARE(alerts.at(1).threshold, 1.0);
    clock.advance(24LL * 3600 * 1000); // next day: thresholds re-arm
    alerts = spend(5.0);
    QCOMPARE(alerts.size(), 1);
    QCOMPARE(alerts.first().window.start, at("2026-11-26T00:00:00Z"));
}

void tst_BudgetLedger::editKeepsSpendOfUnchangedBudgets()
{
    Testing::FakeClock clock;
    BudgetLedger ledger(&clock);
    ledger.setBudgets({budget(QStringLiteral("a"), 5), budget(QStringLiteral("b"), 5)});
    ledger.settle(ledger.admit({}, {paid(QStringLiteral("m"), 2)}).reservationId, 2);
    Settings raised = budget(QStringLiteral("a"), 50); // limit change keeps spend
    Settings weekly = budget(QStringLiteral("b"), 5);
    weekly.period = Settings::Period::Week;            // a new period starts afresh
    ledger.setBudgets({raised, weekly});
    QCOMPARE(ledger.statuses().at(0).spentUsd, 2.0);
    QCOMPARE(ledger.statuses().at(0).budget.limitUsd, 50.0);
    QCOMPARE(ledger.statuses().at(1).spentUsd, 0.0);
}

void tst_BudgetLedger::seedingCountsOnlyTheCurrentPeriod()
{
    Testing::FakeClock clock(at("2026-11-25T12:00:00Z"));
    BudgetLedger ledger(&clock);
    ledger.setBudgets({budget(QStringLiteral("daily"), 5)});
    ledger.addSpend(QStringLiteral("daily"), at("2026-11-25T01:00:00Z"), 1.5);
    ledger.addSpend(QStringLiteral("daily"), at("2026-11-24T23:00:00Z"), 9.0);
    ledger.addSpend(QStringLiteral("unknown"), at("2026-11-25T01:00:00Z"), 9.0);
    QCOMPARE(ledger.statuses().first().spentUsd, 1.5);
}

QTEST_GUILESS_MAIN(tst_BudgetLedger)
#include "tst_budgetledger.moc"
