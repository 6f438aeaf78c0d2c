// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/mainwindow.h"

#include "core/corehost.h"
#include "ui/budgets/budgetspage.h"
#include "ui/charts/ratechartpanel.h"
#include "ui/guards/guardspage.h"
#include "ui/keys/keyspage.h"
#include "ui/logs/logfilterproxymodel.h"
#include "ui/logs/logtablemodel.h"
#include "ui/logs/requestdetailview.h"
#include "ui/reports/reportspage.h"
#include "ui/routing/routingpage.h"
#include "ui/scores/scorespage.h"
#include "ui/tr.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QImageReader>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Switchyard::Ui {

namespace {

const QString s_settingsGroup = QStringLiteral("MainWindow");

QIcon appIcon()
{
    QIcon icon;
    for (const int size : {16, 32, 64, 256}) {
        icon.addFile(QStringLiteral(":/icons/switchyard-%1.png").arg(size), QSize(size, size));
    }
    // Only when the svg image plugin is installed; otherwise the PNG renders carry the icon.
    if (QImageReader::supportedImageFormats().contains("svg")) {
        icon.addFile(QStringLiteral(":/icons/switchyard.svg"));
    }
    return icon;
}

QString money(double usd)
{
    return QLatin1Char('$') + QString::number(usd, 'f', usd < 1.0 ? 4 : 2);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new LogTableModel(this))
    , m_proxy(new LogFilterProxyModel(this))
{
    setWindowTitle(Tr::tr("Switchyard"));
    setWindowIcon(appIcon());
    m_proxy->setSourceModel(m_model);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("logTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(int(LogTableModel::Column::Time), Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->setColumnWidth(int(LogTableModel::Column::Status), 150);
    m_table->setColumnWidth(int(LogTableModel::Column::Model), 220);
    m_table->setColumnWidth(int(LogTableModel::Column::Provider), 140);

    m_detail = new RequestDetailView;
    m_detail->setObjectName(QStringLiteral("detailView"));

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    auto *requests = new QWidget;
    requests->setObjectName(QStringLiteral("requestsPage"));
    auto *requestsLayout = new QVBoxLayout(requests);
    requestsLayout->setContentsMargins(6, 6, 6, 0);
    requestsLayout->addWidget(buildTopBar());
    requestsLayout->addWidget(m_splitter, 1);

    m_scoresPage = new ScoresPage;
    m_scoresPage->setObjectName(QStringLiteral("scoresPage"));

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(requests, Tr::tr("Requests"));
    m_tabs->addTab(m_scoresPage, Tr::tr("Models && Scores"));
    m_routingPage = new RoutingPage;
    m_routingPage->setObjectName(QStringLiteral("routingPage"));
    m_tabs->addTab(m_routingPage, Tr::tr("Routing"));
    m_budgetsPage = new BudgetsPage;
    m_budgetsPage->setObjectName(QStringLiteral("budgetsPage"));
    m_tabs->addTab(m_budgetsPage, Tr::tr("Budgets"));
    m_reportsPage = new ReportsPage;
    m_reportsPage->setObjectName(QStringLiteral("reportsPage"));
    m_tabs->addTab(m_reportsPage, Tr::tr("Reports"));
    m_keysPage = new KeysPage;
    m_keysPage->setObjectName(QStringLiteral("keysPage"));
    m_tabs->addTab(m_keysPage, Tr::tr("Keys"));
    m_guardsPage = new GuardsPage;
    m_guardsPage->setObjectName(QStringLiteral("guardsPage"));
    m_tabs->addTab(m_guardsPage, Tr::tr("Guards"));

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(buildBanner());
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    buildStatusBar();
    buildTray();

    connect(m_filterEdit, &QLineEdit::textChanged, m_proxy, &LogFilterProxyModel::setFilterText);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showCurrent(current); });

    resize(1280, 780);
    restoreSettings();
}

MainWindow::~MainWindow()
{
    // Also when the app quits without a close event (tray Quit, SIGTERM).
    saveSettings();
}

