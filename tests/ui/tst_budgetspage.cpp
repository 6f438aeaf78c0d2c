// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/budget/budgetperiod.h"
#include "core/corehost.h"
#include "core/store/requeststore.h"
#include "ui/budgets/budgetspage.h"
#include "ui/charts/budgetchartpanel.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QFile>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace Switchyard;
using Switchyard::Ui::BudgetsPage;

namespace {

/// A fixed "now" (FakeClock's idea, kept local so this test needs only the ui library).
class FixedClock final : public IClock
{
public:
    explicit FixedClock(QDateTime now) : m_now(std::move(now)) {}
    QDateTime now() const override { return m_now; }
    qint64 monotonicMs() const override { return 0; }

private:
    QDateTime m_now;
};

const QDateTime march(int day, int hour = 0)
{
    return QDateTime(QDate(2026, 3, day), QTime(hour, 0), Qt::UTC);
}

qreal ms(const QDateTime &at)
{
    return qreal(at.toMSecsSinceEpoch());
}

LogRecord spend(int n, const QDateTime &at, const char *customer, double usd, bool known = true)
{
    LogRecord r;
    r.requestId = QStringLiteral("b-%1").arg(n);
    r.startedAt = at;
    r.customer = QLatin1String(customer);
    r.surface = QStringLiteral("openai.chat");
    r.model = QStringLiteral("gpt-4o-mini");
    r.status = 200;
    r.usage = Usage{1000, 0, 0, 1000, 0, true};
    r.costKnown = known;
    r.costUsd = known ? usd : 0;
    return r;
}

Config::BudgetSettings acmeMonthly()
{
    Config::BudgetSettings b;
    b.name = QStringLiteral("acme-monthly");
    b.scope = Config::BudgetSettings::Scope::Customer;
    b.match = QStringLiteral("acme");
    b.period = Config::BudgetSettings::Period::Month;
    b.limitUsd = 10;
    b.alerts = {0.5, 0.8, 1.0};
    b.timeZone = QStringLiteral("UTC");
    return b;
}

} // namespace

class tst_BudgetsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void chartShowsSpendProjectionLimitAndThresholds();
    void switchAndTrayActionStayInSync();
    void switchCallsThroughToTheCore();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_BudgetsPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("OPENAI_API_KEY", QByteArray());
}

void tst_BudgetsPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_BudgetsPage::chartShowsSpendProjectionLimitAndThresholds()
{
    const QString path = m_dir->filePath(QStringLiteral("switchyard.sqlite"));
    {
        Store::RequestStore store;
        QVERIFY(store.open(path).ok());
        int n = 0;
        store.append(spend(n++, march(2, 12), "acme", 1.0), nullptr, {});
        store.append(spend(n++, march(3), "globex", 5.0), nullptr, {});           // other customer
        store.append(spend(n++, march(9), "acme", 1.0), nullptr, {});             // out of order
        store.append(spend(n++, march(5), "acme", 2.0), nullptr, {});
        store.append(spend(n++, QDateTime(QDate(2026, 2, 28), QTime(23, 0), Qt::UTC), "acme", 7.0),
                     nullptr, {});                                                  // last period
        store.append(spend(n++, march(6), "acme", 0, false), nullptr, {});        // unknown cost
        store.append(spend(n++, march(12), "acme", 3.0), nullptr, {});            // after "now"
    }
    FixedClock clock(march(11)); // 10 of March's 31 days gone
    BudgetsPage page;
    page.setClock(&clock);
    page.setDatabasePath(path);
    page.show();
    QSignalSpy loaded(&page, &BudgetsPage::curveLoaded);

    const Config::BudgetSettings budget = acmeMonthly();
    const Budget::PeriodWindow window{march(1), QDateTime(QDate(2026, 4, 1), QTime(0, 0), Qt::UTC)};
    page.showStatuses({Budget::BudgetStatus{budget, window, 4.0, 0.0}}, false);
    QVERIFY(loaded.wait(5000));
    QCOMPARE(page.budgetTable()->rowCount(), 1);
    QCOMPARE(page.selectedBudget(), QStringLiteral("acme-monthly"));

    const Ui::BudgetChartPanel *chart = page.chart();
    QCOMPARE(chart->seriesNames(), (QStringList{QStringLiteral("spend"), QStringLiteral("projection"),
                                                QStringLiteral("limit"), QStringLiteral("threshold-50"),
                                                QStringLiteral("threshold-80")}));
    const QList<QPointF> expectedSpend = {{ms(march(1)), 0.0}, {ms(march(2, 12)), 1.0},
                                          {ms(march(5)), 3.0}, {ms(march(9)), 4.0},
                                          {ms(march(11)), 4.0}};
    QCOMPARE(chart->seriesPoints(QStringLiteral("spend")), expectedSpend);
    // $4 in 10 days, carried on over 31 days: $12.40 at the period's end.
    const QList<QPointF> projection = chart->seriesPoints(QStringLiteral("projection"));
    QCOMPARE(projection.size(), 2);
    QCOMPARE(projection.at(0), QPointF(ms(march(11)), 4.0));
    QCOMPARE(projection.at(1).x(), ms(window.end));
    QVERIFY(qFuzzyCompare(projection.at(1).y(), 12.4));
    QCOMPARE(chart->seriesPoints(QStringLiteral("limit")),
             (QList<QPointF>{{ms(window.start), 10.0}, {ms(window.end), 10.0}}));
    QCOMPARE(chart->seriesPoints(QStringLiteral("threshold-50")),
             (QList<QPointF>{{ms(window.start), 5.0}, {ms(window.end), 5.0}}));
    QCOMPARE(chart->seriesPoints(QStringLiteral("threshold-80")),
             (QList<QPointF>{{ms(window.start), 8.0}, {ms(window.end), 8.0}}));
}

