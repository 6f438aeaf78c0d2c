// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/keys/keyregistry.h"

namespace Switchyard::Keys {

KeyRegistry::KeyRegistry(IKeySource *source)
    : m_source(source)
{
}

void KeyRegistry::reload()
{
    m_byHash.clear();
    if (m_source) {
        for (const VirtualKey &key : m_source->loadKeys())
            m_byHash.insert(key.hash, key);
    }
    m_loaded = true;
}

KeyRegistry::Result KeyRegistry::lookup(QByteArrayView secret)
{
    if (!m_loaded || (m_source && m_source->keysChanged()))
        reload();
    const auto it = m_byHash.constFind(hashSecret(secret));
    if (it == m_byHash.cend())
        return {};
    return {it->isRevoked() ? Lookup::Revoked : Lookup::Valid, *it};
}

} // namespace Switchyard::Keys
