// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/pipeline/providerregistry.h"

#include "core/providers/providerfactory.h"

namespace Switchyard::Pipeline {

ProviderRegistry::ProviderRegistry(Providers::UpstreamClient *client)
    : m_client(client)
{
}

void ProviderRegistry::configure(const Config::GatewayConfig &config)
{
    QHash<QString, std::shared_ptr<Providers::IProvider>> providers;
    for (const Config::ProviderSettings &settings : config.providers) {
        if (std::shared_ptr<Providers::IProvider> provider = Providers::createProvider(settings, m_client))
            providers.insert(settings.id, std::move(provider));
    }
    m_providers.swap(providers);
}

void ProviderRegistry::add(std::shared_ptr<Providers::IProvider> provider)
{
    const QString id = provider->id();
    m_providers.insert(id, std::move(provider));
}

std::shared_ptr<Providers::IProvider> ProviderRegistry::provider(const QString &id) const
{
    return m_providers.value(id);
}

} // namespace Switchyard::Pipeline
