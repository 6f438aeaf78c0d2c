// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/budget/budgetledger.h"

#include "core/common/tr.h"

#include <algorithm>

namespace Switchyard::Budget {

namespace {

using Action = Config::BudgetSettings::Action;
using Scope = Config::BudgetSettings::Scope;

// Costs are sums of products of prices and token counts; compare with a small slack so a
// reservation that exactly fills the limit is not refused by rounding.
constexpr double kSlackUsd = 1e-9;

bool sameIdentity(const Config::BudgetSettings &a, const Config::BudgetSettings &b)
{
    return a.name == b.name && a.scope == b.scope && a.match == b.match && a.period == b.period
        && a.timeZone == b.timeZone;
}

} // namespace

QString formatUsd(double value)
{
    return QStringLiteral("$") + QString::number(value, 'f', value >= 1 ? 2 : 4);
}

BudgetLedger::BudgetLedger(const IClock *clock)
    : m_clock(clock)
{
}

bool BudgetLedger::matches(const Config::BudgetSettings &budget, const BudgetSubject &subject)
{
    switch (budget.scope) {
    case Scope::Global:
        return true;
    case Scope::Customer:
        return subject.customer == budget.match;
    case Scope::Project:
        return subject.project == budget.match;
    case Scope::Key:
        return subject.key == budget.match;
    case Scope::App:
        return subject.app.compare(budget.match, Qt::CaseInsensitive) == 0;
    case Scope::Tag:
        return subject.tags.contains(budget.match);
    }
    return false;
}

void BudgetLedger::setBudgets(const QList<Config::BudgetSettings> &budgets)
{
    QList<State> next;
    for (const Config::BudgetSettings &budget : budgets) {
        State state;
        state.budget = budget;
        state.zone = budgetZone(budget);
        for (const State &old : std::as_const(m_states)) {
            if (sameIdentity(old.budget, budget)) {
                state.window = old.window;
                state.spentUsd = old.spentUsd;
                state.reservedUsd = old.reservedUsd;
                // Thresholds already crossed stay quiet; new ones may fire.
                state.fired = old.fired;
            }
        }
        next.append(state);
    }
    m_states = std::move(next);
}

BudgetLedger::State &BudgetLedger::rolled(State &state)
{
    const QDateTime now = m_clock->now().toUTC();
    if (!state.window.start.isValid() || !state.window.contains(now)) {
        state.window = periodWindow(state.budget.period, now, state.zone);
        state.spentUsd = 0;
        state.reservedUsd = 0; // holds from the old window settle there, not here
        state.fired.clear();
    }
    return state;
}

BudgetLedger::State *BudgetLedger::find(const QString &name)
{
    for (State &state : m_states) {
        if (state.budget.name == name)
            return &rolled(state);
    }
    return nullptr;
}

QString BudgetLedger::exclusion(State &state, const CandidateCost &candidate, BudgetBlock &blockOut) const
{
    const Config::BudgetSettings &budget = state.budget;
    const double committed = state.spentUsd + state.reservedUsd;
    blockOut = {budget.name, committed, budget.limitUsd, state.window.end,
                qMax<qint64>(0, m_clock->now().msecsTo(state.window.end))};
    if (budget.onLimit == Action::Block) {
        if (!candidate.priceKnown)
            return Tr::tr("budget '%1': price unknown, so its cost cannot be reserved").arg(budget.name);
        if (committed + candidate.worstCaseUsd > budget.limitUsd + kSlackUsd)
            return Tr::tr("budget '%1': worst case %2 would exceed the limit (%3 of %4 committed)")
                .arg(budget.name, formatUsd(candidate.worstCaseUsd), formatUsd(committed), formatUsd(budget.limitUsd));
    } else if (budget.onLimit == Action::Downgrade && committed >= budget.limitUsd - kSlackUsd) {
        if (!candidate.priceKnown || candidate.outputPrice > budget.priceCapOutput + kSlackUsd)
            return Tr::tr("budget '%1' reached: downgraded to models up to %2 per 1M output tokens")
                .arg(budget.name, formatUsd(budget.priceCapOutput));
    }
    return {};
}

Admission BudgetLedger::admit(const BudgetSubject &subject, const QList<CandidateCost> &candidates)
{
    QList<State *> applicable;
    for (State &state : m_states) {
        if (matches(state.budget, subject))
            applicable.append(&rolled(state));
    }

    Admission admission;
    std::optional<BudgetBlock> firstBlock;
    double worstAllowed = 0;
    bool anyAllowed = false;
    for (const CandidateCost &candidate : candidates) {
        QString reason;
        if (!candidate.free) {
            if (m_paused) {
                reason = Tr::tr("paid traffic is paused");
                if (!firstBlock)
                    firstBlock = BudgetBlock{};
            }
            for (State *state : applicable) {
                if (!reason.isEmpty())
                    break;
                BudgetBlock block;
                reason = exclusion(*state, candidate, block);
                if (!reason.isEmpty() && !firstBlock)
                    firstBlock = block;
            }
        }
        admission.removed.append(reason);
        if (reason.isEmpty()) {
            anyAllowed = true;
            if (!candidate.free && candidate.priceKnown)
                worstAllowed = std::max(worstAllowed, candidate.worstCaseUsd);
        } else {
            admission.notes.append(QStringLiteral("%1: %2").arg(candidate.model, reason));
        }
    }
    if (!anyAllowed) {
        admission.block = firstBlock;
        return admission;
    }
    if (applicable.isEmpty() || worstAllowed <= 0)
        return admission;

    // Failover may reach any allowed candidate: hold the most expensive one's worst case.
    admission.reservationId = m_nextReservation++;
    admission.reservedUsd = worstAllowed;
    QList<Hold> &holds = m_holds[admission.reservationId];
    for (State *state : applicable) {
        state->reservedUsd += worstAllowed;
        holds.append({state->budget.name, state->window.start, worstAllowed});
    }
    admission.notes.append(Tr::tr("reserved %1 against %n budget(s)", nullptr, int(applicable.size()))
                               .arg(formatUsd(worstAllowed)));
    return admission;
}

QList<BudgetAlert> BudgetLedger::settle(quint64 reservationId, std::optional<double> actualUsd)
{
    QList<BudgetAlert> alerts;
    const QList<Hold> holds = m_holds.take(reservationId);
    for (const Hold &hold : holds) {
        State *state = find(hold.budget);
        if (!state || state->window.start != hold.windowStart)
            continue; // the budget changed or its period ended while the request ran
        state->reservedUsd = std::max(0.0, state->reservedUsd - hold.amountUsd);
        state->spentUsd += actualUsd.value_or(hold.amountUsd);
        if (state->budget.limitUsd <= 0)
            continue;
        const double used = state->spentUsd / state->budget.limitUsd;
        for (double threshold : std::as_const(state->budget.alerts)) {
            if (used + kSlackUsd >= threshold && !state->fired.contains(threshold)) {
                state->fired.append(threshold);
                alerts.append({state->budget, threshold, state->spentUsd, state->window});
            }
        }
    }
    return alerts;
}

void BudgetLedger::release(quint64 reservationId)
{
    const QList<Hold> holds = m_holds.take(reservationId);
    for (const Hold &hold : holds) {
        State *state = find(hold.budget);
        if (state && state->window.start == hold.windowStart)
            state->reservedUsd = std::max(0.0, state->reservedUsd - hold.amountUsd);
    }
}

void BudgetLedger::addSpend(const QString &budget, const QDateTime &startedAtUtc, double usd)
{
    State *state = find(budget);
    if (state && state->window.contains(startedAtUtc.toUTC()))
        state->spentUsd += usd;
}

QList<BudgetStatus> BudgetLedger::statuses()
{
    QList<BudgetStatus> out;
    for (State &state : m_states) {
        rolled(state);
        out.append({state.budget, state.window, state.spentUsd, state.reservedUsd});
    }
    return out;
}

} // namespace Switchyard::Budget
