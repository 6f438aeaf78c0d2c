// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/budget/budgetperiod.h"
#include "core/common/clock.h"
#include "core/config/budgetsettings.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Switchyard::Budget {

/// "$12.40", or "$0.0500" below a dollar, where cents would hide the figure.
QString formatUsd(double value);

/// Who a request is spent for; budgets match on these.
struct BudgetSubject
{
    QString customer;
    QString project;
    QString key; ///< virtual key id
    QString app;
    QStringList tags;
};

/// What one routing candidate could cost this request.
struct CandidateCost
{
    QString model;
    bool priceKnown = false;
    bool free = false;       ///< known price of zero (local models): never held back by paid budgets
    double worstCaseUsd = 0; ///< prompt × input price + max output × output price
    double outputPrice = 0;  ///< USD per 1M output tokens, for downgrade caps
};

/// Why nothing may be sent.
struct BudgetBlock
{
    QString budget;      ///< budget name; empty when paid traffic is paused
    double spentUsd = 0; ///< settled + reserved in the period
    double limitUsd = 0;
    QDateTime resetsAt;  ///< UTC end of the period
    qint64 retryAfterMs = 0; ///< until resetsAt, by the ledger's clock
};

/// The ledger's answer for one request.
struct Admission
{
    QStringList removed;      ///< per candidate: why the budgets exclude it; empty = allowed
    quint64 reservationId = 0; ///< 0: nothing held
    double reservedUsd = 0;
    std::optional<BudgetBlock> block; ///< set when budgets excluded every candidate
    QStringList notes;        ///< for the decision record

    bool allowed(qsizetype candidate) const { return removed.value(candidate).isEmpty(); }
};

/// A threshold crossed, once per threshold per period.
struct BudgetAlert
{
    Config::BudgetSettings budget;
    double threshold = 0; ///< fraction of the limit
    double spentUsd = 0;
    PeriodWindow window;
};

/// A budget's state in its current period, for the window and reports.
struct BudgetStatus
{
    Config::BudgetSettings budget;
    PeriodWindow window;
    double spentUsd = 0;    ///< settled
    double reservedUsd = 0; ///< held by requests in flight
};

/// Spend per budget and period. A request reserves its worst-case cost before dispatch and
/// settles the real cost after, so concurrent requests never overshoot a `block` budget.
/// Single-threaded: lives with the pipeline on the core thread. Time comes from the clock.
class BudgetLedger final
{
public:
    explicit BudgetLedger(const IClock *clock);

    /// Replaces the budgets; one with the same name, scope, match and period keeps its spend.
    void setBudgets(const QList<Config::BudgetSettings> &budgets);
    /// "Pause paid traffic": only free models pass.
    void setPaidTrafficPaused(bool paused) { m_paused = paused; }
    bool paidTrafficPaused() const { return m_paused; }

    Admission admit(const BudgetSubject &subject, const QList<CandidateCost> &candidates);
    /// Ends a reservation with the real cost; an unknown cost is charged at the reserved
    /// worst case (never under-counted). Returns the alerts this spend crossed.
    QList<BudgetAlert> settle(quint64 reservationId, std::optional<double> actualUsd);
    /// Ends a reservation without spend (the request failed before any upstream cost).
    void release(quint64 reservationId);
    /// Spend already logged (start-up seeding); ignored outside the budget's current period.
    void addSpend(const QString &budget, const QDateTime &startedAtUtc, double usd);

    QList<BudgetStatus> statuses();
    static bool matches(const Config::BudgetSettings &budget, const BudgetSubject &subject);

private:
    struct State
    {
        Config::BudgetSettings budget;
        QTimeZone zone;
        PeriodWindow window;
        double spentUsd = 0;
        double reservedUsd = 0;
        QList<double> fired; ///< thresholds already alerted in this window
    };
    struct Hold
    {
        QString budget;
        QDateTime windowStart;
        double amountUsd = 0;
    };

    State &rolled(State &state);
    State *find(const QString &name);
    QString exclusion(State &state, const CandidateCost &candidate, BudgetBlock &blockOut) const;

    const IClock *m_clock;
    QList<State> m_states;
    QHash<quint64, QList<Hold>> m_holds;
    quint64 m_nextReservation = 1;
    bool m_paused = false;
};

} // namespace Switchyard::Budget