QWidget *MainWindow::buildTopBar()
{
    auto *bar = new QWidget;
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *left = new QVBoxLayout;
    m_filterEdit = new QLineEdit;
    m_filterEdit->setObjectName(QStringLiteral("filterEdit"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setPlaceholderText(
        Tr::tr("Filter: gpt-4o   status:5xx   status:429   provider:sim   customer:acme   error"));
    m_filterEdit->setToolTip(
        Tr::tr("Words must all match. A plain word searches model, provider, customer, project, "
               "app, surface, status and error text. status:5xx, status:429, provider:…, "
               "customer:…, project:…, app:…, model:…, route:… narrow to one field; "
               "\"error\" shows only failed requests."));
    left->addWidget(m_filterEdit);

    m_simulatedBadge = new QLabel(Tr::tr("Simulated provider"));
    m_simulatedBadge->setObjectName(QStringLiteral("simulatedBadge"));
    m_simulatedBadge->setStyleSheet(
        QStringLiteral("QLabel { background: #ffb300; color: #212121; font-weight: bold;"
                       " border-radius: 4px; padding: 2px 8px; }"));
    m_simulatedBadge->setToolTip(
        Tr::tr("Some answers come from the built-in simulated provider: they are generated "
               "locally and are not real model output. Add a provider key to route to real "
               "models."));
    m_simulatedBadge->hide();
    auto *badgeRow = new QHBoxLayout;
    badgeRow->addWidget(m_simulatedBadge);
    badgeRow->addStretch(1);
    left->addLayout(badgeRow);
    left->addStretch(1);
    layout->addLayout(left, 2);

    m_chart = new RateChartPanel;
    m_chart->setObjectName(QStringLiteral("rateChart"));
    layout->addWidget(m_chart, 3);
    return bar;
}

QWidget *MainWindow::buildBanner()
{
    m_banner = new QFrame;
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QHBoxLayout(m_banner);
    layout->setContentsMargins(8, 4, 4, 4);
    m_bannerLabel = new QLabel;
    m_bannerLabel->setObjectName(QStringLiteral("bannerLabel"));
    m_bannerLabel->setWordWrap(true);
    m_bannerLabel->setTextFormat(Qt::PlainText);
    m_bannerLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_bannerLabel, 1);
    auto *dismiss = new QToolButton;
    dismiss->setText(QStringLiteral("\u2715"));
    dismiss->setToolTip(Tr::tr("Dismiss"));
    dismiss->setAutoRaise(true);
    connect(dismiss, &QToolButton::clicked, m_banner, &QWidget::hide);
    layout->addWidget(dismiss, 0, Qt::AlignTop);
    m_banner->hide();
    return m_banner;
}

void MainWindow::buildStatusBar()
{
    auto makeLabel = [this](const QString &name) {
        auto *label = new QLabel;
        label->setObjectName(name);
        statusBar()->addPermanentWidget(label);
        return label;
    };
    m_listenLabel = makeLabel(QStringLiteral("listenLabel"));
    m_listenLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_listenLabel->setText(Tr::tr("Starting\u2026"));
    m_rateLabel = makeLabel(QStringLiteral("rateLabel"));
    m_totalLabel = makeLabel(QStringLiteral("totalLabel"));
    m_errorsLabel = makeLabel(QStringLiteral("errorsLabel"));
    m_spendLabel = makeLabel(QStringLiteral("spendLabel"));
    showStats({});
}

void MainWindow::buildTray()
{
    // The menu exists without a tray too, so its actions (and tests) do not depend on one.
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("trayMenu"));
    QAction *showAction = menu->addAction(Tr::tr("Show Switchyard"));
    connect(showAction, &QAction::triggered, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    // The same checkable action as the Budgets tab's switch, so the two always agree.
    menu->addAction(m_budgetsPage->pausePaidTrafficAction());
    menu->addSeparator();
    QAction *quitAction = menu->addAction(Tr::tr("Quit"));
    connect(quitAction, &QAction::triggered, this, &QWidget::close);
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        return;
    }
    m_tray = new QSystemTrayIcon(windowIcon(), this);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger) {
                    showNormal();
                    raise();
                    activateWindow();
                }
            });
    updateTrayToolTip();
    m_tray->show();
}

