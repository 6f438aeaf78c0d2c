// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/store/sqliteinsert.h"

#include "core/store/logrecordrow.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace Switchyard::Store::Internal {

namespace {

/// Binds one row. Texts are bound SQLITE_STATIC: their bytes live in \a texts until the next
/// row, so SQLite neither allocates nor copies; empty texts point at a static "".
class StatementBinder final : public LogRecordRow::RowSink
{
public:
    StatementBinder(sqlite3_stmt *statement, QList<QByteArray> &texts)
        : m_statement(statement)
        , m_texts(texts)
    {
        m_texts.clear(); // keeps the capacity
    }
    void nullInteger() override { check(sqlite3_bind_null(m_statement, ++m_index)); }
    void nullReal() override { check(sqlite3_bind_null(m_statement, ++m_index)); }
    void nullText() override { check(sqlite3_bind_null(m_statement, ++m_index)); }
    void integer(qint64 value) override
    {
        check(sqlite3_bind_int64(m_statement, ++m_index, sqlite3_int64(value)));
    }
    void real(double value) override { check(sqlite3_bind_double(m_statement, ++m_index, value)); }
    void text(const QString &value) override
    {
        // The database is UTF-8: converting here (SIMD in Qt) is cheaper than SQLite's
        // UTF-16 translation.
        if (value.isEmpty())
            bindEmpty();
        else
            bindKept(value.toUtf8());
    }
    void utf8(const QByteArray &value) override
    {
        if (value.isEmpty())
            bindEmpty();
        else
            bindKept(value);
    }
    int firstError() const { return m_firstError; }

private:
    void bindEmpty() { check(sqlite3_bind_text(m_statement, ++m_index, "", 0, SQLITE_STATIC)); }
    void bindKept(QByteArray bytes)
    {
        m_texts.append(std::move(bytes));
        const QByteArray &kept = m_texts.constLast();
        check(sqlite3_bind_text(m_statement, ++m_index, kept.constData(), int(kept.size()),
                                SQLITE_STATIC));
    }
    void check(int rc)
    {
        if (rc != SQLITE_OK && m_firstError == SQLITE_OK)
            m_firstError = rc;
    }
    sqlite3_stmt *m_statement;
    QList<QByteArray> &m_texts;
    int m_index = 0;
    int m_firstError = SQLITE_OK;
};

} // namespace

std::unique_ptr<SqliteInsert> SqliteInsert::create(const QSqlDatabase &db, const QString &sql)
{
    if (!db.isOpen() || db.driverName() != QLatin1String("QSQLITE"))
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
    if (!connection)
        return nullptr;
    auto prepare = [connection](const QByteArray &text) -> sqlite3_stmt * {
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(connection, text.constData(), int(text.size()), &statement, nullptr)
            != SQLITE_OK) {
            sqlite3_finalize(statement);
            return nullptr;
        }
        return statement;
    };
    std::unique_ptr<SqliteInsert> insert(new SqliteInsert(connection));
    insert->m_statement = prepare(sql.toUtf8());
    insert->m_begin = prepare(QByteArrayLiteral("BEGIN"));
    insert->m_commit = prepare(QByteArrayLiteral("COMMIT"));
    insert->m_rollback = prepare(QByteArrayLiteral("ROLLBACK"));
    if (!insert->m_statement || !insert->m_begin || !insert->m_commit || !insert->m_rollback)
        return nullptr;
    return insert;
}

SqliteInsert::SqliteInsert(sqlite3 *db)
    : m_db(db)
{
}

SqliteInsert::~SqliteInsert()
{
    // sqlite3_finalize(nullptr) is a no-op.
    sqlite3_finalize(m_statement);
    sqlite3_finalize(m_begin);
    sqlite3_finalize(m_commit);
    sqlite3_finalize(m_rollback);
}

bool SqliteInsert::begin(QString *error)
{
    return run(m_begin, error);
}

bool SqliteInsert::commit(QString *error)
{
    return run(m_commit, error);
}

void SqliteInsert::rollback()
{
    run(m_rollback, nullptr);
}

bool SqliteInsert::run(sqlite3_stmt *statement, QString *error)
{
    const int rc = sqlite3_step(statement);
    sqlite3_reset(statement);
    if (rc == SQLITE_DONE)
        return true;
    if (error)
        *error = QString::fromUtf8(sqlite3_errmsg(m_db));
    return false;
}

SqliteInsert::Outcome SqliteInsert::insert(const LogRecord &record)
{
    Outcome outcome;
    sqlite3_reset(m_statement);
    m_texts.reserve(64); // moves keep each QByteArray's data where it is anyway
    StatementBinder binder(m_statement, m_texts);
    LogRecordRow::writeRow(record, binder);
    int rc = binder.firstError();
    if (rc == SQLITE_OK)
        rc = sqlite3_step(m_statement);
    outcome.ok = rc == SQLITE_DONE;
    if (!outcome.ok) {
        outcome.constraintViolation = (rc & 0xff) == SQLITE_CONSTRAINT;
        outcome.error = QString::fromUtf8(sqlite3_errmsg(m_db));
    }
    // No sqlite3_clear_bindings: the next row binds every parameter again, and the texts
    // stay valid until then.
    sqlite3_reset(m_statement);
    return outcome;
}

} // namespace Switchyard::Store::Internal
