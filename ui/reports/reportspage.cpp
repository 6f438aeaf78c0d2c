// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/reports/reportspage.h"

#include "core/budget/budgetledger.h"
#include "ui/charts/costbarchartpanel.h"
#include "ui/reports/reportrunner.h"
#include "ui/reports/reporttablemodel.h"
#include "ui/tr.h"

#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimeZone>
#include <QVBoxLayout>

#include <algorithm>

namespace Switchyard::Ui {

namespace {

constexpr Reports::GroupBy kColumns[] = {
    Reports::GroupBy::Customer, Reports::GroupBy::Project, Reports::GroupBy::Feature,
    Reports::GroupBy::App,      Reports::GroupBy::Key,     Reports::GroupBy::Model,
    Reports::GroupBy::Provider, Reports::GroupBy::Day};

} // namespace

ReportsPage::ReportsPage(QWidget *parent)
    : QWidget(parent)
    , m_runner(new ReportRunner(this))
    , m_model(new ReportTableModel(this))
{
    m_from = new QDateEdit;
    m_from->setObjectName(QStringLiteral("fromDate"));
    m_to = new QDateEdit;
    m_to->setObjectName(QStringLiteral("toDate"));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    const QDate today = QDate::currentDate();
    setRange(QDate(today.year(), today.month(), 1),
             QDate(today.year(), today.month(), today.daysInMonth()));

    m_groupBy = new QListWidget;
    m_groupBy->setObjectName(QStringLiteral("groupByList"));
    m_groupBy->setFlow(QListView::LeftToRight);
    m_groupBy->setWrapping(true);
    m_groupBy->setSpacing(2);
    m_groupBy->setToolTip(Tr::tr("Group the totals by the checked columns, in this order"));
    for (const Reports::GroupBy column : kColumns) {
        auto *entry = new QListWidgetItem(ReportTableModel::groupTitle(column), m_groupBy);
        entry->setData(Qt::UserRole, Reports::groupByName(column));
        entry->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        entry->setCheckState(Qt::Unchecked);
    }
    m_groupBy->setFixedHeight(m_groupBy->sizeHintForRow(0) + 2 * m_groupBy->frameWidth() + 8);
    setGroupBy(QStringLiteral("customer,model"));

    m_runButton = new QPushButton(Tr::tr("Run"));
    m_runButton->setObjectName(QStringLiteral("runButton"));
    m_runButton->setDefault(true);
    m_cancelButton = new QPushButton(Tr::tr("Cancel"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_exportButton = new QPushButton(Tr::tr("Export CSV\u2026"));
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setToolTip(Tr::tr("The same CSV as \u201cswitchyard-server report\u201d "
                                      "(RFC 4180, UTF-8, with a TOTAL row)"));

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(Tr::tr("From")));
    controls->addWidget(m_from);
    controls->addWidget(new QLabel(Tr::tr("to")));
    controls->addWidget(m_to);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(Tr::tr("Group by")));
    controls->addWidget(m_groupBy, 1);
    controls->addWidget(m_runButton);
    controls->addWidget(m_cancelButton);
    controls->addWidget(m_exportButton);

    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(12);
    m_status = new QLabel(Tr::tr("Choose a range and the columns to group by, then press Run."));
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("reportTable"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_chart = new CostBarChartPanel;
    m_chart->setObjectName(QStringLiteral("costChart"));

    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_table);
    split->addWidget(m_chart);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    split->setSizes({920, 440});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(controls);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);

    connect(m_runButton, &QPushButton::clicked, this, &ReportsPage::run);
    connect(m_cancelButton, &QPushButton::clicked, this, &ReportsPage::cancel);
    connect(m_exportButton, &QPushButton::clicked, this, &ReportsPage::chooseExportFile);
    connect(m_runner, &ReportRunner::progress, this, &ReportsPage::onProgress);
    connect(m_runner, &ReportRunner::reportReady, this, &ReportsPage::onReportReady);
    connect(m_runner, &ReportRunner::exported, this, &ReportsPage::onExported);
    connect(m_runner, &ReportRunner::cancelled, this, &ReportsPage::onCancelled);
    connect(m_runner, &ReportRunner::failed, this, &ReportsPage::onFailed);
    setBusy(false, m_status->text());
}

ReportsPage::~ReportsPage() = default;

void ReportsPage::setDatabasePath(const QString &path)
{
    m_databasePath = path;
    if (isVisible() && !m_hasRun)
        run();
}

void ReportsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_hasRun && !m_databasePath.isEmpty())
        run();
}

void ReportsPage::setRange(const QDate &first, const QDate &last)
{
    m_from->setDate(first);
    m_to->setDate(last);
}

