// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/result.h"
#include "core/common/routingdecision.h"
#include "core/config/gatewayconfig.h"

#include <QList>
#include <QString>

#include <functional>

namespace Switchyard::Routing {

/// One model the dispatcher may try, in order.
struct Candidate
{
    QString model;         ///< catalog id, or "provider/upstream" for an ad-hoc model
    QString provider;      ///< provider id
    QString upstreamModel; ///< name sent upstream
    Config::Price price;   ///< unknown for ad-hoc models
};

/// What a request asks of the router.
struct RouteQuery
{
    QString requestedModel; ///< body "model"
    QString forcedRoute;    ///< x-switchyard-route header, wins over the model
};

/// The ordered candidates; the reasons live in the RoutingDecision filled alongside.
struct RoutePlan
{
    QList<Candidate> candidates;
};

/// Resolves a requested model or route into an ordered list of candidates (routing v1:
/// catalog models, provider-qualified models, and fallback / loadbalance routes).
/// Pure: reads one config snapshot, no I/O; safe to call from any thread.
class Router final
{
public:
    /// `random` returns a value in [0, 1); injected so loadbalance is testable.
    explicit Router(Config::ConfigSnapshot config, std::function<double()> random = {});

    /// Error codes: "model_not_found" (404), "no_available_model" (503), "route_cycle" (500).
    Result<RoutePlan> plan(const RouteQuery &query, RoutingDecision &decision) const;

private:
    bool expand(const QString &name, QList<Candidate> &out, QStringList &stack,
                RoutingDecision &decision) const;
    bool addModel(const Config::ModelSettings &model, QList<Candidate> &out,
                  RoutingDecision &decision) const;
    QList<Config::RouteTarget> orderedTargets(const Config::RouteSettings &route,
                                              RoutingDecision &decision) const;

    Config::ConfigSnapshot m_config;
    std::function<double()> m_random;
};

} // namespace Switchyard::Routing
