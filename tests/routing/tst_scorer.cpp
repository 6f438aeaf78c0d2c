// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/routing/livemetrics.h"
#include "core/routing/scorer.h"
#include "tests/support/fakeclock.h"

#include <QTest>

using namespace Switchyard;
using namespace Switchyard::Routing;

using Models = QList<Config::ModelSettings>;
using Weights = QMap<QString, double>;
Q_DECLARE_METATYPE(Config::ModelSettings)

namespace {

/// A model with `scores` and, when `input` ≥ 0, a known price (USD per 1M tokens).
Config::ModelSettings model(const char *id, const Weights &scores = {}, double input = -1,
                            double output = -1)
{
    Config::ModelSettings m;
    m.id = QLatin1String(id);
    m.provider = QStringLiteral("p");
    m.scores = scores;
    if (input >= 0) {
        m.price.known = true;
        m.price.input = input;
        m.price.output = output >= 0 ? output : input;
    }
    return m;
}

QList<const Config::ModelSettings *> pointers(const Models &models)
{
    QList<const Config::ModelSettings *> out;
    for (const Config::ModelSettings &m : models) {
        out.append(&m);
    }
    return out;
}

Weights w(std::initializer_list<std::pair<const char *, double>> items)
{
    Weights out;
    for (const auto &[key, value] : items) {
        out.insert(QLatin1String(key), value);
    }
    return out;
}

QList<double> totals(const ScoreTable &table)
{
    QList<double> out;
    for (const ScoreRow &row : table.rows) {
        out.append(row.total);
    }
    return out;
}

} // namespace

class tst_Scorer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ranking_data();
    void ranking();
    void rowDetails();
    void costUsesThisRequestsTokens();
    void liveMetricsAreInvertedAndTieBreak();
    void liveMetricsMissingWithoutSource();
    void nullCandidatesAreSkipped();
};

void tst_Scorer::ranking_data()
{
    QTest::addColumn<Models>("models");
    QTest::addColumn<Weights>("weights");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QList<double>>("expectedTotals");

    QTest::newRow("higher benchmark wins")
        << Models{model("b", w({{"mmlu_pro", 60}})), model("a", w({{"mmlu_pro", 80}}))}
        << w({{"mmlu_pro", 1}}) << QStringList{"a", "b"} << QList<double>{1, 0};
    QTest::newRow("middle value normalised linearly")
        << Models{model("a", w({{"gpqa", 40}})), model("b", w({{"gpqa", 50}})),
                  model("c", w({{"gpqa", 80}}))}
        << w({{"gpqa", 2}}) << QStringList{"c", "b", "a"} << QList<double>{1, 0.25, 0};
    QTest::newRow("cost inverted: cheaper wins")
        << Models{model("a", {}, 10), model("b", {}, 1), model("c", {}, 5.5)}
        << w({{"cost", 1}}) << QStringList{"b", "c", "a"} << QList<double>{1, 0.5, 0};
    QTest::newRow("missing metric scores zero")
        << Models{model("a", w({{"gpqa", 50}, {"mmlu_pro", 70}})), model("b", w({{"mmlu_pro", 80}})),
                  model("c", w({{"gpqa", 40}, {"mmlu_pro", 60}}))}
        << w({{"gpqa", 1}, {"mmlu_pro", 1}}) << QStringList{"a", "b", "c"}
        << QList<double>{0.75, 0.5, 0};
    QTest::newRow("all equal gives everyone full marks")
        << Models{model("b", w({{"mmlu_pro", 70}})), model("a", w({{"mmlu_pro", 70}}))}
        << w({{"mmlu_pro", 1}}) << QStringList{"a", "b"} << QList<double>{1, 1};
    QTest::newRow("tie broken by lower cost before id")
        << Models{model("a", w({{"mmlu_pro", 70}}), 3), model("b", w({{"mmlu_pro", 70}}), 1)}
        << w({{"mmlu_pro", 1}}) << QStringList{"b", "a"} << QList<double>{1, 1};
    QTest::newRow("unknown price loses the cost tie-break")
        << Models{model("a", w({{"mmlu_pro", 70}})), model("b", w({{"mmlu_pro", 70}}), 9)}
        << w({{"mmlu_pro", 1}}) << QStringList{"b", "a"} << QList<double>{1, 1};
    QTest::newRow("tie broken by model id")
        << Models{model("zeta", {}, 1), model("alpha", {}, 1), model("mid", {}, 1)}
        << w({{"cost", 1}}) << QStringList{"alpha", "mid", "zeta"} << QList<double>{1, 1, 1};
    QTest::newRow("zero weight is ignored")
        << Models{model("smart", w({{"mmlu_pro", 90}}), 10), model("cheap", w({{"mmlu_pro", 50}}), 1)}
        << w({{"mmlu_pro", 0}, {"cost", 1}}) << QStringList{"cheap", "smart"}
        << QList<double>{1, 0};
    QTest::newRow("negative weight counts as zero")
        << Models{model("smart", w({{"mmlu_pro", 90}}), 10), model("cheap", w({{"mmlu_pro", 50}}), 1)}
        << w({{"mmlu_pro", -5}, {"cost", 1}}) << QStringList{"cheap", "smart"}
        << QList<double>{1, 0};
    QTest::newRow("all weights zero: totals 0, tie-break decides")
        << Models{model("smart", w({{"mmlu_pro", 90}}), 10), model("cheap", w({{"mmlu_pro", 50}}), 1)}
        << w({{"mmlu_pro", 0}}) << QStringList{"cheap", "smart"} << QList<double>{0, 0};
    QTest::newRow("no weights at all")
        << Models{model("b"), model("a")} << Weights{} << QStringList{"a", "b"}
        << QList<double>{0, 0};
    QTest::newRow("weights trade quality against cost")
        << Models{model("smart", w({{"mmlu_pro", 90}}), 10), model("cheap", w({{"mmlu_pro", 60}}), 1)}
        << w({{"mmlu_pro", 1}, {"cost", 3}}) << QStringList{"cheap", "smart"}
        << QList<double>{0.75, 0.25};
    QTest::newRow("single candidate gets full marks")
        << Models{model("only", w({{"gpqa", 12}}), 4)} << w({{"gpqa", 1}, {"cost", 1}})
        << QStringList{"only"} << QList<double>{1};
    QTest::newRow("single candidate missing the metric")
        << Models{model("only")} << w({{"gpqa", 1}}) << QStringList{"only"} << QList<double>{0};
    QTest::newRow("unknown price is a missing cost")
        << Models{model("unpriced"), model("priced", {}, 50)} << w({{"cost", 1}})
        << QStringList{"priced", "unpriced"} << QList<double>{1, 0};
    QTest::newRow("free local model beats paid")
        << Models{model("paid", {}, 0.15, 0.6), model("local", {}, 0)} << w({{"cost", 1}})
        << QStringList{"local", "paid"} << QList<double>{1, 0};
}

