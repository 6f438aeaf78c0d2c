// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/pipeline/providerregistry.h"

#include "core/providers/openai/openaiprovider.h"
#include "core/providers/simulated/simulatedprovider.h"

namespace Switchyard::Pipeline {

ProviderRegistry::ProviderRegistry(Providers::UpstreamClient *client)
    : m_client(client)
{
}

void ProviderRegistry::configure(const Config::GatewayConfig &config)
{
    QHash<QString, std::shared_ptr<Providers::IProvider>> providers;
    for (const Config::ProviderSettings &settings : config.providers) {
        if (settings.kind == QLatin1String("openai"))
            providers.insert(settings.id, std::make_shared<Providers::OpenAiProvider>(settings, m_client));
        else if (settings.kind == QLatin1String("simulated"))
            providers.insert(settings.id, std::make_shared<Providers::SimulatedProvider>(settings));
        // Other kinds are rejected by config validation until their providers exist.
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
