// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/keys/virtualkey.h"

#include <QHash>
#include <QList>

#include <functional>
#include <optional>

namespace Switchyard::Keys {

/// Where keys live (the database); the registry caches them and reloads when they change,
/// including changes made by another process (`switchyard-server keys revoke`).
class IKeySource
{
public:
    virtual ~IKeySource() = default;
    virtual QList<VirtualKey> loadKeys() = 0;
    /// Cheap check run before each lookup: true when keys may have changed since the last load.
    virtual bool keysChanged() = 0;
};

/// The issued keys by hash, for the request path. Core thread only.
class KeyRegistry final
{
public:
    explicit KeyRegistry(IKeySource *source);

    enum class Lookup { Valid, Unknown, Revoked };
    struct Result
    {
        Lookup status = Lookup::Unknown;
        VirtualKey key;
    };
    /// Looks a presented secret up by its hash; reloads first if the source changed.
    Result lookup(QByteArrayView secret);
    /// Forces a reload (after this process issued or revoked a key).
    void reload();
    QList<VirtualKey> keys() const { return m_byHash.values(); }

private:
    IKeySource *m_source;
    QHash<QByteArray, VirtualKey> m_byHash;
    bool m_loaded = false;
};

} // namespace Switchyard::Keys
