// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/logrecord.h"
#include "core/common/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDeadlineTimer>
#include <QList>
#include <QMutex>
#include <QPointer>
#include <QSqlDatabase>
#include <QString>
#include <QWaitCondition>

#include <functional>
#include <memory>
#include <span>

class QSqlQuery;

namespace Switchyard::Store::Internal {

class RowJournal;
class SqliteInsert;
class WalCheckpointer;

/// The store thread's loop, in the shape of qBittorrent's dbresumedatastorage Worker::run:
/// callers queue rows and jobs under a mutex; the thread swaps the queues out, commits the
/// rows in one transaction with one reused prepared INSERT, then runs the jobs. The
/// connection is opened, used and removed only on the store thread.
///
/// Rows arrive as RowFrames in batches of two kinds. Journaled batches are durable already
/// (RowJournal) and nobody waits for them, so they are committed together: once
/// maxBatchSize rows wait or the oldest has waited journaledCommitDelayMs (a commit costs
/// the same few page writes whether it carries one row or hundreds). Other batches carry a
/// callback per row and are committed at once, as are all rows before a job runs (a query
/// sees every row queued before it) and when the store stops.
class StoreWorker final
{
    Q_DISABLE_COPY_MOVE(StoreWorker)
public:
    using CommitCallback = std::function<void(bool ok, const QString &error)>;
    using Job = std::function<void()>;

    struct PendingCallback
    {
        QPointer<QObject> context;
        bool hasContext = false; ///< tells "no context" from "context since destroyed"
        CommitCallback committed;
    };

    struct RowBatch
    {
        QByteArray frames; ///< RowFrames, one per row
        int rows = 0;
        /// ≥ 0: the rows are durable in this journal segment already and nobody waits;
        /// otherwise \a callbacks holds one entry per row, called after the commit.
        qint64 journalSegment = -1;
        QList<PendingCallback> callbacks;
    };

    /// Journaled rows that start a commit without waiting for the delay.
    static constexpr int maxBatchSize = 512;
    static constexpr int journaledCommitDelayMs = 50;

    /// \a writeFailed is called on the store thread after a failed batch or record.
    explicit StoreWorker(std::function<void(const QString &)> writeFailed);
    ~StoreWorker();

    /// Any thread. False (nothing queued) once stop was requested.
    bool enqueueRows(RowBatch &&batch);
    bool enqueueJob(Job job);
    /// Any thread. The loop drains everything already queued, closes the database and returns.
    void requestStop();

    /// Set once, before the first journaled batch; the store thread retires its segments.
    void setJournal(RowJournal *journal) { m_journal = journal; }
    /// After run() returned: every journaled row was committed (or can never be: a duplicate).
    bool journalCommitted() const { return m_keepSegmentsFrom < 0; }

    /// Store thread only.
    void run();
    Result<int> openDatabase(const QString &path);
    qint64 count();
    LogRecordList recent(int limit);
    /// Rows replayed from dead processes' journals by the last openDatabase().
    qint64 recoveredRows() const { return m_recoveredRows; }

private:
    struct RowOutcome
    {
        bool ok = false;
        bool duplicate = false; ///< a constraint violation: this row only
        QString error;
    };
    RowOutcome insertRow(QByteArrayView frame);
    bool begin(QString *error);
    bool commit(QString *error);
    void rollback();
    void commitBatches(std::span<RowBatch> batches);
    void deliver(std::span<RowBatch> batches, const QList<QString> &errors);
    bool replayJournal(const QByteArray &contents);
    void closeDatabase();

    std::function<void(const QString &)> m_writeFailed;
    QString m_connectionName;
    QSqlDatabase m_db;
    std::unique_ptr<QSqlQuery> m_insert;
    std::unique_ptr<SqliteInsert> m_sqliteInsert; ///< the fast path when the driver is QSQLITE
    std::unique_ptr<WalCheckpointer> m_checkpointer; ///< with m_sqliteInsert
    RowJournal *m_journal = nullptr;
    qint64 m_keepSegmentsFrom = -1; ///< store thread: first segment with a failed commit
    qint64 m_recoveredRows = 0;

    QMutex m_mutex;
    QWaitCondition m_wake;
    QList<RowBatch> m_batches;     // guarded by m_mutex
    int m_urgentRows = 0;          // rows someone waits for; guarded by m_mutex
    int m_journaledRows = 0;       // guarded by m_mutex
    QDeadlineTimer m_commitDue;    // for the oldest journaled row; guarded by m_mutex
    QList<Job> m_jobs;             // guarded by m_mutex
    bool m_stopping = false;       // guarded by m_mutex
};

} // namespace Switchyard::Store::Internal
