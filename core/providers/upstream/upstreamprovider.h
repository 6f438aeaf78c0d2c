// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/config/gatewayconfig.h"
#include "core/providers/iprovider.h"

#include <QPointer>
#include <QUrl>

#include <memory>

namespace Switchyard::Providers {

class UpstreamClient;

namespace Internal {
class WireAdapter;
}

/// IProvider for an HTTP upstream of kind "openai" (any OpenAI-compatible server),
/// "anthropic" (Messages API) or "gemini" (generateContent). Sends the provider's own
/// credentials, never the client's. A client speaking the upstream's format gets the upstream
/// bytes relayed; any other gets the reply translated (see Internal::UpstreamCall).
/// Lives on the core thread, as does `client`, which must outlive the provider.
class UpstreamProvider : public IProvider
{
public:
    UpstreamProvider(const Config::ProviderSettings &settings, UpstreamClient *client);
    ~UpstreamProvider() override;

    QString id() const override { return m_settings.id; }
    QString kind() const override { return m_settings.kind; }
    Translate::WireFormat wireFormat() const override;
    ProviderCall *startChat(const ProviderRequest &request, QObject *parent) override;
    /// openai: the body relayed to {base_url}/embeddings; gemini: translated to
    /// models/{model}:batchEmbedContents and back. anthropic has none (null).
    bool supportsEmbeddings() const override;
    ProviderCall *startEmbeddings(const EmbeddingsRequest &request, QObject *parent) override;

    /// Where a request for `model` goes (empty for an unknown kind).
    QUrl endpoint(const QString &model = {}, bool stream = false) const;

private:
    Config::ProviderSettings m_settings;
    QPointer<UpstreamClient> m_client;
    std::unique_ptr<Internal::WireAdapter> m_adapter;
};

} // namespace Switchyard::Providers
