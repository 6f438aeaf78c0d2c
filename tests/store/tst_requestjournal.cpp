// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
// The request log's journal: rows durable before their commit, replayed after a crash.
#include "core/store/requeststore.h"
#include "core/store/rowframes.h"
#include "core/store/rowjournal.h"
#include "storetestdata.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Switchyard;
using namespace Switchyard::Testing;
using Switchyard::Store::RequestStore;

class tst_RequestJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void duplicateRequestIdInTheJournalIsReported();
    void callbackFollowsTheJournalWrite();
    void rowsReachTheDatabaseWithoutAFlush();
    void deadProcessJournalIsReplayed();
    void replayDoesNotDoubleCommittedRows();
    void replayStopsAtATornTail_data();
    void replayStopsAtATornTail();
    void liveOwnersJournalIsLeftAlone();
    void failedCommitKeepsTheJournal();
    void segmentsRotateAndRetire();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString dbPath() const { return m_dir->filePath(QStringLiteral("data/requests.sqlite")); }
    QStringList journalFiles() const
    {
        return QDir(m_dir->filePath(QStringLiteral("data")))
            .entryList({QStringLiteral("requests.sqlite.rows-*")}, QDir::Files);
    }
    /// What a killed process leaves: journal files with \a records and no lock on them.
    void leaveDeadJournal(const QList<LogRecord> &records, const QByteArray &tail = {});
};

void tst_RequestJournal::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_RequestJournal::duplicateRequestIdInTheJournalIsReported()
{
    // On the store's own thread a row is durable once journaled; a duplicate only shows at
    // its commit, through writeFailed, and is not replayed again.
    {
        RequestStore store;
        QVERIFY(store.open(dbPath()).ok());
        QSignalSpy failed(&store, &RequestStore::writeFailed);
        QList<bool> results;
        for (int i : {1, 2, 1, 3})
            store.append(makeRecord(i), this, [&](bool ok, const QString &) { results.append(ok); });
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 4, 5000);
        QCOMPARE(results, (QList<bool>{true, true, true, true}));
        QCOMPARE(store.countBlocking(), 3);
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 5000);
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("UNIQUE")),
                 qPrintable(failed.first().first().toString()));
    }
    QCOMPARE(journalFiles(), QStringList());
    RequestStore reopened;
    QVERIFY(reopened.open(dbPath()).ok());
    QCOMPARE(reopened.recoveredRows(), 0);
    QCOMPARE(reopened.countBlocking(), 3);
}

void tst_RequestJournal::callbackFollowsTheJournalWrite()
{
    RequestStore store;
    QVERIFY(store.open(dbPath()).ok());
    const QList<QString> segments = store.journalSegments();
    QCOMPARE(segments.size(), 1);
    QByteArray journalAtCallback;
    bool called = false;
    store.append(makeRecord(42), this, [&](bool ok, const QString &) {
        QVERIFY(ok);
        called = true;
        QFile file(segments.first());
        QVERIFY(file.open(QIODevice::ReadOnly));
        journalAtCallback = file.readAll();
    });
    QTRY_VERIFY_WITH_TIMEOUT(called, 5000);
    QVERIFY(journalAtCallback.contains("req-42"));
    QByteArrayView payload;
    Store::Internal::RowFrames::Reader reader(journalAtCallback);
    QVERIFY(reader.next(&payload));
    QVERIFY(!reader.next(&payload));
    QVERIFY(!reader.damaged());
}

void tst_RequestJournal::rowsReachTheDatabaseWithoutAFlush()
{
    RequestStore store;
    QVERIFY(store.open(dbPath()).ok());
    int callbacks = 0;
    for (int i = 0; i < 10; ++i)
        store.append(makeRecord(i), this, [&](bool, const QString &) { ++callbacks; });
    QTRY_COMPARE_WITH_TIMEOUT(callbacks, 10, 5000);
    // Another connection sees them once the commit delay is over; nothing here asks for it.
    RawDb raw(dbPath());
    QTRY_COMPARE_WITH_TIMEOUT(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM requests")).toInt(), 10,
                              5000);
}

void tst_RequestJournal::leaveDeadJournal(const QList<LogRecord> &records, const QByteArray &tail)
{
    QVERIFY(QDir().mkpath(QFileInfo(dbPath()).absolutePath()));
    QString error;
    std::unique_ptr<Store::Internal::RowJournal> journal =
        Store::Internal::RowJournal::create(dbPath(), &error);
    QVERIFY2(journal, qPrintable(error));
    QByteArray frames;
    for (const LogRecord &record : records)
        Store::Internal::RowFrames::append(frames, record);
    frames += tail;
    QVERIFY(journal->append(frames, &error) >= 0);
    // Destroyed without retiring: the files stay and their locks go, as when killed.
}

void tst_RequestJournal::deadProcessJournalIsReplayed()
{
    const QList<LogRecord> records{fullRecord(), unknownsRecord(), makeRecord(3)};
    leaveDeadJournal(records);
    QCOMPARE(journalFiles().size(), 1);
    RequestStore store;
    QVERIFY(store.open(dbPath()).ok());
    QCOMPARE(store.recoveredRows(), 3);
    // Only this store's own segment is left; the dead one was deleted.
    QCOMPARE(journalFiles(), QStringList{QFileInfo(store.journalSegments().value(0)).fileName()});
    const LogRecordList rows = store.recentBlocking(10);
    QCOMPARE(rows.size(), 3);
    for (int i = 0; i < 3; ++i)
        compareRecords(rows.at(2 - i), records.at(i)); // newest first
}

