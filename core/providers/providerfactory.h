// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/config/gatewayconfig.h"
#include "core/providers/iprovider.h"

#include <memory>

namespace Switchyard::Providers {

class UpstreamClient;

/// The provider for `settings.kind`: "openai", "anthropic", "gemini" (an UpstreamProvider
/// sending through `client`, which must outlive it) or "simulated" (no network). Every one
/// answers both client surfaces: a provider whose own format differs from the client's gets
/// its reply translated. Null for an unknown kind. Core thread.
std::shared_ptr<IProvider> createProvider(const Config::ProviderSettings &settings,
                                          UpstreamClient *client);

} // namespace Switchyard::Providers
