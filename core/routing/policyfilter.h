// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/routingdecision.h"
#include "core/config/gatewayconfig.h"
#include "core/guards/policy.h"
#include "core/routing/router.h"

#include <QList>

namespace Switchyard::Routing {

/// Removes the candidates `policy` does not allow (provider, model glob, provider region; see
/// Guards::allowsCandidate) from `candidates`. Each removed one is marked ineligible in
/// `decision.candidates` with the policy's reason, and one line per removal is added to
/// `decision.reasons` ("policy: region 'us' of provider 'oa' is not allowed by policy 'eu-only'
/// (allowed: eu)"). Returns how many were removed. Pure.
int applyPolicy(const Guards::Policy &policy, const Config::GatewayConfig &config, QList<Candidate> &candidates,
                RoutingDecision &decision);

/// Whether `policy` restricts routing at all (a list is set).
bool restrictsRouting(const Guards::Policy &policy);

} // namespace Switchyard::Routing
