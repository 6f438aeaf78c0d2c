// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/budget/budgetledger.h"

#include <functional>
#include <memory>
#include <optional>

namespace Switchyard::Budget {

/// One request's reservation. Settled once with the real cost; released on destruction
/// if never settled (cancelled or failed requests hold nothing afterwards).
class BudgetHold final
{
public:
    using AlertSink = std::function<void(const QList<BudgetAlert> &)>;

    BudgetHold(std::weak_ptr<BudgetLedger> ledger, quint64 reservationId, AlertSink alerts);
    ~BudgetHold();
    BudgetHold(const BudgetHold &) = delete;
    BudgetHold &operator=(const BudgetHold &) = delete;

    /// Charges `actualUsd` (nullopt: the reserved worst case) and reports crossed thresholds.
    void settle(std::optional<double> actualUsd);
    /// Ends the reservation without spend.
    void release();

private:
    std::weak_ptr<BudgetLedger> m_ledger;
    quint64 m_reservationId;
    AlertSink m_alerts;
    bool m_done = false;
};

} // namespace Switchyard::Budget
