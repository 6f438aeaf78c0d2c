// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/logrecord.h"
#include "core/guards/guardset.h"
#include "core/guards/redactor.h"
#include "core/pipeline/stage.h"

namespace Switchyard::Pipeline {

/// After identity, before route (docs/guards.md, "Wiring"): resolves the request's effective
/// policy, runs DLP over the message texts (redacted texts are written back into the body the
/// provider receives; a block finding answers 400), scores prompt injection on user messages
/// and tool results (block answers 400, flag is recorded), and caps the output tokens at the
/// policy's max_tokens. Leaves a GuardState on the exchange for routing and the response side.
/// Embeddings only resolve the policy. Core thread only.
class GuardStage final : public Stage
{
public:
    StageResult onRequest(Exchange &exchange) override;

    /// The config's compiled guards, or compiled here (and kept per snapshot) for a config
    /// built in code; null when they do not compile.
    Guards::GuardSetPtr guardSetFor(const Config::ConfigSnapshot &config);

    /// Adds `findings` to the egress ledger: classes, count and the strongest action.
    static void recordFindings(EgressRecord &egress, const QList<Guards::FindingRecord> &findings);

private:
    StageResult scanRequest(Exchange &exchange);
    void capTokens(Exchange &exchange);

    Config::ConfigSnapshot m_config;
    Guards::GuardSetPtr m_compiled;
};

} // namespace Switchyard::Pipeline
