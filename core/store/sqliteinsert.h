// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/logrecord.h"

#include <QString>

#include <QByteArray>
#include <QByteArrayView>
#include <QStringEncoder>
#include <QStringView>

#include <memory>
#include <vector>

class QSqlDatabase;
struct sqlite3;
struct sqlite3_stmt;

namespace Switchyard::Store::Internal {

/// UTF-8 bytes of one row's texts, valid until reset(): blocks are kept and reused row after
/// row, so binding a text allocates nothing in the steady state.
class TextArena final
{
public:
    void reset();
    QByteArrayView utf8(QStringView text);
    QByteArrayView copy(QByteArrayView bytes);

private:
    char *reserve(qsizetype size);
    struct Block
    {
        std::unique_ptr<char[]> data;
        qsizetype size = 0;
    };
    std::vector<Block> m_blocks;
    size_t m_current = 0;
    qsizetype m_used = 0;
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringEncoder::Flag::Stateless};
};

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
    /// The same for a row encoded by RowFrames (its payload): texts are bound from it as they
    /// are. A malformed payload fails as this row only.
    Outcome insertFrame(QByteArrayView frame);

    /// Prepared once: QSqlDatabase::transaction()/commit() parse "BEGIN"/"COMMIT" each time.
    bool begin(QString *error);
    bool commit(QString *error);
    void rollback();

    /// The connection Qt opened (owned by it).
    sqlite3 *connection() const { return m_db; }

private:
    explicit SqliteInsert(sqlite3 *db);
    bool run(sqlite3_stmt *statement, QString *error);
    Outcome step(int bindResult);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    sqlite3_stmt *m_begin = nullptr;
    sqlite3_stmt *m_commit = nullptr;
    sqlite3_stmt *m_rollback = nullptr;
    /// The UTF-8 texts bound to m_statement (SQLITE_STATIC: no copy), kept until the next row.
    TextArena m_texts;
};

} // namespace Switchyard::Store::Internal
