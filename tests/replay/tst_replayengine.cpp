// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/replay/replayengine.h"
#include "core/replay/storereplay.h"
#include "core/store/requeststore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cmath>
#include <functional>
#include <memory>

using namespace Switchyard;
using Switchyard::Replay::ReplayEngine;
using Switchyard::Replay::ReplayResult;

namespace {

// Prices in USD per 1M tokens. alpha : beta : gamma cost 100 : 10 : 1 for any token mix, so
// the cost metric normalises to alpha 0, beta 0.909, gamma 1 whatever the request size.
Config::ModelSettings model(const char *id, const char *provider, double mmlu, double in,
                            double out, bool priced = true)
{
    Config::ModelSettings m;
    m.id = QLatin1String(id);
    m.provider = QLatin1String(provider);
    m.price = Config::Price{priced, in, out};
    if (mmlu > 0)
        m.scores.insert(QStringLiteral("mmlu_pro"), mmlu);
    return m;
}

Config::RouteSettings fallback(const char *name, const QStringList &targets,
                               const char *strategy = "fallback")
{
    Config::RouteSettings r;
    r.name = QLatin1String(name);
    r.strategy = QLatin1String(strategy);
    for (const QString &t : targets)
        r.targets.append({t, 1});
    return r;
}

/// The config the log was written under. chain: alpha then beta (also the default route);
/// smart: score on mmlu_pro only → alpha; eu: alpha; lb: alpha only.
Config::GatewayConfig currentConfig()
{
    Config::GatewayConfig c;
    Config::ProviderSettings sim;
    sim.id = QStringLiteral("sim");
    sim.kind = QStringLiteral("simulated");
    Config::ProviderSettings openai; // no API key: nothing on it can be routed
    openai.id = QStringLiteral("openai");
    openai.kind = QStringLiteral("openai");
    c.providers = {sim, openai};
    c.models = {model("alpha", "sim", 80, 10, 30),   model("beta", "sim", 70, 1, 3),
                model("gamma", "sim", 50, 0.1, 0.3), model("legacy", "sim", 0, 2, 2),
                model("delta", "sim", 0, 0, 0, false), model("keyless", "openai", 0, 1, 1)};
    Config::RouteSettings smart;
    smart.name = QStringLiteral("smart");
    smart.strategy = QStringLiteral("score");
    smart.candidates = {QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("gamma")};
    smart.weights = {{QStringLiteral("mmlu_pro"), 1}};
    c.routes = {fallback("chain", {QStringLiteral("alpha"), QStringLiteral("beta")}), smart,
                fallback("eu", {QStringLiteral("alpha")}),
                fallback("lb", {QStringLiteral("alpha")})};
    c.defaultRoute = QStringLiteral("chain");
    return c;
}

enum Edit { ReorderChain = 1, RaiseCostWeight = 2, DropLegacy = 4, EuToKeyless = 8 };

Config::ConfigSnapshot editedConfig(int edits)
{
    Config::GatewayConfig c = currentConfig();
    for (Config::RouteSettings &r : c.routes) {
        if ((edits & ReorderChain) && r.name == QLatin1String("chain"))
            r.targets = {{QStringLiteral("beta"), 1}, {QStringLiteral("alpha"), 1}};
        // smart totals (mmlu 1, cost 10, /11): alpha 1/11 = .091, beta (.667 + 9.09)/11 =
        // .887, gamma 10/11 = .909 → gamma.
        if ((edits & RaiseCostWeight) && r.name == QLatin1String("smart"))
            r.weights = {{QStringLiteral("mmlu_pro"), 1}, {QStringLiteral("cost"), 10}};
        if ((edits & EuToKeyless) && r.name == QLatin1String("eu"))
            r.targets = {{QStringLiteral("keyless"), 1}};
    }
    if (edits & DropLegacy)
        c.models.removeIf([](const Config::ModelSettings &m) { return m.id == QLatin1String("legacy"); });
    return std::make_shared<const Config::GatewayConfig>(std::move(c));
}

Config::ConfigSnapshot current()
{
    return std::make_shared<const Config::GatewayConfig>(currentConfig());
}

const QDateTime dayStart(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC);

LogRecord rec(int n, const char *requested, const char *route, const char *served,
              qint64 input = -1, qint64 output = 0, qint64 cacheRead = 0)
{
    LogRecord r;
    r.requestId = QStringLiteral("r%1").arg(n);
    r.startedAt = dayStart.addSecs(36000 + 60 * n);
    r.surface = QStringLiteral("openai.chat");
    r.requestedModel = QLatin1String(requested);
    r.route = QLatin1String(route);
    r.model = QLatin1String(served);
    r.provider = QStringLiteral("sim");
    r.status = 200;
    r.attempts = 1;
    if (input >= 0) {
        r.usage = Usage{input, cacheRead, 0, output, 0, true};
        r.costKnown = true;
        r.costUsd = 0.5; // what the log says; the replay reprices instead (see ReplayResult)
    }
    r.estimatedPromptTokens = 1000;
    r.expectedOutputTokens = 256;
    return r;
}

/// The seeded log. Costs at current prices: r1 alpha (1000*10 + 500*30)/1e6 = 0.025,
/// r2 alpha (2000*10 + 1000*10 cache read at input price + 1000*30)/1e6 = 0.06,
/// r3 alpha (1000*10 + 1000*30)/1e6 = 0.04, r4 beta (1000 + 3000)/1e6 = 0.004,
/// r5 legacy (500*2 + 500*2)/1e6 = 0.002, r11 alpha 100000*10/1e6 = 1.0; r6 and r7 have no
/// usage, r9's model has no price. Total priced under the current config: 1.131.
LogRecordList seededLog()
{
    LogRecordList log;
    log.append(rec(1, "chain", "chain", "alpha", 1000, 500));
    log.append(rec(2, "", "chain", "alpha", 2000, 1000, 1000)); // default route
    log.append(rec(3, "smart", "smart", "alpha", 1000, 1000));
    log.append(rec(4, "beta", "", "beta", 1000, 1000));         // model named directly
    log.append(rec(5, "legacy", "", "legacy", 500, 500));
    log.append(rec(6, "eu", "eu", "alpha"));
    LogRecord failed = rec(7, "chain", "chain", "beta"); // alpha and beta both failed
    failed.status = 503;
    failed.errorType = QStringLiteral("upstream_error");
    failed.decision.candidates = {{QStringLiteral("alpha"), QStringLiteral("sim"), true, {}},
                                  {QStringLiteral("beta"), QStringLiteral("sim"), true, {}}};
    log.append(failed);
    LogRecord models = rec(8, "", "", ""); // GET /v1/models: never routed
    models.surface = QStringLiteral("openai.models");
    log.append(models);
    log.append(rec(9, "delta", "", "delta", 100, 100));
    LogRecord early = rec(10, "chain", "chain", "alpha", 1000, 1000); // the day before
    early.startedAt = dayStart.addSecs(-3600);
    log.append(early);
    log.append(rec(11, "alpha", "smart", "alpha", 100000, 0)); // x-switchyard-route: smart
    return log;
}

LogRecordList inRange()
{
    LogRecordList log = seededLog();
    log.removeIf([](const LogRecord &r) { return r.requestId == QLatin1String("r10"); });
    return log;
}

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-9;
}

} // namespace

