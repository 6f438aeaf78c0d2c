// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/budget/budgetperiod.h"
#include "core/common/logrecord.h"
#include "core/common/result.h"
#include "core/common/workerthread.h"
#include "core/config/budgetsettings.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

#include <atomic>
#include <memory>

namespace Switchyard::Ui {

/// One budget's spend over its current period, as the Budgets tab plots it.
struct BudgetCurve
{
    QString budget;
    Budget::PeriodWindow window;
    QDateTime now; ///< UTC; the curve ends and the projection starts here
    /// Cumulative USD over time: starts at (window.start, 0), ends at (now, spentUsd). At most
    /// about 500 points: requests close together share one point.
    QList<QPair<QDateTime, double>> spend;
    double spentUsd = 0;     ///< from the log, known costs only
    double projectedUsd = 0; ///< at window.end, at the period's average rate so far
    double limitUsd = 0;
    QList<double> thresholds; ///< fractions of the limit (the budget's alerts)
};

/// The curve of `budget` in `window` from `records` (any order; those the budget does not
/// match, outside [window.start, now) or without a known cost are skipped). Pure.
BudgetCurve buildBudgetCurve(const Config::BudgetSettings &budget, const Budget::PeriodWindow &window,
                             const LogRecordList &records, const QDateTime &nowUtc);

/// Reads the window from the request log at `databasePath` with its own read-only connection
/// (Store::RequestReader) on the calling thread and builds the curve. `cancel` is checked per page.
Result<BudgetCurve> loadBudgetCurve(const QString &databasePath, const Config::BudgetSettings &budget,
                                    const Budget::PeriodWindow &window, const QDateTime &nowUtc,
                                    const std::atomic_bool *cancel = nullptr);

/// Runs loadBudgetCurve() on a worker thread, one load at a time; signals arrive on the
/// loader's thread. The destructor cancels and joins a running load.
class BudgetCurveLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BudgetCurveLoader)
public:
    explicit BudgetCurveLoader(QObject *parent = nullptr);
    ~BudgetCurveLoader() override;

    /// False (nothing started) while a load is running.
    bool start(const QString &databasePath, const Config::BudgetSettings &budget,
               const Budget::PeriodWindow &window, const QDateTime &nowUtc);
    bool isRunning() const { return m_worker.isRunning(); }

Q_SIGNALS:
    void loaded(const Switchyard::Ui::BudgetCurve &curve);
    void failed(const QString &message);

private:
    WorkerThread m_worker{QStringLiteral("switchyard-budget-curve")}; // last: joined first
};

} // namespace Switchyard::Ui
