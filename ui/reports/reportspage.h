// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/reports/report.h"

#include <QDate>
#include <QString>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QDateEdit;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QShowEvent;
class QTableView;
QT_END_NAMESPACE

namespace Switchyard::Ui {

class CostBarChartPanel;
class ReportRunner;
class ReportTableModel;

/// The "Reports" tab: a date range (local days, both inclusive, like `switchyard-server report
/// --from --to`; default: this month, run when the tab is first shown), the group-by columns to check, Run. The report runs on
/// a worker thread (ReportRunner) with a progress bar and Cancel; the result shows as a table
/// with a totals row and a bar chart of cost per group. "Export CSV…" writes exactly what the
/// command line writes (Reports::toCsv) through QSaveFile, with progress and Cancel; a
/// cancelled export leaves no file. Never blocks. GUI thread only.
class ReportsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportsPage)
public:
    explicit ReportsPage(QWidget *parent = nullptr);
    ~ReportsPage() override;

    /// The request log to read (CoreHost::databasePath()).
    void setDatabasePath(const QString &path);
    QString databasePath() const { return m_databasePath; }

    void setRange(const QDate &first, const QDate &last);
    /// Checks exactly these columns, e.g. "customer,model" (parseGroupBy names).
    void setGroupBy(const QString &columns);
    /// The checked columns as parseGroupBy names, in list order.
    QString groupByText() const;
    /// The query Run uses: [first 00:00, last + 1 day 00:00) local time, as UTC.
    Reports::ReportQuery query() const;

    bool isBusy() const;
    ReportTableModel *model() const { return m_model; }
    CostBarChartPanel *chart() const { return m_chart; }
    ReportRunner *runner() const { return m_runner; }
    QString statusText() const;

public Q_SLOTS:
    void run();
    void cancel();
    /// Writes the shown report as CSV to `path` on the worker thread (no-op without one).
    void exportTo(const QString &path);

protected:
    /// The first time the tab is shown with a log to read, this month's report runs by itself.
    void showEvent(QShowEvent *event) override;

Q_SIGNALS:
    /// A run or export ended: finished, cancelled or failed.
    void jobEnded();

private:
    void chooseExportFile();
    void onProgress(qint64 done, qint64 total);
    void onReportReady(const Reports::ReportTable &table);
    void onExported(const QString &path, qint64 bytes);
    void onCancelled();
    void onFailed(const QString &message);
    void setBusy(bool busy, const QString &status);

    QString m_databasePath;
    ReportRunner *m_runner = nullptr;
    ReportTableModel *m_model = nullptr;
    bool m_exporting = false;
    bool m_hasRun = false;

    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QListWidget *m_groupBy = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_table = nullptr;
    CostBarChartPanel *m_chart = nullptr;
};

} // namespace Switchyard::Ui