void tst_RequestJournal::replayDoesNotDoubleCommittedRows()
{
    {
        RequestStore store;
        QVERIFY(store.open(dbPath()).ok());
        store.append(makeRecord(1), nullptr, {});
        store.append(makeRecord(2), nullptr, {});
    }
    // Killed after committing 1 and 2 but before deleting their journal, which also holds 3.
    leaveDeadJournal({makeRecord(1), makeRecord(2), makeRecord(3)});
    RequestStore store;
    QVERIFY(store.open(dbPath()).ok());
    QCOMPARE(store.recoveredRows(), 1);
    QCOMPARE(store.countBlocking(), 3);
}

void tst_RequestJournal::replayStopsAtATornTail_data()
{
    QTest::addColumn<QByteArray>("tail");
    QByteArray frame;
    Store::Internal::RowFrames::append(frame, makeRecord(9));
    QTest::newRow("half a row") << frame.left(frame.size() / 2);
    QTest::newRow("zero-filled") << QByteArray(4096, '\0');
    QByteArray flipped = frame;
    flipped[flipped.size() - 3] = char(flipped.at(flipped.size() - 3) ^ 0x20);
    QTest::newRow("a changed byte") << flipped;
}

void tst_RequestJournal::replayStopsAtATornTail()
{
    QFETCH(QByteArray, tail);
    leaveDeadJournal({makeRecord(1), makeRecord(2)}, tail);
    RequestStore store;
    QVERIFY(store.open(dbPath()).ok());
    QCOMPARE(store.recoveredRows(), 2);
    QCOMPARE(store.countBlocking(), 2);
    QCOMPARE(journalFiles().size(), 1); // the torn file is gone; this store's own remains
}

void tst_RequestJournal::liveOwnersJournalIsLeftAlone()
{
    // Another live process writing the same database: its rows are its own to commit.
    QVERIFY(QDir().mkpath(QFileInfo(dbPath()).absolutePath()));
    QString error;
    std::unique_ptr<Store::Internal::RowJournal> live =
        Store::Internal::RowJournal::create(dbPath(), &error);
    QVERIFY2(live, qPrintable(error));
    QByteArray frames;
    Store::Internal::RowFrames::append(frames, makeRecord(1));
    QVERIFY(live->append(frames, &error) >= 0);
    {
        RequestStore store;
        QVERIFY(store.open(dbPath()).ok());
        QCOMPARE(store.recoveredRows(), 0);
        QCOMPARE(store.countBlocking(), 0);
    }
    QCOMPARE(journalFiles(), QStringList{QFileInfo(live->segmentPaths().constFirst()).fileName()});
    live.reset(); // now it dies
    RequestStore store;
    QVERIFY(store.open(dbPath()).ok());
    QCOMPARE(store.recoveredRows(), 1);
}

void tst_RequestJournal::failedCommitKeepsTheJournal()
{
    {
        RequestStore store;
        QVERIFY(store.open(dbPath()).ok());
        QSignalSpy failed(&store, &RequestStore::writeFailed);
        // Every INSERT now fails as a whole (not a constraint): the database is unusable.
        RawDb raw(dbPath());
        QVERIFY(raw.exec(QStringLiteral("CREATE TRIGGER broken BEFORE INSERT ON requests "
                                        "BEGIN INSERT INTO missing_table VALUES (1); END")));
        QList<bool> results;
        for (int i = 0; i < 5; ++i)
            store.append(makeRecord(i), this, [&](bool ok, const QString &) { results.append(ok); });
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 5, 5000);
        QCOMPARE(results, QList<bool>(5, true)); // durable in the journal
        store.flush();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000); // re-emitted on this thread
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("missing_table")));
        QCOMPARE(store.countBlocking(), 0);
        QVERIFY(raw.exec(QStringLiteral("DROP TRIGGER broken")));
    }
    QCOMPARE(journalFiles().size(), 1); // kept for the next open
    RequestStore store;
    QVERIFY(store.open(dbPath()).ok());
    QCOMPARE(store.recoveredRows(), 5);
    QCOMPARE(store.countBlocking(), 5);
}

void tst_RequestJournal::segmentsRotateAndRetire()
{
    using Store::Internal::RowJournal;
    RequestStore store;
    QVERIFY(store.open(dbPath()).ok());
    const QString first = store.journalSegments().value(0);
    // 48 rows of 128 KiB: more than one segment.
    LogRecord big = makeRecord(0);
    big.errorMessage = QString(128 * 1024, QLatin1Char('x'));
    constexpr int rows = int(RowJournal::segmentBytes / (128 * 1024)) + 16;
    int callbacks = 0;
    for (int i = 0; i < rows; ++i) {
        big.requestId = QStringLiteral("big-%1").arg(i);
        store.append(big, this, [&](bool ok, const QString &) { callbacks += ok; });
        QCoreApplication::processEvents(); // one journal write per row
    }
    QTRY_COMPARE_WITH_TIMEOUT(callbacks, rows, 5000);
    store.flush();
    QCOMPARE(store.countBlocking(), rows);
    // The first segment is full and all its rows are committed: deleted. Only the one being
    // written is left.
    QCOMPARE(store.journalSegments().size(), 1);
    QVERIFY(store.journalSegments().constFirst() != first);
    QVERIFY(!QFile::exists(first));
    QCOMPARE(journalFiles().size(), 1);
    store.close();
    QCOMPARE(journalFiles(), QStringList());
}

QTEST_GUILESS_MAIN(tst_RequestJournal)
#include "tst_requestjournal.moc"
