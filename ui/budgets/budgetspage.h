// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/budget/budgetledger.h"

#include <QList>
#include <QString>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QAction;
class QLabel;
class QTableWidget;
class QTimer;
class QToolButton;
QT_END_NAMESPACE

namespace Switchyard {
class CoreHost;
class IClock;
} // namespace Switchyard

namespace Switchyard::Ui {

class BudgetChartPanel;
class BudgetCurveLoader;
struct BudgetCurve;

/// The "Budgets" tab: one row per budget (name, scope, period, spent of limit, reset time),
/// a chart of the selected budget's current period (BudgetChartPanel; the spend comes from
/// the request log, read on a worker thread by BudgetCurveLoader) and the "Pause paid
/// traffic" switch. The switch is a QToolButton showing pausePaidTrafficAction(); the owner
/// puts the same action into the tray menu, so both always agree. The action's state follows
/// what the core reports (budgetStatusesReady), never only the click. Refreshes every 10 s
/// and, throttled to once per 2 s, after new requests. Never blocks. GUI thread only.
class BudgetsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BudgetsPage)
public:
    explicit BudgetsPage(QWidget *parent = nullptr);
    ~BudgetsPage() override;

    /// Connects to `core` (not owned): statuses, new records, the pause switch. Refreshing
    /// starts when the core has started.
    void attachCore(Switchyard::CoreHost *core);
    /// The request log the chart reads (CoreHost::databasePath()).
    void setDatabasePath(const QString &path);
    /// Where "now" comes from (not owned; default: the system clock). For tests.
    void setClock(const Switchyard::IClock *clock);

    /// Checkable; checked while paid traffic is paused. Triggering it asks the core.
    QAction *pausePaidTrafficAction() const { return m_pauseAction; }
    BudgetChartPanel *chart() const { return m_chart; }
    QTableWidget *budgetTable() const { return m_table; }
    QString selectedBudget() const;
    void selectBudget(const QString &name);
    const QList<Budget::BudgetStatus> &statuses() const { return m_statuses; }

public Q_SLOTS:
    /// Shows the core's answer to CoreHost::requestBudgetStatuses() and reloads the chart.
    void showStatuses(const QList<Switchyard::Budget::BudgetStatus> &statuses, bool paidTrafficPaused);
    /// Asks the core for fresh statuses (no-op without a started core).
    void refresh();
    /// Reloads the selected budget's chart from the log (coalesced while a load runs).
    void reloadCurve();

Q_SIGNALS:
    /// The user flipped the switch (or the tray action).
    void paidTrafficPauseRequested(bool paused);
    /// A chart load ended (loaded or failed).
    void curveLoaded();

private:
    void onPauseTriggered(bool paused);
    void onCurveLoaded(const BudgetCurve &curve);
    void onCurveFailed(const QString &message);
    void updatePausedBanner(bool paused);
    void scheduleRefresh();

    Switchyard::CoreHost *m_core = nullptr;
    const Switchyard::IClock *m_clock = nullptr;
    QString m_databasePath;
    QList<Budget::BudgetStatus> m_statuses;
    bool m_started = false;
    bool m_curvePending = false;

    QAction *m_pauseAction = nullptr;
    QToolButton *m_pauseButton = nullptr;
    QLabel *m_pausedLabel = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QLabel *m_chartTitle = nullptr;
    QTableWidget *m_table = nullptr;
    BudgetChartPanel *m_chart = nullptr;
    BudgetCurveLoader *m_loader = nullptr;
    QTimer *m_refreshTimer = nullptr;
    QTimer *m_throttle = nullptr;
};

} // namespace Switchyard::Ui
