// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/store/logrecordrow.h"
#include "core/store/requestreader.h"
#include "core/store/requeststore.h"
#include "core/store/schema.h"
#include "storetestdata.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <functional>
#include <memory>

#ifdef Q_OS_LINUX
#include <sched.h>
#endif

using namespace Switchyard;
using Switchyard::Store::RequestStore;
using namespace Switchyard::Testing;


class tst_RequestStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timestampTextEqualsQtIso_data();
    void timestampTextEqualsQtIso();
    void init();
    void openNewDatabase();
    void appendThousandCallbacksInOrder();
    void roundTrip_data();
    void roundTrip();
    void textsLargerThanABindingBlock();
    void writerRunsAsBatchThread();
    void reopenKeepsRows();
    void migratesVersion1Database();
    void migratesVersion2Database();
    void readerRange_data();
    void readerRange();
    void readerPagesWhileStoreWrites();
    void readerRefusesMissingOrOldFile();
    void closeFlushesQueued();
    void concurrentAppends();
    void duplicateRequestIdFailsOnlyThatRecord();
    void queryRecentAsync();
    void appendAfterCloseFails();
    void unwritablePath();
    void throughput();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString dbPath() const { return m_dir->filePath(QStringLiteral("data/requests.sqlite")); }
};

void tst_RequestStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_RequestStore::openNewDatabase()
{
    RequestStore store;
    const Result<int> version = store.open(dbPath()); // also creates data/
    QVERIFY2(version.ok(), qPrintable(version ? QString() : version.error().message));
    QCOMPARE(version.value(), Store::Schema::latestVersion());
    QCOMPARE(version.value(), 5);
    QVERIFY(store.isOpen());
    QCOMPARE(store.countBlocking(), 0);

    RawDb raw(dbPath());
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT MAX(version) FROM schema_version")).toInt(), 5);
    QCOMPARE(store.open(dbPath()).error().code, QStringLiteral("store.already_open"));
}

