// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/logrecord.h"

#include <QString>

#include <QByteArray>
#include <QList>

#include <memory>

class QSqlDatabase;
struct sqlite3;
struct sqlite3_stmt;

namespace Switchyard::Store::Internal {

/// The request log's INSERT (and its BEGIN/COMMIT) through SQLite's own API on the connection
/// Qt opened.
/// QSqlQuery::bindValue costs about 2,000 instructions per column (it formats a placeholder
/// name each time); sqlite3_bind_* about 50. Only for the QSQLITE driver: other drivers
/// (QPSQL) keep using QSqlQuery.
class SqliteInsert final
{
public:
    /// Null when \a db is not an open QSQLITE connection or the statement does not prepare.
    static std::unique_ptr<SqliteInsert> create(const QSqlDatabase &db, const QString &sql);
    ~SqliteInsert();

    struct Outcome
    {
        bool ok = false;
        bool constraintViolation = false; ///< e.g. a duplicate request id: this row only
        QString error;
    };
    Outcome insert(const LogRecord &record);

    /// Prepared once: QSqlDatabase::transaction()/commit() parse "BEGIN"/"COMMIT" each time.
    bool begin(QString *error);
    bool commit(QString *error);
    void rollback();

    /// The connection Qt opened (owned by it).
    sqlite3 *connection() const { return m_db; }

private:
    explicit SqliteInsert(sqlite3 *db);
    bool run(sqlite3_stmt *statement, QString *error);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    sqlite3_stmt *m_begin = nullptr;
    sqlite3_stmt *m_commit = nullptr;
    sqlite3_stmt *m_rollback = nullptr;
    /// The UTF-8 texts bound to m_statement (SQLITE_STATIC: no copy), kept until the next row.
    QList<QByteArray> m_texts;
};

} // namespace Switchyard::Store::Internal
