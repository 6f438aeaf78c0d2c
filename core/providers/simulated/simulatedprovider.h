// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/config/gatewayconfig.h"
#include "core/providers/iprovider.h"

namespace Switchyard::Providers {

/// IProvider of kind "simulated": answers locally in the exact OpenAI chat-completions shape
/// (JSON or `data:`-only SSE ending with `data: [DONE]`), so the gateway works with no keys.
///
/// Text comes from a built-in bank about Switchyard, seeded by the last user message; length
/// follows max_completion_tokens/max_tokens (default 40–80 tokens; finish_reason "length"
/// when capped). Usage is ≈ characters/4 and always known. Timing: `latency_ms` before the
/// first byte, then `tokens_per_second` pacing with a chunk every 3–5 words. `failure_rate`
/// fails that share of request ids (deterministically) with a retryable 503. With tools and
/// tool_choice "required" or a named function, it calls the tool with placeholder arguments.
/// Lives on the core thread.
class SimulatedProvider final : public IProvider
{
public:
    explicit SimulatedProvider(const Config::ProviderSettings &settings);

    QString id() const override { return m_settings.id; }
    QString kind() const override { return QStringLiteral("simulated"); }
    ProviderCall *startChat(const ProviderRequest &request, QObject *parent) override;
    /// Deterministic pseudo-embeddings (256 dimensions unless asked), no latency or failures.
    bool supportsEmbeddings() const override { return true; }
    ProviderCall *startEmbeddings(const EmbeddingsRequest &request, QObject *parent) override;

private:
    Config::ProviderSettings m_settings;
};

} // namespace Switchyard::Providers
