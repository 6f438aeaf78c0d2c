// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Switchyard::Replay {

/// Requests one model served before and would serve under the edited config.
struct ModelTraffic
{
    QString model;
    qint64 before = 0;
    qint64 after = 0;

    qint64 delta() const { return after - before; }
};

/// One request whose winner would change (or that could no longer be routed).
struct ChangedRequest
{
    QString requestId;
    QDateTime startedAt;
    QString requested; ///< requested model or route as logged ("" = the default route)
    QString oldModel;
    QString newModel;  ///< empty when the edited config cannot route it
    QString reason;    ///< why not, when newModel is empty
    std::optional<double> oldCost;
    std::optional<double> newCost;
};

/// What a what-if replay found. Every request read is either skipped (never routed, e.g.
/// GET /v1/models) or considered; every considered one is exactly one of changed, unchanged
/// or unroutable.
///
/// Costs: both sides are recomputed from the request's logged token classes (input, cache
/// read, cache write, output) with Pipeline::requestCost: the old side at the *current*
/// config's price of the model that served it, the new side at the *edited* config's price
/// of the new winner. A request enters the totals only when both sides are known; the rest
/// are counted in noUsage (no token counts logged, e.g. a failed request) or unknownPrice
/// (a model without a price), never as $0. loggedCost sums the cost_usd the log holds for
/// the priced requests, for reference.
struct ReplayResult
{
    qint64 total = 0;      ///< rows in the range when the replay started
    qint64 read = 0;       ///< rows read (== total unless cancelled or rows arrived late)
    qint64 skipped = 0;
    qint64 considered = 0;
    qint64 changed = 0;
    qint64 unchanged = 0;
    qint64 unroutable = 0;
    QMap<QString, qint64> unroutableReasons; ///< router error code → requests

    qint64 priced = 0;       ///< requests in oldCost/newCost
    qint64 noUsage = 0;      ///< considered, routable, no token counts logged
    qint64 unknownPrice = 0; ///< considered, routable, old or new model has no price
    double oldCost = 0;      ///< USD
    double newCost = 0;      ///< USD
    double loggedCost = 0;   ///< USD, logged cost of the priced requests that had one

    QMap<QString, ModelTraffic> traffic; ///< by model id; "" never appears
    QList<ChangedRequest> examples;      ///< the first few changed / unroutable requests
    bool cancelled = false;

    double costDifference() const { return newCost - oldCost; }
    /// Relative change in percent; nullopt when nothing was priced at a non-zero cost.
    std::optional<double> costChangePercent() const
    {
        if (oldCost <= 0)
            return std::nullopt;
        return (newCost - oldCost) / oldCost * 100.0;
    }
    /// Models sorted by the larger of before/after, descending, then by id.
    QList<ModelTraffic> trafficByVolume() const;
};

} // namespace Switchyard::Replay

Q_DECLARE_METATYPE(Switchyard::Replay::ReplayResult)
