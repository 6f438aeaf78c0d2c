// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/logrecord.h"
#include "core/common/result.h"
#include "core/common/timers.h"
#include "core/store/rowjournal.h"
#include "core/store/storeworker.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QThread;

namespace Switchyard::Store {

/// The request log: an SQLite database (WAL) written by one store thread in group commits,
/// with a journal (RowJournal) that makes each row durable before its response completes.
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

    explicit RequestStore(QObject *parent = nullptr);
    ~RequestStore() override; ///< close()s

    /// Creates the directory if needed, opens (or creates) the database on the store thread,
    /// turns on WAL, migrates the schema, and returns its version, or an error naming the path.
    /// Blocks until done. Fails when already open.
    Result<int> open(const QString &databasePath);
    bool isOpen() const;
    QString databasePath() const;

    /// Queues \a record; \a committed reports, in append order, when it is durable (survives
    /// the process being killed) or that it could not be made so (disk full, store closed).
    /// If \a context is destroyed first the callback is dropped.
    ///
    /// Appends made on this object's thread are encoded at once and written to the journal
    /// once per event-loop pass, with one write(); their callbacks then run on this thread
    /// (or \a context's) right after that write, and the store thread commits the rows to
    /// SQLite later, in large batches (StoreWorker). A row whose commit then fails is kept in
    /// the journal for the next open() to replay, and writeFailed() says so. Without a journal
    /// (it could not be created) and for appends from other threads, the callback runs after
    /// the row's SQLite commit, on \a context's thread (the store thread when it is null),
    /// with a duplicate request id failing that record only.
    void append(LogRecord record, QObject *context, CommitCallback committed);

    /// Blocks until every record appended before the call is committed to SQLite.
    void flush();

    /// Flushes, closes the connection and joins the store thread. Safe to call twice.
    void close();

    /// Rows replayed from the journals of processes that died, by the last open().
    qint64 recoveredRows() const;
    /// Tests: the journal files this store keeps now (none without a journal).
    QList<QString> journalSegments() const;

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
    std::unique_ptr<Internal::RowJournal> m_journal;
    std::unique_ptr<QThread> m_thread;
    QString m_path;
    // This event-loop pass's rows, encoded; this object's thread only.
    QByteArray m_passFrames;
    int m_passRows = 0;
    QList<Internal::StoreWorker::PendingCallback> m_passCallbacks;
    EndOfPassCall *m_handOffCall; ///< handOff() at the end of the pass that appended
    bool m_journalWarned = false;
    bool m_keepJournal = false; ///< journaled rows the store thread never took: keep the files
};

} // namespace Switchyard::Store