void tst_BudgetsPage::switchAndTrayActionStayInSync()
{
    Ui::MainWindow window;
    auto *page = window.findChild<BudgetsPage *>(QStringLiteral("budgetsPage"));
    QVERIFY(page);
    QAction *action = page->pausePaidTrafficAction();
    const auto *trayMenu = window.findChild<QMenu *>(QStringLiteral("trayMenu"));
    QVERIFY(trayMenu);
    QVERIFY(trayMenu->actions().contains(action));
    auto *button = page->findChild<QToolButton *>(QStringLiteral("pauseButton"));
    QVERIFY(button);
    QSignalSpy requested(page, &BudgetsPage::paidTrafficPauseRequested);

    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toBool(), true);
    QVERIFY(action->isChecked());
    QVERIFY(button->isChecked());

    // The core's answer wins: not paused after all.
    page->showStatuses({}, false);
    QVERIFY(!action->isChecked());
    QVERIFY(!button->isChecked());
    QCOMPARE(requested.size(), 1); // reflecting the state never asks the core

    // The tray menu's entry is the same action: the window's switch follows it.
    action->trigger();
    QCOMPARE(requested.size(), 2);
    QCOMPARE(requested.at(1).at(0).toBool(), true);
    QVERIFY(button->isChecked());
    page->showStatuses({}, true);
    QVERIFY(action->isChecked());
}

void tst_BudgetsPage::switchCallsThroughToTheCore()
{
    const QString configPath = m_dir->filePath(QStringLiteral("config.json"));
    QFile config(configPath);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(R"({
      "providers": [{"id": "sim", "kind": "simulated"}],
      "models": [{"id": "pricey", "provider": "sim", "price": {"input": 1, "output": 2}}],
      "routes": [], "default_route": "pricey",
      "budgets": [{"name": "acme-monthly", "scope": "customer", "match": "acme", "period": "month",
                   "limit_usd": 50, "alerts": [0.5, 0.8, 1.0], "on_limit": "block"}]})");
    config.close();

    CoreOptions options;
    options.configPath = configPath;
    options.port = 0;
    options.dataDir = m_dir->filePath(QStringLiteral("data"));
    CoreHost core(options);
    BudgetsPage page;
    page.attachCore(&core);
    QSignalSpy statuses(&core, &CoreHost::budgetStatusesReady);
    QSignalSpy started(&core, &CoreHost::started);
    core.start();
    QVERIFY(started.wait(10000));
    QVERIFY(statuses.wait(5000)); // the page asks as soon as the core is up
    QTRY_COMPARE_WITH_TIMEOUT(page.budgetTable()->rowCount(), 1, 5000);
    QCOMPARE(page.selectedBudget(), QStringLiteral("acme-monthly"));
    QVERIFY(!page.pausePaidTrafficAction()->isChecked());

    statuses.clear();
    page.pausePaidTrafficAction()->trigger(); // as from the tray
    QTRY_VERIFY_WITH_TIMEOUT(!statuses.isEmpty() && statuses.last().at(1).toBool(), 5000);
    QVERIFY(page.pausePaidTrafficAction()->isChecked());

    statuses.clear();
    QTest::mouseClick(page.findChild<QToolButton *>(QStringLiteral("pauseButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!statuses.isEmpty() && !statuses.last().at(1).toBool(), 5000);
    QVERIFY(!page.pausePaidTrafficAction()->isChecked());
    core.shutdown();
}

QTEST_MAIN(tst_BudgetsPage)
#include "tst_budgetspage.moc"
