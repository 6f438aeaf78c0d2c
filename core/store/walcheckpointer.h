// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QString>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

struct sqlite3;

namespace Switchyard::Store::Internal {

/// Checkpoints the request log's write-ahead log mostly on a thread of its own.
///
/// SQLite's automatic checkpoint runs inside the COMMIT that crosses 1,000 WAL pages: it
/// copies every page into the database and syncs it, and every response waiting for that
/// commit waits with it (milliseconds: the p99 of a busy gateway). Attached to the writer
/// connection, this replaces it in two steps:
/// 1. copy: the commit only notes the WAL size (sqlite3_wal_hook); a nice-19 thread runs a
///    PASSIVE checkpoint on its own connection, which never blocks the writer;
/// 2. finish: frames committed during the copy are left, and the WAL restarts from its
///    beginning only once every frame is copied, so the writer, between two transactions,
///    copies that remainder itself (writerIdle()). Its next transaction then reuses the file.
/// Were the thread to finish instead, it would hold the checkpoint while starved of CPU by a
/// busy core thread, and the writer would wait for it.
class WalCheckpointer final
{
public:
    static constexpr int checkpointPages = 1000; ///< SQLite's own default threshold

    /// Opens a second connection to \a path and hooks \a writer. Null when either fails (the
    /// caller keeps SQLite's automatic checkpoints).
    static std::unique_ptr<WalCheckpointer> attach(sqlite3 *writer, const QString &path);
    /// Unhooks the writer (whose close then checkpoints what is left) and joins the thread.
    ~WalCheckpointer();

    /// The writer's thread, between transactions (after their responses are on their way):
    /// step 2 when step 1 is done, else nothing.
    void writerIdle();

    /// Tests: copy steps run so far, and a wait for them (false after \a timeoutMs).
    int checkpoints() const;
    bool waitForCheckpoints(int count, int timeoutMs) const;

private:
    enum class Phase { Idle, Copying, Finishing };

    WalCheckpointer(sqlite3 *writer, sqlite3 *own);
    static int onCommit(void *self, sqlite3 *writer, const char *database, int walPages);
    void run();

    sqlite3 *m_writer;
    sqlite3 *m_connection;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    mutable std::condition_variable m_checkpointed;
    Phase m_phase = Phase::Idle; // guarded by m_mutex
    bool m_stopping = false;     // guarded by m_mutex
    int m_checkpoints = 0;       // guarded by m_mutex
    std::thread m_thread;
};

} // namespace Switchyard::Store::Internal