void tst_Scorer::ranking()
{
    QFETCH(Models, models);
    QFETCH(Weights, weights);
    QFETCH(QStringList, expected);
    QFETCH(QList<double>, expectedTotals);

    ScoreContext ctx;
    ctx.promptTokens = 1000;
    ctx.expectedOutputTokens = 500;
    const ScoreTable table = score(pointers(models), weights, ctx);
    QCOMPARE(table.ranking(), expected);
    const QList<double> got = totals(table);
    QCOMPARE(got.size(), expectedTotals.size());
    for (qsizetype i = 0; i < got.size(); ++i) {
        QVERIFY2(qAbs(got.at(i) - expectedTotals.at(i)) < 1e-9,
                 qPrintable(QStringLiteral("row %1: %2 != %3")
                                .arg(i)
                                .arg(got.at(i))
                                .arg(expectedTotals.at(i))));
        QCOMPARE(table.rows.at(i).rank, int(i + 1));
    }
}

void tst_Scorer::rowDetails()
{
    const Models models{model("a", w({{"gpqa", 50}, {"mmlu_pro", 70}}), 2, 8),
                        model("b", w({{"mmlu_pro", 80}}), 1, 4)};
    ScoreContext ctx;
    ctx.promptTokens = 1000;
    ctx.expectedOutputTokens = 1000;
    const ScoreTable table = score(pointers(models), w({{"gpqa", 1}, {"mmlu_pro", 1}, {"cost", 2}}),
                                   ctx);
    QCOMPARE(table.metrics, (QStringList{"cost", "gpqa", "mmlu_pro"}));
    QCOMPARE(table.weightSum, 4.0);
    QVERIFY(!table.tieBreak.isEmpty());

    const ScoreRow &b = table.rows.at(0); // 0.5 (cost) + 0.25 (mmlu) = 0.75 vs a: 0.25
    QCOMPARE(b.model, QStringLiteral("b"));
    QCOMPARE(b.missing, QStringList{"gpqa"});
    const MetricScore *gpqa = b.metric(QStringLiteral("gpqa"));
    QVERIFY(gpqa);
    QVERIFY(!gpqa->present);
    QCOMPARE(gpqa->normalised, 0.0);
    QVERIFY(gpqa->note.contains(QLatin1String("gpqa")));
    const MetricScore *cost = b.metric(QStringLiteral("cost"));
    QVERIFY(cost && cost->present && cost->lowerIsBetter);
    QCOMPARE(cost->raw, 0.005);
    QCOMPARE(cost->normalised, 1.0);
    QCOMPARE(cost->weight, 2.0);
    QCOMPARE(cost->contribution, 0.5);
    double sum = 0;
    for (const MetricScore &m : b.metrics) {
        sum += m.contribution;
    }
    QCOMPARE(sum, b.total);
    QCOMPARE(b.total, 0.75);

    const ScoreRow &a = table.rows.at(1);
    QCOMPARE(a.model, QStringLiteral("a"));
    QVERIFY(a.missing.isEmpty());
    QCOMPARE(a.metric(QStringLiteral("cost"))->raw, 0.01);
    QCOMPARE(a.metric(QStringLiteral("cost"))->normalised, 0.0);
    QCOMPARE(a.metric(QStringLiteral("gpqa"))->normalised, 1.0);
    QVERIFY(a.metric(QStringLiteral("gpqa"))->note.contains(QLatin1String("equal")));
    QCOMPARE(a.total, 0.25);
}

