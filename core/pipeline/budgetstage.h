// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/budget/budgethold.h"
#include "core/pipeline/stage.h"

#include <memory>

namespace Switchyard::Pipeline {

/// After routing: drops the candidates the budgets exclude (recording why in the decision),
/// reserves the worst-case cost of the rest, or answers 429 `budget_exceeded` when nothing is
/// left. The Dispatcher settles the reservation when the request completes.
class BudgetStage final : public Stage
{
public:
    BudgetStage(std::weak_ptr<Budget::BudgetLedger> ledger, Budget::BudgetHold::AlertSink alerts);
    StageResult onRequest(Exchange &exchange) override;

    /// Output tokens a request without max_tokens reserves.
    static constexpr qint64 kDefaultMaxOutputTokens = 4096;
    /// Worst-case prompt tokens: a token is rarely shorter than two bytes of the request body.
    static qint64 worstCasePromptTokens(qint64 bodyBytes) { return (bodyBytes + 1) / 2; }

private:
    std::weak_ptr<Budget::BudgetLedger> m_ledger;
    Budget::BudgetHold::AlertSink m_alerts;
};

} // namespace Switchyard::Pipeline
