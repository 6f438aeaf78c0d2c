// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/routing/scorer.h"

#include "core/common/tr.h"
#include "core/routing/livemetrics.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Switchyard::Routing {

namespace {

constexpr double Epsilon = 1e-9;

struct RawValue
{
    bool present = false;
    double value = 0;
    QString note;
};

bool isLowerBetter(const QString &metric)
{
    return metric == QLatin1String(CostMetric) || metric == QLatin1String(LatencyMetric)
           || metric == QLatin1String(TtftMetric);
}

RawValue fromEstimate(const MetricEstimate &e)
{
    return RawValue{true, e.value, e.describe()};
}

RawValue rawValue(const Config::ModelSettings &model, const QString &metric, const ScoreContext &ctx)
{
    if (metric == QLatin1String(CostMetric)) {
        if (const auto cost = expectedCost(model.price, ctx)) {
            return RawValue{true, *cost, {}};
        }
        return RawValue{false, 0, Tr::tr("no price")};
    }
    const bool live = metric == QLatin1String(LatencyMetric) || metric == QLatin1String(TtftMetric)
                      || metric == QLatin1String(ReliabilityMetric);
    if (live) {
        if (!ctx.live) {
            return RawValue{false, 0, Tr::tr("no live metrics")};
        }
        if (metric == QLatin1String(LatencyMetric)) {
            return fromEstimate(ctx.live->p50Latency(model.id));
        }
        if (metric == QLatin1String(TtftMetric)) {
            return fromEstimate(ctx.live->p50Ttft(model.id));
        }
        return fromEstimate(ctx.live->successRate(model.id));
    }
    const auto it = model.scores.constFind(metric);
    if (it == model.scores.constEnd() || !std::isfinite(*it)) {
        return RawValue{false, 0, Tr::tr("no figure for %1").arg(metric)};
    }
    return RawValue{true, *it, {}};
}

/// Reliability and cost for tie-breaking, whether or not they are weighted.
struct TieKeys
{
    double reliability = 0;
    double cost = std::numeric_limits<double>::infinity();
};

TieKeys tieKeys(const Config::ModelSettings &model, const ScoreContext &ctx)
{
    TieKeys keys;
    if (ctx.live) {
        keys.reliability = ctx.live->successRate(model.id).value;
    }
    if (const auto cost = expectedCost(model.price, ctx)) {
        keys.cost = *cost;
    }
    return keys;
}

void normalise(QList<ScoreRow> &rows, qsizetype column)
{
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    for (const ScoreRow &row : rows) {
        const MetricScore &m = row.metrics.at(column);
        if (m.present) {
            lo = std::min(lo, m.raw);
            hi = std::max(hi, m.raw);
        }
    }
    for (ScoreRow &row : rows) {
        MetricScore &m = row.metrics[column];
        if (!m.present) {
            m.normalised = 0;
            continue;
        }
        if (hi - lo <= Epsilon * std::max(1.0, std::abs(hi))) {
            // One value, or all the same: nobody is worse, so everybody gets full marks.
            m.normalised = 1;
            if (m.note.isEmpty()) {
                m.note = Tr::tr("all equal");
            }
            continue;
        }
        const double t = (m.raw - lo) / (hi - lo);
        m.normalised = m.lowerIsBetter ? 1.0 - t : t;
    }
}

} // namespace

const MetricScore *ScoreRow::metric(const QString &name) const
{
    for (const MetricScore &m : metrics) {
        if (m.metric == name) {
            return &m;
        }
    }
    return nullptr;
}

QStringList ScoreTable::ranking() const
{
    QStringList out;
    out.reserve(rows.size());
    for (const ScoreRow &row : rows) {
        out.append(row.model);
    }
    return out;
}

std::optional<double> expectedCost(const Config::Price &price, const ScoreContext &ctx)
{
    if (!price.known) {
        return std::nullopt;
    }
    const double prompt = double(std::max<qint64>(0, ctx.promptTokens));
    const double output = double(std::max<qint64>(0, ctx.expectedOutputTokens));
    return (prompt * price.input + output * price.output) / 1e6;
}

ScoreTable score(const QList<const Config::ModelSettings *> &candidates,
                 const QMap<QString, double> &weights, const ScoreContext &ctx)
{
    ScoreTable table;
    table.metrics = weights.keys(); // QMap keys are sorted: a stable column order
    for (auto it = weights.constBegin(); it != weights.constEnd(); ++it) {
        if (std::isfinite(*it) && *it > 0) {
            table.weightSum += *it;
        }
    }

    QHash<QString, TieKeys> keys;
    for (const Config::ModelSettings *model : candidates) {
        if (!model) {
            continue;
        }
        ScoreRow row;
        row.model = model->id;
        row.provider = model->provider;
        for (const QString &name : std::as_const(table.metrics)) {
            const double w = weights.value(name);
            const RawValue raw = rawValue(*model, name, ctx);
            MetricScore m;
            m.metric = name;
            m.weight = (std::isfinite(w) && w > 0) ? w : 0;
            m.present = raw.present;
            m.raw = raw.value;
            m.note = raw.note;
            m.lowerIsBetter = isLowerBetter(name);
            if (!raw.present) {
                row.missing.append(name);
            }
            row.metrics.append(m);
        }
        keys.insert(model->id, tieKeys(*model, ctx));
        table.rows.append(row);
    }

    for (qsizetype c = 0; c < table.metrics.size(); ++c) {
        normalise(table.rows, c);
    }
    for (ScoreRow &row : table.rows) {
        row.total = 0;
        for (MetricScore &m : row.metrics) {
            m.contribution = table.weightSum > 0 ? m.weight * m.normalised / table.weightSum : 0;
            row.total += m.contribution;
        }
    }

    std::stable_sort(table.rows.begin(), table.rows.end(),
                     [&keys](const ScoreRow &a, const ScoreRow &b) {
                         if (std::abs(a.total - b.total) > Epsilon) {
                             return a.total > b.total;
                         }
                         const TieKeys ka = keys.value(a.model);
                         const TieKeys kb = keys.value(b.model);
                         if (std::abs(ka.reliability - kb.reliability) > Epsilon) {
                             return ka.reliability > kb.reliability;
                         }
                         if (ka.cost != kb.cost) {
                             return ka.cost < kb.cost;
                         }
                         return a.model < b.model;
                     });
    for (qsizetype i = 0; i < table.rows.size(); ++i) {
        table.rows[i].rank = int(i + 1);
    }
    table.tieBreak = Tr::tr("equal totals are ordered by higher reliability, then lower cost, "
                            "then model id");
    return table;
}

} // namespace Switchyard::Routing
