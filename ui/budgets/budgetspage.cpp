// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/budgets/budgetspage.h"

#include "core/budget/budgetperiod.h"
#include "core/common/clock.h"
#include "core/corehost.h"
#include "ui/budgets/budgetcurve.h"
#include "ui/charts/budgetchartpanel.h"
#include "ui/tr.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace Switchyard::Ui {

namespace {

enum Column { NameColumn, ScopeColumn, PeriodColumn, SpentColumn, ActionColumn, ResetsColumn, ColumnCount };

QString scopeText(const Config::BudgetSettings &b)
{
    using Scope = Config::BudgetSettings::Scope;
    switch (b.scope) {
    case Scope::Global: return Tr::tr("All traffic");
    case Scope::Customer: return Tr::tr("Customer %1").arg(b.match);
    case Scope::Project: return Tr::tr("Project %1").arg(b.match);
    case Scope::Key: return Tr::tr("Key %1").arg(b.match);
    case Scope::App: return Tr::tr("App %1").arg(b.match);
    case Scope::Tag: return Tr::tr("Tag %1").arg(b.match);
    }
    return b.match;
}

QString periodText(Config::BudgetSettings::Period period)
{
    using Period = Config::BudgetSettings::Period;
    switch (period) {
    case Period::Day: return Tr::tr("Daily");
    case Period::Week: return Tr::tr("Weekly");
    case Period::Month: return Tr::tr("Monthly");
    }
    return {};
}

QString actionText(const Config::BudgetSettings &b)
{
    using Action = Config::BudgetSettings::Action;
    switch (b.onLimit) {
    case Action::Block: return Tr::tr("Block");
    case Action::Downgrade: return Tr::tr("Downgrade");
    case Action::Alert: return Tr::tr("Alert only");
    }
    return {};
}

QTableWidgetItem *item(const QString &text)
{
    auto *cell = new QTableWidgetItem(text);
    cell->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    cell->setToolTip(text);
    return cell;
}

} // namespace

BudgetsPage::BudgetsPage(QWidget *parent)
    : QWidget(parent)
    , m_clock(SystemClock::instance())
    , m_loader(new BudgetCurveLoader(this))
    , m_refreshTimer(new QTimer(this))
    , m_throttle(new QTimer(this))
{
    m_pauseAction = new QAction(Tr::tr("Pause paid traffic"), this);
    m_pauseAction->setObjectName(QStringLiteral("pausePaidTrafficAction"));
    m_pauseAction->setCheckable(true);
    m_pauseAction->setToolTip(Tr::tr("While paused, only free (local) models are served; "
                                     "requests that need a paid model are refused."));
    m_pauseButton = new QToolButton;
    m_pauseButton->setObjectName(QStringLiteral("pauseButton"));
    m_pauseButton->setDefaultAction(m_pauseAction);
    m_pauseButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_pauseButton->setStyleSheet(QStringLiteral(
        "QToolButton { padding: 4px 12px; border: 1px solid #9e9e9e; border-radius: 11px; }"
        "QToolButton:checked { background: #c62828; color: white; border-color: #b71c1c; }"));

    m_pausedLabel = new QLabel;
    m_pausedLabel->setObjectName(QStringLiteral("pausedLabel"));
    m_pausedLabel->setStyleSheet(QStringLiteral("color: #c62828; font-weight: bold;"));

    auto *top = new QHBoxLayout;
    auto *title = new QLabel(Tr::tr("Spend per budget in its current period"));
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    top->addWidget(title);
    top->addStretch(1);
    top->addWidget(m_pausedLabel);
    top->addWidget(m_pauseButton);

    m_table = new QTableWidget(0, ColumnCount);
    m_table->setObjectName(QStringLiteral("budgetTable"));
    m_table->setHorizontalHeaderLabels({Tr::tr("Budget"), Tr::tr("Applies to"), Tr::tr("Period"),
                                        Tr::tr("Spent of limit"), Tr::tr("At the limit"),
                                        Tr::tr("Resets")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(SpentColumn, QHeaderView::Stretch);

    m_emptyLabel = new QLabel(Tr::tr("No budgets are configured. Add them to the \"budgets\" "
                                     "section of the configuration file, or give a virtual key a "
                                     "monthly budget on the Keys tab."));
    m_emptyLabel->setObjectName(QStringLiteral("emptyLabel"));
    m_emptyLabel->setWordWrap(true);

    m_chartTitle = new QLabel;
    m_chartTitle->setObjectName(QStringLiteral("chartTitle"));
    m_chartTitle->setWordWrap(true);
    m_chart = new BudgetChartPanel;
    m_chart->setObjectName(QStringLiteral("budgetChart"));
    auto *chartBox = new QWidget;
    auto *chartLayout = new QVBoxLayout(chartBox);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->addWidget(m_chartTitle);
    chartLayout->addWidget(m_chart, 1);

    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_table);
    split->addWidget(chartBox);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);
    split->setSizes({190, 520});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(split, 1);

    m_refreshTimer->setInterval(10000);
    m_throttle->setSingleShot(true);
    m_throttle->setInterval(2000);
    connect(m_refreshTimer, &QTimer::timeout, this, &BudgetsPage::refresh);
    connect(m_throttle, &QTimer::timeout, this, &BudgetsPage::refresh);
    connect(m_pauseAction, &QAction::triggered, this, &BudgetsPage::onPauseTriggered);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &BudgetsPage::reloadCurve);
    connect(m_loader, &BudgetCurveLoader::loaded, this, &BudgetsPage::onCurveLoaded);
    connect(m_loader, &BudgetCurveLoader::failed, this, &BudgetsPage::onCurveFailed);
    updatePausedBanner(false);
    showStatuses({}, false);
}

