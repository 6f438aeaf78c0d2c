// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/corehost.h"
#include "tests/ui/logrecordbuilder.h"
#include "ui/charts/ratechartpanel.h"
#include "ui/logs/logtablemodel.h"
#include "ui/logs/requestdetailview.h"
#include "ui/mainwindow.h"

#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTest>

using namespace Switchyard;
using Switchyard::Ui::LogTableModel;
using Switchyard::Ui::MainWindow;
using Switchyard::Ui::RateChartPanel;
using Switchyard::Ui::RequestDetailView;
using Switchyard::UiTest::makeRecord;

namespace {

template<typename T>
T *child(const QWidget &window, const char *name)
{
    T *widget = window.findChild<T *>(QString::fromLatin1(name));
    if (!widget) {
        qFatal("no child %s", name);
    }
    return widget;
}

LogRecord failedOverRecord()
{
    LogRecord r = makeRecord(2);
    r.requestId = QStringLiteral("req-failover");
    r.attempts = 2;
    r.fallback = true;
    r.provider = QStringLiteral("anthropic");
    r.model = QStringLiteral("claude-3-5-haiku");
    r.decision.strategy = QStringLiteral("fallback");
    r.decision.reasons = {QStringLiteral("rule acme-eu kept eu-region models")};
    r.decision.candidates = {{QStringLiteral("gpt-4o-mini"), QStringLiteral("openai"), true,
                              QStringLiteral("first target")},
                             {QStringLiteral("gemini-flash"), QStringLiteral("gemini"), false,
                              QStringLiteral("region us not allowed")},
                             {QStringLiteral("claude-3-5-haiku"), QStringLiteral("anthropic"), true,
                              QStringLiteral("second target")}};
    r.decision.attempts = {{QStringLiteral("gpt-4o-mini"), QStringLiteral("openai"),
                            QStringLiteral("gpt-4o-mini"), 503,
                            QStringLiteral("upstream <overloaded>"), true, 80.0},
                           {QStringLiteral("claude-3-5-haiku"), QStringLiteral("anthropic"),
                            QStringLiteral("claude-3-5-haiku-latest"), 200, QString(), false,
                            300.0}};
    return r;
}

} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsBatchesAndStats();
    void selectingARowFillsTheDetailPane();
    void simulatedBadgeAppears();
    void filterBoxFilters();
    void listeningAndErrors();
    void autoScrollsOnlyAtTheBottom();
    void attachCoreConnectsSignals();
    void hasAnIcon();
    void budgetAlertWithoutATrayGoesToTheStatusBar();
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings must not touch the user's config
    QCoreApplication::setOrganizationName(QStringLiteral("SwitchyardTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
}

void tst_MainWindow::showsBatchesAndStats()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *table = child<QTableView>(window, "logTable");
    window.appendRecords({makeRecord(1), makeRecord(2, 500)});
    window.appendRecords({makeRecord(3)});
    QCOMPARE(table->model()->rowCount(), 3);
    QCOMPARE(table->model()->index(1, int(LogTableModel::Column::Status)).data().toString(),
             QStringLiteral("500 upstream_error"));

    Telemetry::StatsSnapshot stats;
    stats.requestsPerSecond = 2.5;
    stats.totalRequests = 3;
    stats.totalErrors = 1;
    stats.spendUsd = 0.0123;
    window.showStats(stats);
    stats.totalErrors = 4;
    window.showStats(stats);
    QCOMPARE(child<QLabel>(window, "rateLabel")->text(), QStringLiteral("2.5 req/s"));
    QCOMPARE(child<QLabel>(window, "totalLabel")->text(), QStringLiteral("3 requests"));
    QCOMPARE(child<QLabel>(window, "errorsLabel")->text(), QStringLiteral("4 errors"));
    QCOMPARE(child<QLabel>(window, "spendLabel")->text(), QStringLiteral("$0.0123 spent"));
    auto *chart = child<RateChartPanel>(window, "rateChart");
    QCOMPARE(chart->lastRequestsPerSecond(), 2.5);
    QCOMPARE(chart->lastErrorsPerSecond(), 3.0);
    for (int i = 0; i < RateChartPanel::WindowSeconds + 30; ++i) {
        window.showStats(stats);
    }
    QCOMPARE(chart->pointCount(), RateChartPanel::WindowSeconds);
}

void tst_MainWindow::selectingARowFillsTheDetailPane()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *table = child<QTableView>(window, "logTable");
    auto *detail = child<RequestDetailView>(window, "detailView");
    window.appendRecords({makeRecord(1), failedOverRecord()});
    QVERIFY(!detail->hasRecord());

    table->selectRow(1);
    QTRY_VERIFY_WITH_TIMEOUT(detail->hasRecord(), 2000);
    QCOMPARE(detail->requestId(), QStringLiteral("req-failover"));
    const QString text = detail->plainText();
    for (const QString &expected :
         {QStringLiteral("req-failover"), QStringLiteral("claude-3-5-haiku @ anthropic"),
          QStringLiteral("Attempts (2)"), QStringLiteral("upstream <overloaded>"),
          QStringLiteral("503"), QStringLiteral("fallback"),
          QStringLiteral("rule acme-eu kept eu-region models"),
          QStringLiteral("region us not allowed"), QStringLiteral("gemini-flash"),
          QStringLiteral("Cache read"), QStringLiteral("$0.000123")}) {
        QVERIFY2(text.contains(expected),
                 qPrintable(expected + QStringLiteral(" missing in:\n") + text));
    }
    table->selectRow(0);
    QTRY_COMPARE_WITH_TIMEOUT(detail->requestId(), QStringLiteral("req-1"), 2000);
    QVERIFY(detail->plainText().contains(QStringLiteral("No upstream attempt")));
}

