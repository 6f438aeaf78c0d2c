// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

namespace Switchyard::Providers {

/// Registers ProviderError, CallResult and HttpHeaders for queued connections and QVariant.
/// Idempotent and cheap; UpstreamClient calls it, core start-up may call it too.
void registerProviderMetaTypes();

} // namespace Switchyard::Providers
