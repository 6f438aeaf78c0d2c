// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/store/requeststore.h"

#include "core/common/tr.h"
#include "core/store/rowframes.h"
#include "core/store/storeworker.h"

#include <QLoggingCategory>
#include <QSemaphore>
#include <QThread>

#include <optional>
#include <utility>

namespace Switchyard::Store {

using Internal::RowJournal;
using Internal::StoreWorker;
namespace RowFrames = Internal::RowFrames;

Q_LOGGING_CATEGORY(lcRequestStore, "switchyard.store.log")

RequestStore::RequestStore(QObject *parent)
    : QObject(parent)
    , m_handOffCall(new EndOfPassCall([this] { handOff(); }, this))
{
}

RequestStore::~RequestStore()
{
    close();
}

Result<int> RequestStore::open(const QString &databasePath)
{
    if (m_thread) {
        return Error{QStringLiteral("store.already_open"),
                     Tr::tr("The request log is already open at %1").arg(m_path)};
    }
    m_path = databasePath;
    // writeFailed is reported by the store thread and re-emitted on this object's thread; if
    // this object is destroyed first, Qt drops the posted event with it.
    m_worker = std::make_unique<StoreWorker>([this](const QString &message) {
        QMetaObject::invokeMethod(
            this, [this, message] { Q_EMIT writeFailed(message); }, Qt::QueuedConnection);
    });
    m_thread.reset(QThread::create([worker = m_worker.get()] { worker->run(); }));
    m_thread->setObjectName(QStringLiteral("switchyard-store"));
    m_thread->start();

    std::optional<Result<int>> result;
    runBlocking([&] { result = m_worker->openDatabase(databasePath); });
    if (!result || !result->ok()) {
        close();
        if (!result) {
            return Error{QStringLiteral("store.open"),
                         Tr::tr("Cannot open the request log %1").arg(databasePath)};
        }
        return *result;
    }
    QString journalError;
    m_keepJournal = false;
    m_journal = RowJournal::create(databasePath, &journalError);
    if (m_journal) {
        m_worker->setJournal(m_journal.get());
    } else {
        qCWarning(lcRequestStore, "%s; responses wait for their rows' commits instead",
                  qUtf8Printable(journalError));
    }
    return *result;
}

bool RequestStore::isOpen() const
{
    return m_thread != nullptr;
}

QString RequestStore::databasePath() const
{
    return m_path;
}

void RequestStore::append(LogRecord record, QObject *context, CommitCallback committed)
{
    StoreWorker::PendingCallback callback{context, context != nullptr, std::move(committed)};
    if (m_worker && m_thread && QThread::currentThread() == thread()) {
        // Requests that finish in the same event-loop pass share one journal write (and one
        // commit); the timer fires at the end of this pass (or the next, when the append ran
        // in a timer's callback), never later.
        RowFrames::append(m_passFrames, record);
        ++m_passRows;
        m_passCallbacks.append(std::move(callback));
        m_handOffCall->request();
        return;
    }
    StoreWorker::RowBatch batch;
    RowFrames::append(batch.frames, record);
    batch.rows = 1;
    batch.callbacks.append(callback);
    if (m_worker && m_worker->enqueueRows(std::move(batch)))
        return;
    failAppend(callback.context.data(), callback.committed);
}

void RequestStore::handOff()
{
    if (QThread::currentThread() != thread())
        return; // only this thread buffers appends
    m_handOffCall->cancel();
    if (m_passRows == 0)
        return;
    StoreWorker::RowBatch batch;
    batch.frames.swap(m_passFrames);
    batch.rows = std::exchange(m_passRows, 0);
    QList<StoreWorker::PendingCallback> callbacks;
    callbacks.swap(m_passCallbacks);
    if (m_journal) {
        QString error;
        batch.journalSegment = m_journal->append(batch.frames, &error);
        if (batch.journalSegment < 0 && !m_journalWarned) {
            m_journalWarned = true; // once: it would repeat for every request
            qCWarning(lcRequestStore, "%s; responses wait for their rows' commits instead",
                      qUtf8Printable(error));
        }
    }
    if (batch.journalSegment < 0) {
        batch.callbacks = callbacks;
        if (m_worker && m_worker->enqueueRows(std::move(batch)))
            return;
        for (const StoreWorker::PendingCallback &callback : std::as_const(callbacks)) {
            if (!callback.hasContext || callback.context)
                failAppend(callback.context.data(), callback.committed);
        }
        return;
    }
    // Durable now. Should the store thread refuse them (stopping: only a close() from another
    // thread could race this), the rows stay in the journal for the next open() to replay.
    if (!m_worker || !m_worker->enqueueRows(std::move(batch)))
        m_keepJournal = true;
    for (const StoreWorker::PendingCallback &callback : std::as_const(callbacks)) {
        QObject *context = callback.context.data();
        if (!callback.committed || (callback.hasContext && !context))
            continue;
        if (!context || context->thread() == QThread::currentThread()) {
            callback.committed(true, QString());
        } else {
            QMetaObject::invokeMethod(
                context, [committed = callback.committed] { committed(true, QString()); },
                Qt::QueuedConnection);
        }
    }
}

void RequestStore::failAppend(QObject *context, const CommitCallback &committed)
{
    if (!committed)
        return;
    const QString error = Tr::tr("The request log is closed; the record was not written");
    if (context) {
        QMetaObject::invokeMethod(
            context, [committed, error] { committed(false, error); }, Qt::QueuedConnection);
    } else {
        committed(false, error);
    }
}

void RequestStore::flush()
{
    runBlocking([] {});
}

void RequestStore::close()
{
    if (!m_thread)
        return;
    handOff();
    // The loop drains everything queued before it sees the stop, so this also flushes.
    m_worker->requestStop();
    m_thread->wait();
    m_thread.reset();
    if (m_journal) {
        // Every journaled row is in SQLite now, unless a commit failed: then the files stay
        // for the next open() to replay.
        if (m_worker->journalCommitted() && !m_keepJournal)
            m_journal->retireAll();
        m_journal.reset();
    }
}

void RequestStore::queryRecent(int limit, QObject *context, RecordsCallback done)
{
    if (!m_worker || !context || !done)
        return;
    handOff(); // the query must see what was appended before it
    QPointer<QObject> target(context);
    StoreWorker *worker = m_worker.get();
    m_worker->enqueueJob([worker, limit, target, done = std::move(done)] {
        LogRecordList records = worker->recent(limit);
        if (QObject *receiver = target.data()) {
            QMetaObject::invokeMethod(
                receiver, [done, records = std::move(records)] { done(records); },
                Qt::QueuedConnection);
        }
    });
}

qint64 RequestStore::recoveredRows() const
{
    return m_worker ? m_worker->recoveredRows() : 0;
}

QList<QString> RequestStore::journalSegments() const
{
    return m_journal ? m_journal->segmentPaths() : QList<QString>();
}

qint64 RequestStore::countBlocking()
{
    qint64 count = 0;
    runBlocking([&] { count = m_worker->count(); });
    return count;
}

LogRecordList RequestStore::recentBlocking(int limit)
{
    LogRecordList records;
    runBlocking([&] { records = m_worker->recent(limit); });
    return records;
}

bool RequestStore::runBlocking(const std::function<void()> &job)
{
    if (!m_worker || !m_thread)
        return false;
    handOff(); // a job sees every append made before it
    QSemaphore done;
    if (!m_worker->enqueueJob([&] {
            job();
            done.release();
        })) {
        return false;
    }
    done.acquire();
    return true;
}

} // namespace Switchyard::Store
