// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/store/walcheckpointer.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using Switchyard::Store::Internal::WalCheckpointer;

/// The request log's checkpoints run beside the writer, and the write-ahead log is reused
/// rather than grown.
class tst_WalCheckpointer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void belowTheThresholdNothingRuns();
    void checkpointsKeepTheWalBounded();
    void detachingLeavesADatabaseSQLiteCanClose();

private:
    void exec(const char *sql);
    /// One transaction of \a rows rows of about 2 KB: about rows / 2 WAL pages.
    void writeRows(int rows);
    qint64 walBytes() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    sqlite3 *m_writer = nullptr;
};

void tst_WalCheckpointer::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("log.sqlite"));
    QCOMPARE(sqlite3_open(m_path.toUtf8().constData(), &m_writer), SQLITE_OK);
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=NORMAL");
    exec("CREATE TABLE t (id INTEGER PRIMARY KEY, payload BLOB)");
}

void tst_WalCheckpointer::cleanup()
{
    sqlite3_close(m_writer);
    m_writer = nullptr;
    m_dir.reset();
}

void tst_WalCheckpointer::exec(const char *sql)
{
    char *error = nullptr;
    const int rc = sqlite3_exec(m_writer, sql, nullptr, nullptr, &error);
    const QByteArray message = error ? QByteArray(error) : QByteArray();
    sqlite3_free(error);
    QVERIFY2(rc == SQLITE_OK, message.constData());
}

void tst_WalCheckpointer::writeRows(int rows)
{
    exec("BEGIN");
    for (int i = 0; i < rows; ++i)
        exec("INSERT INTO t (payload) VALUES (randomblob(2000))");
    exec("COMMIT");
}

qint64 tst_WalCheckpointer::walBytes() const
{
    return QFileInfo(m_path + QStringLiteral("-wal")).size();
}

void tst_WalCheckpointer::belowTheThresholdNothingRuns()
{
    std::unique_ptr<WalCheckpointer> checkpointer = WalCheckpointer::attach(m_writer, m_path);
    QVERIFY(checkpointer);
    for (int i = 0; i < 10; ++i) {
        writeRows(50); // about 250 pages in all
        checkpointer->writerIdle();
    }
    QVERIFY(!checkpointer->waitForCheckpoints(1, 50));
    QCOMPARE(checkpointer->checkpoints(), 0);
}

void tst_WalCheckpointer::checkpointsKeepTheWalBounded()
{
    std::unique_ptr<WalCheckpointer> checkpointer = WalCheckpointer::attach(m_writer, m_path);
    QVERIFY(checkpointer);
    // Without the hook SQLite would checkpoint inside these COMMITs; with it, the writer's
    // commits only notify, the thread copies, the writer finishes between transactions, and
    // each round's WAL is reused by the next round.
    const int rounds = 5;
    qint64 largestWal = 0;
    for (int round = 1; round <= rounds; ++round) {
        writeRows(2400); // about 1,200 pages: over the threshold
        QVERIFY2(checkpointer->waitForCheckpoints(round, 10000), "no checkpoint within 10 s");
        largestWal = std::max(largestWal, walBytes());
        checkpointer->writerIdle(); // as the store thread does between batches
    }
    QCOMPARE(checkpointer->checkpoints(), rounds);
    // Five rounds of 1,200 pages appended to one file would exceed 24 MB; reused, it stays
    // near one round's size.
    QVERIFY2(largestWal < 8 * 1024 * 1024, QByteArray::number(largestWal).constData());

    sqlite3_stmt *count = nullptr;
    QCOMPARE(sqlite3_prepare_v2(m_writer, "SELECT COUNT(*) FROM t", -1, &count, nullptr), SQLITE_OK);
    QCOMPARE(sqlite3_step(count), SQLITE_ROW);
    QCOMPARE(sqlite3_column_int(count, 0), rounds * 2400);
    sqlite3_finalize(count);
}

void tst_WalCheckpointer::detachingLeavesADatabaseSQLiteCanClose()
{
    {
        std::unique_ptr<WalCheckpointer> checkpointer = WalCheckpointer::attach(m_writer, m_path);
        QVERIFY(checkpointer);
        writeRows(2400);
        QVERIFY(checkpointer->waitForCheckpoints(1, 10000));
        writeRows(10);
    }
    // The last connection's close checkpoints the rest and removes the WAL.
    QCOMPARE(sqlite3_close(m_writer), SQLITE_OK);
    m_writer = nullptr;
    QVERIFY(!QFileInfo::exists(m_path + QStringLiteral("-wal")));
    QCOMPARE(sqlite3_open(m_path.toUtf8().constData(), &m_writer), SQLITE_OK);
    sqlite3_stmt *count = nullptr;
    QCOMPARE(sqlite3_prepare_v2(m_writer, "SELECT COUNT(*) FROM t", -1, &count, nullptr), SQLITE_OK);
    QCOMPARE(sqlite3_step(count), SQLITE_ROW);
    QCOMPARE(sqlite3_column_int(count, 0), 2410);
    sqlite3_finalize(count);
}

QTEST_GUILESS_MAIN(tst_WalCheckpointer)
#include "tst_walcheckpointer.moc"
