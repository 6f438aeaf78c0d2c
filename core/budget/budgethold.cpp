// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/budget/budgethold.h"

namespace Switchyard::Budget {

BudgetHold::BudgetHold(std::weak_ptr<BudgetLedger> ledger, quint64 reservationId, AlertSink alerts)
    : m_ledger(std::move(ledger))
    , m_reservationId(reservationId)
    , m_alerts(std::move(alerts))
{
}

BudgetHold::~BudgetHold()
{
    release();
}

void BudgetHold::settle(std::optional<double> actualUsd)
{
    if (m_done)
        return;
    m_done = true;
    if (const std::shared_ptr<BudgetLedger> ledger = m_ledger.lock()) {
        const QList<BudgetAlert> alerts = ledger->settle(m_reservationId, actualUsd);
        if (!alerts.isEmpty() && m_alerts)
            m_alerts(alerts);
    }
}

void BudgetHold::release()
{
    if (m_done)
        return;
    m_done = true;
    if (const std::shared_ptr<BudgetLedger> ledger = m_ledger.lock())
        ledger->release(m_reservationId);
}

} // namespace Switchyard::Budget