class tst_ReplayEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void edits_data();
    void edits();
    void trafficGainsAndLosses();
    void oldWinnerAndQuery_data();
    void oldWinnerAndQuery();
    void loadbalanceIsDeterministic();
    void replayFromStore_data();
    void replayFromStore();
    void cancellationStopsEarly();
    void emptyRangeGivesZeros();
    void runnerReportsProgressAndResult();
    void runnerReportsMissingFile();

private:
    QString writeSeededStore();

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_ReplayEngine::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString tst_ReplayEngine::writeSeededStore()
{
    const QString path = m_dir->filePath(QStringLiteral("switchyard.sqlite"));
    Store::RequestStore store;
    const Result<int> opened = store.open(path);
    if (!opened)
        qFatal("cannot open the store: %s", qPrintable(opened.error().message));
    for (const LogRecord &r : seededLog())
        store.append(r, nullptr, {});
    store.close(); // flushes
    return path;
}

void tst_ReplayEngine::edits_data()
{
    QTest::addColumn<int>("edits");
    QTest::addColumn<int>("changed");
    QTest::addColumn<int>("unchanged");
    QTest::addColumn<int>("unroutable");
    QTest::addColumn<int>("priced");
    QTest::addColumn<int>("noUsage");
    QTest::addColumn<double>("newCost");
    QTest::addColumn<double>("difference");

    // 9 routed requests (r8 is skipped), 2 without usage (r6, r7), 1 without a price (r9).
    QTest::newRow("no edit") << 0 << 0 << 9 << 0 << 6 << 2 << 1.131 << 0.0;
    // chain → beta first: r1, r2 and the failed r7 move to beta.
    // new = 1.131 - 0.025 + 0.0025 (r1 at beta) - 0.06 + 0.006 (r2 at beta) = 1.0545
    QTest::newRow("fallback reordered") << int(ReorderChain) << 3 << 6 << 0 << 6 << 2 << 1.0545
                                        << -0.0765;
    // smart → gamma: r3 and r11 (forced to smart) move. new = 1.131 - 0.04 + 0.0004 (r3 at
    // gamma) - 1.0 + 0.01 (r11 at gamma) = 0.1014
    QTest::newRow("score cost weight raised") << int(RaiseCostWeight) << 2 << 7 << 0 << 6 << 2
                                              << 0.1014 << -1.0296;
    // Everything, plus legacy removed (r5: model_not_found) and eu only on a provider without
    // a key (r6: no_available_model, so only r7 lacks usage among the routable). Priced: r1 r2
    // r3 r4 r11: old 1.129, new 0.0025 + 0.006 + 0.0004 + 0.004 + 0.01 = 0.0229.
    QTest::newRow("all edits") << int(ReorderChain | RaiseCostWeight | DropLegacy | EuToKeyless)
                               << 5 << 2 << 2 << 5 << 1 << 0.0229 << -1.1061;
}