void tst_Scorer::costUsesThisRequestsTokens()
{
    // Input-heavy request favours the model with cheap input; output-heavy the other one.
    const Models models{model("cheap-in", {}, 1, 20), model("cheap-out", {}, 10, 2)};
    ScoreContext longPrompt;
    longPrompt.promptTokens = 100'000;
    longPrompt.expectedOutputTokens = 100;
    QCOMPARE(score(pointers(models), w({{"cost", 1}}), longPrompt).ranking(),
             (QStringList{"cheap-in", "cheap-out"}));
    ScoreContext longAnswer;
    longAnswer.promptTokens = 100;
    longAnswer.expectedOutputTokens = 100'000;
    QCOMPARE(score(pointers(models), w({{"cost", 1}}), longAnswer).ranking(),
             (QStringList{"cheap-out", "cheap-in"}));

    Config::Price price;
    QVERIFY(!expectedCost(price, longPrompt).has_value());
    price.known = true;
    price.input = 2;
    price.output = 8;
    QCOMPARE(*expectedCost(price, longPrompt), (100'000 * 2 + 100 * 8) / 1e6);
}

void tst_Scorer::liveMetricsAreInvertedAndTieBreak()
{
    Testing::FakeClock clock;
    LiveMetricsSettings settings;
    settings.minSamples = 1;
    LiveMetrics live(clock, settings);
    live.record(QStringLiteral("fast"), true, 200, 50);
    live.record(QStringLiteral("slow"), true, 1000, 400);
    live.record(QStringLiteral("flaky"), true, 200, 50);
    live.record(QStringLiteral("flaky"), false, 0, -1);

    const Models models{model("slow"), model("fast"), model("flaky")};
    ScoreContext ctx;
    ctx.live = &live;
    const ScoreTable latency = score(pointers(models), w({{"latency", 1}, {"ttft", 1}}), ctx);
    // fast and flaky have equal latency/ttft; fast wins the tie on reliability.
    QCOMPARE(latency.ranking(), (QStringList{"fast", "flaky", "slow"}));
    QCOMPARE(latency.rows.at(0).metric(QStringLiteral("latency"))->raw, 200.0);
    QCOMPARE(latency.rows.at(2).total, 0.0);

    const ScoreTable reliability = score(pointers(models), w({{"reliability", 1}}), ctx);
    QCOMPARE(reliability.rows.last().model, QStringLiteral("flaky"));
    QCOMPARE(reliability.rows.last().metric(QStringLiteral("reliability"))->raw, 0.5);
    QVERIFY(reliability.rows.last().metric(QStringLiteral("reliability"))
                ->note.contains(QLatin1String("observed")));
}

void tst_Scorer::liveMetricsMissingWithoutSource()
{
    const Models models{model("a"), model("b")};
    const ScoreTable table = score(pointers(models), w({{"latency", 1}}), ScoreContext{});
    for (const ScoreRow &row : table.rows) {
        QCOMPARE(row.missing, QStringList{"latency"});
        QCOMPARE(row.total, 0.0);
    }
}

void tst_Scorer::nullCandidatesAreSkipped()
{
    const Config::ModelSettings a = model("a", w({{"gpqa", 1}}));
    const ScoreTable table = score({nullptr, &a, nullptr}, w({{"gpqa", 1}}), ScoreContext{});
    QCOMPARE(table.ranking(), QStringList{"a"});
    QVERIFY(table.best());
    QCOMPARE(table.best()->total, 1.0);
    QVERIFY(!score({}, w({{"gpqa", 1}}), ScoreContext{}).best());
}

QTEST_GUILESS_MAIN(tst_Scorer)
#include "tst_scorer.moc"
