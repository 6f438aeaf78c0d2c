// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/store/keystore.h"

#include "core/common/tr.h"
#include "core/store/schema.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Switchyard::Store {

Q_LOGGING_CATEGORY(lcKeys, "switchyard.keys")

namespace {

QAtomicInteger<int> s_keyStoreCounter;

Error sqlError(const QString &what, const QSqlError &error)
{
    return Error{QStringLiteral("keys.sql"), Tr::tr("%1: %2").arg(what, error.text())};
}

Keys::VirtualKey fromRow(const QSqlQuery &q)
{
    Keys::VirtualKey key;
    key.id = q.value(0).toString();
    key.name = q.value(1).toString();
    key.hint = q.value(2).toString();
    key.hash = q.value(3).toByteArray();
    key.customer = q.value(4).toString();
    key.project = q.value(5).toString();
    key.allowedModels = q.value(6).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    key.limits.requestsPerMinute = q.value(7).toLongLong();
    key.limits.tokensPerMinute = q.value(8).toLongLong();
    key.monthlyBudgetUsd = q.value(9).toDouble();
    key.createdAt = QDateTime::fromString(q.value(10).toString(), Qt::ISODateWithMs);
    if (!q.value(11).isNull())
        key.revokedAt = QDateTime::fromString(q.value(11).toString(), Qt::ISODateWithMs);
    return key;
}

} // namespace

KeyStore::KeyStore()
    : m_connectionName(QStringLiteral("switchyard-keys-%1").arg(s_keyStoreCounter.fetchAndAddRelaxed(1)))
{
}

KeyStore::~KeyStore()
{
    close();
}

void KeyStore::close()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

Result<bool> KeyStore::open(const QString &databasePath)
{
    close();
    if (!QDir().mkpath(QFileInfo(databasePath).absolutePath()))
        return Error{QStringLiteral("keys.open"), Tr::tr("cannot create the folder of %1").arg(databasePath)};
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(databasePath);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open())
        return sqlError(Tr::tr("Cannot open the key store %1").arg(databasePath), m_db.lastError());
    const Result<int> migrated = Schema::migrate(m_db);
    if (!migrated.ok())
        return migrated.error();
    m_seenFingerprint.clear();
    return true;
}

Result<bool> KeyStore::insert(const Keys::VirtualKey &key)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO virtual_keys (id, name, hint, hash, customer, project, allowed_models, "
                             "rpm, tpm, monthly_budget_usd, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
    q.addBindValue(key.id);
    q.addBindValue(key.name);
    q.addBindValue(key.hint);
    q.addBindValue(key.hash);
    q.addBindValue(key.customer);
    q.addBindValue(key.project);
    q.addBindValue(key.allowedModels.join(QLatin1Char(',')));
    q.addBindValue(key.limits.requestsPerMinute);
    q.addBindValue(key.limits.tokensPerMinute);
    q.addBindValue(key.monthlyBudgetUsd);
    q.addBindValue(key.createdAt.toUTC().toString(Qt::ISODateWithMs));
    if (!q.exec())
        return sqlError(Tr::tr("Cannot store the key %1").arg(key.id), q.lastError());
    return true;
}

Result<bool> KeyStore::revoke(const QString &id, const QDateTime &atUtc)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE virtual_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"));
    q.addBindValue(atUtc.toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(Tr::tr("Cannot revoke the key %1").arg(id), q.lastError());
    if (q.numRowsAffected() == 0) {
        const Result<QList<Keys::VirtualKey>> keys = list();
        if (keys.ok()) {
            for (const Keys::VirtualKey &key : keys.value()) {
                if (key.id == id)
                    return true; // already revoked: revoking twice is not an error
            }
        }
        return Error{QStringLiteral("keys.unknown"), Tr::tr("no key has the id %1").arg(id)};
    }
    return true;
}

Result<QList<Keys::VirtualKey>> KeyStore::list()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT id, name, hint, hash, customer, project, allowed_models, rpm, tpm, "
                               "monthly_budget_usd, created_at, revoked_at FROM virtual_keys ORDER BY created_at")))
        return sqlError(Tr::tr("Cannot read the keys"), q.lastError());
    QList<Keys::VirtualKey> keys;
    while (q.next())
        keys.append(fromRow(q));
    return keys;
}

QList<Keys::VirtualKey> KeyStore::loadKeys()
{
    m_seenFingerprint = fingerprint();
    const Result<QList<Keys::VirtualKey>> keys = list();
    if (!keys.ok()) {
        qCWarning(lcKeys, "%s", qUtf8Printable(keys.error().message));
        return {};
    }
    return keys.value();
}

QString KeyStore::fingerprint()
{
    // Issuing adds a row and revoking sets revoked_at: either changes this, from any process.
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT COUNT(*), MAX(created_at), MAX(revoked_at), "
                               "COUNT(revoked_at) FROM virtual_keys"))
        || !q.next())
        return {};
    return QStringLiteral("%1|%2|%3|%4")
        .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString());
}

bool KeyStore::keysChanged()
{
    return m_db.isOpen() && fingerprint() != m_seenFingerprint;
}

} // namespace Switchyard::Store
