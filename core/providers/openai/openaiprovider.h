// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/config/gatewayconfig.h"
#include "core/providers/iprovider.h"

#include <QByteArray>
#include <QPointer>
#include <QUrl>

namespace Switchyard::Providers {

class UpstreamClient;

/// IProvider of kind "openai": any OpenAI-compatible chat-completions server (OpenAI, Azure
/// v1, Groq, Mistral, DeepSeek, OpenRouter, Ollama, vLLM, LM Studio...).
///
/// POSTs `{base_url}/chat/completions` with the client's body, `model` replaced by the
/// upstream model and, for streams, `stream_options.include_usage` forced on. Sends the
/// provider's own key as `Authorization: Bearer` (never the client's). Streams are relayed
/// as the exact upstream SSE bytes; see OpenAiCall for what is dropped or held back.
/// Lives on the core thread, as does `client`, which must outlive the provider.
class OpenAiProvider final : public IProvider
{
public:
    OpenAiProvider(const Config::ProviderSettings &settings, UpstreamClient *client);

    QString id() const override { return m_settings.id; }
    QString kind() const override { return QStringLiteral("openai"); }
    ProviderCall *startChat(const ProviderRequest &request, QObject *parent) override;

    /// `{base_url}/chat/completions`.
    QUrl endpoint() const { return m_endpoint; }

private:
    Config::ProviderSettings m_settings;
    QPointer<UpstreamClient> m_client;
    QUrl m_endpoint;
    QByteArray m_authorization;
};

} // namespace Switchyard::Providers
