// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/pipeline/budgetstage.h"

#include "core/common/tr.h"

namespace Switchyard::Pipeline {

namespace {

Budget::CandidateCost costOf(const Routing::Candidate &candidate, qint64 promptTokens, qint64 outputTokens)
{
    Budget::CandidateCost cost;
    cost.model = candidate.model;
    cost.priceKnown = candidate.price.known;
    if (!cost.priceKnown)
        return cost;
    const Config::Price &price = candidate.price;
    // The dearest input class is the worst case for prompt tokens (cache writes can cost more).
    const double input = std::max({price.input, price.cacheWrite, price.cacheRead});
    cost.free = input == 0 && price.output == 0;
    cost.outputPrice = price.output;
    cost.worstCaseUsd = (double(promptTokens) * input + double(outputTokens) * price.output) / 1'000'000.0;
    return cost;
}

// Ends the request's reservation: success settles the logged cost (or the worst case when
// the cost is unknown, e.g. a stream cut short); a failure releases it.
void settleBudget(Exchange &exchange)
{
    if (!exchange.budgetHold)
        return;
    if (exchange.status >= 200 && exchange.status < 300)
        exchange.budgetHold->settle(exchange.costKnown ? std::optional<double>(exchange.costUsd) : std::nullopt);
    else
        exchange.budgetHold->release();
}

} // namespace

BudgetStage::BudgetStage(std::weak_ptr<Budget::BudgetLedger> ledger, Budget::BudgetHold::AlertSink alerts)
    : m_ledger(std::move(ledger))
    , m_alerts(std::move(alerts))
{
}

StageResult BudgetStage::onRequest(Exchange &exchange)
{
    const std::shared_ptr<Budget::BudgetLedger> ledger = m_ledger.lock();
    if (!ledger)
        return StageResult::proceed();
    const qint64 promptTokens = worstCasePromptTokens(exchange.request.body.size());
    const qint64 outputTokens = exchange.expectedOutputTokens > 0 ? exchange.expectedOutputTokens
                                                                  : kDefaultMaxOutputTokens;
    QList<Budget::CandidateCost> costs;
    for (const Routing::Candidate &candidate : std::as_const(exchange.candidates))
        costs.append(costOf(candidate, promptTokens, outputTokens));

    const Budget::BudgetSubject subject{exchange.customer, exchange.project, exchange.keyId, exchange.app,
                                        exchange.tags};
    const Budget::Admission admission = ledger->admit(subject, costs);
    exchange.decision.reasons.append(admission.notes);

    QList<Routing::Candidate> kept;
    for (qsizetype i = 0; i < exchange.candidates.size(); ++i) {
        if (admission.allowed(i)) {
            kept.append(exchange.candidates.at(i));
            continue;
        }
        for (CandidateRecord &record : exchange.decision.candidates) {
            if (record.model == exchange.candidates.at(i).model && record.eligible) {
                record.eligible = false;
                record.reason = admission.removed.at(i);
            }
        }
    }
    exchange.candidates = kept;

    if (admission.block) {
        const Budget::BudgetBlock &block = *admission.block;
        StageResult result;
        if (block.budget.isEmpty()) {
            result = StageResult::respond(429, QStringLiteral("budget_exceeded"), QStringLiteral("paid_traffic_paused"),
                                          Tr::tr("paid models are paused in Switchyard; only free local models "
                                                 "can be used until paid traffic is resumed"));
        } else {
            result = StageResult::respond(
                429, QStringLiteral("budget_exceeded"), QStringLiteral("budget_exceeded"),
                Tr::tr("budget '%1' is exhausted: %2 spent or reserved of %3; it resets at %4")
                    .arg(block.budget, Budget::formatUsd(block.spentUsd), Budget::formatUsd(block.limitUsd),
                         block.resetsAt.toString(Qt::ISODate)));
            const qint64 seconds = qMax<qint64>(1, (block.retryAfterMs + 999) / 1000);
            result.headers.append({"retry-after", QByteArray::number(seconds)});
        }
        return result;
    }
    if (admission.reservationId != 0) {
        exchange.budgetHold = std::make_shared<Budget::BudgetHold>(m_ledger, admission.reservationId, m_alerts);
        exchange.onComplete.append(&settleBudget);
    }
    return StageResult::proceed();
}

} // namespace Switchyard::Pipeline
