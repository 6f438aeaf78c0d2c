// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/reports/report.h"
#include "core/store/requestreader.h"
#include "core/store/requeststore.h"
#include "ui/charts/costbarchartpanel.h"
#include "ui/reports/reportrunner.h"
#include "ui/reports/reportspage.h"
#include "ui/reports/reporttablemodel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>

using namespace Switchyard;
using Switchyard::Ui::ReportsPage;
using Switchyard::Ui::ReportTableModel;
using Metric = Switchyard::Ui::ReportTableModel::Metric;

namespace {

LogRecord rec(int n, int month, int day, const char *customer, const char *model, int status,
              std::optional<double> cost)
{
    LogRecord r;
    r.requestId = QStringLiteral("r-%1").arg(n);
    r.startedAt = QDateTime(QDate(2026, month, day), QTime(12, 0), Qt::UTC);
    r.customer = QLatin1String(customer);
    r.model = QLatin1String(model);
    r.provider = QStringLiteral("sim");
    r.surface = QStringLiteral("openai.chat");
    r.status = status;
    r.usage = status == 200 ? Usage{100, 10, 0, 50, 5, true} : Usage{};
    r.costKnown = cost.has_value();
    r.costUsd = cost.value_or(0);
    r.priceVersion = cost ? QStringLiteral("p-0000beef") : QString();
    return r;
}

} // namespace

class tst_ReportsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void tableAndTotalsMatchHandComputed();
    void exportIsByteEqualToTheCommandLineCsv();
    void cancelMidExportLeavesNoFile();
    void cancelledExportKeepsAnExistingFile();

private:
    QString seed();
    void runReport(ReportsPage &page);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_ReportsPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void tst_ReportsPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString tst_ReportsPage::seed()
{
    const QString path = m_dir->filePath(QStringLiteral("switchyard.sqlite"));
    Store::RequestStore store;
    if (!store.open(path).ok())
        qFatal("cannot open the store");
    int n = 0;
    store.append(rec(n++, 3, 2, "acme", "gpt-4o", 200, 0.50), nullptr, {});
    store.append(rec(n++, 3, 9, "acme", "gpt-4o", 200, 0.25), nullptr, {});
    store.append(rec(n++, 3, 10, "acme", "claude", 200, 1.00), nullptr, {});
    store.append(rec(n++, 3, 11, "globex", "gpt-4o", 200, 0.10), nullptr, {});
    store.append(rec(n++, 3, 12, "globex", "gpt-4o", 500, std::nullopt), nullptr, {});
    store.append(rec(n++, 3, 13, "globex", "claude", 200, std::nullopt), nullptr, {});
    store.append(rec(n++, 4, 1, "acme", "claude", 200, 9.00), nullptr, {}); // after the range
    store.append(rec(n++, 2, 27, "acme", "claude", 200, 9.00), nullptr, {}); // before it
    store.close();
    return path;
}

void tst_ReportsPage::runReport(ReportsPage &page)
{
    page.setRange(QDate(2026, 3, 1), QDate(2026, 3, 31));
    page.setGroupBy(QStringLiteral("customer,model"));
    QCOMPARE(page.groupByText(), QStringLiteral("customer,model"));
    QSignalSpy ended(&page, &ReportsPage::jobEnded);
    page.setDatabasePath(seed()); // a shown page runs by itself once it has a log
    QCOMPARE(page.isBusy(), page.isVisible());
    page.run(); // a no-op while that runs
    QVERIFY(page.isBusy());
    QVERIFY(ended.wait(10000));
    QVERIFY(!page.isBusy());
}

