// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/budgets/budgetcurve.h"

#include "core/budget/budgetledger.h"
#include "core/store/requestreader.h"
#include "ui/tr.h"


#include <algorithm>

namespace Switchyard::Ui {

namespace {

constexpr int kPageRows = 5000;
constexpr qint64 kMaxPoints = 500;

bool counts(const Config::BudgetSettings &budget, const LogRecord &record)
{
    // The same rule the core seeds its ledger with (Governance::seedSpend).
    if (!record.costKnown || record.costUsd <= 0)
        return false;
    const Budget::BudgetSubject subject{record.customer, record.project, record.keyId, record.app,
                                        record.tags};
    return Budget::BudgetLedger::matches(budget, subject);
}

} // namespace

BudgetCurve buildBudgetCurve(const Config::BudgetSettings &budget, const Budget::PeriodWindow &window,
                             const LogRecordList &records, const QDateTime &nowUtc)
{
    BudgetCurve curve;
    curve.budget = budget.name;
    curve.window = window;
    curve.now = std::clamp(nowUtc, window.start, window.end);
    curve.limitUsd = budget.limitUsd;
    curve.thresholds = budget.alerts;

    QList<QPair<qint64, double>> spends;
    for (const LogRecord &record : records) {
        if (record.startedAt >= window.start && record.startedAt < curve.now && counts(budget, record))
            spends.append({record.startedAt.toMSecsSinceEpoch(), record.costUsd});
    }
    std::sort(spends.begin(), spends.end());

    const qint64 startMs = window.start.toMSecsSinceEpoch();
    const qint64 nowMs = curve.now.toMSecsSinceEpoch();
    // Requests in one bucket share a point, so a month of traffic stays a light series.
    const qint64 bucketMs = std::max<qint64>(1, (nowMs - startMs) / kMaxPoints);
    curve.spend.append({window.start, 0.0});
    qint64 lastBucket = -1;
    double total = 0;
    for (const auto &[atMs, usd] : std::as_const(spends)) {
        total += usd;
        const qint64 bucket = (atMs - startMs) / bucketMs;
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC);
        if (bucket == lastBucket && curve.spend.size() > 1)
            curve.spend.last() = {at, total};
        else
            curve.spend.append({at, total});
        lastBucket = bucket;
    }
    curve.spend.append({curve.now, total});
    curve.spentUsd = total;

    // Average rate so far, carried on to the period's end.
    const qint64 elapsedMs = nowMs - startMs;
    const qint64 periodMs = window.end.toMSecsSinceEpoch() - startMs;
    curve.projectedUsd = elapsedMs > 0 ? total * double(periodMs) / double(elapsedMs) : total;
    return curve;
}

Result<BudgetCurve> loadBudgetCurve(const QString &databasePath, const Config::BudgetSettings &budget,
                                    const Budget::PeriodWindow &window, const QDateTime &nowUtc,
                                    const std::atomic_bool *cancel)
{
    Store::RequestReader reader;
    if (const Result<int> opened = reader.open(databasePath); !opened.ok())
        return opened.error();
    LogRecordList matching;
    qint64 afterId = 0;
    for (;;) {
        if (cancel && cancel->load())
            return Error{QStringLiteral("cancelled"), Tr::tr("cancelled")};
        const Result<LogRecordList> page = reader.readRange(window.start, window.end, afterId, kPageRows);
        if (!page.ok())
            return page.error();
        for (const LogRecord &record : page.value()) {
            if (counts(budget, record))
                matching.append(record);
        }
        if (page.value().size() < kPageRows)
            break;
        afterId = page.value().constLast().sequence;
    }
    return buildBudgetCurve(budget, window, matching, nowUtc);
}

BudgetCurveLoader::BudgetCurveLoader(QObject *parent)
    : QObject(parent)
{
}

BudgetCurveLoader::~BudgetCurveLoader() = default;

bool BudgetCurveLoader::start(const QString &databasePath, const Config::BudgetSettings &budget,
                              const Budget::PeriodWindow &window, const QDateTime &nowUtc)
{
    // `this` outlives the job: the worker joins it first, and queued calls to a destroyed
    // receiver are dropped.
    return m_worker.start([this, databasePath, budget, window, nowUtc](const std::atomic_bool *cancel) {
        Result<BudgetCurve> result = loadBudgetCurve(databasePath, budget, window, nowUtc, cancel);
        QMetaObject::invokeMethod(
            this,
            [this, result = std::move(result)] {
                m_worker.finished();
                if (result.ok())
                    Q_EMIT loaded(result.value());
                else
                    Q_EMIT failed(result.error().message);
            },
            Qt::QueuedConnection);
    });
}

} // namespace Switchyard::Ui
