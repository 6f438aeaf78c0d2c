// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/store/sqliteinsert.h"

#include "core/store/logrecordrow.h"
#include "core/store/rowframes.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>
#include <cstring>

namespace Switchyard::Store::Internal {

namespace {

/// Binds one row. Texts are bound SQLITE_STATIC, so SQLite neither allocates nor copies: from
/// UTF-8 copies in \a texts, which stay put until the next row, or, for a row replayed from a
/// frame (\a texts null), straight from the frame, which outlives the statement's step. Empty
/// texts point at a static "".
class StatementBinder final : public LogRecordRow::RowSink
{
public:
    StatementBinder(sqlite3_stmt *statement, TextArena *texts)
        : m_statement(statement)
        , m_texts(texts)
    {
        if (m_texts)
            m_texts->reset(); // keeps the blocks
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
        // UTF-16 translation, and writing into the arena saves a QByteArray per column.
        if (value.isEmpty()) {
            bindEmpty();
        } else if (m_texts) {
            bindKept(m_texts->utf8(value));
        } else { // not reached from frames (they hold UTF-8), so SQLite may copy this one
            const QByteArray bytes = value.toUtf8();
            check(sqlite3_bind_text(m_statement, ++m_index, bytes.constData(), int(bytes.size()),
                                    SQLITE_TRANSIENT));
        }
    }
    void utf8(QByteArrayView value) override
    {
        if (value.isEmpty())
            bindEmpty();
        else
            bindKept(m_texts ? m_texts->copy(value) : value);
    }
    int firstError() const { return m_firstError; }

private:
    void bindEmpty() { check(sqlite3_bind_text(m_statement, ++m_index, "", 0, SQLITE_STATIC)); }
    void bindKept(QByteArrayView kept)
    {
        check(sqlite3_bind_text(m_statement, ++m_index, kept.data(), int(kept.size()),
                                SQLITE_STATIC));
    }
    void check(int rc)
    {
        if (rc != SQLITE_OK && m_firstError == SQLITE_OK)
            m_firstError = rc;
    }
    sqlite3_stmt *m_statement;
    TextArena *m_texts;
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
    sqlite3_reset(m_statement);
    StatementBinder binder(m_statement, &m_texts);
    LogRecordRow::writeRow(record, binder);
    return step(binder.firstError());
}

SqliteInsert::Outcome SqliteInsert::insertFrame(QByteArrayView frame)
{
    sqlite3_reset(m_statement);
    StatementBinder binder(m_statement, nullptr);
    if (!RowFrames::replay(frame, binder)) {
        Outcome damaged;
        damaged.constraintViolation = true; // this row only
        damaged.error = QStringLiteral("a damaged row");
        return damaged;
    }
    return step(binder.firstError());
}

SqliteInsert::Outcome SqliteInsert::step(int rc)
{
    Outcome outcome;
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

void TextArena::reset()
{
    // A rare huge text (an error message, a long tag list) does not pin its block forever.
    constexpr qsizetype keptBlockLimit = 256 * 1024;
    std::erase_if(m_blocks, [](const Block &block) { return block.size > keptBlockLimit; });
    m_current = 0;
    m_used = 0;
}

char *TextArena::reserve(qsizetype size)
{
    for (; m_current < m_blocks.size(); ++m_current, m_used = 0) {
        if (m_blocks[m_current].size - m_used >= size)
            return m_blocks[m_current].data.get() + m_used;
    }
    constexpr qsizetype blockSize = 8192; // a typical row's texts fit in one
    const qsizetype allocated = std::max(blockSize, size);
    m_blocks.push_back({std::make_unique_for_overwrite<char[]>(size_t(allocated)), allocated});
    m_current = m_blocks.size() - 1;
    m_used = 0;
    return m_blocks.back().data.get();
}

QByteArrayView TextArena::utf8(QStringView text)
{
    char *out = reserve(text.size() * 3); // UTF-8 needs at most 3 bytes per UTF-16 unit
    const char *end = m_encoder.appendToBuffer(out, text);
    m_used += end - out;
    return QByteArrayView(out, end - out);
}

QByteArrayView TextArena::copy(QByteArrayView bytes)
{
    char *out = reserve(bytes.size());
    std::memcpy(out, bytes.data(), size_t(bytes.size()));
    m_used += bytes.size();
    return QByteArrayView(out, bytes.size());
}

} // namespace Switchyard::Store::Internal
