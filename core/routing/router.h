// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/result.h"
#include "core/common/routingdecision.h"
#include "core/config/gatewayconfig.h"
#include "core/routing/candidatefilter.h"
#include "core/routing/conditions.h"

#include <QHash>
#include <QList>
#include <QSet>
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
    QString customer{};
    QString project{};
    QString feature{};
    QStringList tags{};
    QString app{};         ///< calling application, when known
    bool hasTools = false; ///< the request offers tools
    bool hasImages = false;///< some message carries an image

    /// Copies the attribution and request traits from anything that carries them under the
    /// same names (Pipeline::Exchange for live requests, LogRecord for replays).
    template<typename Source>
    void setTraits(const Source &source)
    {
        customer = source.customer;
        project = source.project;
        feature = source.feature;
        tags = source.tags;
        app = source.app;
        hasTools = source.hasTools;
        hasImages = source.hasImages;
        if (source.expectedOutputTokens > 0)
            expectedOutputTokens = source.expectedOutputTokens;
    }

    RequestTraits traits() const;
    RequestNeeds needs() const;
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

/// Resolves a requested model or route into an ordered list of candidates: catalog models,
/// provider-qualified models, and fallback / loadbalance / score / conditional routes.
/// Candidates whose provider is unusable (no key, open circuit) or that cannot serve the
/// request (capabilities, context window; see unmetNeed()) are removed before ordering and
/// recorded with the reason. Reads one config snapshot, no I/O. One Router may plan many
/// requests in turn (conditions are compiled once per Router); it is not thread-safe.
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
    const Config::ModelSettings *findModel(const QString &id) const;
    QString healthProblem(const QString &provider) const;
    QString modelProblem(const Config::ModelSettings &model) const;
    QList<Config::RouteTarget> conditionalTarget(const Config::RouteSettings &route,
                                                 RoutingDecision &decision) const;

    /// A conditional route's compiled rules; `error` is set for a rule the validator missed.
    struct CompiledRules
    {
        QList<ConditionalRule> rules;
        QString error;
    };

    Config::ConfigSnapshot m_config;
    std::function<double()> m_random;
    RouterState m_state;
    RouteQuery m_query; ///< the query being planned, for scoring
    RequestTraits m_traits; ///< m_query's traits, for conditions
    RequestNeeds m_needs;   ///< m_query's needs, for the filters
    QHash<QString, const Config::ModelSettings *> m_models; ///< id → model of m_config
    mutable QSet<QString> m_added;                  ///< models already in the plan, per plan()
    mutable QHash<QString, QString> m_health;       ///< provider → problem, per plan()
    mutable QHash<QString, CompiledRules> m_rules; ///< route name → rules, per Router
};

} // namespace Switchyard::Routing
