// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/routing/catalog.h"

#include <QSet>

namespace Switchyard::Routing {

namespace {

void inherit(Config::ModelSettings &model, const CatalogEntry &entry)
{
    const Config::ModelSettings &from = entry.model;
    if (!model.price.known)
        model.price = from.price;
    for (auto it = from.scores.constBegin(); it != from.scores.constEnd(); ++it) {
        if (!model.scores.contains(it.key()))
            model.scores.insert(it.key(), it.value());
    }
    if (model.capabilities.isEmpty())
        model.capabilities = from.capabilities;
    if (model.context <= 0)
        model.context = from.context;
    // The loader writes the id into an absent "upstream", so "equal to the id" reads as unset.
    // Another provider (a proxy, Azure, a local server) may name the model differently, so
    // only the catalog's own provider inherits its upstream name.
    if (model.provider == from.provider && (model.upstream.isEmpty() || model.upstream == model.id))
        model.upstream = from.upstream.isEmpty() ? from.id : from.upstream;
}

} // namespace

void mergeCatalog(Config::GatewayConfig &config, const Catalog &catalog)
{
    QSet<QString> configured;
    for (Config::ModelSettings &model : config.models) {
        configured.insert(model.id);
        if (const CatalogEntry *entry = catalog.find(model.id))
            inherit(model, *entry);
    }
    QSet<QString> routes;
    for (const Config::RouteSettings &route : config.routes)
        routes.insert(route.name);
    for (const CatalogEntry &entry : catalog.entries()) {
        const Config::ModelSettings &model = entry.model;
        if (configured.contains(model.id) || routes.contains(model.id))
            continue;
        const Config::ProviderSettings *provider = config.provider(model.provider);
        // A provider id that happens to match but speaks another protocol is not that vendor.
        if (!provider || provider->kind != entry.kind)
            continue;
        config.models.append(model);
        configured.insert(model.id);
    }
}

Config::ConfigSnapshot withCatalog(const Config::ConfigSnapshot &config, const Catalog &catalog)
{
    if (!config)
        return config;
    Config::GatewayConfig merged = *config;
    mergeCatalog(merged, catalog);
    return std::make_shared<const Config::GatewayConfig>(std::move(merged));
}

} // namespace Switchyard::Routing
