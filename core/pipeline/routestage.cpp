// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/pipeline/routestage.h"

#include "core/routing/router.h"

namespace Switchyard::Pipeline {

StageResult RouteStage::onRequest(Exchange &exchange)
{
    const Routing::Router router(exchange.config);
    const Routing::RouteQuery query{exchange.body.value(QLatin1String("model")).toString(),
                                    exchange.forcedRoute};
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
