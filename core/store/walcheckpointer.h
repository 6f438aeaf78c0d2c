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

/// Checkpoints the request log's write-ahead log on a thread of its own.
///
/// SQLite's automatic checkpoint runs inside the COMMIT that crosses 1,000 WAL pages: it
/// copies the pages into the database and syncs it, and every request waiting for that
/// commit waits with it (a few milliseconds, the p99 of a busy gateway). Attached to the
/// writer connection, this replaces it: the commit only notes the WAL size (sqlite3_wal_hook)
/// and this thread runs a PASSIVE checkpoint on its own connection, which never blocks the
/// writer; a RESTART then copies what was committed meanwhile, so the file is reused rather
/// than grown.
class WalCheckpointer final
{
public:
    static constexpr int checkpointPages = 1000; ///< SQLite's own default threshold

    /// Opens a second connection to \a path and hooks \a writer. Null when either fails (the
    /// caller keeps SQLite's automatic checkpoints).
    static std::unique_ptr<WalCheckpointer> attach(sqlite3 *writer, const QString &path);
    /// Unhooks the writer (whose close then checkpoints what is left) and joins the thread.
    ~WalCheckpointer();

    /// Checkpoints run so far, for tests.
    int checkpoints() const;
    /// Tests: waits until at least \a count checkpoints ran; false after \a timeoutMs.
    bool waitForCheckpoints(int count, int timeoutMs) const;

private:
    WalCheckpointer(sqlite3 *writer, sqlite3 *own);
    static int onCommit(void *self, sqlite3 *writer, const char *database, int walPages);
    void run();

    sqlite3 *m_writer;
    sqlite3 *m_connection;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    mutable std::condition_variable m_checkpointed;
    bool m_pending = false; // guarded by m_mutex
    bool m_stopping = false; // guarded by m_mutex
    int m_checkpoints = 0; // guarded by m_mutex
    std::thread m_thread;
};

} // namespace Switchyard::Store::Internal
