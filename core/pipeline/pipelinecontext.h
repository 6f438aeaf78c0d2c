// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

namespace Switchyard::Routing {
class CircuitBreaker;
class LiveMetrics;
} // namespace Switchyard::Routing

namespace Switchyard::Pipeline {

class ProviderRegistry;
class RequestRecorder;

/// The long-lived collaborators every request's stages share. Owned by Core; all live on the
/// core thread. `live` and `breaker` may be null (tests).
struct PipelineContext
{
    const ProviderRegistry *providers = nullptr;
    RequestRecorder *recorder = nullptr;
    Routing::LiveMetrics *live = nullptr;
    Routing::CircuitBreaker *breaker = nullptr;
};

} // namespace Switchyard::Pipeline