void ReportsPage::setGroupBy(const QString &columns)
{
    const QStringList names = columns.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (int i = 0; i < m_groupBy->count(); ++i) {
        QListWidgetItem *entry = m_groupBy->item(i);
        entry->setCheckState(names.contains(entry->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                                   : Qt::Unchecked);
    }
}

QString ReportsPage::groupByText() const
{
    QStringList names;
    for (int i = 0; i < m_groupBy->count(); ++i) {
        if (m_groupBy->item(i)->checkState() == Qt::Checked)
            names.append(m_groupBy->item(i)->data(Qt::UserRole).toString());
    }
    return names.join(QLatin1Char(','));
}

Reports::ReportQuery ReportsPage::query() const
{
    Reports::ReportQuery q;
    // As the command line reads --from/--to days: local midnights, the last day included.
    q.from = QDateTime(m_from->date(), QTime(0, 0)).toUTC();
    q.to = QDateTime(m_to->date().addDays(1), QTime(0, 0)).toUTC();
    const Result<QList<Reports::GroupBy>> columns = Reports::parseGroupBy(groupByText());
    if (columns.ok())
        q.groupBy = columns.value();
    return q;
}

bool ReportsPage::isBusy() const
{
    return m_runner->isRunning();
}

QString ReportsPage::statusText() const
{
    return m_status->text();
}

void ReportsPage::setBusy(bool busy, const QString &status)
{
    m_status->setText(status);
    m_runButton->setEnabled(!busy);
    m_cancelButton->setEnabled(busy);
    m_exportButton->setEnabled(!busy && m_model->hasTable());
    m_from->setEnabled(!busy);
    m_to->setEnabled(!busy);
    m_groupBy->setEnabled(!busy);
    if (busy) {
        m_progress->setRange(0, 0); // busy until the first count arrives
        m_progress->setTextVisible(false);
    }
}

void ReportsPage::run()
{
    if (isBusy())
        return;
    if (m_databasePath.isEmpty()) {
        onFailed(Tr::tr("The request log is not open yet."));
        return;
    }
    if (m_from->date() > m_to->date()) {
        onFailed(Tr::tr("The first day must not be after the last day."));
        return;
    }
    m_exporting = false;
    m_hasRun = true;
    if (m_runner->runReport(m_databasePath, query()))
        setBusy(true, Tr::tr("Reading the request log\u2026"));
}

void ReportsPage::cancel()
{
    m_runner->cancel();
}

void ReportsPage::chooseExportFile()
{
    if (!m_model->hasTable())
        return;
    const QString suggested = QDir::home().filePath(
        Tr::tr("switchyard-report-%1-to-%2.csv")
            .arg(m_from->date().toString(Qt::ISODate), m_to->date().toString(Qt::ISODate)));
    const QString path = QFileDialog::getSaveFileName(this, Tr::tr("Export report as CSV"), suggested,
                                                      Tr::tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        exportTo(path);
}

void ReportsPage::exportTo(const QString &path)
{
    if (isBusy() || !m_model->hasTable())
        return;
    m_exporting = true;
    if (m_runner->exportCsv(m_model->table(), path))
        setBusy(true, Tr::tr("Writing %1\u2026").arg(QDir::toNativeSeparators(path)));
}

void ReportsPage::onProgress(qint64 done, qint64 total)
{
    // QProgressBar counts in int: scale large logs down.
    const qint64 scale = std::max<qint64>(1, total / 1'000'000'000 + 1);
    m_progress->setRange(0, int(std::max<qint64>(1, total / scale)));
    m_progress->setValue(int(done / scale));
}

void ReportsPage::onReportReady(const Reports::ReportTable &table)
{
    m_model->setTable(table);
    QStringList groups;
    QList<double> costs;
    for (const Reports::ReportRow &row : table.rows) {
        groups.append(table.groupBy.isEmpty() ? Tr::tr("All requests") : ReportTableModel::label(row));
        costs.append(row.costUsd);
    }
    if (table.rows.isEmpty())
        m_chart->clear();
    else
        m_chart->setCosts(groups, costs);
    const QLocale locale;
    QString status = Tr::tr("%1 groups, %2 requests, %3")
                         .arg(locale.toString(table.rows.size()), locale.toString(table.total.requests),
                              Budget::formatUsd(table.total.costUsd));
    if (table.total.unknownCostRequests > 0)
        status += Tr::tr("; %1 requests without a known cost are not in the total")
                      .arg(locale.toString(table.total.unknownCostRequests));
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
    setBusy(false, status);
    Q_EMIT jobEnded();
}

void ReportsPage::onExported(const QString &path, qint64 bytes)
{
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
    setBusy(false, Tr::tr("Wrote %1 (%2 bytes)").arg(QDir::toNativeSeparators(path), QLocale().toString(bytes)));
    Q_EMIT jobEnded();
}

void ReportsPage::onCancelled()
{
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    setBusy(false, m_exporting ? Tr::tr("Export cancelled; no file was written.")
                               : Tr::tr("Report cancelled."));
    Q_EMIT jobEnded();
}

void ReportsPage::onFailed(const QString &message)
{
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    setBusy(false, Tr::tr("Failed: %1").arg(message));
    Q_EMIT jobEnded();
}

} // namespace Switchyard::Ui
