// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/config/gatewayconfig.h"
#include "core/store/requeststore.h"
#include "ui/charts/trafficchartpanel.h"
#include "ui/replay/replaydialog.h"
#include "ui/replay/replaytrafficmodel.h"
#include "ui/scores/scorespage.h"
#include "ui/scores/weightspanel.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Switchyard;
using Switchyard::Ui::ReplayDialog;
using Switchyard::Ui::ReplayTrafficModel;
using Switchyard::Ui::ScoresPage;

namespace {

Config::ModelSettings model(const char *id, double mmlu, double in, double out)
{
    Config::ModelSettings m;
    m.id = QLatin1String(id);
    m.provider = QStringLiteral("sim");
    m.price = Config::Price{true, in, out};
    m.scores.insert(QStringLiteral("mmlu_pro"), mmlu);
    return m;
}

/// chain: alpha then beta (the default route); smart: score on mmlu_pro → alpha.
Config::GatewayConfig makeConfig()
{
    Config::GatewayConfig c;
    c.version = 1;
    Config::ProviderSettings sim;
    sim.id = QStringLiteral("sim");
    sim.kind = QStringLiteral("simulated");
    c.providers = {sim};
    c.models = {model("alpha", 80, 10, 30), model("beta", 70, 1, 3), model("gamma", 50, 0.1, 0.3)};
    Config::RouteSettings chain;
    chain.name = QStringLiteral("chain");
    chain.strategy = QStringLiteral("fallback");
    chain.targets = {{QStringLiteral("alpha"), 1}, {QStringLiteral("beta"), 1}};
    Config::RouteSettings smart;
    smart.name = QStringLiteral("smart");
    smart.strategy = QStringLiteral("score");
    smart.candidates = {QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("gamma")};
    smart.weights = {{QStringLiteral("mmlu_pro"), 1}};
    c.routes = {chain, smart};
    c.defaultRoute = QStringLiteral("chain");
    return c;
}

Config::ConfigSnapshot current()
{
    return std::make_shared<const Config::GatewayConfig>(makeConfig());
}

/// The chain route with beta first.
Config::ConfigSnapshot reordered()
{
    Config::GatewayConfig c = makeConfig();
    c.routes[0].targets = {{QStringLiteral("beta"), 1}, {QStringLiteral("alpha"), 1}};
    return std::make_shared<const Config::GatewayConfig>(std::move(c));
}

const QDateTime noon(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);

LogRecord rec(int n, const char *requested, const char *route, const char *served)
{
    LogRecord r;
    r.requestId = QStringLiteral("ui-%1").arg(n);
    r.startedAt = noon.addSecs(n);
    r.surface = QStringLiteral("openai.chat");
    r.requestedModel = QLatin1String(requested);
    r.route = QLatin1String(route);
    r.model = QLatin1String(served);
    r.status = 200;
    r.usage = Usage{1000, 0, 0, 1000, 0, true}; // alpha $0.04, beta $0.004, gamma $0.0004
    r.costKnown = true;
    r.costUsd = 0.04;
    return r;
}

} // namespace

class tst_ReplayDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void replayShowsSummaryTableAndChart();
    void emptyRange();
    void applyEmitsEditedConfig();
    void cancelStopsTheReplay();
    void whatIfButtonUsesUnappliedWeights();

private:
    /// 4 × chain (alpha), 1 × beta direct, 2 × smart (alpha), plus \a extra chain requests.
    QString seedStore(int extra = 0);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_ReplayDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void tst_ReplayDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString tst_ReplayDialog::seedStore(int extra)
{
    const QString path = m_dir->filePath(QStringLiteral("switchyard.sqlite"));
    Store::RequestStore store;
    if (!store.open(path).ok())
        qFatal("cannot open the store");
    int n = 0;
    for (int i = 0; i < 4; ++i)
        store.append(rec(n++, "chain", "chain", "alpha"), nullptr, {});
    store.append(rec(n++, "beta", "", "beta"), nullptr, {});
    for (int i = 0; i < 2; ++i)
        store.append(rec(n++, "smart", "smart", "alpha"), nullptr, {});
    for (int i = 0; i < extra; ++i)
        store.append(rec(n++, "chain", "chain", "alpha"), nullptr, {});
    store.close();
    return path;
}

