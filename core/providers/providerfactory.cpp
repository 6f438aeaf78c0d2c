// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/providers/providerfactory.h"

#include "core/providers/simulated/simulatedprovider.h"
#include "core/providers/upstream/upstreamprovider.h"
#include "core/providers/wire/translatingcall.h"

namespace Switchyard::Providers {

namespace {

/// Serves every client surface with a provider that answers in one format only: requests
/// in another format are re-encoded for it and its replies translated back.
class TranslatingProvider final : public IProvider
{
public:
    explicit TranslatingProvider(std::unique_ptr<IProvider> inner)
        : m_inner(std::move(inner))
    {
    }

    QString id() const override { return m_inner->id(); }
    QString kind() const override { return m_inner->kind(); }
    Translate::WireFormat wireFormat() const override { return m_inner->wireFormat(); }

    ProviderCall *startChat(const ProviderRequest &request, QObject *parent) override
    {
        const Translate::WireFormat format = m_inner->wireFormat();
        if (request.clientFormat == format) {
            return m_inner->startChat(request, parent);
        }
        auto *call = new Internal::TranslatingCall(format, request, parent);
        Result<ProviderRequest> inner = Internal::TranslatingCall::innerRequest(format, request);
        if (!inner) {
            call->failUntranslatable(inner.error().message);
            return call;
        }
        call->attach(m_inner->startChat(inner.value(), call));
        return call;
    }

    bool supportsEmbeddings() const override { return m_inner->supportsEmbeddings(); }
    ProviderCall *startEmbeddings(const EmbeddingsRequest &request, QObject *parent) override
    {
        return m_inner->startEmbeddings(request, parent); // OpenAI-shaped on every kind
    }

private:
    std::unique_ptr<IProvider> m_inner;
};

} // namespace

std::shared_ptr<IProvider> createProvider(const Config::ProviderSettings &settings,
                                          UpstreamClient *client)
{
    if (settings.kind == QLatin1String("simulated")) {
        return std::make_shared<TranslatingProvider>(std::make_unique<SimulatedProvider>(settings));
    }
    if (settings.kind == QLatin1String("openai") || settings.kind == QLatin1String("anthropic")
        || settings.kind == QLatin1String("gemini")) {
        return std::make_shared<UpstreamProvider>(settings, client);
    }
    return {};
}

} // namespace Switchyard::Providers