BudgetsPage::~BudgetsPage() = default;

void BudgetsPage::attachCore(CoreHost *core)
{
    m_core = core;
    if (!core)
        return;
    connect(core, &CoreHost::budgetStatusesReady, this, &BudgetsPage::showStatuses);
    connect(core, &CoreHost::recordsAppended, this, &BudgetsPage::scheduleRefresh);
    connect(this, &BudgetsPage::paidTrafficPauseRequested, core, &CoreHost::setPaidTrafficPaused);
    auto onStarted = [this, core] {
        m_started = true;
        setDatabasePath(core->databasePath());
        m_refreshTimer->start();
        refresh();
    };
    connect(core, &CoreHost::started, this, onStarted);
    // A config change may add or remove budgets.
    connect(core, &CoreHost::configApplied, this, &BudgetsPage::refresh);
    if (core->listenUrl().isValid())
        onStarted();
}

void BudgetsPage::setDatabasePath(const QString &path)
{
    m_databasePath = path;
}

void BudgetsPage::setClock(const IClock *clock)
{
    m_clock = clock ? clock : SystemClock::instance();
}

QString BudgetsPage::selectedBudget() const
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    return selected.isEmpty() ? QString() : m_table->item(selected.first()->row(), NameColumn)->text();
}

void BudgetsPage::selectBudget(const QString &name)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, NameColumn)->text() == name) {
            m_table->selectRow(row);
            return;
        }
    }
}

void BudgetsPage::refresh()
{
    if (m_core && m_started)
        m_core->requestBudgetStatuses();
}

void BudgetsPage::scheduleRefresh()
{
    if (!m_throttle->isActive())
        m_throttle->start();
}

void BudgetsPage::onPauseTriggered(bool paused)
{
    Q_EMIT paidTrafficPauseRequested(paused);
    // Queued after the pause on the core thread, so the answer carries the new state.
    refresh();
}

void BudgetsPage::updatePausedBanner(bool paused)
{
    m_pausedLabel->setText(paused ? Tr::tr("Paid traffic is paused: only free models are served")
                                  : QString());
    m_pausedLabel->setVisible(paused);
}

