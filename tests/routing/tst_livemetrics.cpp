// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/routing/livemetrics.h"
#include "tests/support/fakeclock.h"

#include <QTest>

using namespace Switchyard;
using namespace Switchyard::Routing;

using Source = MetricEstimate::Source;
Q_DECLARE_METATYPE(Source)

namespace {

const QString Model = QStringLiteral("m");

LiveMetricsSettings settings(int minSamples = 5, int maxSamples = 200)
{
    LiveMetricsSettings s;
    s.minSamples = minSamples;
    s.maxSamples = maxSamples;
    s.windowMs = 10 * 60 * 1000;
    s.priorLatencyMs = 2000;
    s.priorTtftMs = 800;
    s.priorSuccessRate = 0.9;
    return s;
}

} // namespace

class tst_LiveMetrics final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void percentiles_data();
    void percentiles();
    void priors_data();
    void priors();
    void oldSamplesDecay();
    void countWindowKeepsNewest();
    void explicitTimestamps();
    void modelsAreSeparate();
};

void tst_LiveMetrics::percentiles_data()
{
    QTest::addColumn<QList<int>>("latencies"); ///< negative: a failed attempt
    QTest::addColumn<QList<int>>("ttfts");     ///< -1: unknown
    QTest::addColumn<double>("p50Latency");
    QTest::addColumn<double>("p50Ttft");
    QTest::addColumn<double>("successRate");

    QTest::newRow("odd count takes the middle")
        << QList<int>{300, 100, 200} << QList<int>{30, 10, 20} << 200.0 << 20.0 << 1.0;
    QTest::newRow("even count averages the middle two")
        << QList<int>{100, 400, 200, 300} << QList<int>{10, 40, 20, 30} << 250.0 << 25.0 << 1.0;
    QTest::newRow("failures count for success rate only")
        << QList<int>{100, -1, 300, -1} << QList<int>{10, -1, 30, -1} << 200.0 << 20.0 << 0.5;
    QTest::newRow("unknown ttft is skipped")
        << QList<int>{100, 200, 300} << QList<int>{-1, -1, 50} << 200.0 << 50.0 << 1.0;
    QTest::newRow("outlier does not move the median")
        << QList<int>{100, 110, 120, 60'000, 130} << QList<int>{5, 5, 5, 5, 5} << 120.0 << 5.0
        << 1.0;
}

void tst_LiveMetrics::percentiles()
{
    QFETCH(QList<int>, latencies);
    QFETCH(QList<int>, ttfts);
    QFETCH(double, p50Latency);
    QFETCH(double, p50Ttft);
    QFETCH(double, successRate);

    Testing::FakeClock clock;
    LiveMetrics live(clock, settings(1));
    for (qsizetype i = 0; i < latencies.size(); ++i) {
        live.record(Model, latencies.at(i) >= 0, latencies.at(i), ttfts.at(i));
        clock.advance(1000);
    }
    QCOMPARE(live.p50Latency(Model).value, p50Latency);
    QCOMPARE(live.p50Latency(Model).source, Source::Observed);
    QCOMPARE(live.p50Ttft(Model).value, p50Ttft);
    QCOMPARE(live.successRate(Model).value, successRate);
    QCOMPARE(live.sampleCount(Model), int(latencies.size()));
}

void tst_LiveMetrics::priors_data()
{
    QTest::addColumn<int>("samples"); ///< successful samples at 1000 ms, all recorded now
    QTest::addColumn<Source>("source");
    QTest::addColumn<double>("latency");
    QTest::addColumn<double>("successRate");
    QTest::addColumn<QString>("describes");

    // Prior 2000 ms / 0.9; minSamples 5: value = (n·observed + (5−n)·prior) / 5.
    QTest::newRow("no traffic: prior alone") << 0 << Source::Prior << 2000.0 << 0.9
                                             << QStringLiteral("no traffic");
    QTest::newRow("one sample: mostly prior") << 1 << Source::Blended << 1800.0 << 0.92
                                              << QStringLiteral("1 sample");
    QTest::newRow("four samples: mostly observed") << 4 << Source::Blended << 1200.0 << 0.98
                                                   << QStringLiteral("4 sample");
    QTest::newRow("enough samples: observed") << 5 << Source::Observed << 1000.0 << 1.0
                                              << QStringLiteral("observed over 5");
}

void tst_LiveMetrics::priors()
{
    QFETCH(int, samples);
    QFETCH(Source, source);
    QFETCH(double, latency);
    QFETCH(double, successRate);
    QFETCH(QString, describes);

    Testing::FakeClock clock;
    LiveMetrics live(clock, settings());
    for (int i = 0; i < samples; ++i) {
        live.record(Model, true, 1000, 100);
    }
    const MetricEstimate l = live.p50Latency(Model);
    QCOMPARE(l.source, source);
    QCOMPARE(l.samples, samples);
    QCOMPARE(l.value, latency);
    QCOMPARE(live.successRate(Model).value, successRate);
    QCOMPARE(live.successRate(Model).source, source);
    QVERIFY2(l.describe().contains(describes), qPrintable(l.describe()));
}

void tst_LiveMetrics::oldSamplesDecay()
{
    Testing::FakeClock clock;
    LiveMetrics live(clock, settings(1));
    live.record(Model, false, 5000, -1);        // t = 0: an old failure
    clock.advance(6 * 60 * 1000);
    live.record(Model, true, 100, 10);          // t = 6 min
    QCOMPARE(live.successRate(Model).value, 0.5);

    clock.advance(5 * 60 * 1000);               // t = 11 min: the failure left the window
    QCOMPARE(live.sampleCount(Model), 1);
    QCOMPARE(live.successRate(Model).value, 1.0);
    QCOMPARE(live.p50Latency(Model).value, 100.0);

    clock.advance(10 * 60 * 1000);              // everything left: back to the prior
    QCOMPARE(live.sampleCount(Model), 0);
    QCOMPARE(live.p50Latency(Model).source, Source::Prior);
    QCOMPARE(live.successRate(Model).value, 0.9);
}

void tst_LiveMetrics::countWindowKeepsNewest()
{
    Testing::FakeClock clock;
    LiveMetrics live(clock, settings(1, 3));
    live.record(Model, false, 100, 10);
    live.record(Model, false, 100, 10);
    live.record(Model, true, 300, 30);
    live.record(Model, true, 500, 50);
    live.record(Model, true, 700, 70);
    QCOMPARE(live.sampleCount(Model), 3);
    QCOMPARE(live.successRate(Model).value, 1.0);
    QCOMPARE(live.p50Latency(Model).value, 500.0);
}

void tst_LiveMetrics::explicitTimestamps()
{
    Testing::FakeClock clock;
    clock.advance(20 * 60 * 1000);
    LiveMetrics live(clock, settings(1));
    live.record(Model, true, 100, 10, clock.monotonicMs() - 11 * 60 * 1000); // already too old
    live.record(Model, true, 300, 30, clock.monotonicMs() - 1000);
    QCOMPARE(live.sampleCount(Model), 1);
    QCOMPARE(live.p50Latency(Model).value, 300.0);
}

void tst_LiveMetrics::modelsAreSeparate()
{
    Testing::FakeClock clock;
    LiveMetrics live(clock, settings(1));
    live.record(QStringLiteral("a"), true, 100, 10);
    live.record(QStringLiteral("b"), false, 900, -1);
    QCOMPARE(live.successRate(QStringLiteral("a")).value, 1.0);
    QCOMPARE(live.successRate(QStringLiteral("b")).value, 0.0);
    QCOMPARE(live.p50Latency(QStringLiteral("b")).source, Source::Prior);
    live.clear();
    QCOMPARE(live.sampleCount(QStringLiteral("a")), 0);
}

QTEST_GUILESS_MAIN(tst_LiveMetrics)
#include "tst_livemetrics.moc"
