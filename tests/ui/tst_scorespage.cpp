// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/config/gatewayconfig.h"
#include "core/corehost.h"
#include "ui/charts/rankingchartpanel.h"
#include "ui/mainwindow.h"
#include "ui/scores/routewinnersview.h"
#include "ui/scores/scoresmodel.h"
#include "ui/scores/scorespage.h"
#include "ui/scores/weightspanel.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPersistentModelIndex>
#include <QPushButton>
#include <QSlider>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

#include <memory>

using namespace Switchyard;
using Switchyard::Ui::MainWindow;
using Switchyard::Ui::RouteWinnersView;
using Switchyard::Ui::ScoresModel;
using Switchyard::Ui::ScoresPage;

namespace {

Config::ModelSettings model(const char *id, const char *provider, double mmlu, double in,
                            double out)
{
    Config::ModelSettings m;
    m.id = QLatin1String(id);
    m.provider = QLatin1String(provider);
    m.price = Config::Price{true, in, out};
    m.scores.insert(QStringLiteral("mmlu_pro"), mmlu);
    return m;
}

/// alpha: best and dearest; beta: middle; gamma: weakest and cheapest. "keyless" sits on a
/// provider with no API key, so no route may pick it.
Config::GatewayConfig makeConfig(quint64 version = 1)
{
    Config::GatewayConfig c;
    c.version = version;
    Config::ProviderSettings sim;
    sim.id = QStringLiteral("sim");
    sim.kind = QStringLiteral("simulated");
    Config::ProviderSettings openai;
    openai.id = QStringLiteral("openai");
    openai.kind = QStringLiteral("openai");
    c.providers = {sim, openai};
    c.models = {model("alpha", "sim", 80, 10, 30), model("beta", "sim", 70, 1, 3),
                model("gamma", "sim", 50, 0.1, 0.3), model("keyless", "openai", 90, 0.01, 0.01)};
    c.models.last().scores.insert(QStringLiteral("gpqa"), 40);

    Config::RouteSettings smart;
    smart.name = QStringLiteral("smart");
    smart.strategy = QStringLiteral("score");
    smart.candidates = {QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("gamma")};
    smart.weights = {{QStringLiteral("mmlu_pro"), 1}};
    Config::RouteSettings chain;
    chain.name = QStringLiteral("chain");
    chain.strategy = QStringLiteral("fallback");
    chain.targets = {{QStringLiteral("keyless"), 1}, {QStringLiteral("smart"), 1},
                     {QStringLiteral("beta"), 1}};
    c.routes = {smart, chain};
    return c;
}

Config::ConfigSnapshot snapshot(quint64 version = 1)
{
    return std::make_shared<const Config::GatewayConfig>(makeConfig(version));
}

QStringList modelRows(const ScoresModel &m, bool withKeyless = false)
{
    QStringList out;
    for (int row = 0; row < m.rowCount(); ++row) {
        if (withKeyless || m.modelAt(row) != QLatin1String("keyless")) {
            out.append(m.modelAt(row));
        }
    }
    return out;
}

QSlider *slider(const ScoresPage &page, const char *metric)
{
    QSlider *s = page.weightsPanel()->slider(QLatin1String(metric));
    if (!s) {
        qFatal("no slider for %s", metric);
    }
    return s;
}

const Config::RouteSettings *route(const Config::ConfigSnapshot &c, const char *name)
{
    return c ? c->route(QLatin1String(name)) : nullptr;
}

} // namespace

class tst_ScoresPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void slidersCoverBenchmarksAndLiveMetrics();
    void rankingFollowsConfigWeights();
    void costSliderReordersRanking();
    void modelPassesTester();
    void routeWinners_data();
    void routeWinners();
    void applyBuildsSnapshotWithSliderWeights();
    void resetRestoresConfigWeights();
    void unappliedEditsSurviveReload();
    void mainWindowHostsTheScreen();
};

void tst_ScoresPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // MainWindow writes QSettings
}

void tst_ScoresPage::slidersCoverBenchmarksAndLiveMetrics()
{
    ScoresPage page;
    page.setConfig(snapshot());
    QCOMPARE(page.weightsPanel()->metrics(),
             QStringList({QStringLiteral("gpqa"), QStringLiteral("mmlu_pro"),
                          QStringLiteral("cost"), QStringLiteral("latency"),
                          QStringLiteral("ttft"), QStringLiteral("reliability")}));
    QCOMPARE(slider(page, "mmlu_pro")->value(), 1);
    QCOMPARE(slider(page, "cost")->value(), 0);
    QCOMPARE(slider(page, "cost")->maximum(), 10);
    // Model columns: rank, model, provider, price in, price out, gpqa, mmlu_pro, total.
    QCOMPARE(page.scoresModel()->columnCount(), 8);
    QCOMPARE(page.scoresModel()->headerData(6, Qt::Horizontal).toString(),
             QStringLiteral("mmlu_pro"));
}

