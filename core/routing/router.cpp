// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/routing/router.h"

#include "core/common/tr.h"
#include "core/routing/circuitbreaker.h"
#include "core/routing/scorer.h"

#include <QJsonArray>

#include <QRandomGenerator>

namespace Switchyard::Routing {

namespace {

/// Score rows recorded with every metric; lower ranks keep model, rank and total only.
constexpr int s_detailedScoreRows = 20;

QString providerProblem(const Config::ProviderSettings *provider)
{
    if (!provider)
        return Tr::tr("its provider is not configured");
    if (provider->kind == QLatin1String("simulated"))
        return {};
    if (provider->apiKey.isEmpty()) {
        if (!provider->apiKeyEnv.isEmpty())
            return Tr::tr("provider '%1' has no API key (set %2)").arg(provider->id, provider->apiKeyEnv);
        return Tr::tr("provider '%1' has no API key").arg(provider->id);
    }
    return {};
}

} // namespace

RequestTraits RouteQuery::traits() const
{
    return {customer, project, feature, tags, app, hasTools, hasImages, promptTokens};
}

RequestNeeds RouteQuery::needs() const
{
    return {hasTools, hasImages, promptTokens, expectedOutputTokens};
}

Router::Router(Config::ConfigSnapshot config, std::function<double()> random, RouterState state)
    : m_config(std::move(config))
    , m_random(random ? std::move(random) : [] { return QRandomGenerator::global()->generateDouble(); })
    , m_state(state)
{
    // Routes name models by id; with hundreds of catalog models a linear search per name
    // would dominate a score route's planning time.
    m_models.reserve(m_config->models.size());
    for (const Config::ModelSettings &model : m_config->models)
        m_models.insert(model.id, &model);
}

const Config::ModelSettings *Router::findModel(const QString &id) const
{
    return m_models.value(id, nullptr);
}

QString Router::healthProblem(const QString &provider) const
{
    // allow() takes a half-open circuit's probe slot, so ask once per provider and plan.
    if (const auto it = m_health.constFind(provider); it != m_health.constEnd())
        return *it;
    QString problem;
    if (m_state.breaker && !m_state.breaker->allow(provider))
        problem = Tr::tr("provider '%1' skipped: %2").arg(provider, m_state.breaker->reason(provider));
    m_health.insert(provider, problem);
    return problem;
}

QString Router::modelProblem(const Config::ModelSettings &model) const
{
    QString problem = providerProblem(m_config->provider(model.provider));
    if (problem.isEmpty())
        problem = healthProblem(model.provider);
    if (problem.isEmpty())
        problem = unmetNeed(model, m_needs);
    return problem;
}

Result<RoutePlan> Router::plan(const RouteQuery &query, RoutingDecision &decision)
{
    const Config::GatewayConfig &config = *m_config;
    m_query = query;
    m_traits = query.traits();
    m_needs = query.needs();
    m_health.clear();
    m_added.clear();
    QString name = query.requestedModel;
    decision.requestedModel = query.requestedModel;
    if (!query.forcedRoute.isEmpty()) {
        decision.reasons.append(Tr::tr("route forced by x-switchyard-route: %1").arg(query.forcedRoute));
        name = query.forcedRoute;
        if (!config.route(name))
            return Error{QStringLiteral("model_not_found"),
                         Tr::tr("route '%1' named in x-switchyard-route does not exist").arg(name)};
    } else if (name.isEmpty()) {
        name = config.defaultRoute;
        decision.reasons.append(Tr::tr("no model given: using the default route '%1'").arg(name));
    }

    RoutePlan plan;
    QStringList stack;
    if (const Config::RouteSettings *route = config.route(name)) {
        decision.route = route->name;
        decision.strategy = route->strategy;
        if (!expand(name, plan.candidates, stack, decision))
            return Error{QStringLiteral("route_cycle"),
                         Tr::tr("route '%1' refers back to itself: %2").arg(name, stack.join(QLatin1String(" → ")))};
    } else if (const Config::ModelSettings *model = findModel(name)) {
        decision.strategy = QStringLiteral("direct");
        addModel(*model, plan.candidates, decision);
    } else if (const qsizetype slash = name.indexOf(QLatin1Char('/')); slash > 0) {
        // "provider/model": a catalog entry of that provider, else an ad-hoc upstream name.
        const QString providerId = name.left(slash);
        const QString upstream = name.mid(slash + 1);
        const Config::ProviderSettings *provider = config.provider(providerId);
        if (!provider)
            return Error{QStringLiteral("model_not_found"),
                         Tr::tr("model '%1' is unknown: no provider '%2' is configured").arg(name, providerId)};
        decision.strategy = QStringLiteral("direct");
        bool found = false;
        for (const Config::ModelSettings &model : config.models) {
            if (model.provider == providerId && (model.id == upstream || model.upstream == upstream)) {
                addModel(model, plan.candidates, decision);
                found = true;
                break;
            }
        }
        if (!found) {
            const QString problem = providerProblem(provider);
            decision.candidates.append({name, providerId, problem.isEmpty(), problem.isEmpty()
                                            ? Tr::tr("provider-qualified model outside the catalog: price unknown")
                                            : problem});
            if (problem.isEmpty())
                plan.candidates.append({name, providerId, upstream, {}});
        }
    } else {
        QStringList known;
        for (const Config::RouteSettings &route : config.routes)
            known.append(route.name);
        for (const Config::ModelSettings &model : config.models)
            known.append(model.id);
        return Error{QStringLiteral("model_not_found"),
                     Tr::tr("model '%1' is neither a catalog model nor a route; available: %2")
                         .arg(name, known.join(QLatin1String(", ")))};
    }

    if (plan.candidates.isEmpty()) {
        QStringList why;
        for (const CandidateRecord &c : decision.candidates)
            why.append(QStringLiteral("%1: %2").arg(c.model, c.reason));
        return Error{QStringLiteral("no_available_model"),
                     Tr::tr("no model can serve '%1': %2").arg(name, why.join(QLatin1String("; ")))};
    }
    return plan;
}

bool Router::expand(const QString &name, QList<Candidate> &out, QStringList &stack,
                    RoutingDecision &decision) const
{
    const Config::GatewayConfig &config = *m_config;
    if (const Config::ModelSettings *model = findModel(name)) {
        addModel(*model, out, decision);
        return true;
    }
    const Config::RouteSettings *route = config.route(name);
    if (!route)
        return true; // validated configs never get here
    if (stack.contains(name)) {
        stack.append(name);
        return false;
    }
    stack.append(name);
    for (const Config::RouteTarget &target : orderedTargets(*route, decision)) {
        if (!expand(target.name, out, stack, decision))
            return false;
    }
    stack.removeLast();
    return true;
}

QList<Config::RouteTarget> Router::orderedTargets(const Config::RouteSettings &route,
                                                  RoutingDecision &decision) const
{
    if (route.strategy == QLatin1String("loadbalance")) {
        // Weighted draw without replacement: the first pick serves, the rest are its fallbacks.
        QList<Config::RouteTarget> pool = route.targets;
        QList<Config::RouteTarget> ordered;
        while (!pool.isEmpty()) {
            double total = 0;
            for (const Config::RouteTarget &t : pool)
                total += t.weight;
            double point = m_random() * total;
            qsizetype pick = pool.size() - 1;
            for (qsizetype i = 0; i < pool.size(); ++i) {
                point -= pool[i].weight;
                if (point < 0) {
                    pick = i;
                    break;
                }
            }
            ordered.append(pool.takeAt(pick));
        }
        if (!ordered.isEmpty())
            decision.reasons.append(Tr::tr("%1: weighted draw picked %2").arg(route.name, ordered.first().name));
        return ordered;
    }
    if (route.strategy == QLatin1String("score"))
        return scoredTargets(route, decision);
    if (route.strategy == QLatin1String("conditional"))
        return conditionalTarget(route, decision);
    return route.targets;
}

QList<Config::RouteTarget> Router::conditionalTarget(const Config::RouteSettings &route,
                                                     RoutingDecision &decision) const
{
    auto it = m_rules.find(route.name);
    if (it == m_rules.end()) {
        CompiledRules compiled;
        Result<QList<ConditionalRule>> rules = compileRules(route.conditions, route.name + QStringLiteral(".conditions"));
        if (rules.ok())
            compiled.rules = std::move(rules).value();
        else
            compiled.error = rules.error().message;
        it = m_rules.insert(route.name, compiled);
    }
    if (!it->error.isEmpty()) {
        // Validated configs never get here; a hand-built one still routes, to the default.
        decision.reasons.append(Tr::tr("%1: conditions are invalid (%2); default → %3").arg(route.name, it->error, route.defaultTarget));
        return {{route.defaultTarget, 1}};
    }
    for (qsizetype i = 0; i < it->rules.size(); ++i) {
        const ConditionalRule &rule = it->rules.at(i);
        if (rule.when.matches(m_traits)) {
            decision.reasons.append(Tr::tr("%1: rule %2 matched (%3) → %4")
                                        .arg(route.name)
                                        .arg(i + 1)
                                        .arg(rule.when.describe(), rule.then));
            return {{rule.then, 1}};
        }
    }
    decision.reasons.append(Tr::tr("%1: no rule matched (%2 checked); default → %3")
                                .arg(route.name)
                                .arg(it->rules.size())
                                .arg(route.defaultTarget));
    return {{route.defaultTarget, 1}};
}

bool Router::addModel(const Config::ModelSettings &model, QList<Candidate> &out,
                      RoutingDecision &decision) const
{
    if (m_added.contains(model.id))
        return false; // a model reached twice through nested routes is tried once
    const QString problem = modelProblem(model);
    if (!problem.isEmpty()) {
        decision.candidates.append({model.id, model.provider, false, problem});
        return false;
    }
    decision.candidates.append({model.id, model.provider, true,
                                out.isEmpty() ? Tr::tr("first choice")
                                              : Tr::tr("fallback #%1").arg(out.size())});
    out.append({model.id, model.provider, model.upstream.isEmpty() ? model.id : model.upstream, model.price});
    m_added.insert(model.id);
    return true;
}

QList<Config::RouteTarget> Router::scoredTargets(const Config::RouteSettings &route,
                                                RoutingDecision &decision) const
{
    // Models are scored; a candidate that names another route keeps its place after them.
    QList<const Config::ModelSettings *> models;
    QList<Config::RouteTarget> nestedRoutes;
    for (const QString &candidate : route.candidates) {
        const Config::ModelSettings *model = findModel(candidate);
        if (!model) {
            nestedRoutes.append({candidate, 1});
            continue;
        }
        // Filter before scoring: a model that cannot serve must not shift the normalisation.
        if (const QString problem = modelProblem(*model); !problem.isEmpty()) {
            decision.candidates.append({model->id, model->provider, false, problem});
            continue;
        }
        models.append(model);
    }
    const ScoreContext context{m_query.promptTokens, m_query.expectedOutputTokens, m_state.live};
    const ScoreTable table = score(models, route.weights, context);
    QList<Config::RouteTarget> ordered;
    for (const QString &model : table.ranking())
        ordered.append({model, 1});
    ordered.append(nestedRoutes);

    QJsonArray rows;
    for (const ScoreRow &row : table.rows) {
        if (row.rank > s_detailedScoreRows) {
            // Per-metric detail for hundreds of rows would cost more than the ranking itself.
            rows.append(QJsonObject{{QStringLiteral("model"), row.model},
                                    {QStringLiteral("rank"), row.rank},
                                    {QStringLiteral("total"), row.total}});
            continue;
        }
        QJsonArray metrics;
        for (const MetricScore &metric : row.metrics) {
            // Keys in sorted order: each insert then appends instead of shifting (measurably
            // cheaper with 200 candidates, see bench/).
            metrics.append(QJsonObject{{QStringLiteral("contribution"), metric.contribution},
                                       {QStringLiteral("metric"), metric.metric},
                                       {QStringLiteral("normalised"), metric.normalised},
                                       {QStringLiteral("note"), metric.note},
                                       {QStringLiteral("present"), metric.present},
                                       {QStringLiteral("raw"), metric.raw},
                                       {QStringLiteral("weight"), metric.weight}});
        }
        rows.append(QJsonObject{{QStringLiteral("metrics"), metrics},
                                {QStringLiteral("model"), row.model},
                                {QStringLiteral("rank"), row.rank},
                                {QStringLiteral("total"), row.total}});
    }
    decision.scores = rows;
    if (const ScoreRow *best = table.best()) {
        decision.reasons.append(Tr::tr("%1: scored %2 candidates on %3; best %4 (%5)")
                                    .arg(route.name)
                                    .arg(table.rows.size())
                                    .arg(table.metrics.join(QLatin1String(", ")), best->model)
                                    .arg(best->total, 0, 'f', 3));
    }
    if (!table.tieBreak.isEmpty())
        decision.reasons.append(table.tieBreak);
    return ordered;
}

} // namespace Switchyard::Routing
