// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "gatewayconfig.h"

namespace Switchyard::Config {

namespace {

// Catalogs are small (tens of entries), so a linear scan beats maintaining an index.
template<typename T, typename Key>
const T *findIn(const QList<T> &list, const QString &wanted, Key key)
{
    for (const T &item : list) {
        if (item.*key == wanted) {
            return &item;
        }
    }
    return nullptr;
}

} // namespace

const ProviderSettings *GatewayConfig::provider(const QString &id) const
{
    return findIn(providers, id, &ProviderSettings::id);
}

const ModelSettings *GatewayConfig::model(const QString &id) const
{
    return findIn(models, id, &ModelSettings::id);
}

const RouteSettings *GatewayConfig::route(const QString &name) const
{
    return findIn(routes, name, &RouteSettings::name);
}

} // namespace Switchyard::Config
