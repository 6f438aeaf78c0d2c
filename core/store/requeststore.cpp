// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/store/requeststore.h"

#include "core/common/tr.h"
#include "core/store/storeworker.h"

#include <QSemaphore>
#include <QThread>

#include <optional>
#include <utility>

namespace Switchyard::Store {

using Internal::StoreWorker;

RequestStore::RequestStore(QObject *parent)
    : QObject(parent)
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
    StoreWorker::PendingAppend pending{std::move(record), context, context != nullptr,
                                       std::move(committed)};
    if (m_worker && QThread::currentThread() == thread()) {
        // Requests that finish in the same event-loop pass share one wake-up of the store
        // thread and one commit; the queued call runs after this pass, never later.
        m_handOff.append(std::move(pending));
        if (!m_handOffPosted) {
            m_handOffPosted = true;
            QMetaObject::invokeMethod(this, &RequestStore::handOff, Qt::QueuedConnection);
        }
        return;
    }
    if (m_worker && m_worker->enqueueAppend(std::move(pending)))
        return;
    failAppend(pending.context.data(), pending.committed);
}

void RequestStore::handOff()
{
    if (QThread::currentThread() != thread())
        return; // only this thread buffers appends
    m_handOffPosted = false;
    if (m_handOff.isEmpty())
        return;
    QList<StoreWorker::PendingAppend> appends;
    appends.swap(m_handOff);
    if (m_worker && m_worker->enqueueAppends(std::move(appends)))
        return;
    for (const StoreWorker::PendingAppend &append : std::as_const(appends)) {
        if (!append.hasContext || append.context)
            failAppend(append.context.data(), append.committed);
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
