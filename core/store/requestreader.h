// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/logrecord.h"
#include "core/common/result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

namespace Switchyard::Store {

/// A read-only connection of its own to the request log file, for long reads (what-if
/// replay, exports) that must neither queue behind nor hold up RequestStore's writer. WAL
/// lets it read while the store writes; each page is one short read transaction.
///
/// Not thread-safe: open, use and destroy it on one thread (typically a worker thread).
class RequestReader final
{
    Q_DISABLE_COPY_MOVE(RequestReader)
public:
    RequestReader();
    ~RequestReader(); ///< close()s

    /// Opens \a databasePath read-only (never creates it) and returns its schema version.
    /// Fails when the file is missing, is not a request log, or has not been migrated to
    /// this build's schema yet (the gateway migrates it when it starts).
    Result<int> open(const QString &databasePath);
    bool isOpen() const;
    void close();

    /// Rows with \a from <= started_at < \a to; an invalid bound is open-ended.
    Result<qint64> countRange(const QDateTime &from, const QDateTime &to);

    /// At most \a limit rows of the same range with a row id above \a afterId, by row id.
    /// LogRecord::sequence holds the row id: pass the last one as \a afterId for the next
    /// page (keyset paging: rows committed meanwhile never shift a page).
    Result<LogRecordList> readRange(const QDateTime &from, const QDateTime &to, qint64 afterId,
                                    int limit);

private:
    QString m_connectionName;
    QString m_path;
    QSqlDatabase m_db;
};

} // namespace Switchyard::Store