void tst_ReplayDialog::replayShowsSummaryTableAndChart()
{
    ReplayDialog dialog(seedStore(), current(), reordered());
    new QAbstractItemModelTester(dialog.trafficModel(), &dialog);
    dialog.setRange(noon.addSecs(-60), noon.addSecs(3600));
    QCOMPARE(dialog.rangeFrom(), noon.addSecs(-60));
    dialog.show();
    QSignalSpy ended(&dialog, &ReplayDialog::replayEnded);
    auto *run = dialog.findChild<QPushButton *>(QStringLiteral("runButton"));
    QTest::mouseClick(run, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 10000);
    QVERIFY(!dialog.isRunning());
    QVERIFY(dialog.result());
    // The 4 chain requests move from alpha ($0.04 each) to beta ($0.004 each).
    // old = 6 × 0.04 + 0.004 = 0.244; new = 4 × 0.004 + 0.004 + 2 × 0.04 = 0.1;
    // Δ = −0.144 = −59.0 % of 0.244.
    QCOMPARE(dialog.summaryText(),
             QStringLiteral("4 of 7 requests would change model; projected cost $0.2440 \u2192 "
                            "$0.1000 (\u2212$0.1440, \u221259.0 %)"));
    QVERIFY(dialog.statusText().contains(QLatin1String("3 unchanged")));

    const ReplayTrafficModel *m = dialog.trafficModel();
    QCOMPARE(m->rowCount(), 2);
    auto cell = [m](int row, int column) { return m->index(row, column).data().toString(); };
    QCOMPARE(cell(0, ReplayTrafficModel::ModelColumn), QStringLiteral("alpha"));
    QCOMPARE(cell(0, ReplayTrafficModel::BeforeColumn), QStringLiteral("6"));
    QCOMPARE(cell(0, ReplayTrafficModel::AfterColumn), QStringLiteral("2"));
    QCOMPARE(cell(0, ReplayTrafficModel::DeltaColumn), QStringLiteral("\u22124"));
    QCOMPARE(cell(1, ReplayTrafficModel::ModelColumn), QStringLiteral("beta"));
    QCOMPARE(cell(1, ReplayTrafficModel::DeltaColumn), QStringLiteral("+4"));

    QCOMPARE(dialog.trafficChart()->models(), QStringList({QStringLiteral("alpha"), QStringLiteral("beta")}));
    QCOMPARE(dialog.trafficChart()->before(), QList<qint64>({6, 1}));
    QCOMPARE(dialog.trafficChart()->after(), QList<qint64>({2, 5}));
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("applyButton"))->isEnabled());
}

void tst_ReplayDialog::emptyRange()
{
    ReplayDialog dialog(seedStore(), current(), reordered());
    dialog.setRange(noon.addDays(-10), noon.addDays(-9));
    QSignalSpy ended(&dialog, &ReplayDialog::replayEnded);
    dialog.run();
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 10000);
    QCOMPARE(dialog.summaryText(), QStringLiteral("No routed requests in this range."));
    QCOMPARE(dialog.trafficModel()->rowCount(), 0);
}

void tst_ReplayDialog::applyEmitsEditedConfig()
{
    const Config::ConfigSnapshot edited = reordered();
    ReplayDialog dialog(seedStore(), current(), edited);
    auto *apply = dialog.findChild<QPushButton *>(QStringLiteral("applyButton"));
    QVERIFY(!apply->isEnabled()); // nothing replayed yet
    dialog.setRange(noon.addSecs(-60), noon.addSecs(60));
    QSignalSpy ended(&dialog, &ReplayDialog::replayEnded);
    dialog.run();
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 10000);
    QList<Config::ConfigSnapshot> applied;
    connect(&dialog, &ReplayDialog::applyRequested, this,
            [&](const Config::ConfigSnapshot &config) { applied.append(config); });
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(applied.size(), 1);
    QCOMPARE(applied.first(), edited);
}

void tst_ReplayDialog::cancelStopsTheReplay()
{
    ReplayDialog dialog(seedStore(12000), current(), reordered());
    dialog.setRange(noon.addSecs(-60), noon.addDays(1));
    QSignalSpy ended(&dialog, &ReplayDialog::replayEnded);
    dialog.run();
    QVERIFY(dialog.isRunning());
    auto *cancel = dialog.findChild<QPushButton *>(QStringLiteral("cancelButton"));
    QVERIFY(cancel->isEnabled());
    // 12,007 rows are 7 pages of 2,000: the worker is still opening the file or on an early
    // page when the click lands, and stops before the next page.
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 20000);
    QVERIFY(dialog.result());
    QVERIFY(dialog.result()->cancelled);
    QVERIFY(dialog.result()->read < 12007);
    QVERIFY(dialog.summaryText().contains(QLatin1String("cancelled"))
            || dialog.summaryText().startsWith(QLatin1String("Cancelled")));
    QVERIFY(!cancel->isEnabled());
}

void tst_ReplayDialog::whatIfButtonUsesUnappliedWeights()
{
    ScoresPage page;
    page.setConfig(current());
    page.setDatabasePath(seedStore());
    auto *whatIf = page.findChild<QPushButton *>(QStringLiteral("whatIfButton"));
    QVERIFY(whatIf && whatIf->isEnabled());
    // Cost at 10 beside mmlu_pro at 1: smart now picks gamma (see tst_replayengine).
    page.weightsPanel()->slider(QStringLiteral("cost"))->setValue(10);
    QTest::mouseClick(whatIf, Qt::LeftButton);
    auto *dialog = page.findChild<ReplayDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    dialog->setRange(noon.addSecs(-60), noon.addSecs(60));
    QSignalSpy ended(dialog, &ReplayDialog::replayEnded);
    dialog->run();
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 10000);
    QCOMPARE(dialog->result()->changed, 2); // the two smart requests
    QCOMPARE(page.config()->route(QStringLiteral("smart"))->weights.value(QStringLiteral("cost")), 0);

    // Apply from the dialog goes out through the page, like its own Apply button.
    QList<Config::ConfigSnapshot> applied;
    connect(&page, &ScoresPage::applyRequested, this,
            [&](const Config::ConfigSnapshot &config) { applied.append(config); });
    dialog->applyEdited();
    QCOMPARE(applied.size(), 1);
    const Config::ConfigSnapshot config = applied.first();
    QCOMPARE(config->route(QStringLiteral("smart"))->weights.value(QStringLiteral("cost")), 10.0);
}

QTEST_MAIN(tst_ReplayDialog)
#include "tst_replaydialog.moc"