void BudgetsPage::showStatuses(const QList<Budget::BudgetStatus> &statuses, bool paidTrafficPaused)
{
    m_pauseAction->setChecked(paidTrafficPaused); // emits toggled, never triggered
    updatePausedBanner(paidTrafficPaused);

    const QString selected = selectedBudget();
    m_statuses = statuses;
    const QSignalBlocker blocker(m_table);
    m_table->clearSelection();
    m_table->setRowCount(int(statuses.size()));
    const QLocale locale;
    for (int row = 0; row < statuses.size(); ++row) {
        const Budget::BudgetStatus &s = statuses.at(row);
        m_table->setItem(row, NameColumn, item(s.budget.name));
        m_table->setItem(row, ScopeColumn, item(scopeText(s.budget)));
        m_table->setItem(row, PeriodColumn, item(periodText(s.budget.period)));
        m_table->setItem(row, ActionColumn, item(actionText(s.budget)));
        m_table->setItem(row, ResetsColumn,
                         item(locale.toString(s.window.end.toLocalTime(), QLocale::ShortFormat)));
        const double spent = s.spentUsd + s.reservedUsd;
        const double fraction = s.budget.limitUsd > 0 ? spent / s.budget.limitUsd : 0;
        QString text = Tr::tr("%1 of %2 (%3 %)")
                           .arg(Budget::formatUsd(spent), Budget::formatUsd(s.budget.limitUsd),
                                locale.toString(fraction * 100, 'f', 1));
        if (s.reservedUsd > 0)
            text += Tr::tr(", %1 held by requests in flight").arg(Budget::formatUsd(s.reservedUsd));
        auto *bar = new QProgressBar;
        bar->setRange(0, 1000);
        bar->setValue(int(std::lround(std::clamp(fraction, 0.0, 1.0) * 1000)));
        bar->setFormat(text);
        bar->setToolTip(text);
        if (fraction >= 1.0)
            bar->setStyleSheet(QStringLiteral("QProgressBar { text-align: center; } QProgressBar::chunk { background: #c62828; }"));
        else if (fraction >= 0.8)
            bar->setStyleSheet(QStringLiteral("QProgressBar { text-align: center; } QProgressBar::chunk { background: #ef6c00; }"));
        m_table->setCellWidget(row, SpentColumn, bar);
        // The text is what a screen reader and a sort would use.
        m_table->setItem(row, SpentColumn, item(text));
    }
    m_emptyLabel->setVisible(statuses.isEmpty());
    m_chart->setVisible(!statuses.isEmpty());
    m_chartTitle->setVisible(!statuses.isEmpty());
    if (!statuses.isEmpty()) {
        selectBudget(selected);
        if (m_table->selectedItems().isEmpty())
            m_table->selectRow(0);
    }
    reloadCurve();
}

void BudgetsPage::reloadCurve()
{
    const QString name = selectedBudget();
    const auto it = std::find_if(m_statuses.cbegin(), m_statuses.cend(),
                                 [&](const Budget::BudgetStatus &s) { return s.budget.name == name; });
    if (it == m_statuses.cend() || m_databasePath.isEmpty()) {
        m_chart->clear();
        return;
    }
    if (m_loader->isRunning()) {
        m_curvePending = true;
        return;
    }
    const QDateTime now = m_clock->now().toUTC();
    const Budget::PeriodWindow window =
        Budget::periodWindow(it->budget.period, now, Budget::budgetZone(it->budget));
    m_loader->start(m_databasePath, it->budget, window, now);
}

void BudgetsPage::onCurveLoaded(const BudgetCurve &curve)
{
    if (m_curvePending) {
        m_curvePending = false;
        reloadCurve();
        return;
    }
    m_chart->setCurve(curve);
    const QLocale locale;
    m_chartTitle->setText(
        Tr::tr("%1: %2 spent from %3 to now; at this rate %4 by %5 (limit %6)")
            .arg(curve.budget, Budget::formatUsd(curve.spentUsd),
                 locale.toString(curve.window.start.toLocalTime(), QLocale::ShortFormat),
                 Budget::formatUsd(curve.projectedUsd),
                 locale.toString(curve.window.end.toLocalTime(), QLocale::ShortFormat),
                 Budget::formatUsd(curve.limitUsd)));
    Q_EMIT curveLoaded();
}

void BudgetsPage::onCurveFailed(const QString &message)
{
    if (m_curvePending) {
        m_curvePending = false;
        reloadCurve();
        return;
    }
    m_chart->clear();
    m_chartTitle->setText(Tr::tr("The spend chart could not be read from the request log: %1").arg(message));
    Q_EMIT curveLoaded();
}

} // namespace Switchyard::Ui