void tst_ReportsPage::tableAndTotalsMatchHandComputed()
{
    ReportsPage page;
    new QAbstractItemModelTester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest, &page);
    page.show();
    runReport(page);

    const ReportTableModel *m = page.model();
    QCOMPARE(m->columnCount(), 2 + ReportTableModel::kMetricCount);
    QCOMPARE(m->rowCount(), 5); // four groups and the total
    auto text = [m](int row, int column) { return m->index(row, column).data().toString(); };
    auto number = [m](int row, int column) { return m->index(row, column).data(Qt::UserRole).toDouble(); };
    // Dearest first: acme/claude $1.00, acme/gpt-4o $0.75, globex/gpt-4o $0.10, globex/claude $0.
    const QStringList expectedGroups = {QStringLiteral("acme / claude"), QStringLiteral("acme / gpt-4o"),
                                        QStringLiteral("globex / gpt-4o"), QStringLiteral("globex / claude")};
    const QList<double> requests = {1, 2, 2, 1, 6};
    const QList<double> errors = {0, 0, 1, 0, 1};
    const QList<double> costs = {1.00, 0.75, 0.10, 0.0, 1.85};
    const QList<double> unknown = {0, 0, 0, 1, 1};
    const QList<double> input = {100, 200, 100, 100, 500};
    for (int row = 0; row < 4; ++row) {
        QCOMPARE(text(row, 0) + QStringLiteral(" / ") + text(row, 1), expectedGroups.at(row));
    }
    for (int row = 0; row < 5; ++row) {
        QCOMPARE(number(row, m->column(Metric::Requests)), requests.at(row));
        QCOMPARE(number(row, m->column(Metric::Errors)), errors.at(row));
        QVERIFY(qFuzzyCompare(1.0 + number(row, m->column(Metric::Cost)), 1.0 + costs.at(row)));
        QCOMPARE(number(row, m->column(Metric::UnknownCost)), unknown.at(row));
        QCOMPARE(number(row, m->column(Metric::Input)), input.at(row));
    }
    QCOMPARE(text(4, 0), QStringLiteral("Total"));
    QCOMPARE(text(4, m->column(Metric::Cost)), QStringLiteral("$1.85"));

    QCOMPARE(page.chart()->groups(), expectedGroups);
    const QList<double> drawn = page.chart()->costs();
    QCOMPARE(drawn.size(), 4);
    for (int i = 0; i < 4; ++i)
        QVERIFY(qFuzzyCompare(1.0 + drawn.at(i), 1.0 + costs.at(i)));
    QVERIFY2(page.statusText().contains(QLatin1String("6 requests")), qPrintable(page.statusText()));
}

void tst_ReportsPage::exportIsByteEqualToTheCommandLineCsv()
{
    ReportsPage page;
    runReport(page);

    const QString out = m_dir->filePath(QStringLiteral("march.csv"));
    QSignalSpy ended(&page, &ReportsPage::jobEnded);
    QSignalSpy progress(page.runner(), &Ui::ReportRunner::progress);
    page.runner()->setChunkBytes(64); // several progress steps
    page.exportTo(out);
    QVERIFY(ended.wait(10000));
    QVERIFY(progress.size() > 1);
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();

    // What `switchyard-server report --from 2026-03-01 --to 2026-03-31 --group-by customer,model`
    // computes: the same query through its own reader, then toCsv.
    Store::RequestReader reader;
    QVERIFY(reader.open(page.databasePath()).ok());
    const Result<Reports::ReportTable> table = Reports::runReport(reader, page.query());
    QVERIFY(table.ok());
    QCOMPARE(written, Reports::toCsv(table.value()));
    QVERIFY(written.startsWith("customer,model,requests,errors,"));
    QVERIFY(written.contains("\r\nTOTAL,,6,1,"));
}

void tst_ReportsPage::cancelMidExportLeavesNoFile()
{
    const QString out = m_dir->filePath(QStringLiteral("cancelled.csv"));
    const QByteArray csv(10'000, 'x');
    std::atomic_bool cancel = false;
    qint64 calls = 0;
    const Result<qint64> result = Ui::writeCsvFile(
        out, csv,
        [&](qint64 done, qint64 total) {
            ++calls;
            QCOMPARE(total, qint64(10'000));
            if (done >= 1000)
                cancel = true; // mid-way, as the Cancel button does
        },
        &cancel, 500);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, QStringLiteral("cancelled"));
    QCOMPARE(calls, qint64(2));
    QVERIFY(!QFile::exists(out));
    // Not even QSaveFile's temporary file is left behind.
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList());
}

void tst_ReportsPage::cancelledExportKeepsAnExistingFile()
{
    const QString out = m_dir->filePath(QStringLiteral("existing.csv"));
    {
        QFile file(out);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("old report\r\n");
    }
    std::atomic_bool cancel = false;
    const Result<qint64> result = Ui::writeCsvFile(
        out, QByteArray(4096, 'y'), [&](qint64, qint64) { cancel = true; }, &cancel, 1024);
    QVERIFY(!result.ok());
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("old report\r\n"));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList{QStringLiteral("existing.csv")});
}

QTEST_MAIN(tst_ReportsPage)
#include "tst_reportspage.moc"
