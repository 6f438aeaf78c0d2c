// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/ui/logrecordbuilder.h"
#include "ui/logs/logtablemodel.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QSignalSpy>
#include <QTest>

using namespace Switchyard;
using Switchyard::Ui::LogTableModel;
using Switchyard::UiTest::makeRecord;

namespace {

LogRecordList batch(qint64 first, int count)
{
    LogRecordList records;
    for (int i = 0; i < count; ++i) {
        records.append(makeRecord(first + i));
    }
    return records;
}

QString cell(const LogTableModel &model, int row, LogTableModel::Column column)
{
    return model.index(row, int(column)).data().toString();
}

qint64 sequenceAt(const LogTableModel &model, int row)
{
    return model.index(row, 0).data(LogTableModel::RecordRole).value<LogRecord>().sequence;
}

} // namespace

class tst_LogTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appendBatchesUnderTester();
    void oneInsertPerBatch();
    void overflowEvictsOldestFirst();
    void batchLargerThanCapacityKeepsNewest();
    void displayTexts();
    void unknownCostIsDashNeverZero();
    void simulatedProviderIsLabelled();
    void errorsAreRedWithTooltip();
    void roles();
    void guardsColumn_data();
    void guardsColumn();
};

void tst_LogTableModel::appendBatchesUnderTester()
{
    LogTableModel model(50, nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    qint64 next = 1;
    for (const int size : {1, 7, 30, 20, 49, 50, 3, 0, 120}) {
        model.appendRecords(batch(next, size));
        next += size;
    }
    QCOMPARE(model.rowCount(), 50);
    QCOMPARE(sequenceAt(model, 49), next - 1);
    QCOMPARE(sequenceAt(model, 0), next - 50);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    model.appendRecords(batch(1000, 5));
    QCOMPARE(sequenceAt(model, 0), qint64(1000));
}

void tst_LogTableModel::oneInsertPerBatch()
{
    LogTableModel model;
    QCOMPARE(model.capacity(), LogTableModel::DefaultCapacity);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.appendRecords(batch(1, 256));
    model.appendRecords(batch(257, 10));
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 255);
    QCOMPARE(inserted.at(1).at(1).toInt(), 256);
    QCOMPARE(inserted.at(1).at(2).toInt(), 265);
    QCOMPARE(removed.size(), 0);
}

void tst_LogTableModel::overflowEvictsOldestFirst()
{
    LogTableModel model(10, nullptr);
    model.appendRecords(batch(1, 8));

    QList<QString> order;
    int rowsWhenInserting = -1;
    connect(&model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [&](const QModelIndex &, int first, int last) {
                order.append(QStringLiteral("remove %1-%2").arg(first).arg(last));
            });
    connect(&model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [&](const QModelIndex &, int first, int last) {
                order.append(QStringLiteral("insert %1-%2").arg(first).arg(last));
                rowsWhenInserting = model.rowCount();
            });
    model.appendRecords(batch(9, 5)); // 8 + 5 = 13: the 3 oldest go first
    QCOMPARE(order, (QList<QString>{QStringLiteral("remove 0-2"), QStringLiteral("insert 5-9")}));
    QCOMPARE(rowsWhenInserting, 5);
    QCOMPARE(model.rowCount(), 10);
    for (int row = 0; row < 10; ++row) {
        QCOMPARE(sequenceAt(model, row), qint64(4 + row));
    }

    // Keep wrapping around the ring many times.
    for (qint64 first = 14; first < 200; first += 7) {
        model.appendRecords(batch(first, 7));
    }
    QCOMPARE(model.rowCount(), 10);
    for (int row = 1; row < 10; ++row) {
        QCOMPARE(sequenceAt(model, row), sequenceAt(model, row - 1) + 1);
    }
    QCOMPARE(sequenceAt(model, 9), qint64(202));
}

