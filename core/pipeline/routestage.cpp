// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/pipeline/routestage.h"

#include "core/common/tr.h"
#include "core/pipeline/guardstate.h"
#include "core/routing/policyfilter.h"
#include "core/routing/router.h"

namespace Switchyard::Pipeline {

RouteStage::RouteStage(Routing::RouterState state)
    : m_state(state)
{
}

RouteStage::~RouteStage() = default;

Routing::RouteQuery RouteStage::queryFor(const Exchange &exchange)
{
    Routing::RouteQuery query;
    query.requestedModel = exchange.requestedModel;
    query.forcedRoute = exchange.forcedRoute;
    // ParseStage estimates; an exchange built without it falls back to ~4 bytes per token.
    query.promptTokens = exchange.estimatedPromptTokens > 0 ? exchange.estimatedPromptTokens
                                                            : exchange.request.body.size() / 4;
    query.setTraits(exchange);
    return query;
}

StageResult RouteStage::onRequest(Exchange &exchange)
{
    if (!m_router || m_routerConfig != exchange.config) {
        m_routerConfig = exchange.config;
        m_router = std::make_unique<Routing::Router>(exchange.config, std::function<double()>{}, m_state);
    }
    Routing::Router &router = *m_router;
    const Routing::RouteQuery query = queryFor(exchange);
    Result<Routing::RoutePlan> plan = router.plan(query, exchange.decision);
    if (!plan.ok()) {
        const Error &error = plan.error();
        if (error.code == QLatin1String("model_not_found"))
            return StageResult::respond(404, QStringLiteral("invalid_request_error"), error.code, error.message);
        if (error.code == QLatin1String("no_available_model"))
            return StageResult::respond(503, QStringLiteral("service_unavailable"), error.code, error.message);
        return StageResult::respond(500, QStringLiteral("server_error"), error.code, error.message);
    }
    exchange.candidates = std::move(plan).value().candidates;
    if (exchange.guard
        && Routing::applyPolicy(exchange.guard->policy, *exchange.config, exchange.candidates, exchange.decision) > 0
        && exchange.candidates.isEmpty()) {
        const Guards::Policy &policy = exchange.guard->policy;
        QStringList why;
        for (const CandidateRecord &record : std::as_const(exchange.decision.candidates))
            why.append(QStringLiteral("%1@%2: %3").arg(record.model, record.provider, record.reason));
        return StageResult::respond(403, QStringLiteral("permission_error"), QStringLiteral("policy_denied"),
                                    Tr::tr("policy '%1' allows none of the candidates for '%2': %3")
                                        .arg(policy.sources.join(QLatin1Char('+')), exchange.decision.requestedModel.isEmpty()
                                                 ? exchange.decision.route : exchange.decision.requestedModel,
                                             why.join(QLatin1String("; "))));
    }
    return StageResult::proceed();
}

} // namespace Switchyard::Pipeline
