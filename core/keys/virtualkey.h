// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/keys/ratelimiter.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Switchyard::Keys {

/// A key Switchyard issues to a client (DESIGN §3). Only the SHA-256 of the secret is kept;
/// the secret itself is shown once, when issued.
struct VirtualKey
{
    QString id;            ///< "key_" + 8 hex chars; what logs, budgets and the window name
    QString name;          ///< what the user called it
    QString hint;          ///< "sy-AbCd…wxyz": enough to recognise it, not to use it
    QByteArray hash;       ///< hex SHA-256 of the secret
    QString customer;
    QString project;
    QStringList allowedModels; ///< models or routes it may ask for; empty = any
    RateLimits limits;
    double monthlyBudgetUsd = 0; ///< 0 = none; else a `key` budget that blocks
    QDateTime createdAt;   ///< UTC
    QDateTime revokedAt;   ///< UTC; invalid while the key is active

    bool isRevoked() const { return revokedAt.isValid(); }
    bool allowsModel(const QString &model) const
    {
        return allowedModels.isEmpty() || allowedModels.contains(model);
    }
};

/// A freshly issued key: the record to store and the secret to show once.
struct IssuedKey
{
    VirtualKey key;
    QString secret; ///< "sy-" + 43 base64url chars (256 random bits)
};

/// Makes a new key with a random secret (QRandomGenerator::system()) and `settings`' name,
/// customer, project, models, limits and budget; id, hint, hash and createdAt are its own.
IssuedKey issueKey(const VirtualKey &settings, const QDateTime &nowUtc);
IssuedKey issueKey(const QString &name, const QDateTime &nowUtc);
QByteArray hashSecret(QByteArrayView secret);
/// Whether a presented credential looks like one of ours ("sy-" prefix).
bool isVirtualKey(QByteArrayView credential);

} // namespace Switchyard::Keys