void tst_LogTableModel::batchLargerThanCapacityKeepsNewest()
{
    LogTableModel model(4, nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.appendRecords(batch(1, 2));
    model.appendRecords(batch(3, 9));
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(sequenceAt(model, 0), qint64(8));
    QCOMPARE(sequenceAt(model, 3), qint64(11));
}

void tst_LogTableModel::displayTexts()
{
    LogTableModel model;
    LogRecord r = makeRecord(1);
    r.startedAt = QDateTime(QDate(2026, 3, 1), QTime(14, 5, 6, 789), Qt::LocalTime);
    r.ttftMs = -1;
    model.appendRecords({r});
    using C = LogTableModel::Column;
    QCOMPARE(cell(model, 0, C::Time), QStringLiteral("14:05:06.789"));
    QCOMPARE(cell(model, 0, C::Status), QStringLiteral("200"));
    QCOMPARE(cell(model, 0, C::Model), QStringLiteral("auto \u2192 gpt-4o-mini"));
    QCOMPARE(cell(model, 0, C::Provider), QStringLiteral("openai"));
    QCOMPARE(cell(model, 0, C::Latency), QStringLiteral("123.5"));
    QCOMPARE(cell(model, 0, C::Ttft), QStringLiteral("\u2014"));
    QCOMPARE(cell(model, 0, C::TokensIn), QStringLiteral("125"));
    QCOMPARE(cell(model, 0, C::TokensOut), QStringLiteral("50"));
    QCOMPARE(cell(model, 0, C::Cost), QStringLiteral("$0.000123"));
    QCOMPARE(cell(model, 0, C::Attempts), QStringLiteral("1"));
    QCOMPARE(model.headerData(int(C::Cost), Qt::Horizontal).toString(), QStringLiteral("Cost"));
    QCOMPARE(model.columnCount(), int(C::Count));
}

void tst_LogTableModel::unknownCostIsDashNeverZero()
{
    LogTableModel model;
    LogRecord unknown = makeRecord(1);
    unknown.costKnown = false;
    unknown.costUsd = 0;
    unknown.usage.known = false;
    LogRecord free = makeRecord(2);
    free.costUsd = 0;
    model.appendRecords({unknown, free});
    using C = LogTableModel::Column;
    QCOMPARE(cell(model, 0, C::Cost), QStringLiteral("\u2014"));
    QVERIFY(!cell(model, 0, C::Cost).contains(QLatin1Char('$')));
    QCOMPARE(cell(model, 0, C::TokensIn), QStringLiteral("\u2014"));
    QCOMPARE(cell(model, 1, C::Cost), QStringLiteral("$0.000000"));
    // Unknown sorts below every known cost, including free.
    QVERIFY(model.index(0, int(C::Cost)).data(LogTableModel::SortRole).toDouble()
            < model.index(1, int(C::Cost)).data(LogTableModel::SortRole).toDouble());
}

void tst_LogTableModel::simulatedProviderIsLabelled()
{
    LogTableModel model;
    model.appendRecords(
        {makeRecord(1, 200, QStringLiteral("sim"), QStringLiteral("simulated")), makeRecord(2)});
    const QModelIndex simulated = model.index(0, int(LogTableModel::Column::Provider));
    QCOMPARE(simulated.data().toString(), QStringLiteral("sim (simulated)"));
    QVERIFY(simulated.data(LogTableModel::IsSimulatedRole).toBool());
    QVERIFY(!simulated.data(Qt::ToolTipRole).toString().isEmpty());
    QVERIFY(!model.index(1, 0).data(LogTableModel::IsSimulatedRole).toBool());
}

void tst_LogTableModel::errorsAreRedWithTooltip()
{
    LogTableModel model;
    model.appendRecords({makeRecord(1, 200), makeRecord(2, 429), makeRecord(3, 503)});
    const int status = int(LogTableModel::Column::Status);
    QVERIFY(!model.index(0, status).data(Qt::ForegroundRole).isValid());
    for (const int row : {1, 2}) {
        const auto brush = model.index(row, status).data(Qt::ForegroundRole).value<QBrush>();
        QVERIFY(brush.color().red() > 150 && brush.color().green() < 100);
        QVERIFY(model.index(row, status)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("answered")));
        QVERIFY(model.index(row, status).data(LogTableModel::IsErrorRole).toBool());
    }
    QCOMPARE(model.index(1, status).data().toString(), QStringLiteral("429 upstream_error"));
}