void tst_ReplayEngine::edits()
{
    QFETCH(int, edits);
    QFETCH(int, changed);
    QFETCH(int, unchanged);
    QFETCH(int, unroutable);
    QFETCH(int, priced);
    QFETCH(int, noUsage);
    QFETCH(double, newCost);
    QFETCH(double, difference);

    const ReplayResult r = ReplayEngine::replay(inRange(), current(), editedConfig(edits));
    QCOMPARE(r.read, 10);
    QCOMPARE(r.skipped, 1);
    QCOMPARE(r.considered, 9);
    QCOMPARE(r.changed, changed);
    QCOMPARE(r.unchanged, unchanged);
    QCOMPARE(r.unroutable, unroutable);
    QCOMPARE(r.priced, priced);
    QCOMPARE(r.noUsage, noUsage);
    QCOMPARE(r.unknownPrice, 1);
    QVERIFY2(near(r.newCost, newCost), qPrintable(QString::number(r.newCost, 'f', 9)));
    QVERIFY2(near(r.costDifference(), difference),
             qPrintable(QString::number(r.costDifference(), 'f', 9)));
    QCOMPARE(r.examples.size(), changed + unroutable);
    QCOMPARE(r.cancelled, false);
}

void tst_ReplayEngine::trafficGainsAndLosses()
{
    const ReplayResult r = ReplayEngine::replay(
        inRange(), current(), editedConfig(ReorderChain | RaiseCostWeight | DropLegacy | EuToKeyless));
    // before: alpha r1 r2 r3 r6 r7 r11, beta r4, legacy r5, delta r9
    // after:  beta r1 r2 r4 r7, gamma r3 r11, delta r9 (r5, r6 unroutable)
    const QMap<QString, QPair<int, int>> expected = {
        {QStringLiteral("alpha"), {6, 0}}, {QStringLiteral("beta"), {1, 4}},
        {QStringLiteral("gamma"), {0, 2}}, {QStringLiteral("legacy"), {1, 0}},
        {QStringLiteral("delta"), {1, 1}}};
    QCOMPARE(r.traffic.keys(), expected.keys());
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        QCOMPARE(r.traffic.value(it.key()).before, it->first);
        QCOMPARE(r.traffic.value(it.key()).after, it->second);
    }
    QCOMPARE(r.trafficByVolume().first().model, QStringLiteral("alpha"));
    QCOMPARE(r.unroutableReasons.value(QStringLiteral("model_not_found")), 1);
    QCOMPARE(r.unroutableReasons.value(QStringLiteral("no_available_model")), 1);
    QVERIFY(near(r.oldCost, 1.129));
    QVERIFY(near(r.loggedCost, 2.5)); // 5 priced requests × the logged $0.50
    QVERIFY(near(*r.costChangePercent(), -1.1061 / 1.129 * 100));

    const Replay::ChangedRequest &first = r.examples.first();
    QCOMPARE(first.requestId, QStringLiteral("r1"));
    QCOMPARE(first.oldModel, QStringLiteral("alpha"));
    QCOMPARE(first.newModel, QStringLiteral("beta"));
    QVERIFY(first.oldCost && near(*first.oldCost, 0.025));
    QVERIFY(first.newCost && near(*first.newCost, 0.0025));
}

