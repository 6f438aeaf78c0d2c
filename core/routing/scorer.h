// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/config/gatewayconfig.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Switchyard::Routing {

class LiveMetrics;

/// What the scorer needs to know about the request being routed.
struct ScoreContext
{
    qint64 promptTokens = 0;         ///< estimated prompt tokens of this request
    qint64 expectedOutputTokens = 0; ///< expected completion tokens (e.g. max_tokens or a default)
    const LiveMetrics *live = nullptr; ///< latency / ttft / reliability; null: those are missing
};

/// One metric of one candidate: everything a decision record shows.
struct MetricScore
{
    QString metric;          ///< "mmlu_pro", "cost", "latency", ...
    double weight = 0;       ///< as configured (negative weights are treated as 0)
    bool present = false;    ///< false: the candidate has no value; normalised is 0
    double raw = 0;          ///< score figure, USD for cost, ms for latency/ttft, 0..1 reliability
    double normalised = 0;   ///< 0..1 across the candidates, 1 = best
    double contribution = 0; ///< weight × normalised / weight sum; the contributions add up to total
    bool lowerIsBetter = false; ///< cost, latency, ttft
    QString note; ///< "no figure for gpqa", "prior (no traffic yet)", "all equal", ...
};

/// One candidate's row.
struct ScoreRow
{
    QString model;
    QString provider;
    QList<MetricScore> metrics; ///< in the order of ScoreTable::metrics
    double total = 0;           ///< 0..1
    int rank = 0;               ///< 1 = best
    QStringList missing;        ///< metrics this candidate had no value for

    const MetricScore *metric(const QString &name) const;
};

/// The candidates ranked best first.
struct ScoreTable
{
    QList<ScoreRow> rows; ///< sorted by rank
    QStringList metrics;  ///< the weighted metrics, sorted by name
    double weightSum = 0; ///< sum of the positive weights
    QString tieBreak;     ///< how equal totals were ordered, for the record

    const ScoreRow *best() const { return rows.isEmpty() ? nullptr : &rows.first(); }
    /// Model ids, best first: the winner then the fallback order.
    QStringList ranking() const;
};

/// Live metric names; every other weight key names a benchmark column of ModelSettings::scores.
inline constexpr const char *CostMetric = "cost";
inline constexpr const char *LatencyMetric = "latency";
inline constexpr const char *TtftMetric = "ttft";
inline constexpr const char *ReliabilityMetric = "reliability";

/// Scores the candidates: each metric named in `weights` is min-max normalised across the
/// candidates that have it (cost, latency and ttft inverted; all equal → 1; missing → 0),
/// weighted, summed and divided by the weight sum. Equal totals are ordered by higher
/// reliability, then lower cost, then model id. Null candidates are skipped. Pure.
ScoreTable score(const QList<const Config::ModelSettings *> &candidates,
                 const QMap<QString, double> &weights, const ScoreContext &ctx);

/// Cost in USD of `ctx`'s prompt and output tokens at `price`; nullopt when the price is unknown.
std::optional<double> expectedCost(const Config::Price &price, const ScoreContext &ctx);

} // namespace Switchyard::Routing
