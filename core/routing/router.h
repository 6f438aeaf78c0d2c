// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/result.h"
#include "core/common/routingdecision.h"
#include "core/config/gatewayconfig.h"

#include <QList>
#include <QString>
#include <QStringList>

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

class CircuitBreaker;
class LiveMetrics;

/// What a request asks of the router.
struct RouteQuery
{
    QString requestedModel; ///< body "model"
    QString forcedRoute;    ///< x-switchyard-route header, wins over the model
    qint64 promptTokens = 0;           ///< estimate, for cost scoring and conditions
    qint64 expectedOutputTokens = 512; ///< max_tokens or a default, for cost scoring
    // What conditional routes match on (DESIGN §4).
    QString customer;
    QString project;
    QString feature;
    QStringList tags;
    QString app;           ///< calling application, when known
    bool hasTools = false; ///< the request offers tools
    bool hasImages = false;///< some message carries an image
};

/// Shared state the router reads: live latency/reliability and provider health. Either may
/// be null (tests, first start).
struct RouterState
{
    const LiveMetrics *live = nullptr;
    CircuitBreaker *breaker = nullptr;
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
    explicit Router(Config::ConfigSnapshot config, std::function<double()> random = {},
                    RouterState state = {});

    /// Error codes: "model_not_found" (404), "no_available_model" (503), "route_cycle" (500).
    Result<RoutePlan> plan(const RouteQuery &query, RoutingDecision &decision);

private:
    bool expand(const QString &name, QList<Candidate> &out, QStringList &stack,
                RoutingDecision &decision) const;
    bool addModel(const Config::ModelSettings &model, QList<Candidate> &out,
                  RoutingDecision &decision) const;
    QList<Config::RouteTarget> orderedTargets(const Config::RouteSettings &route,
                                              RoutingDecision &decision) const;
    QList<Config::RouteTarget> scoredTargets(const Config::RouteSettings &route,
                                             RoutingDecision &decision) const;
    QString healthProblem(const QString &provider) const;

    Config::ConfigSnapshot m_config;
    std::function<double()> m_random;
    RouterState m_state;
    RouteQuery m_query; ///< the query being planned, for scoring
};

} // namespace Switchyard::Routing
