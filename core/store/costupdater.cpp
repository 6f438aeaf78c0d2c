// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/store/costupdater.h"

#include "core/common/tr.h"
#include "core/store/schema.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Switchyard::Store {

namespace {

QAtomicInteger<int> s_updaterCounter;

} // namespace

CostUpdater::CostUpdater()
    : m_connectionName(QStringLiteral("switchyard-costs-%1").arg(s_updaterCounter.fetchAndAddRelaxed(1)))
{
}

CostUpdater::~CostUpdater()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

Result<bool> CostUpdater::open(const QString &databasePath)
{
    if (!QFileInfo::exists(databasePath))
        return Error{QStringLiteral("store.missing"), Tr::tr("the request log %1 does not exist").arg(databasePath)};
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(databasePath);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open())
        return Error{QStringLiteral("store.open"), m_db.lastError().text()};
    const Result<int> version = Schema::currentVersion(m_db);
    if (!version.ok())
        return version.error();
    if (version.value() < Schema::latestVersion())
        return Error{QStringLiteral("store.schema_too_old"),
                     Tr::tr("the request log has schema version %1; start the gateway once to upgrade it")
                         .arg(version.value())};
    return true;
}

Result<qint64> CostUpdater::apply(const QList<CostUpdate> &updates)
{
    if (!m_db.transaction())
        return Error{QStringLiteral("store.write"), m_db.lastError().text()};
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE requests SET cost_usd = ?, price_version = ? WHERE id = ?"));
    qint64 changed = 0;
    for (const CostUpdate &update : updates) {
        q.bindValue(0, update.costUsd ? QVariant(*update.costUsd) : QVariant(QMetaType::fromType<double>()));
        q.bindValue(1, update.priceVersion);
        q.bindValue(2, update.rowId);
        if (!q.exec()) {
            const QString error = q.lastError().text();
            m_db.rollback();
            return Error{QStringLiteral("store.write"), Tr::tr("Cannot update costs: %1").arg(error)};
        }
        changed += q.numRowsAffected();
    }
    if (!m_db.commit())
        return Error{QStringLiteral("store.write"), m_db.lastError().text()};
    return changed;
}

} // namespace Switchyard::Store
