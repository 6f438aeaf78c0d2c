// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/routing/policyfilter.h"

#include "core/common/tr.h"

namespace Switchyard::Routing {

bool restrictsRouting(const Guards::Policy &policy)
{
    return !policy.allowedProviders.isEmpty() || !policy.allowedModels.isEmpty()
           || !policy.allowedRegions.isEmpty();
}

int applyPolicy(const Guards::Policy &policy, const Config::GatewayConfig &config, QList<Candidate> &candidates,
                RoutingDecision &decision)
{
    if (!restrictsRouting(policy))
        return 0;
    int removed = 0;
    for (qsizetype i = 0; i < candidates.size();) {
        const Candidate &candidate = candidates.at(i);
        const Config::ProviderSettings *provider = config.provider(candidate.provider);
        const QString region = provider ? provider->region : QString();
        QString why;
        if (Guards::allowsCandidate(policy, candidate.provider, candidate.model, region, &why)) {
            ++i;
            continue;
        }
        const QString reason = Tr::tr("policy: %1").arg(why);
        bool marked = false;
        for (CandidateRecord &record : decision.candidates) {
            if (record.eligible && record.model == candidate.model && record.provider == candidate.provider) {
                record.eligible = false;
                record.reason = reason;
                marked = true;
                break;
            }
        }
        if (!marked)
            decision.candidates.append({candidate.model, candidate.provider, false, reason});
        decision.reasons.append(Tr::tr("%1@%2 removed by %3").arg(candidate.model, candidate.provider, reason));
        candidates.removeAt(i);
        ++removed;
    }
    return removed;
}

} // namespace Switchyard::Routing