void tst_RequestStore::appendThousandCallbacksInOrder()
{
    RequestStore store;
    QVERIFY(store.open(dbPath()).ok());
    QList<int> seen;
    int failures = 0;
    for (int i = 0; i < 1000; ++i) {
        store.append(makeRecord(i), this, [&seen, &failures, i](bool ok, const QString &) {
            seen.append(i);
            failures += ok ? 0 : 1;
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(seen.size(), 1000, 10000);
    QCOMPARE(store.countBlocking(), 1000);
    QCOMPARE(failures, 0);
    for (int i = 0; i < seen.size(); ++i)
        QCOMPARE(seen.at(i), i);
    QCoreApplication::processEvents(); // nothing runs twice
    QCOMPARE(seen.size(), 1000);
}

void tst_RequestStore::roundTrip_data()
{
    QTest::addColumn<LogRecord>("record");
    QTest::newRow("every field set, decision with attempts and candidates") << fullRecord();
    QTest::newRow("unknown ttft, usage and cost stay NULL") << unknownsRecord();
    LogRecord empty;
    empty.requestId = QStringLiteral("bare");
    QTest::newRow("defaults, no start time") << empty;
}

void tst_RequestStore::roundTrip()
{
    QFETCH(LogRecord, record);
    RequestStore store;
    QVERIFY(store.open(dbPath()).ok());
    bool committed = false;
    store.append(record, this, [&](bool ok, const QString &) { committed = ok; });
    QTRY_VERIFY_WITH_TIMEOUT(committed, 5000);
    const LogRecordList rows = store.recentBlocking(10);
    QCOMPARE(rows.size(), 1);
    compareRecords(rows.first(), record);
    QVERIFY(rows.first().sequence > 0);

    RawDb raw(dbPath());
    if (!record.usage.known) {
        QVERIFY(raw.scalar(QStringLiteral("SELECT input_tokens FROM requests")).isNull());
        QVERIFY(raw.scalar(QStringLiteral("SELECT cost_usd FROM requests")).isNull());
        QVERIFY(raw.scalar(QStringLiteral("SELECT ttft_ms FROM requests")).isNull());
    }
    if (record.startedAt.isValid()) {
        QCOMPARE(raw.scalar(QStringLiteral("SELECT started_at FROM requests")).toString(),
                 record.startedAt.toString(Qt::ISODateWithMs));
    }
}

// Row texts are bound from blocks of 8 KiB that are reused row after row (TextArena); a text
// bigger than a block gets one of its own, and one above 256 KiB is freed again. Rows before,
// between and after such texts must read back byte for byte, non-BMP characters included.
void tst_RequestStore::textsLargerThanABindingBlock()
{
    RequestStore store;
    QVERIFY(store.open(dbPath()).ok());
    QList<LogRecord> records;
    LogRecord huge = makeRecord(1);
    huge.errorMessage = QString(QStringLiteral("ünïcode 😀 ")).repeated(30'000); // ~360 KiB as UTF-8
    huge.customer = QString(9'000, QLatin1Char('c'));
    records.append(huge);
    records.append(makeRecord(2));
    LogRecord spanning = makeRecord(3);
    spanning.project = QString(QStringLiteral("projekt-ß ")).repeated(500); // ~5.5 KiB
    spanning.feature = QString(QStringLiteral("功能-é ")).repeated(900); // 3 bytes per UTF-16 unit; spills into a second block
    records.append(spanning);
    records.append(makeRecord(4));
    int committed = 0;
    for (const LogRecord &record : std::as_const(records))
        store.append(record, this, [&](bool ok, const QString &) { committed += ok ? 1 : 0; });
    QTRY_COMPARE_WITH_TIMEOUT(committed, int(records.size()), 5000);
    LogRecordList rows = store.recentBlocking(10);
    QCOMPARE(rows.size(), records.size());
    std::sort(rows.begin(), rows.end(),
              [](const LogRecord &a, const LogRecord &b) { return a.requestId < b.requestId; });
    for (qsizetype i = 0; i < records.size(); ++i)
        compareRecords(rows.at(i), records.at(i));
}

// The writer thread must not preempt the serving thread that wakes it (docs/performance.md).
void tst_RequestStore::writerRunsAsBatchThread()
{
#ifndef Q_OS_LINUX
    QSKIP("SCHED_BATCH is Linux's");
#else
    RequestStore store;
    QVERIFY(store.open(dbPath()).ok());
    int writers = 0;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        if (!comm.open(QIODevice::ReadOnly) || !comm.readAll().startsWith("switchyard-stor"))
            continue;
        ++writers;
        QCOMPARE(sched_getscheduler(pid_t(tid.toInt())), SCHED_BATCH);
    }
    QVERIFY(writers >= 1);
#endif
}

void tst_RequestStore::reopenKeepsRows()
{
    {
        RequestStore store;
        QVERIFY(store.open(dbPath()).ok());
        for (int i = 0; i < 10; ++i)
            store.append(makeRecord(i), nullptr, {});
        store.close();
        QVERIFY(!store.isOpen());
    }
    RequestStore store;
    QCOMPARE(store.open(dbPath()).value(), 5);
    QCOMPARE(store.countBlocking(), 10);
    QCOMPARE(store.recentBlocking(1).first().requestId, QStringLiteral("req-9"));
}

void tst_RequestStore::migratesVersion1Database()
{
    QVERIFY(QDir().mkpath(QFileInfo(dbPath()).absolutePath()));
    {
        // Hand-made, as a version-1 build left it: no reasoning_tokens, one index.
        RawDb raw(dbPath());
        QVERIFY(raw.exec(QStringLiteral(
            "CREATE TABLE requests (id INTEGER PRIMARY KEY, request_id TEXT UNIQUE, "
            "started_at TEXT, customer TEXT, project TEXT, feature TEXT, tags TEXT, app TEXT, "
            "surface TEXT, requested_model TEXT, route TEXT, provider TEXT, provider_kind TEXT, "
            "model TEXT, upstream_model TEXT, stream INTEGER NOT NULL DEFAULT 0, status INTEGER, "
            "error_type TEXT, error_message TEXT, attempts INTEGER, "
            "fallback INTEGER NOT NULL DEFAULT 0, latency_ms REAL, ttft_ms REAL, "
            "input_tokens INTEGER, cache_read_tokens INTEGER, cache_write_tokens INTEGER, "
            "output_tokens INTEGER, cost_usd REAL, request_bytes INTEGER, "
            "response_bytes INTEGER, decision TEXT)")));
        QVERIFY(raw.exec(QStringLiteral("CREATE INDEX requests_started_at ON requests (started_at)")));
        QVERIFY(raw.exec(QStringLiteral(
            "CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)")));
        QVERIFY(raw.exec(QStringLiteral(
            "INSERT INTO schema_version VALUES (1, '2026-01-01T00:00:00.000Z')")));
        QVERIFY(raw.exec(QStringLiteral(
            "INSERT INTO requests (request_id, started_at, customer, status, input_tokens, "
            "output_tokens, cost_usd, decision) VALUES "
            "('old-1', '2026-01-01T10:00:00.000Z', 'acme', 200, 10, 20, 0.5, '{}'), "
            "('old-2', '2026-01-01T11:00:00.000Z', 'globex', 500, NULL, NULL, NULL, '{}')")));
    }
    RequestStore store;
    const Result<int> version = store.open(dbPath());
    QVERIFY2(version.ok(), qPrintable(version ? QString() : version.error().message));
    QCOMPARE(version.value(), 5);
    const LogRecordList rows = store.recentBlocking(10);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).requestId, QStringLiteral("old-2"));
    QVERIFY(!rows.at(0).usage.known);
    QVERIFY(!rows.at(0).costKnown);
    QCOMPARE(rows.at(1).customer, QStringLiteral("acme"));
    QVERIFY(rows.at(1).usage.known);
    QCOMPARE(rows.at(1).usage.outputTokens, 20);
    QCOMPARE(rows.at(1).usage.reasoningTokens, 0);
    QCOMPARE(rows.at(1).startedAt, QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC));

    bool committed = false;
    store.append(fullRecord(), this, [&](bool ok, const QString &) { committed = ok; });
    QTRY_VERIFY_WITH_TIMEOUT(committed, 5000);
    QCOMPARE(store.recentBlocking(1).first().usage.reasoningTokens, 120);

    RawDb raw(dbPath());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(), 5);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' "
                                       "AND name = 'requests_customer_started_at'"))
                 .toInt(),
             1);
}

