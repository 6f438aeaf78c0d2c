// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/result.h"
#include "core/keys/keyregistry.h"

#include <QSqlDatabase>
#include <QString>

namespace Switchyard::Store {

/// Virtual keys in the request log's database (table `virtual_keys`; only hashes are stored).
/// Its own connection, so the gateway, the window and `switchyard-server keys` in another
/// process all see one set; keysChanged() notices any process's issue or revoke with one
/// small aggregate query. Not thread-safe: one thread per instance.
class KeyStore final : public Keys::IKeySource
{
    Q_DISABLE_COPY_MOVE(KeyStore)
public:
    KeyStore();
    ~KeyStore() override;

    /// Opens (creating and migrating if needed) the database at `databasePath`.
    Result<bool> open(const QString &databasePath);
    void close();

    Result<bool> insert(const Keys::VirtualKey &key);
    /// Marks the key revoked at `atUtc`; error "keys.unknown" when no key has that id.
    Result<bool> revoke(const QString &id, const QDateTime &atUtc);
    Result<QList<Keys::VirtualKey>> list();

    QList<Keys::VirtualKey> loadKeys() override;
    bool keysChanged() override;

private:
    QString fingerprint();

    QString m_connectionName;
    QSqlDatabase m_db;
    QString m_seenFingerprint;
};

} // namespace Switchyard::Store
