// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/store/walcheckpointer.h"

#include <QLoggingCategory>

#include <sqlite3.h>

#include <chrono>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace Switchyard::Store::Internal {

Q_LOGGING_CATEGORY(lcCheckpoint, "switchyard.store.checkpoint")

std::unique_ptr<WalCheckpointer> WalCheckpointer::attach(sqlite3 *writer, const QString &path)
{
    if (!writer)
        return nullptr;
    sqlite3 *own = nullptr;
    const QByteArray file = path.toUtf8();
    if (sqlite3_open_v2(file.constData(), &own, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr)
        != SQLITE_OK) {
        qCWarning(lcCheckpoint, "cannot open a checkpoint connection: %s", sqlite3_errmsg(own));
        sqlite3_close(own);
        return nullptr;
    }
    sqlite3_busy_timeout(own, 5000);
    // A connection learns the journal mode when it first reads; until then a checkpoint on
    // it does nothing (and reports -1 frames).
    sqlite3_stmt *mode = nullptr;
    const bool wal = sqlite3_prepare_v2(own, "PRAGMA journal_mode", -1, &mode, nullptr) == SQLITE_OK
                     && sqlite3_step(mode) == SQLITE_ROW
                     && qstricmp(reinterpret_cast<const char *>(sqlite3_column_text(mode, 0)), "wal") == 0;
    sqlite3_finalize(mode);
    if (!wal) {
        sqlite3_close(own);
        return nullptr;
    }
    std::unique_ptr<WalCheckpointer> checkpointer(new WalCheckpointer(writer, own));
    sqlite3_wal_hook(writer, &WalCheckpointer::onCommit, checkpointer.get());
    return checkpointer;
}

WalCheckpointer::WalCheckpointer(sqlite3 *writer, sqlite3 *own)
    : m_writer(writer)
    , m_connection(own)
    , m_thread([this] { run(); })
{
}

WalCheckpointer::~WalCheckpointer()
{
    sqlite3_wal_hook(m_writer, nullptr, nullptr);
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
    sqlite3_close(m_connection);
}

int WalCheckpointer::checkpoints() const
{
    std::lock_guard lock(m_mutex);
    return m_checkpoints;
}

bool WalCheckpointer::waitForCheckpoints(int count, int timeoutMs) const
{
    std::unique_lock lock(m_mutex);
    return m_checkpointed.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                                   [&] { return m_checkpoints >= count; });
}

int WalCheckpointer::onCommit(void *self, sqlite3 *, const char *, int walPages)
{
    // On the writer's thread, after its COMMIT: a comparison and, past the threshold, a wake.
    auto *checkpointer = static_cast<WalCheckpointer *>(self);
    if (walPages < checkpointPages)
        return SQLITE_OK;
    {
        std::lock_guard lock(checkpointer->m_mutex);
        if (checkpointer->m_phase != Phase::Idle)
            return SQLITE_OK;
        checkpointer->m_phase = Phase::Copying;
    }
    checkpointer->m_wake.notify_one();
    return SQLITE_OK;
}

void WalCheckpointer::writerIdle()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_phase != Phase::Finishing)
            return;
        m_phase = Phase::Idle;
    }
    int logged = 0;
    int copied = 0;
    const int rc = sqlite3_wal_checkpoint_v2(m_writer, nullptr, SQLITE_CHECKPOINT_PASSIVE, &logged,
                                             &copied);
    qCDebug(lcCheckpoint, "finish rc %d: %d of %d frames", rc, copied, logged);
}

void WalCheckpointer::run()
{
    // Copying pages is background work: on a busy core the threads that serve requests go
    // first (Linux keeps a nice value per thread).
    setpriority(PRIO_PROCESS, id_t(::syscall(SYS_gettid)), 19);
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_phase == Phase::Copying || m_stopping; });
        if (m_stopping)
            return;
        lock.unlock();
        int logged = 0;
        int copied = 0;
        const int rc = sqlite3_wal_checkpoint_v2(m_connection, nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                                 &logged, &copied);
        qCDebug(lcCheckpoint, "copy rc %d: %d of %d frames", rc, copied, logged);
        if (rc != SQLITE_OK && rc != SQLITE_BUSY)
            qCWarning(lcCheckpoint, "checkpoint failed: %s", sqlite3_errmsg(m_connection));
        lock.lock();
        m_phase = Phase::Finishing;
        ++m_checkpoints;
        m_checkpointed.notify_all();
    }
}

} // namespace Switchyard::Store::Internal
