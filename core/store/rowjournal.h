// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <mutex>

namespace Switchyard::Store::Internal {

/// The request log's journal: how a finished request's row becomes durable before its
/// response completes without waiting for an SQLite commit.
///
/// The core thread appends each event-loop pass's rows (RowFrames) with one write() to a
/// segment file next to the database, `<database>.rows-<pid>-<n>`. Like a commit to SQLite's
/// WAL with synchronous=NORMAL, a completed write() survives the process being killed (not a
/// power loss). The store thread then commits the same rows to SQLite in large batches and
/// retires (deletes) the segments whose rows are all committed. A process holds an exclusive
/// flock on each of its segments while it lives, so a store that opens the database later
/// replays exactly the segments of processes that died (orphans); rows already committed are
/// recognised by their request id.
class RowJournal final
{
    Q_DISABLE_COPY_MOVE(RowJournal)
public:
    /// A segment is sealed and a new one started once it holds this many bytes.
    static constexpr qint64 segmentBytes = 4 * 1024 * 1024;

    /// Starts this process's first segment; null with \a error set when it cannot.
    static std::unique_ptr<RowJournal> create(const QString &databasePath, QString *error);
    /// Closes the files (releasing their locks) without deleting any: what is still there
    /// is replayed by the next open.
    ~RowJournal();

    /// Writer thread (one at a time). Appends \a frames with one write() and returns the
    /// number of the segment that holds them, or -1 with \a error set (nothing was made
    /// durable; a partial write is cut off again).
    qint64 append(QByteArrayView frames, QString *error);

    /// Store thread: every row in segments numbered below \a segment is committed; their
    /// files are deleted.
    void retireBefore(qint64 segment);
    /// Store thread, once every appended row is committed: deletes every segment.
    void retireAll();

    /// The segment files of dead processes for \a databasePath, oldest first. For each,
    /// \a replay gets the file's contents while its lock is held, and the file is deleted
    /// when it returns true. Returns the number of files deleted.
    static int recoverOrphans(const QString &databasePath,
                              const std::function<bool(const QByteArray &contents)> &replay);

    /// Tests: the segment files this journal still keeps.
    QList<QString> segmentPaths() const;

private:
    struct Segment
    {
        qint64 number = 0;
        int fd = -1;
        QString path;
    };
    explicit RowJournal(QString prefix);
    bool startSegment(QString *error); // m_mutex held
    static void remove(const Segment &segment);

    const QString m_prefix; ///< "<database>.rows-<pid>-"
    mutable std::mutex m_mutex;
    QList<Segment> m_segments; ///< oldest first; the last is written; guarded by m_mutex
    int m_currentFd = -1;      ///< the last segment's file; writer thread
    qint64 m_currentNumber = -1; ///< writer thread
    qint64 m_written = 0;      ///< bytes in the last segment; writer thread
    qint64 m_nextNumber = 0;   ///< guarded by m_mutex
};

} // namespace Switchyard::Store::Internal