void MainWindow::attachCore(CoreHost *core)
{
    if (!core) {
        return;
    }
    connect(core, &CoreHost::started, this, &MainWindow::setListening);
    connect(core, &CoreHost::startFailed, this, &MainWindow::showStartError);
    connect(core, &CoreHost::recordsAppended, this, &MainWindow::appendRecords);
    connect(core, &CoreHost::recordsAppended, m_guardsPage, &GuardsPage::appendRecords);
    connect(core, &CoreHost::statsUpdated, this, &MainWindow::showStats);
    connect(core, &CoreHost::configApplied, this, [this](quint64 version, const QString &path) {
        showConfigMessage(path.isEmpty()
                              ? Tr::tr("Configuration version %1: built-in defaults").arg(version)
                              : Tr::tr("Configuration version %1 applied from %2").arg(version).arg(path));
    });
    // The scores page never talks to the core itself: edits go out through applyRequested and
    // come back as configApplied, both queued through CoreHost, so the GUI never waits.
    connect(m_scoresPage, &ScoresPage::applyRequested, core, &CoreHost::applyConfig);
    connect(core, &CoreHost::configApplied, m_scoresPage, [this, core](quint64 version) {
        if (core->config()) {
            m_scoresPage->setConfig(core->config());
        }
        m_scoresPage->showApplied(version);
    });
    if (core->config()) {
        m_scoresPage->setConfig(core->config());
        m_routingPage->setConfig(core->config());
        m_guardsPage->setGuards(core->config()->guards);
    }
    // Guards edits apply as a new policy snapshot (in memory; the file is not rewritten).
    connect(m_guardsPage, &GuardsPage::guardsEdited, core, [core](const QJsonObject &guards) {
        if (!core->config())
            return;
        auto edited = std::make_shared<Config::GatewayConfig>(*core->config());
        edited->guards = guards;
        core->applyConfig(edited);
    });
    connect(core, &CoreHost::configApplied, m_guardsPage, [this, core] {
        if (core->config())
            m_guardsPage->setGuards(core->config()->guards);
    });
    // Routing edits are saved to the file on the core thread; results come back as signals.
    connect(m_routingPage, &RoutingPage::saveRequested, core, &CoreHost::saveRoutes);
    connect(core, &CoreHost::configApplied, m_routingPage, [this, core] {
        m_routingPage->setConfig(core->config());
    });
    connect(core, &CoreHost::configSaved, m_routingPage, &RoutingPage::showSaved);
    connect(core, &CoreHost::configSaveFailed, m_routingPage, &RoutingPage::showSaveFailed);
    connect(m_routingPage, &RoutingPage::statusMessage, this, [this](const QString &message) {
        statusBar()->showMessage(message, 10000);
    });
    connect(core, &CoreHost::configRejected, this, [this](const QString &message) {
        showConfigMessage(Tr::tr("Configuration change rejected; the previous configuration "
                                 "stays in force. %1")
                              .arg(message),
                          true);
    });
    connect(core, &CoreHost::budgetAlert, this, &MainWindow::showBudgetAlert);
    m_budgetsPage->attachCore(core);
    m_keysPage->attachCore(core);
    // The pages that read the request log get its path once the core has opened it.
    auto setDatabasePath = [this, core] {
        m_scoresPage->setDatabasePath(core->databasePath());
        m_reportsPage->setDatabasePath(core->databasePath());
    };
    connect(core, &CoreHost::started, this, setDatabasePath);
    if (core->listenUrl().isValid()) {
        setListening(core->listenUrl());
        setDatabasePath();
    }
}

