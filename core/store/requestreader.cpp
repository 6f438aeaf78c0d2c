// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/store/requestreader.h"

#include "core/common/tr.h"
#include "core/store/logrecordrow.h"
#include "core/store/schema.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Switchyard::Store {

namespace {

QAtomicInt s_readerCounter;

// " WHERE ..." for the time range (plus the keyset bound when asked), and its bound values.
QString rangeWhere(const QDateTime &from, const QDateTime &to, bool withAfterId,
                   QVariantList &values)
{
    QStringList clauses;
    if (from.isValid()) {
        clauses.append(QStringLiteral("started_at >= ?"));
        values.append(Internal::LogRecordRow::timestampToText(from));
    }
    if (to.isValid()) {
        clauses.append(QStringLiteral("started_at < ?"));
        values.append(Internal::LogRecordRow::timestampToText(to));
    }
    if (withAfterId)
        clauses.append(QStringLiteral("id > ?"));
    return clauses.isEmpty() ? QString()
                             : QStringLiteral(" WHERE ") + clauses.join(QStringLiteral(" AND "));
}

} // namespace

RequestReader::RequestReader()
    : m_connectionName(QStringLiteral("switchyard-reader-%1")
                           .arg(s_readerCounter.fetchAndAddRelaxed(1)))
{
}

RequestReader::~RequestReader()
{
    close();
}

Result<int> RequestReader::open(const QString &databasePath)
{
    close();
    const QString nativePath = QDir::toNativeSeparators(databasePath);
    auto fail = [&](const QString &code, const QString &detail) -> Result<int> {
        close();
        return Error{code,
                     Tr::tr("Cannot read the request log %1: %2").arg(nativePath, detail)};
    };
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return fail(QStringLiteral("store.driver"), Tr::tr("Qt's SQLite driver is not installed"));
    if (!QFileInfo::exists(databasePath))
        return fail(QStringLiteral("store.missing"), Tr::tr("the file does not exist"));
    m_path = databasePath;
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(databasePath);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open())
        return fail(QStringLiteral("store.open"), m_db.lastError().text());
    const Result<int> version = Schema::currentVersion(m_db);
    if (!version)
        return fail(version.error().code, version.error().message);
    if (version.value() < Schema::latestVersion()) {
        return fail(QStringLiteral("store.schema_too_old"),
                    Tr::tr("it has schema version %1 and this build reads version %2; start "
                           "the gateway once to upgrade it")
                        .arg(version.value())
                        .arg(Schema::latestVersion()));
    }
    return version;
}

bool RequestReader::isOpen() const
{
    return m_db.isOpen();
}

void RequestReader::close()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

Result<qint64> RequestReader::countRange(const QDateTime &from, const QDateTime &to)
{
    if (!isOpen())
        return Error{QStringLiteral("store.closed"), Tr::tr("The request log is not open")};
    QVariantList values;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM requests")
                  + rangeWhere(from, to, false, values));
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    if (!query.exec() || !query.next()) {
        return Error{QStringLiteral("store.query"),
                     Tr::tr("Cannot count requests in the request log: %1")
                         .arg(query.lastError().text())};
    }
    return query.value(0).toLongLong();
}

Result<LogRecordList> RequestReader::readRange(const QDateTime &from, const QDateTime &to,
                                               qint64 afterId, int limit)
{
    if (!isOpen())
        return Error{QStringLiteral("store.closed"), Tr::tr("The request log is not open")};
    LogRecordList records;
    if (limit <= 0)
        return records;
    QVariantList values;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(Internal::LogRecordRow::selectStatement() + rangeWhere(from, to, true, values)
                  + QStringLiteral(" ORDER BY id LIMIT ?"));
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    query.addBindValue(afterId);
    query.addBindValue(limit);
    if (!query.exec()) {
        return Error{QStringLiteral("store.query"),
                     Tr::tr("Cannot read requests from the request log: %1")
                         .arg(query.lastError().text())};
    }
    records.reserve(limit);
    while (query.next())
        records.append(Internal::LogRecordRow::fromQuery(query));
    return records;
}

} // namespace Switchyard::Store
