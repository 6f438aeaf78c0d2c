// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/logrecord.h"
#include "core/common/result.h"
#include "core/store/storeworker.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QThread;

namespace Switchyard::Store {

/// The request log: an SQLite database (WAL) written by one store thread in group commits.
///
/// A RequestStore lives on the thread that creates it (the core thread) and owns the store
/// thread, the only thread that touches the connection. append() is thread-safe while the
/// store is open; open() and close() must not race with other calls. The blocking calls
/// (open, flush, close, *Blocking) wait for the store thread: use them at startup, shutdown,
/// in the CLI and in tests, never per request, and never from a commit callback that runs
/// on the store thread (context == nullptr).
class RequestStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestStore)
public:
    /// ok == false with a message when the record was not written (disk full, duplicate
    /// request id, store closed).
    using CommitCallback = std::function<void(bool ok, const QString &error)>;
    using RecordsCallback = std::function<void(LogRecordList records)>;

    /// Records committed per transaction, at most.
    static constexpr int maxBatchSize = 512;

    explicit RequestStore(QObject *parent = nullptr);
    ~RequestStore() override; ///< close()s

    /// Creates the directory if needed, opens (or creates) the database on the store thread,
    /// turns on WAL, migrates the schema, and returns its version, or an error naming the path.
    /// Blocks until done. Fails when already open.
    Result<int> open(const QString &databasePath);
    bool isOpen() const;
    QString databasePath() const;

    /// Queues \a record. After the batch holding it is committed (or has failed), \a committed
    /// runs on \a context's thread, in append order, with one posted event per batch. A record
    /// is durable (survives the process being killed) when its callback reports ok. If
    /// \a context is destroyed first the callback is dropped; with a null \a context it runs
    /// on the store thread. When the store is closed the callback reports failure.
    /// Appends made on this object's thread are handed to the store thread once per event-loop
    /// pass (one wake-up, one transaction for every request that finished in that pass).
    void append(LogRecord record, QObject *context, CommitCallback committed);

    /// Blocks until every record appended before the call is committed.
    void flush();

    /// Flushes, closes the connection and joins the store thread. Safe to call twice.
    void close();

    /// Newest first (by commit order), at most \a limit; \a done runs on \a context's thread.
    /// LogRecord::sequence holds the row id. Nothing is called when the store is closed.
    void queryRecent(int limit, QObject *context, RecordsCallback done);

    /// Blocking queries run on the store thread; 0 / empty when the store is closed.
    qint64 countBlocking();
    LogRecordList recentBlocking(int limit);

Q_SIGNALS:
    /// A batch or record could not be written (e.g. disk full). Emitted on this object's thread.
    void writeFailed(const QString &message);

private:
    void handOff();
    void failAppend(QObject *context, const CommitCallback &committed);
    bool runBlocking(const std::function<void()> &job);

    std::unique_ptr<Internal::StoreWorker> m_worker;
    std::unique_ptr<QThread> m_thread;
    QString m_path;
    QList<Internal::StoreWorker::PendingAppend> m_handOff; ///< this object's thread only
    bool m_handOffPosted = false;
};

} // namespace Switchyard::Store