void tst_RequestStore::migratesVersion2Database()
{
    QVERIFY(QDir().mkpath(QFileInfo(dbPath()).absolutePath()));
    {
        // What a version-2 build left: the steps up to 2, a row with the v2 columns.
        RawDb raw(dbPath());
        QVERIFY(raw.exec(QStringLiteral(
            "CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)")));
        for (const Store::Schema::Migration &step : Store::Schema::migrations()) {
            if (step.version > 2)
                break;
            for (const QString &statement : step.statements)
                QVERIFY2(raw.exec(statement), qPrintable(statement));
            QVERIFY(raw.exec(QStringLiteral("INSERT INTO schema_version VALUES (%1, "
                                            "'2026-01-01T00:00:00.000Z')")
                                 .arg(step.version)));
        }
        QVERIFY(raw.exec(QStringLiteral(
            "INSERT INTO requests (request_id, started_at, customer, requested_model, route, "
            "model, status, input_tokens, output_tokens, reasoning_tokens, cost_usd, decision) "
            "VALUES ('v2-1', '2026-02-01T10:00:00.000Z', 'acme', 'auto', 'auto', 'gpt-4o-mini', "
            "200, 10, 20, 5, 0.5, '{}')")));
    }
    RequestStore store;
    const Result<int> version = store.open(dbPath());
    QVERIFY2(version.ok(), qPrintable(version ? QString() : version.error().message));
    QCOMPARE(version.value(), 5);
    const LogRecordList rows = store.recentBlocking(10);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().requestId, QStringLiteral("v2-1"));
    QCOMPARE(rows.first().route, QStringLiteral("auto"));
    QCOMPARE(rows.first().usage.reasoningTokens, 5);
    QCOMPARE(rows.first().hasTools, false); // the defaults for rows logged before v3
    QCOMPARE(rows.first().hasImages, false);
    QCOMPARE(rows.first().estimatedPromptTokens, 0);
    QCOMPARE(rows.first().expectedOutputTokens, 0);
    QVERIFY(rows.first().keyId.isEmpty()); // and before v4

    bool committed = false;
    store.append(fullRecord(), this, [&](bool ok, const QString &) { committed = ok; });
    QTRY_VERIFY_WITH_TIMEOUT(committed, 5000);
    compareRecords(store.recentBlocking(1).first(), fullRecord());
    RawDb raw(dbPath());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(), 5);
}

