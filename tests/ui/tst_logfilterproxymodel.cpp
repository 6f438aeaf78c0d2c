// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/ui/logrecordbuilder.h"
#include "ui/logs/logfilterproxymodel.h"
#include "ui/logs/logtablemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Switchyard;
using Switchyard::Ui::LogFilterProxyModel;
using Switchyard::Ui::LogTableModel;
using Switchyard::UiTest::makeRecord;

namespace {

/// Four requests with distinct fields; the filter rows below name them by request id.
LogRecordList fixture()
{
    LogRecord ok = makeRecord(1);
    LogRecord rateLimited = makeRecord(2, 429, QStringLiteral("anthropic"),
                                       QStringLiteral("anthropic"));
    rateLimited.customer = QStringLiteral("globex");
    rateLimited.model = QStringLiteral("claude-3-5-haiku");
    rateLimited.errorMessage = QStringLiteral("Rate limit reached, retry after 20s");
    LogRecord simulated = makeRecord(3, 200, QStringLiteral("sim"), QStringLiteral("simulated"));
    simulated.app = QStringLiteral("aider");
    simulated.project = QStringLiteral("Billing");
    LogRecord badGateway = makeRecord(4, 502, QStringLiteral("openai"), QStringLiteral("openai"));
    badGateway.surface = QStringLiteral("anthropic.messages");
    // Guards: r1 had an email and a card redacted, r3 was flagged for injection.
    ok.egress.dlpClasses = {QStringLiteral("email"), QStringLiteral("card")};
    ok.egress.dlpFindings = 2;
    ok.egress.dlpAction = QStringLiteral("redact");
    simulated.egress.injectionScore = 0.8;
    simulated.egress.injectionFlagged = true;
    return {ok, rateLimited, simulated, badGateway};
}

QStringList visibleIds(const QAbstractItemModel &proxy)
{
    QStringList ids;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const QVariant record = proxy.index(row, 0).data(LogTableModel::RecordRole);
        ids.append(record.value<LogRecord>().requestId);
    }
    return ids;
}

} // namespace

class tst_LogFilterProxyModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filter_data();
    void filter();
    void newRowsAreFiltered();
    void sortsByNumbers();
};

