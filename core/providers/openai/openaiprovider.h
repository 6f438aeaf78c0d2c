// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/providers/upstream/upstreamprovider.h"

namespace Switchyard::Providers {

/// An UpstreamProvider of kind "openai" whatever `settings.kind` says. Kept for callers
/// that predate createProvider() (providerfactory.h); prefer that.
class OpenAiProvider final : public UpstreamProvider
{
public:
    OpenAiProvider(const Config::ProviderSettings &settings, UpstreamClient *client)
        : UpstreamProvider(asOpenAi(settings), client)
    {
    }

private:
    static Config::ProviderSettings asOpenAi(Config::ProviderSettings settings)
    {
        settings.kind = QStringLiteral("openai");
        return settings;
    }
};

} // namespace Switchyard::Providers
