// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/pipeline/routestage.h"

#include "core/routing/router.h"

namespace Switchyard::Pipeline {

StageResult RouteStage::onRequest(Exchange &exchange)
{
    Routing::Router router(exchange.config, {}, m_state);
    Routing::RouteQuery query{exchange.requestedModel, exchange.forcedRoute};
    // A rough estimate is enough to rank by cost: about four bytes per token.
    query.promptTokens = exchange.request.body.size() / 4;
    for (const char *field : {"max_completion_tokens", "max_tokens"}) {
        const qint64 cap = exchange.body.value(QLatin1String(field)).toInteger(0);
        if (cap > 0) {
            query.expectedOutputTokens = cap;
            break;
        }
    }
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
    return StageResult::proceed();
}

} // namespace Switchyard::Pipeline