void tst_LogFilterProxyModel::filter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    const QString r1 = QStringLiteral("req-1"), r2 = QStringLiteral("req-2"),
                  r3 = QStringLiteral("req-3"), r4 = QStringLiteral("req-4");

    QTest::newRow("empty shows all") << QString() << QStringList{r1, r2, r3, r4};
    QTest::newRow("blank shows all") << QStringLiteral("   ") << QStringList{r1, r2, r3, r4};
    QTest::newRow("model substring") << QStringLiteral("haiku") << QStringList{r2};
    QTest::newRow("case-insensitive") << QStringLiteral("CLAUDE") << QStringList{r2};
    QTest::newRow("customer word") << QStringLiteral("globex") << QStringList{r2};
    QTest::newRow("project word") << QStringLiteral("billing") << QStringList{r3};
    QTest::newRow("app word") << QStringLiteral("aider") << QStringList{r3};
    QTest::newRow("surface word") << QStringLiteral("messages") << QStringList{r4};
    QTest::newRow("error message word") << QStringLiteral("retry") << QStringList{r2};
    QTest::newRow("status word") << QStringLiteral("502") << QStringList{r4};
    QTest::newRow("status:5xx") << QStringLiteral("status:5xx") << QStringList{r4};
    QTest::newRow("status:4xx") << QStringLiteral("status:4xx") << QStringList{r2};
    QTest::newRow("status:429") << QStringLiteral("status:429") << QStringList{r2};
    QTest::newRow("status:2xx") << QStringLiteral("status:2xx") << QStringList{r1, r3};
    QTest::newRow("status:42x") << QStringLiteral("status:42x") << QStringList{r2};
    QTest::newRow("status:418 none") << QStringLiteral("status:418") << QStringList{};
    QTest::newRow("provider:sim") << QStringLiteral("provider:sim") << QStringList{r3};
    QTest::newRow("provider:OPENAI") << QStringLiteral("provider:OPENAI") << QStringList{r1, r4};
    QTest::newRow("customer:acme") << QStringLiteral("customer:acme") << QStringList{r1, r3, r4};
    QTest::newRow("app:curl") << QStringLiteral("app:curl") << QStringList{r1, r2, r4};
    QTest::newRow("surface:anthropic") << QStringLiteral("surface:anthropic") << QStringList{r4};
    QTest::newRow("error only") << QStringLiteral("error") << QStringList{r2, r4};
    QTest::newRow("error AND customer") << QStringLiteral("error customer:acme") << QStringList{r4};
    QTest::newRow("provider AND status")
        << QStringLiteral("provider:openai status:2xx") << QStringList{r1};
    QTest::newRow("two words AND") << QStringLiteral("acme aider") << QStringList{r3};
    QTest::newRow("half-typed key") << QStringLiteral("status:") << QStringList{r1, r2, r3, r4};
    QTest::newRow("no match") << QStringLiteral("mistral") << QStringList{};
    QTest::newRow("guard:redacted") << QStringLiteral("guard:redacted") << QStringList{r1};
    QTest::newRow("guard:blocked none") << QStringLiteral("guard:blocked") << QStringList{};
    QTest::newRow("guard:flagged") << QStringLiteral("guard:flagged") << QStringList{r3};
    QTest::newRow("guard:any") << QStringLiteral("guard:any") << QStringList{r1, r3};
    QTest::newRow("dlp:email") << QStringLiteral("dlp:email") << QStringList{r1};
    QTest::newRow("dlp:iban none") << QStringLiteral("dlp:iban") << QStringList{};
}

void tst_LogFilterProxyModel::filter()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    LogTableModel source;
    source.appendRecords(fixture());
    LogFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setSourceModel(&source);
    proxy.setFilterText(text);
    QCOMPARE(visibleIds(proxy), expected);
    QCOMPARE(proxy.filterText(), text);
    for (const LogRecord &record : fixture()) {
        QCOMPARE(LogFilterProxyModel::matches(record, text), expected.contains(record.requestId));
    }
}

void tst_LogFilterProxyModel::newRowsAreFiltered()
{
    LogTableModel source(3, nullptr);
    LogFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setSourceModel(&source);
    proxy.setFilterText(QStringLiteral("error"));
    source.appendRecords({makeRecord(1), makeRecord(2, 500)});
    QCOMPARE(visibleIds(proxy), QStringList{QStringLiteral("req-2")});
    source.appendRecords({makeRecord(3, 503), makeRecord(4), makeRecord(5)}); // evicts 1 and 2
    QCOMPARE(visibleIds(proxy), QStringList{QStringLiteral("req-3")});
    proxy.setFilterText(QString());
    QCOMPARE(proxy.rowCount(), 3);
}

void tst_LogFilterProxyModel::sortsByNumbers()
{
    LogTableModel source;
    LogRecordList records;
    for (const double latency : {9.0, 100.0, 25.0}) {
        LogRecord r = makeRecord(records.size() + 1);
        r.latencyMs = latency;
        records.append(r);
    }
    source.appendRecords(records);
    LogFilterProxyModel proxy;
    proxy.setSourceModel(&source);
    proxy.sort(int(LogTableModel::Column::Latency), Qt::AscendingOrder);
    // Text order would put "100.0" before "25.0" and "9.0".
    QCOMPARE(visibleIds(proxy), (QStringList{QStringLiteral("req-1"), QStringLiteral("req-3"),
                                             QStringLiteral("req-2")}));
}

QTEST_MAIN(tst_LogFilterProxyModel)
#include "tst_logfilterproxymodel.moc"
