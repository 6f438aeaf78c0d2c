// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/logrecord.h"
#include "core/common/result.h"

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

class SqliteInsert;
class WalCheckpointer;

/// The store thread's loop, in the shape of qBittorrent's dbresumedatastorage Worker::run:
/// callers queue appends and jobs under a mutex; the thread swaps the queues out, commits
/// appends in transactions of at most maxBatchSize with one reused prepared INSERT, then
/// runs the jobs. The connection is opened, used and removed only on the store thread.
class StoreWorker final
{
    Q_DISABLE_COPY_MOVE(StoreWorker)
public:
    using CommitCallback = std::function<void(bool ok, const QString &error)>;
    using Job = std::function<void()>;

    struct PendingAppend
    {
        LogRecord record;
        QPointer<QObject> context;
        bool hasContext = false; ///< tells "no context" from "context since destroyed"
        CommitCallback committed;
    };

    static constexpr int maxBatchSize = 512;

    /// \a writeFailed is called on the store thread after a failed batch or record.
    explicit StoreWorker(std::function<void(const QString &)> writeFailed);
    ~StoreWorker();

    /// Any thread. False (nothing queued) once stop was requested.
    bool enqueueAppend(PendingAppend append);
    /// Any thread; one wake for the lot. False (nothing queued) once stop was requested.
    bool enqueueAppends(QList<PendingAppend> &&appends);
    bool enqueueJob(Job job);
    /// Any thread. The loop drains everything already queued, closes the database and returns.
    void requestStop();

    /// Store thread only.
    void run();
    Result<int> openDatabase(const QString &path);
    qint64 count();
    LogRecordList recent(int limit);

private:
    void commitBatch(std::span<PendingAppend> batch);
    void deliver(std::span<PendingAppend> batch, const QList<QString> &errors);
    void closeDatabase();

    std::function<void(const QString &)> m_writeFailed;
    QString m_connectionName;
    QSqlDatabase m_db;
    std::unique_ptr<QSqlQuery> m_insert;
    std::unique_ptr<SqliteInsert> m_sqliteInsert; ///< the fast path when the driver is QSQLITE
    std::unique_ptr<WalCheckpointer> m_checkpointer; ///< with m_sqliteInsert

    QMutex m_mutex;
    QWaitCondition m_wake;
    QList<PendingAppend> m_appends; // guarded by m_mutex
    QList<Job> m_jobs;              // guarded by m_mutex
    bool m_stopping = false;        // guarded by m_mutex
};

} // namespace Switchyard::Store::Internal
