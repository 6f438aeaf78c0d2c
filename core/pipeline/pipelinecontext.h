// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/budget/budgethold.h"

#include <memory>

namespace Switchyard::Routing {
class CircuitBreaker;
class LiveMetrics;
} // namespace Switchyard::Routing

namespace Switchyard::Keys {
class KeyRegistry;
class PeerProcessResolver;
class RateLimiter;
} // namespace Switchyard::Keys

namespace Switchyard::Pipeline {

class ProviderRegistry;
class RequestRecorder;

/// The long-lived collaborators every request's stages share. Owned by Core; all live on the
/// core thread. Any of them may be null (tests).
struct PipelineContext
{
    const ProviderRegistry *providers = nullptr;
    RequestRecorder *recorder = nullptr;
    Routing::LiveMetrics *live = nullptr;
    Routing::CircuitBreaker *breaker = nullptr;
    Keys::KeyRegistry *keys = nullptr;          ///< null: virtual keys are refused
    Keys::RateLimiter *rateLimiter = nullptr;   ///< null: no per-key limits
    Keys::PeerProcessResolver *peers = nullptr; ///< null: no attribution to programs
    std::weak_ptr<Budget::BudgetLedger> budgets{}; ///< empty: no budgets
    Budget::BudgetHold::AlertSink budgetAlerts{};
};

} // namespace Switchyard::Pipeline