void tst_ReplayEngine::oldWinnerAndQuery_data()
{
    QTest::addColumn<LogRecord>("record");
    QTest::addColumn<QString>("oldWinner");
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("forced");
    QTest::addColumn<qint64>("promptTokens");

    const LogRecordList log = seededLog();
    QTest::newRow("served") << log.at(0) << "alpha" << "chain" << "" << qint64(1000);
    QTest::newRow("default route") << log.at(1) << "alpha" << "" << "" << qint64(1000);
    QTest::newRow("failed: first candidate") << log.at(6) << "alpha" << "chain" << ""
                                             << qint64(1000);
    QTest::newRow("forced route") << log.at(10) << "alpha" << "alpha" << "smart" << qint64(1000);
    LogRecord old = log.at(0); // logged before v3: no estimate, bytes / 4
    old.estimatedPromptTokens = 0;
    old.requestBytes = 4000;
    QTest::newRow("no estimate") << old << "alpha" << "chain" << "" << qint64(1000);
}

void tst_ReplayEngine::oldWinnerAndQuery()
{
    QFETCH(LogRecord, record);
    QFETCH(QString, oldWinner);
    QFETCH(QString, requested);
    QFETCH(QString, forced);
    QFETCH(qint64, promptTokens);
    QCOMPARE(ReplayEngine::oldWinner(record), oldWinner);
    const Routing::RouteQuery q = ReplayEngine::queryFor(record);
    QCOMPARE(q.requestedModel, requested);
    QCOMPARE(q.forcedRoute, forced);
    QCOMPARE(q.promptTokens, promptTokens);
    QCOMPARE(q.expectedOutputTokens, 256);
}

void tst_ReplayEngine::loadbalanceIsDeterministic()
{
    LogRecordList log;
    for (int i = 0; i < 200; ++i)
        log.append(rec(100 + i, "lb", "lb", "alpha", 1000, 0));
    Config::GatewayConfig edited = currentConfig();
    for (Config::RouteSettings &r : edited.routes) {
        if (r.name == QLatin1String("lb"))
            r = fallback("lb", {QStringLiteral("alpha"), QStringLiteral("beta")}, "loadbalance");
    }
    const auto snapshot = std::make_shared<const Config::GatewayConfig>(edited);
    const ReplayResult first = ReplayEngine::replay(log, current(), snapshot);
    const ReplayResult second = ReplayEngine::replay(log, current(), snapshot);
    QCOMPARE(first.changed, second.changed);
    QCOMPARE(first.traffic.value(QStringLiteral("beta")).after,
             second.traffic.value(QStringLiteral("beta")).after);
    QCOMPARE(first.changed, first.traffic.value(QStringLiteral("beta")).after);
    // An even draw: both sides get a fair share of 200 (the seeds are fixed, so this never flakes).
    QVERIFY2(first.changed > 60 && first.changed < 140, qPrintable(QString::number(first.changed)));

    // Replaying the loadbalance config against itself moves nothing, although the seeded
    // draws pick beta for requests the log shows on alpha: only an edit counts as a change.
    const ReplayResult same = ReplayEngine::replay(log, snapshot, snapshot);
    QCOMPARE(same.changed, 0);
    QCOMPARE(same.unchanged, 200);
    QCOMPARE(same.traffic.value(QStringLiteral("alpha")).after, 200);
}

void tst_ReplayEngine::replayFromStore_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<int>("progressCalls");
    QTest::newRow("one page") << 2000 << 2;    // 0/10, then 10/10
    QTest::newRow("pages of 3") << 3 << 5;     // 0, 3, 6, 9, 10
    QTest::newRow("pages of 5") << 5 << 4;     // 0, 5, 10, then an empty page: 10
}

