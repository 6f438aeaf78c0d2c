// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/providers/upstream/upstreamprovider.h"

#include "core/common/tr.h"
#include "core/providers/http/upstreamclient.h"
#include "core/providers/upstream/embeddingscall.h"
#include "core/providers/upstream/upstreamcall.h"
#include "core/providers/wire/wireadapter.h"

namespace Switchyard::Providers {

UpstreamProvider::UpstreamProvider(const Config::ProviderSettings &settings,
                                   UpstreamClient *client)
    : m_settings(settings)
    , m_client(client)
    , m_adapter(Internal::makeWireAdapter(settings))
{
}

UpstreamProvider::~UpstreamProvider() = default;

Translate::WireFormat UpstreamProvider::wireFormat() const
{
    return m_adapter ? m_adapter->format() : Translate::WireFormat::OpenAi;
}

QUrl UpstreamProvider::endpoint(const QString &model, bool stream) const
{
    return m_adapter ? m_adapter->endpoint(model, stream) : QUrl();
}

ProviderCall *UpstreamProvider::startChat(const ProviderRequest &request, QObject *parent)
{
    auto *call = new Internal::UpstreamCall(m_settings.id, m_settings.apiKey, wireFormat(),
                                            request, parent);
    call->setFirstTokenTimeout(m_settings.firstTokenTimeoutMs);
    if (!m_adapter) {
        call->start(m_client.data(),
                    Error{QStringLiteral("unknown_kind"),
                          Tr::tr("Provider %1 has an unknown kind '%2'")
                              .arg(m_settings.id, m_settings.kind)});
        return call;
    }
    call->start(m_client.data(), m_adapter->buildRequest(request)); // failures arrive later
    return call;
}

bool UpstreamProvider::supportsEmbeddings() const
{
    return m_adapter && m_adapter->supportsEmbeddings();
}

ProviderCall *UpstreamProvider::startEmbeddings(const EmbeddingsRequest &request, QObject *parent)
{
    if (!supportsEmbeddings()) {
        return nullptr;
    }
    Result<Translate::EmbeddingsInput> input = Translate::EmbeddingsCodec::decodeOpenAiRequest(request.body);
    auto *call = new Internal::EmbeddingsCall(m_settings.id, m_settings.apiKey, wireFormat(),
                                              input ? input.value() : Translate::EmbeddingsInput{},
                                              parent);
    if (!input) {
        call->failInvalid(input.error().message);
        return call;
    }
    call->start(m_client.data(), m_adapter->buildEmbeddingsRequest(request, input.value()),
                request.upstreamModel);
    return call;
}

} // namespace Switchyard::Providers