void tst_RequestStore::readerRange_data()
{
    // Ten rows, req-0 .. req-9, one minute apart from 10:00.
    QTest::addColumn<QDateTime>("from");
    QTest::addColumn<QDateTime>("to");
    QTest::addColumn<QStringList>("ids");
    const QDateTime ten(QDate(2026, 1, 2), QTime(10, 0), Qt::UTC);
    QTest::newRow("[10:03, 10:07) excludes the end") << ten.addSecs(180) << ten.addSecs(420)
        << QStringList{"req-3", "req-4", "req-5", "req-6"};
    QTest::newRow("open start") << QDateTime() << ten.addSecs(120)
                                << QStringList{"req-0", "req-1"};
    QTest::newRow("open end") << ten.addSecs(510) << QDateTime() << QStringList{"req-9"};
    QTest::newRow("everything") << QDateTime() << QDateTime()
        << QStringList{"req-0", "req-1", "req-2", "req-3", "req-4", "req-5", "req-6", "req-7",
                       "req-8", "req-9"};
    QTest::newRow("empty") << ten.addDays(1) << ten.addDays(2) << QStringList();
}

void tst_RequestStore::readerRange()
{
    QFETCH(QDateTime, from);
    QFETCH(QDateTime, to);
    QFETCH(QStringList, ids);
    {
        RequestStore store;
        QVERIFY(store.open(dbPath()).ok());
        const QDateTime ten(QDate(2026, 1, 2), QTime(10, 0), Qt::UTC);
        for (int i = 0; i < 10; ++i) {
            LogRecord r = makeRecord(i);
            r.startedAt = ten.addSecs(60 * i);
            store.append(r, nullptr, {});
        }
    }
    Store::RequestReader reader;
    QVERIFY(reader.open(dbPath()).ok());
    QCOMPARE(reader.countRange(from, to).value(), ids.size());
    QStringList read;
    qint64 afterId = 0;
    for (int page = 0; page < 10; ++page) { // pages of 3: keyset paging by row id
        const Result<LogRecordList> rows = reader.readRange(from, to, afterId, 3);
        QVERIFY(rows.ok());
        for (const LogRecord &r : rows.value())
            read.append(r.requestId);
        if (rows.value().size() < 3)
            break;
        afterId = rows.value().constLast().sequence;
    }
    QCOMPARE(read, ids);
}

void tst_RequestStore::readerPagesWhileStoreWrites()
{
    RequestStore store;
    QVERIFY(store.open(dbPath()).ok());
    for (int i = 0; i < 5; ++i)
        store.append(makeRecord(i), nullptr, {});
    store.flush();
    Store::RequestReader reader;
    QVERIFY(reader.open(dbPath()).ok());
    const Result<LogRecordList> first = reader.readRange({}, {}, 0, 3);
    QCOMPARE(first.value().size(), 3);
    // A row committed between pages shows up on a later page; none is read twice.
    for (int i = 5; i < 7; ++i)
        store.append(makeRecord(i), nullptr, {});
    store.flush();
    const Result<LogRecordList> rest = reader.readRange({}, {}, first.value().last().sequence, 100);
    QCOMPARE(rest.value().size(), 4);
    QCOMPARE(rest.value().first().requestId, QStringLiteral("req-3"));
    QCOMPARE(rest.value().last().requestId, QStringLiteral("req-6"));
    QCOMPARE(rest.value().last().usage.known, false);
}

