// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/config/configloader.h"
#include "core/pipeline/costing.h"
#include "core/reports/report.h"
#include "core/reports/reprice.h"
#include "core/store/requestreader.h"
#include "core/store/requeststore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Switchyard;

namespace {

// Prices (USD per 1M tokens): "big" in 2.00 / out 8.00 / cache read 0.50; "small" in 0.10 / out 0.40.
const QByteArray kConfig = R"({
  "providers": [{"id": "sim", "kind": "simulated"}],
  "models": [
    {"id": "big", "provider": "sim", "price": {"input": 2.00, "output": 8.00, "cache_read": 0.50}},
    {"id": "small", "provider": "sim", "price": {"input": 0.10, "output": 0.40}}],
  "routes": [], "default_route": "small"})";

LogRecord record(int n, const char *customer, const char *model, const char *day, qint64 input, qint64 cached,
                 qint64 output, qint64 reasoning, const Config::GatewayConfig &config)
{
    LogRecord r;
    r.requestId = QStringLiteral("r-%1").arg(n);
    r.startedAt = QDateTime::fromString(QLatin1String(day) + QStringLiteral("T12:00:00Z"), Qt::ISODate);
    r.customer = QLatin1String(customer);
    r.model = QLatin1String(model);
    r.provider = QStringLiteral("sim");
    r.status = 200;
    r.usage = {input, cached, 0, output, reasoning, true};
    const Config::Price price = config.model(r.model)->price;
    r.costUsd = *Pipeline::requestCost(r.usage, price);
    r.costKnown = true;
    r.priceVersion = Pipeline::priceVersion(price);
    return r;
}

} // namespace

class tst_Reports final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void goldenCsv();
    void csvQuoting();
    void groupByParsing();
    void unknownCostIsNotZero();
    void repriceAfterPriceChange();

