// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/config/gatewayconfig.h"
#include "core/providers/iprovider.h"

#include <QHash>
#include <QString>

#include <memory>

namespace Switchyard::Providers {
class UpstreamClient;
}

namespace Switchyard::Pipeline {

/// The configured providers, rebuilt when the config changes. In-flight attempts hold a
/// shared_ptr to their provider, so a reload never pulls one out from under a request.
/// Lives on the core thread.
class ProviderRegistry final
{
public:
    explicit ProviderRegistry(Providers::UpstreamClient *client);

    void configure(const Config::GatewayConfig &config);
    /// Adds or replaces one provider (tests, and providers built outside the config).
    void add(std::shared_ptr<Providers::IProvider> provider);
    std::shared_ptr<Providers::IProvider> provider(const QString &id) const;

private:
    Providers::UpstreamClient *m_client;
    QHash<QString, std::shared_ptr<Providers::IProvider>> m_providers;
};

} // namespace Switchyard::Pipeline