void tst_ScoresPage::rankingFollowsConfigWeights()
{
    ScoresPage page;
    page.setConfig(snapshot());
    // keyless has the best mmlu_pro, so it tops the catalog table (it is only ineligible
    // for routes).
    QCOMPARE(modelRows(*page.scoresModel(), true),
             QStringList({QStringLiteral("keyless"), QStringLiteral("alpha"),
                          QStringLiteral("beta"), QStringLiteral("gamma")}));
    QCOMPARE(page.rankingChart()->order(), modelRows(*page.scoresModel(), true));
    QCOMPARE(page.routeWinners()->winner(QStringLiteral("smart")), QStringLiteral("alpha"));
}

void tst_ScoresPage::costSliderReordersRanking()
{
    ScoresPage page;
    page.setConfig(snapshot());
    ScoresModel *m = page.scoresModel();
    const QPersistentModelIndex alpha = m->index(1, int(ScoresModel::Column::Model));
    QCOMPARE(alpha.data().toString(), QStringLiteral("alpha"));

    slider(page, "cost")->setValue(10);

    QCOMPARE(modelRows(*m), QStringList({QStringLiteral("gamma"), QStringLiteral("beta"),
                                         QStringLiteral("alpha")}));
    QCOMPARE(page.rankingChart()->order(), modelRows(*m, true));
    QCOMPARE(m->index(0, int(ScoresModel::Column::Rank)).data().toInt(), 1);
    QVERIFY(alpha.isValid());
    QCOMPARE(alpha.data().toString(), QStringLiteral("alpha")); // followed its model
    QCOMPARE(alpha.row(), m->rowCount() - 1);
    const QList<double> totals = page.rankingChart()->values();
    QVERIFY(std::is_sorted(totals.crbegin(), totals.crend())); // best first

    const auto winners = page.routeWinners()->winners();
    QCOMPARE(winners.first().route, QStringLiteral("smart"));
    QCOMPARE(winners.first().winner, QStringLiteral("gamma"));
    QCOMPARE(winners.first().runnerUp, QStringLiteral("beta"));

    slider(page, "cost")->setValue(0);
    QCOMPARE(page.routeWinners()->winner(QStringLiteral("smart")), QStringLiteral("alpha"));
}

void tst_ScoresPage::modelPassesTester()
{
    ScoresModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setConfig(snapshot());
    QCOMPARE(m.rowCount(), 4);
    m.setWeights({{QStringLiteral("cost"), 3}, {QStringLiteral("mmlu_pro"), 1}});
    m.setWeights({{QStringLiteral("gpqa"), 2}});
    QCOMPARE(m.modelAt(0), QStringLiteral("keyless")); // only one with gpqa
    m.setConfig(nullptr);
    QCOMPARE(m.rowCount(), 0);
    m.setWeights({{QStringLiteral("cost"), 1}});
}

void tst_ScoresPage::routeWinners_data()
{
    QTest::addColumn<double>("mmlu");
    QTest::addColumn<double>("cost");
    QTest::addColumn<QString>("smartWinner");
    QTest::addColumn<QString>("chainWinner");
    QTest::addColumn<QString>("chainRunnerUp");

    // chain = keyless (skipped: no key) → smart (expanded in its order) → beta.
    QTest::newRow("quality only") << 1.0 << 0.0 << "alpha" << "alpha" << "beta";
    QTest::newRow("cost only") << 0.0 << 1.0 << "gamma" << "gamma" << "beta";
    QTest::newRow("cost dominates") << 1.0 << 10.0 << "gamma" << "gamma" << "beta";
    QTest::newRow("quality dominates") << 10.0 << 1.0 << "alpha" << "alpha" << "beta";
}

void tst_ScoresPage::routeWinners()
{
    QFETCH(double, mmlu);
    QFETCH(double, cost);
    QFETCH(QString, smartWinner);
    QFETCH(QString, chainWinner);
    QFETCH(QString, chainRunnerUp);

    const QList<Ui::RouteWinner> winners = RouteWinnersView::compute(
        makeConfig(), {{QStringLiteral("mmlu_pro"), mmlu}, {QStringLiteral("cost"), cost}});
    QCOMPARE(winners.size(), 2);
    QCOMPARE(winners.at(0).winner, smartWinner);
    QCOMPARE(winners.at(1).strategy, QStringLiteral("fallback"));
    QCOMPARE(winners.at(1).winner, chainWinner);
    QCOMPARE(winners.at(1).runnerUp, chainRunnerUp);
}