void tst_ReplayEngine::replayFromStore()
{
    QFETCH(int, pageSize);
    QFETCH(int, progressCalls);
    Replay::ReplayRequest request{writeSeededStore(), dayStart, dayStart.addDays(1), current(),
                                  editedConfig(ReorderChain | RaiseCostWeight | DropLegacy | EuToKeyless),
                                  pageSize};
    QList<QPair<qint64, qint64>> progress;
    Replay::ReplayControl control;
    control.progress = [&](qint64 done, qint64 total) { progress.append({done, total}); };
    const Result<ReplayResult> result = Replay::replayFromStore(request, control);
    QVERIFY2(result.ok(), qPrintable(result ? QString() : result.error().message));
    const ReplayResult &r = result.value();
    QCOMPARE(r.total, 10); // r10 is outside the range
    QCOMPARE(r.read, 10);
    QCOMPARE(r.changed, 5);
    QCOMPARE(r.unchanged, 2);
    QCOMPARE(r.unroutable, 2);
    QVERIFY(near(r.oldCost, 1.129));
    QVERIFY(near(r.newCost, 0.0229));
    QCOMPARE(progress.size(), progressCalls);
    QCOMPARE(progress.first(), qMakePair(qint64(0), qint64(10)));
    QCOMPARE(progress.last(), qMakePair(qint64(10), qint64(10)));
}

void tst_ReplayEngine::cancellationStopsEarly()
{
    Replay::ReplayRequest request{writeSeededStore(), {}, {}, current(), editedConfig(ReorderChain), 3};
    std::atomic_bool cancel = false;
    Replay::ReplayControl control;
    control.cancel = &cancel;
    control.progress = [&](qint64 done, qint64) {
        if (done >= 3)
            cancel = true;
    };
    const Result<ReplayResult> result = Replay::replayFromStore(request, control);
    QVERIFY(result.ok());
    QVERIFY(result.value().cancelled);
    QCOMPARE(result.value().total, 11); // open range: r10 counts too
    QCOMPARE(result.value().read, 3);
}

void tst_ReplayEngine::emptyRangeGivesZeros()
{
    const QDateTime from(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
    Replay::ReplayRequest request{writeSeededStore(), from, from.addDays(7), current(),
                                  editedConfig(ReorderChain), 2000};
    const Result<ReplayResult> result = Replay::replayFromStore(request);
    QVERIFY(result.ok());
    const ReplayResult &r = result.value();
    QCOMPARE(r.total, 0);
    QCOMPARE(r.considered, 0);
    QCOMPARE(r.changed + r.unchanged + r.unroutable, 0);
    QCOMPARE(r.oldCost, 0.0);
    QCOMPARE(r.newCost, 0.0);
    QVERIFY(!r.costChangePercent());
    QVERIFY(r.traffic.isEmpty());
    QVERIFY(!r.cancelled);
}

void tst_ReplayEngine::runnerReportsProgressAndResult()
{
    Replay::ReplayRunner runner;
    QSignalSpy finished(&runner, &Replay::ReplayRunner::finished);
    QSignalSpy progress(&runner, &Replay::ReplayRunner::progress);
    QVERIFY(runner.start({writeSeededStore(), dayStart, dayStart.addDays(1), current(),
                          editedConfig(ReorderChain), 4}));
    QVERIFY(runner.isRunning());
    QVERIFY(!runner.start({})); // one at a time
    QVERIFY(finished.wait(10000));
    QVERIFY(!runner.isRunning());
    const auto r = finished.first().first().value<ReplayResult>();
    QCOMPARE(r.changed, 3);
    QVERIFY(progress.size() >= 2);
    QCOMPARE(progress.last().at(0).toLongLong(), 10);
}

void tst_ReplayEngine::runnerReportsMissingFile()
{
    Replay::ReplayRunner runner;
    QSignalSpy failed(&runner, &Replay::ReplayRunner::failed);
    QVERIFY(runner.start({m_dir->filePath(QStringLiteral("nope.sqlite")), {}, {}, current(),
                          current(), 100}));
    QVERIFY(failed.wait(10000));
    QVERIFY(failed.first().first().toString().contains(QLatin1String("nope.sqlite")));
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("nope.sqlite"))));
}

QTEST_GUILESS_MAIN(tst_ReplayEngine)
#include "tst_replayengine.moc"