void tst_RequestStore::readerRefusesMissingOrOldFile()
{
    Store::RequestReader reader;
    const Result<int> missing = reader.open(dbPath());
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, QStringLiteral("store.missing"));
    QVERIFY(!QFile::exists(dbPath())); // read-only: never creates the file

    QVERIFY(QDir().mkpath(QFileInfo(dbPath()).absolutePath()));
    {
        RawDb raw(dbPath());
        QVERIFY(raw.exec(QStringLiteral(
            "CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)")));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO schema_version VALUES (2, 'x')")));
    }
    const Result<int> old = reader.open(dbPath());
    QVERIFY(!old.ok());
    QCOMPARE(old.error().code, QStringLiteral("store.schema_too_old"));
    QVERIFY(!reader.isOpen());
}

void tst_RequestStore::closeFlushesQueued()
{
    int callbacks = 0;
    {
        RequestStore store;
        QVERIFY(store.open(dbPath()).ok());
        for (int i = 0; i < 2000; ++i)
            store.append(makeRecord(i), this, [&](bool ok, const QString &) { callbacks += ok; });
        store.close(); // no flush() before it
    }
    QTRY_COMPARE_WITH_TIMEOUT(callbacks, 2000, 5000);
    RequestStore reopened;
    QVERIFY(reopened.open(dbPath()).ok());
    QCOMPARE(reopened.countBlocking(), 2000);
}

void tst_RequestStore::concurrentAppends()
{
    RequestStore store;
    QVERIFY(store.open(dbPath()).ok());
    constexpr int threads = 4;
    constexpr int perThread = 500;
    QAtomicInt okCount;
    QList<QThread *> workers;
    for (int t = 0; t < threads; ++t) {
        workers.append(QThread::create([&store, &okCount, t] {
            for (int i = 0; i < perThread; ++i) {
                store.append(makeRecord(t * perThread + i), nullptr,
                             [&okCount](bool ok, const QString &) {
                                 if (ok)
                                     okCount.fetchAndAddRelaxed(1);
                             });
            }
        }));
    }
    for (QThread *worker : std::as_const(workers))
        worker->start();
    for (QThread *worker : std::as_const(workers)) {
        QVERIFY(worker->wait(10000));
        delete worker;
    }
    store.flush(); // null context: callbacks ran on the store thread before flush returns
    QCOMPARE(okCount.loadRelaxed(), threads * perThread);
    QCOMPARE(store.countBlocking(), threads * perThread);
}

void tst_RequestStore::duplicateRequestIdFailsOnlyThatRecord()
{
    // Appends from another thread wait for their commit, which tells each record's fate.
    RequestStore store;
    QVERIFY(store.open(dbPath()).ok());
    QSignalSpy failed(&store, &RequestStore::writeFailed);
    QList<bool> results;
    QString duplicateError;
    QMutex mutex;
    std::unique_ptr<QThread> producer(QThread::create([&] {
        for (int i : {1, 2, 1, 3}) {
            store.append(makeRecord(i), nullptr, [&](bool ok, const QString &error) {
                QMutexLocker locker(&mutex); // runs on the store thread
                results.append(ok);
                if (!ok)
                    duplicateError = error;
            });
        }
    }));
    producer->start();
    QVERIFY(producer->wait(5000));
    store.flush();
    QMutexLocker locker(&mutex);
    QCOMPARE(results, (QList<bool>{true, true, false, true}));
    QVERIFY(!duplicateError.isEmpty());
    QCOMPARE(store.countBlocking(), 3);
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 5000);
}

