// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/pipeline/stage.h"

namespace Switchyard::Pipeline {

/// Asks the Router for the ordered candidates and keeps its reasons in the decision record.
class RouteStage final : public Stage
{
public:
    explicit RouteStage(Routing::RouterState state = {}) : m_state(state) {}
    StageResult onRequest(Exchange &exchange) override;

private:
    Routing::RouterState m_state;
};

} // namespace Switchyard::Pipeline
