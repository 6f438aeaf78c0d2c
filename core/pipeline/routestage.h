// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/pipeline/stage.h"

#include <memory>

namespace Switchyard::Pipeline {

/// Asks the Router for the ordered candidates and keeps its reasons in the decision record.
/// Passes the request's traits (attribution, tools, images, token estimates) to the router.
/// Keeps one Router per config snapshot, so conditions compile once per snapshot.
/// Core thread only.
class RouteStage final : public Stage
{
public:
    explicit RouteStage(Routing::RouterState state = {});
    ~RouteStage() override;
    StageResult onRequest(Exchange &exchange) override;

    /// The router's query for `exchange` (public for tests).
    static Routing::RouteQuery queryFor(const Exchange &exchange);

private:
    Routing::RouterState m_state;
    Config::ConfigSnapshot m_routerConfig;
    std::unique_ptr<Routing::Router> m_router;
};

} // namespace Switchyard::Pipeline