void tst_RequestStore::queryRecentAsync()
{
    RequestStore store;
    QVERIFY(store.open(dbPath()).ok());
    for (int i = 0; i < 20; ++i)
        store.append(makeRecord(i), nullptr, {});
    std::optional<LogRecordList> result;
    store.queryRecent(5, this, [&](LogRecordList records) { result = records; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
    QCOMPARE(result->size(), 5);
    QCOMPARE(result->first().requestId, QStringLiteral("req-19"));
    QCOMPARE(result->last().requestId, QStringLiteral("req-15"));
    QVERIFY(result->first().sequence > result->last().sequence);
}

void tst_RequestStore::appendAfterCloseFails()
{
    RequestStore store;
    QVERIFY(store.open(dbPath()).ok());
    store.close();
    store.close(); // twice is fine
    std::optional<bool> result;
    store.append(makeRecord(1), this, [&](bool ok, const QString &) { result = ok; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
    QCOMPARE(*result, false);
    QCOMPARE(store.countBlocking(), 0);
}

void tst_RequestStore::unwritablePath()
{
    // A regular file where a directory should be: fails even when the tests run as root.
    const QString blocker = m_dir->filePath(QStringLiteral("not-a-directory"));
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const QString path = blocker + QStringLiteral("/sub/requests.sqlite");

    RequestStore store;
    const Result<int> result = store.open(path);
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.contains(path), qPrintable(result.error().message));
    QCOMPARE(result.error().code, QStringLiteral("store.mkdir"));
    QVERIFY(!store.isOpen());
    qInfo("%s", qPrintable(result.error().message));

    // A directory where the database file should be: mkdir succeeds, SQLite cannot open it.
    const QString dirAsFile = m_dir->filePath(QStringLiteral("dir.sqlite"));
    QVERIFY(QDir().mkpath(dirAsFile));
    const Result<int> second = store.open(dirAsFile);
    QVERIFY(!second.ok());
    QVERIFY2(second.error().message.contains(dirAsFile), qPrintable(second.error().message));
    qInfo("%s", qPrintable(second.error().message));
    QVERIFY(!store.isOpen());
}

void tst_RequestStore::throughput()
{
    RequestStore store;
    QVERIFY(store.open(dbPath()).ok());
    constexpr int count = 20000;
    const LogRecord base = fullRecord();
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < count; ++i) {
        LogRecord r = base;
        r.requestId = QStringLiteral("bench-%1").arg(i);
        store.append(r, nullptr, {});
    }
    store.flush();
    const qint64 ms = qMax<qint64>(1, timer.elapsed());
    QCOMPARE(store.countBlocking(), count);
    qInfo("RequestStore writer: %d records in %lld ms, about %lld records/s", count, ms,
          qint64(count) * 1000 / ms);
}

void tst_RequestStore::timestampTextEqualsQtIso_data()
{
    QTest::addColumn<qint64>("msSinceEpoch");
    QTest::newRow("epoch") << qint64(0);
    QTest::newRow("before the epoch") << qint64(-1);
    QTest::newRow("1969-12-31 noon") << qint64(-43'200'000);
    QTest::newRow("leap day 2000") << QDateTime(QDate(2000, 2, 29), QTime(23, 59, 59, 999), Qt::UTC).toMSecsSinceEpoch();
    QTest::newRow("not a leap year 2100") << QDateTime(QDate(2100, 3, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    QTest::newRow("leap day 2400") << QDateTime(QDate(2400, 2, 29), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
    QTest::newRow("year 1") << QDateTime(QDate(1, 1, 1), QTime(0, 0, 0, 1), Qt::UTC).toMSecsSinceEpoch();
    QTest::newRow("last millisecond of 9999") << QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC).toMSecsSinceEpoch();
    // Every day of four years around today, at a varying time of day.
    const qint64 start = QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    for (qint64 day = 0; day < 4 * 366; day += 1)
        QTest::addRow("day %lld", day) << start + day * 86'400'000 + (day * 7'919'123) % 86'400'000;
}

void tst_RequestStore::timestampTextEqualsQtIso()
{
    QFETCH(qint64, msSinceEpoch);
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC);
    const QString expected = time.toString(Qt::ISODateWithMs);
    QCOMPARE(Store::Internal::LogRecordRow::timestampToText(time), expected);
    QCOMPARE(Store::Internal::LogRecordRow::timestampToUtf8(time), expected.toLatin1());
}

QTEST_GUILESS_MAIN(tst_RequestStore)
#include "tst_requeststore.moc"