private:
    Config::GatewayConfig seed();
    Reports::ReportTable run(const QString &groupBy);
    QString dbPath() const { return m_dir->filePath(QStringLiteral("switchyard.sqlite")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_Reports::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

Config::GatewayConfig tst_Reports::seed()
{
    const Result<Config::GatewayConfig> config = Config::ConfigLoader::parse(kConfig, QStringLiteral("c.json"), {});
    if (!config.ok())
        qFatal("%s", qPrintable(config.error().message));
    Store::RequestStore store;
    if (!store.open(dbPath()).ok())
        qFatal("cannot open the store");
    const Config::GatewayConfig &c = config.value();
    // Hand-computed costs:
    //  r1 acme big   1000 in, 2000 cached, 500 out: 1000*2 + 2000*0.5 + 500*8 = 7000 → $0.007
    //  r2 acme big   3000 in, 0 cached, 1500 out (1000 reasoning): 6000 + 12000 = 18000 → $0.018
    //  r3 acme small 10000 in, 0, 5000 out: 1000 + 2000 = 3000 → $0.003
    //  r4 "Globex, Inc." small 20000 in, 0, 2500 out: 2000 + 1000 = 3000 → $0.003
    //  r5 acme small on another day, 1000 in, 1000 out: 100 + 400 = 500 → $0.0005
    const QList<LogRecord> records{
        record(1, "acme", "big", "2026-11-20", 1000, 2000, 500, 0, c),
        record(2, "acme", "big", "2026-11-20", 3000, 0, 1500, 1000, c),
        record(3, "acme", "small", "2026-11-20", 10000, 0, 5000, 0, c),
        record(4, "Globex, Inc.", "small", "2026-11-20", 20000, 0, 2500, 0, c),
        record(5, "acme", "small", "2026-11-21", 1000, 0, 1000, 0, c)};
    for (const LogRecord &r : records)
        store.append(r, nullptr, {});
    store.close();
    return c;
}

Reports::ReportTable tst_Reports::run(const QString &groupBy)
{
    Store::RequestReader reader;
    if (!reader.open(dbPath()).ok())
        qFatal("cannot read the store");
    Reports::ReportQuery query;
    query.groupBy = Reports::parseGroupBy(groupBy).value();
    query.zone = QTimeZone::utc();
    const Result<Reports::ReportTable> table = Reports::runReport(reader, query);
    if (!table.ok())
        qFatal("%s", qPrintable(table.error().message));
    return table.value();
}

void tst_Reports::goldenCsv()
{
    seed();
    const QByteArray csv = Reports::toCsv(run(QStringLiteral("customer,model")));
    QFile golden(QStringLiteral(SWITCHYARD_REPORTS_DATA_DIR "/customer_model.csv"));
    QVERIFY(golden.open(QIODevice::ReadOnly));
    const QByteArray expected = golden.readAll();
    if (csv != expected)
        qWarning("got:\n%s", csv.constData());
    QCOMPARE(csv, expected);

    const QByteArray byDay = Reports::toCsv(run(QStringLiteral("day")));
    QFile goldenDay(QStringLiteral(SWITCHYARD_REPORTS_DATA_DIR "/day.csv"));
    QVERIFY(goldenDay.open(QIODevice::ReadOnly));
    QCOMPARE(byDay, goldenDay.readAll());
}

void tst_Reports::csvQuoting()
{
    Reports::ReportTable table;
    table.groupBy = {Reports::GroupBy::Customer};
    Reports::ReportRow row;
    row.keys = {QStringLiteral("He said \"hi\"\nthen left, ünïcode")};
    row.requests = 1;
    table.rows = {row};
    const QByteArray csv = Reports::toCsv(table);
    QVERIFY2(csv.contains("\"He said \"\"hi\"\"\nthen left, \xc3\xbcn\xc3\xaf" "code\",1,"), csv.constData());
    QVERIFY(csv.endsWith("\r\n"));
}

void tst_Reports::groupByParsing()
{
    QCOMPARE(Reports::parseGroupBy(QStringLiteral("customer, MODEL,customer")).value(),
             (QList<Reports::GroupBy>{Reports::GroupBy::Customer, Reports::GroupBy::Model}));
    const Result<QList<Reports::GroupBy>> bad = Reports::parseGroupBy(QStringLiteral("customer,team"));
    QVERIFY(!bad.ok());
    QVERIFY(bad.error().message.contains(QLatin1String("'team'")));
    QVERIFY(bad.error().message.contains(QLatin1String("provider")));
}

void tst_Reports::unknownCostIsNotZero()
{
    Reports::ReportBuilder builder({{}, {}, {Reports::GroupBy::Model}, QTimeZone::utc()});
    LogRecord adHoc;
    adHoc.model = QStringLiteral("openai/new-model");
    adHoc.status = 200;
    adHoc.usage = {100, 0, 0, 10, 0, true};
    builder.add(adHoc);
    const Reports::ReportTable table = builder.result();
    QCOMPARE(table.rows.first().unknownCostRequests, 1);
    QCOMPARE(table.total.unknownCostRequests, 1);
    QCOMPARE(table.total.costUsd, 0.0);
}

void tst_Reports::repriceAfterPriceChange()
{
    Config::GatewayConfig config = seed();
    // "big" gets cheaper output: 8.00 → 4.00. r1: 2000 + 1000 + 2000 = 5000 → $0.005;
    // r2: 6000 + 6000 = 12000 → $0.012. "small" is unchanged and keeps its rows as they were.
    for (Config::ModelSettings &model : config.models) {
        if (model.id == QLatin1String("big"))
            model.price.output = 4.00;
    }
    const Result<Reports::RepriceSummary> summary = Reports::repriceRange(dbPath(), config, {}, {});
    QVERIFY2(summary.ok(), summary.ok() ? "" : qPrintable(summary.error().message));
    QCOMPARE(summary.value().examined, 5);
    QCOMPARE(summary.value().repriced, 2);
    QVERIFY(qAbs(summary.value().oldTotalUsd - 0.0315) < 1e-12);
    QVERIFY(qAbs(summary.value().newTotalUsd - 0.0235) < 1e-12);

    const Reports::ReportTable byModel = run(QStringLiteral("model"));
    QCOMPARE(byModel.rows.size(), 2);
    QCOMPARE(byModel.rows.at(0).keys, QStringList{QStringLiteral("big")});
    QVERIFY(qAbs(byModel.rows.at(0).costUsd - 0.017) < 1e-12);
    QCOMPARE(byModel.rows.at(0).priceVersions,
             QStringList{Pipeline::priceVersion(config.model(QStringLiteral("big"))->price)});

    // Running it again finds nothing left to change.
    QCOMPARE(Reports::repriceRange(dbPath(), config, {}, {}).value().repriced, 0);
}

QTEST_GUILESS_MAIN(tst_Reports)
#include "tst_reports.moc"
