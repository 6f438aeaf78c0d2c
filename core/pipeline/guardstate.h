// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/guards/guardset.h"
#include "core/guards/policy.h"
#include "core/guards/redactor.h"

#include <memory>

namespace Switchyard::Pipeline {

/// What the guard stage leaves on an exchange for routing and the response side.
struct GuardState
{
    Guards::GuardSetPtr set;
    Guards::Policy policy;                       ///< the effective policy of the request
    std::unique_ptr<Guards::Redactor> redactor;  ///< one per exchange: shares placeholders
    /// Responses go through DLP (guards.scan_responses) or get placeholders restored.
    bool guardsResponse = false;
    bool bodyRewritten = false; ///< the body differs from the client's bytes (redacted, capped)

    /// The effective policy's name for messages ("acme" or "global+acme"); empty: none matched.
    QString policyName() const { return policy.sources.join(QLatin1Char('+')); }
};

} // namespace Switchyard::Pipeline
