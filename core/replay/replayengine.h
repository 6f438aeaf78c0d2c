// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/logrecord.h"
#include "core/config/gatewayconfig.h"
#include "core/replay/replayresult.h"
#include "core/routing/router.h"

#include <QString>

#include <optional>

namespace Switchyard::Routing {
class LiveMetrics;
}

namespace Switchyard::Replay {

/// Re-routes logged requests under an edited config and tallies what would change.
///
/// Pure and deterministic: no I/O, no clock, no shared state. For each record:
/// - old winner: the model that served it (LogRecord::model); for a failed request, the
///   first eligible candidate of its logged decision (what routing chose before providers
///   failed), else LogRecord::model;
/// - new winner: the first candidate of Router(edited).plan() for a RouteQuery rebuilt from
///   the record's stored traits (see queryFor()). Loadbalance draws use a random sequence
///   seeded from the request id, so a replay always gives the same answer. Provider health
///   (circuit breakers) is ignored; live latency/ttft/reliability come from the optional
///   `live` snapshot (null: those metrics are missing for every model and do not move the
///   ranking);
/// - only the edit counts as a change: when the new winner differs from the old one but
///   Router(current) with the same query and draws picks that same new winner, the
///   difference comes from chance or live metrics, not from the edit, and the request stays
///   with its old winner (so replaying an unedited config changes nothing).
/// Costs are described on ReplayResult.
class ReplayEngine final
{
public:
    /// How many changed requests the result keeps as examples.
    static constexpr int maxExamples = 20;

    ReplayEngine(Config::ConfigSnapshot current, Config::ConfigSnapshot edited,
                 const Routing::LiveMetrics *live = nullptr);

    /// Adds one request to the result.
    void add(const LogRecord &record);
    void addAll(const LogRecordList &records);

    ReplayResult &result() { return m_result; }
    const ReplayResult &result() const { return m_result; }

    /// Convenience: replays \a records in one go.
    static ReplayResult replay(const LogRecordList &records, Config::ConfigSnapshot current,
                               Config::ConfigSnapshot edited);

    /// The query the record was routed with, as far as the log tells: requested model (empty:
    /// the default route of the config replayed against), the route as forced route when the
    /// logged route differs from a non-empty requested model (x-switchyard-route), customer,
    /// project, feature, tags, app, tools, images, prompt token estimate (falling back to
    /// request bytes / 4 for rows logged before the estimate was stored) and max_tokens.
    static Routing::RouteQuery queryFor(const LogRecord &record);
    /// False for requests that were never routed (no model, route or requested model).
    static bool isRouted(const LogRecord &record);
    /// See the class comment.
    static QString oldWinner(const LogRecord &record);
    /// A [0, 1) sequence that depends only on \a seed.
    static std::function<double()> seededRandom(const QString &seed);

private:
    std::optional<double> priceOf(const Config::GatewayConfig &config, const QString &model,
                                  const Usage &usage) const;

    Config::ConfigSnapshot m_current;
    Config::ConfigSnapshot m_edited;
    const Routing::LiveMetrics *m_live = nullptr;
    ReplayResult m_result;
};

} // namespace Switchyard::Replay
