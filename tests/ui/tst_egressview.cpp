// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/ui/logrecordbuilder.h"
#include "ui/guards/egressmodel.h"
#include "ui/guards/egressview.h"
#include "ui/guards/guardspage.h"

#include <QAbstractItemModelTester>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace Switchyard;
using Switchyard::Ui::EgressModel;
using Switchyard::UiTest::makeRecord;

namespace {

LogRecord egressRecord(qint64 sequence, const QString &provider, const QString &region, qint64 bytes)
{
    LogRecord r = makeRecord(sequence, 200, provider, QStringLiteral("openai"));
    r.egress.bytesSent = bytes;
    r.egress.region = region;
    return r;
}

} // namespace

class tst_EgressView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsShowTheLedger();
    void totalsPerDestination();
    void capacityDropsOldest();
    void guardsPageFeedsTheEgressTab();
};

void tst_EgressView::rowsShowTheLedger()
{
    EgressModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    LogRecord r = egressRecord(1, QStringLiteral("openai"), QStringLiteral("us"), 2048);
    r.egress.dlpClasses = {QStringLiteral("email"), QStringLiteral("card")};
    r.egress.dlpFindings = 3;
    r.egress.dlpAction = QStringLiteral("redact");
    r.egress.injectionScore = 0.72;
    r.egress.injectionFlagged = true;
    LogRecord clean = egressRecord(2, QStringLiteral("local"), QString(), 10);
    model.appendRecords({r, clean});
    QCOMPARE(model.rowCount(), 2);
    using C = EgressModel::Column;
    const auto cell = [&](int row, C column) { return model.index(row, int(column)).data().toString(); };
    QCOMPARE(cell(0, C::Provider), QStringLiteral("openai"));
    QCOMPARE(cell(0, C::Region), QStringLiteral("us"));
    QCOMPARE(cell(0, C::Bytes), QStringLiteral("2048"));
    QCOMPARE(cell(0, C::Classes), QStringLiteral("email, card (3)"));
    QCOMPARE(cell(0, C::Action), QStringLiteral("redacted"));
    QCOMPARE(cell(0, C::Injection), QStringLiteral("0.72 flagged"));
    QCOMPARE(cell(1, C::Region), QStringLiteral("\u2014"));
    QCOMPARE(cell(1, C::Classes), QString());
    QCOMPARE(cell(1, C::Injection), QStringLiteral("\u2014"));
    QCOMPARE(model.headerData(int(C::Bytes), Qt::Horizontal).toString(), QStringLiteral("Bytes sent"));
}

void tst_EgressView::totalsPerDestination()
{
    Ui::EgressView view;
    view.appendRecords({egressRecord(1, QStringLiteral("openai"), QStringLiteral("us"), 100),
                        egressRecord(2, QStringLiteral("mistral"), QStringLiteral("eu"), 500),
                        egressRecord(3, QStringLiteral("openai"), QStringLiteral("us"), 150)});
    view.appendRecords({egressRecord(4, QStringLiteral("openai"), QStringLiteral("eu"), 50)});
    const QList<EgressModel::DestinationTotal> totals = view.model()->totals();
    QCOMPARE(totals.size(), 3);
    QCOMPARE(totals.at(0).provider, QStringLiteral("mistral"));
    QCOMPARE(totals.at(0).bytes, qint64(500));
    QCOMPARE(totals.at(1).provider, QStringLiteral("openai"));
    QCOMPARE(totals.at(1).region, QStringLiteral("us"));
    QCOMPARE(totals.at(1).bytes, qint64(250));
    QCOMPARE(totals.at(1).requests, 2);
    QCOMPARE(totals.at(2).region, QStringLiteral("eu"));
    // The totals table on top shows the same.
    const QTableWidget *table = view.totalsTable();
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(table->item(1, 0)->text(), QStringLiteral("openai"));
    QCOMPARE(table->item(1, 2)->text(), QStringLiteral("2"));
    QCOMPARE(table->item(1, 3)->text(), QStringLiteral("250"));
    QCOMPARE(view.requestsTable()->model()->rowCount(), 4);
}

void tst_EgressView::capacityDropsOldest()
{
    EgressModel model(3, nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    for (qint64 i = 1; i <= 5; ++i)
        model.appendRecords({egressRecord(i, QStringLiteral("p%1").arg(i), QStringLiteral("eu"), i)});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.record(0).sequence, qint64(3));
    QCOMPARE(model.totals().size(), 3);
    model.appendRecords({egressRecord(6, QStringLiteral("a"), {}, 1), egressRecord(7, QStringLiteral("b"), {}, 1),
                         egressRecord(8, QStringLiteral("c"), {}, 1), egressRecord(9, QStringLiteral("d"), {}, 1)});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.record(0).sequence, qint64(7));
    QCOMPARE(model.record(2).sequence, qint64(9));
}

void tst_EgressView::guardsPageFeedsTheEgressTab()
{
    Ui::GuardsPage page;
    QVERIFY(page.egressView());
    page.appendRecords({egressRecord(1, QStringLiteral("openai"), QStringLiteral("us"), 42)});
    QCOMPARE(page.egressView()->model()->rowCount(), 1);
    QCOMPARE(page.egressView()->totalsTable()->item(0, 3)->text(), QStringLiteral("42"));
}

QTEST_MAIN(tst_EgressView)
#include "tst_egressview.moc"