void tst_LogTableModel::roles()
{
    LogTableModel model;
    LogRecord r = makeRecord(7);
    r.decision.reasons = {QStringLiteral("rule acme-eu: regions eu")};
    model.appendRecords({r});
    const LogRecord back = model.index(0, 3).data(LogTableModel::RecordRole).value<LogRecord>();
    QCOMPARE(back.requestId, QStringLiteral("req-7"));
    QCOMPARE(back.decision.reasons, r.decision.reasons);
    using C = LogTableModel::Column;
    QCOMPARE(model.index(0, int(C::Latency)).data(LogTableModel::SortRole).toDouble(), 123.456);
    QCOMPARE(model.index(0, int(C::Status)).data(LogTableModel::SortRole).toInt(), 200);
    QCOMPARE(model.index(0, int(C::Time)).data(LogTableModel::SortRole).toLongLong(),
             r.startedAt.toMSecsSinceEpoch());
    QCOMPARE(model.index(0, int(C::Status)).data(Qt::DecorationRole).typeId(), QMetaType::QIcon);
}

void tst_LogTableModel::guardsColumn_data()
{
    QTest::addColumn<QStringList>("classes");
    QTest::addColumn<QString>("action");
    QTest::addColumn<double>("score");
    QTest::addColumn<bool>("flagged");
    QTest::addColumn<QString>("expected");
    QTest::newRow("nothing found") << QStringList{} << QString() << 0.1 << false << QString();
    QTest::newRow("redacted") << QStringList{QStringLiteral("email"), QStringLiteral("card")}
                              << QStringLiteral("redact") << -1.0 << false
                              << QStringLiteral("redacted: email, card");
    QTest::newRow("blocked") << QStringList{QStringLiteral("secret")} << QStringLiteral("block")
                             << -1.0 << false << QStringLiteral("blocked: secret");
    QTest::newRow("flagged only") << QStringList{} << QString() << 0.72 << true
                                  << QStringLiteral("flagged (injection 0.72)");
    QTest::newRow("logged and flagged") << QStringList{QStringLiteral("email")}
                                        << QStringLiteral("log") << 0.9 << true
                                        << QStringLiteral("logged: email; flagged (injection 0.90)");
}

void tst_LogTableModel::guardsColumn()
{
    QFETCH(QStringList, classes);
    QFETCH(QString, action);
    QFETCH(double, score);
    QFETCH(bool, flagged);
    QFETCH(QString, expected);
    LogRecord r = makeRecord(1);
    r.egress.dlpClasses = classes;
    r.egress.dlpFindings = int(classes.size());
    r.egress.dlpAction = action;
    r.egress.injectionScore = score;
    r.egress.injectionFlagged = flagged;
    LogTableModel model;
    model.appendRecords({r});
    const QModelIndex index = model.index(0, int(LogTableModel::Column::Guards));
    QCOMPARE(index.data().toString(), expected);
    QCOMPARE(index.data(LogTableModel::SortRole).toString(), expected.toLower());
    QCOMPARE(index.data(Qt::ToolTipRole).toString().isEmpty(), expected.isEmpty());
    QCOMPARE(model.headerData(int(LogTableModel::Column::Guards), Qt::Horizontal).toString(),
             QStringLiteral("Guards"));
}

QTEST_MAIN(tst_LogTableModel)
#include "tst_logtablemodel.moc"