void tst_MainWindow::simulatedBadgeAppears()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *badge = child<QLabel>(window, "simulatedBadge");
    QVERIFY(!badge->isVisible());
    window.appendRecords({makeRecord(1)});
    QVERIFY(!badge->isVisible());
    window.appendRecords(
        {makeRecord(2), makeRecord(3, 200, QStringLiteral("sim"), QStringLiteral("simulated"))});
    QVERIFY(badge->isVisible());
    QVERIFY(!badge->toolTip().isEmpty());
}

void tst_MainWindow::filterBoxFilters()
{
    MainWindow window;
    auto *table = child<QTableView>(window, "logTable");
    auto *filter = child<QLineEdit>(window, "filterEdit");
    QVERIFY(filter->placeholderText().contains(QStringLiteral("status:5xx")));
    window.appendRecords({makeRecord(1), makeRecord(2, 502), makeRecord(3, 429), makeRecord(4)});
    QTest::keyClicks(filter, QStringLiteral("status:5xx"));
    QCOMPARE(table->model()->rowCount(), 1);
    filter->clear();
    QCOMPARE(table->model()->rowCount(), 4);
    filter->setText(QStringLiteral("error"));
    QCOMPARE(table->model()->rowCount(), 2);
    window.appendRecords({makeRecord(5, 503), makeRecord(6)});
    QCOMPARE(table->model()->rowCount(), 3);
}

void tst_MainWindow::listeningAndErrors()
{
    MainWindow window;
    auto *listen = child<QLabel>(window, "listenLabel");
    auto *banner = child<QFrame>(window, "banner");
    auto *bannerLabel = child<QLabel>(window, "bannerLabel");
    QVERIFY(listen->text().startsWith(QStringLiteral("Starting")));
    window.setListening(QUrl(QStringLiteral("http://127.0.0.1:7420")));
    QVERIFY(listen->text().contains(QStringLiteral("http://127.0.0.1:7420")));
    QVERIFY(banner->isHidden());

    window.showConfigMessage(QStringLiteral("config.json: routes[0].strategy: unknown 'best'"),
                             true);
    QVERIFY(!banner->isHidden());
    QVERIFY(bannerLabel->text().contains(QStringLiteral("unknown 'best'")));

    window.showStartError(QStringLiteral("127.0.0.1:7420 is already in use"));
    QVERIFY(listen->text().contains(QStringLiteral("Not listening")));
    QVERIFY(bannerLabel->text().contains(QStringLiteral("already in use")));
}

void tst_MainWindow::autoScrollsOnlyAtTheBottom()
{
    MainWindow window;
    window.resize(900, 500);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *table = child<QTableView>(window, "logTable");
    QScrollBar *bar = table->verticalScrollBar();
    LogRecordList records;
    for (int i = 1; i <= 200; ++i) {
        records.append(makeRecord(i));
    }
    window.appendRecords(records);
    QTRY_VERIFY_WITH_TIMEOUT(bar->maximum() > 0, 2000);
    // An empty view counts as being at the bottom, so it follows the first batch.
    QTRY_COMPARE_WITH_TIMEOUT(bar->value(), bar->maximum(), 2000);
    const int before = bar->maximum();
    window.appendRecords({makeRecord(201), makeRecord(202)});
    QTRY_VERIFY_WITH_TIMEOUT(bar->maximum() > before, 2000);
    QTRY_COMPARE_WITH_TIMEOUT(bar->value(), bar->maximum(), 2000);

    bar->setValue(10); // the user scrolled up to read: new rows must not move the view
    window.appendRecords({makeRecord(203), makeRecord(204)});
    QCoreApplication::processEvents();
    QCOMPARE(bar->value(), 10);
}

void tst_MainWindow::attachCoreConnectsSignals()
{
    MainWindow window;
    CoreHost core(CoreOptions{}); // never started: the test emits its signals by hand
    window.attachCore(&core);
    Q_EMIT core.started(QUrl(QStringLiteral("http://127.0.0.1:7421")));
    QVERIFY(child<QLabel>(window, "listenLabel")->text().contains(QStringLiteral(":7421")));
    Q_EMIT core.recordsAppended({makeRecord(1), makeRecord(2)});
    QCOMPARE(child<QTableView>(window, "logTable")->model()->rowCount(), 2);
    Telemetry::StatsSnapshot stats;
    stats.totalRequests = 2;
    Q_EMIT core.statsUpdated(stats);
    QCOMPARE(child<QLabel>(window, "totalLabel")->text(), QStringLiteral("2 requests"));
    Q_EMIT core.configRejected(QStringLiteral("budgets[0].limit_usd: must be positive"));
    QVERIFY(!child<QFrame>(window, "banner")->isHidden());
    QVERIFY(child<QLabel>(window, "bannerLabel")->text().contains(QStringLiteral("limit_usd")));
}

void tst_MainWindow::hasAnIcon()
{
    MainWindow window;
    QVERIFY(!window.windowIcon().isNull()); // the resources are linked through the library
    QVERIFY(!window.windowIcon().pixmap(32, 32).isNull());
}

void tst_MainWindow::budgetAlertWithoutATrayGoesToTheStatusBar()
{
    MainWindow window; // offscreen: no system tray
    const QString message = QStringLiteral("Budget 'team' reached 80 % of $10.00 ($8.12 spent)");
    window.showBudgetAlert(QStringLiteral("team"), 0.8, message);
    QCOMPARE(window.statusBar()->currentMessage(), message);
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