void MainWindow::showBudgetAlert(const QString &budget, double threshold, const QString &message)
{
    const QString title =
        Tr::tr("Budget %1 at %2 %").arg(budget).arg(qRound(threshold * 100));
    if (m_tray && m_tray->isVisible() && QSystemTrayIcon::supportsMessages()) {
        m_tray->showMessage(title, message,
                            threshold >= 1.0 ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
    } else {
        statusBar()->showMessage(message, 30000); // the message already names budget and threshold
    }
}

void MainWindow::appendRecords(const LogRecordList &records)
{
    if (records.isEmpty()) {
        return;
    }
    // Follow the tail only if the user is already there; never yank them away from a row
    // they scrolled up to read.
    const QScrollBar *bar = m_table->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum();
    m_model->appendRecords(records);
    if (atBottom) {
        m_table->scrollToBottom();
    }
    if (m_simulatedBadge->isHidden()) {
        for (const LogRecord &record : records) {
            if (record.isSimulated()) {
                m_simulatedBadge->show();
                break;
            }
        }
    }
}

void MainWindow::showStats(const Telemetry::StatsSnapshot &stats)
{
    m_lastStats = stats;
    m_rateLabel->setText(Tr::tr("%1 req/s").arg(QString::number(stats.requestsPerSecond, 'f', 1)));
    m_totalLabel->setText((stats.totalRequests == 1 ? Tr::tr("1 request") : Tr::tr("%1 requests").arg(stats.totalRequests)));
    m_errorsLabel->setText((stats.totalErrors == 1 ? Tr::tr("1 error") : Tr::tr("%1 errors").arg(stats.totalErrors)));
    m_errorsLabel->setStyleSheet(stats.totalErrors > 0 ? QStringLiteral("color: #c62828;")
                                                       : QString());
    m_spendLabel->setText(Tr::tr("%1 spent").arg(money(stats.spendUsd)));
    if (m_chart) { // null only while the status bar is being built
        m_chart->addSnapshot(stats);
    }
    updateTrayToolTip();
}

void MainWindow::setListening(const QUrl &url)
{
    m_listenUrl = url;
    m_listenLabel->setStyleSheet(QString());
    m_listenLabel->setText(Tr::tr("Listening on %1").arg(url.toString()));
    m_listenLabel->setToolTip(
        Tr::tr("OpenAI tools: OPENAI_BASE_URL=%1/v1\nAnthropic tools: ANTHROPIC_BASE_URL=%1")
            .arg(url.toString(QUrl::StripTrailingSlash)));
    updateTrayToolTip();
}

void MainWindow::showStartError(const QString &message)
{
    m_listenUrl.clear();
    m_listenLabel->setText(Tr::tr("Not listening"));
    m_listenLabel->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_listenLabel->setToolTip(message);
    showBanner(Tr::tr("The gateway could not start: %1").arg(message), true);
    updateTrayToolTip();
}

void MainWindow::showConfigMessage(const QString &message, bool isError)
{
    if (isError) {
        showBanner(message, true);
        statusBar()->showMessage(Tr::tr("Configuration rejected"), 10000);
    } else {
        statusBar()->showMessage(message, 8000);
    }
}

void MainWindow::showBanner(const QString &message, bool isError)
{
    m_bannerLabel->setText(message);
    m_banner->setStyleSheet(isError ? QStringLiteral("#banner { background: #ffebee; }")
                                    : QStringLiteral("#banner { background: #fff8e1; }"));
    m_banner->show();
}

void MainWindow::showCurrent(const QModelIndex &proxyIndex)
{
    if (!proxyIndex.isValid()) {
        return; // keep showing the last request; the ring may just have evicted it
    }
    const QModelIndex source = m_proxy->mapToSource(proxyIndex);
    m_detail->setRecord(m_model->record(source.row()));
}

void MainWindow::updateTrayToolTip()
{
    if (!m_tray) {
        return;
    }
    const QString where = m_listenUrl.isValid() ? m_listenUrl.toString() : Tr::tr("not listening");
    m_tray->setToolTip(Tr::tr("Switchyard (%1)\n%2 req/s, %3 requests, %4 errors, %5 spent")
                           .arg(where, QString::number(m_lastStats.requestsPerSecond, 'f', 1))
                           .arg(m_lastStats.totalRequests)
                           .arg(m_lastStats.totalErrors)
                           .arg(money(m_lastStats.spendUsd)));
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(s_settingsGroup);
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    if (!m_splitter->restoreState(settings.value(QStringLiteral("splitter")).toByteArray())) {
        m_splitter->setSizes({900, 380});
    }
    m_table->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("logColumns")).toByteArray());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(s_settingsGroup);
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("logColumns"), m_table->horizontalHeader()->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    event->accept();
    // The tray icon would otherwise keep a window-less app alive; main() shuts the core down
    // once the event loop returns.
    QCoreApplication::quit();
}

} // namespace Switchyard::Ui