void tst_ScoresPage::applyBuildsSnapshotWithSliderWeights()
{
    ScoresPage page;
    const Config::ConfigSnapshot original = snapshot(4);
    page.setConfig(original);
    Config::ConfigSnapshot captured;
    int emitted = 0;
    connect(&page, &ScoresPage::applyRequested, &page,
            [&](const Config::ConfigSnapshot &c) {
                captured = c;
                ++emitted;
            });

    slider(page, "mmlu_pro")->setValue(3);
    slider(page, "cost")->setValue(5);
    slider(page, "latency")->setValue(2);
    slider(page, "latency")->setValue(0); // back to 0: must be left out
    auto *apply = page.findChild<QPushButton *>(QStringLiteral("applyButton"));
    QVERIFY(apply && apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);

    QCOMPARE(emitted, 1);
    QVERIFY(captured);
    const QMap<QString, double> expected{{QStringLiteral("mmlu_pro"), 3},
                                         {QStringLiteral("cost"), 5}};
    QCOMPARE(route(captured, "smart")->weights, expected);
    QCOMPARE(route(captured, "chain")->targets.size(), 3); // other routes untouched
    QCOMPARE(captured->models.size(), 4);
    QCOMPARE(route(original, "smart")->weights.size(), 1); // the applied snapshot is immutable

    auto *status = page.findChild<QLabel *>(QStringLiteral("applyStatusLabel"));
    QVERIFY(status);
    page.showApplied(5);
    QCOMPARE(status->text(), QStringLiteral("Applied as configuration version 5"));

    // Every weight at 0: nothing to apply.
    for (const QString &metric : page.weightsPanel()->metrics()) {
        page.weightsPanel()->slider(metric)->setValue(0);
    }
    QVERIFY(!apply->isEnabled());
    page.apply();
    QCOMPARE(emitted, 1);
}

void tst_ScoresPage::resetRestoresConfigWeights()
{
    ScoresPage page;
    page.setConfig(snapshot());
    slider(page, "mmlu_pro")->setValue(7);
    slider(page, "cost")->setValue(4);
    QCOMPARE(page.routeWinners()->winner(QStringLiteral("smart")), QStringLiteral("beta"));
    auto *reset = page.findChild<QPushButton *>(QStringLiteral("resetButton"));
    QVERIFY(reset);
    QTest::mouseClick(reset, Qt::LeftButton);
    QCOMPARE(slider(page, "mmlu_pro")->value(), 1);
    QCOMPARE(slider(page, "cost")->value(), 0);
    QCOMPARE(page.routeWinners()->winner(QStringLiteral("smart")), QStringLiteral("alpha"));
}

void tst_ScoresPage::unappliedEditsSurviveReload()
{
    ScoresPage page;
    page.setConfig(snapshot(1));
    slider(page, "cost")->setValue(6);
    page.setConfig(snapshot(2)); // e.g. the config file was edited meanwhile
    QCOMPARE(slider(page, "cost")->value(), 6);
    QCOMPARE(page.scoresModel()->modelAt(0), QStringLiteral("keyless")); // cheapest and best
    page.reset();
    page.setConfig(snapshot(3));
    QCOMPARE(slider(page, "cost")->value(), 0);
}

void tst_ScoresPage::mainWindowHostsTheScreen()
{
    MainWindow window;
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("mainTabs"));
    QVERIFY(tabs);
    QVERIFY(tabs->count() >= 2); // later screens (Routing, ...) add tabs after these two
    QCOMPARE(tabs->tabText(0), QStringLiteral("Requests"));
    QCOMPARE(tabs->tabText(1).remove(QLatin1Char('&')), QStringLiteral("Models  Scores"));
    auto *page = window.findChild<ScoresPage *>(QStringLiteral("scoresPage"));
    QVERIFY(page);
    QCOMPARE(tabs->widget(1), page);

    CoreHost core(CoreOptions{}); // never started: config() stays null
    window.attachCore(&core);
    Q_EMIT core.configApplied(3, QString());
    auto *status = page->findChild<QLabel *>(QStringLiteral("applyStatusLabel"));
    QVERIFY(status);
    QCOMPARE(status->text(), QStringLiteral("Configuration version 3 in force"));
}

QTEST_MAIN(tst_ScoresPage)
#include "tst_scorespage.moc"
