// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/logrecord.h"
#include "core/telemetry/statssnapshot.h"

#include <QMainWindow>
#include <QUrl>

QT_BEGIN_NAMESPACE
class QFrame;
class QLabel;
class QLineEdit;
class QModelIndex;
class QSplitter;
class QSystemTrayIcon;
class QTabWidget;
class QTableView;
QT_END_NAMESPACE

namespace Switchyard {
class CoreHost;
}

namespace Switchyard::Ui {

class BudgetsPage;
class KeysPage;
class GuardsPage;
class LogFilterProxyModel;
class LogTableModel;
class RateChartPanel;
class ReportsPage;
class RequestDetailView;
class RoutingPage;
class ScoresPage;

/// The desktop window: a "Requests" tab (filter box and rate chart on top, the live request
/// log beside the detail pane), a "Models & Scores" tab (ScoresPage) and a "Routing" tab
/// (RoutingPage, saved through CoreHost::saveRoutes()), "Budgets", "Reports" and "Keys"
/// (BudgetsPage, ReportsPage, KeysPage, GuardsPage, each wired to CoreHost by itself); listen URL and totals
/// in the status bar, a tray icon when the desktop has a tray. A shell only: it shows what
/// CoreHost publishes; every call into the core (the pages' included) is fire-and-forget,
/// so it can never block on it. Closing the window
/// quits the application; the app's main() then shuts the core down. GUI thread only.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Connects CoreHost's signals to the slots below. The core outlives the window's use of
    /// it or is destroyed with it; the window does not take ownership.
    void attachCore(Switchyard::CoreHost *core);

    /// Writes geometry, splitter and column layout to QSettings (also on close and destruction).
    void saveSettings() const;

public Q_SLOTS:
    void appendRecords(const Switchyard::LogRecordList &records);
    void showStats(const Switchyard::Telemetry::StatsSnapshot &stats);
    void setListening(const QUrl &url);
    void showStartError(const QString &message);
    /// A non-modal banner (errors) or a transient status-bar note (information).
    void showConfigMessage(const QString &message, bool isError = false);
    /// A tray notification when there is a tray, else a status-bar message.
    void showBudgetAlert(const QString &budget, double threshold, const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *buildTopBar();
    QWidget *buildBanner();
    void buildStatusBar();
    void buildTray();
    void restoreSettings();
    void showBanner(const QString &message, bool isError);
    void showCurrent(const QModelIndex &proxyIndex);
    void updateTrayToolTip();

    LogTableModel *m_model = nullptr;
    LogFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    RequestDetailView *m_detail = nullptr;
    RateChartPanel *m_chart = nullptr;
    QSplitter *m_splitter = nullptr;
    QTabWidget *m_tabs = nullptr;
    ScoresPage *m_scoresPage = nullptr;
    RoutingPage *m_routingPage = nullptr;
    BudgetsPage *m_budgetsPage = nullptr;
    ReportsPage *m_reportsPage = nullptr;
    KeysPage *m_keysPage = nullptr;
    GuardsPage *m_guardsPage = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QLabel *m_simulatedBadge = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerLabel = nullptr;
    QLabel *m_listenLabel = nullptr;
    QLabel *m_rateLabel = nullptr;
    QLabel *m_totalLabel = nullptr;
    QLabel *m_errorsLabel = nullptr;
    QLabel *m_spendLabel = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    Switchyard::Telemetry::StatsSnapshot m_lastStats;
    QUrl m_listenUrl;
};

} // namespace Switchyard::Ui
