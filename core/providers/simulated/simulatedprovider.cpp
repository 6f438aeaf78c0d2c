// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/providers/simulated/simulatedprovider.h"

#include "core/providers/simulated/simulatedcall.h"
#include "core/providers/simulated/simulatedembeddings.h"
#include "core/providers/upstream/embeddingscall.h"

namespace Switchyard::Providers {

SimulatedProvider::SimulatedProvider(const Config::ProviderSettings &settings)
    : m_settings(settings)
{
}

ProviderCall *SimulatedProvider::startChat(const ProviderRequest &request, QObject *parent)
{
    auto *call = new SimulatedCall(m_settings, request, parent);
    call->start();
    return call;
}

ProviderCall *SimulatedProvider::startEmbeddings(const EmbeddingsRequest &request, QObject *parent)
{
    Result<Translate::EmbeddingsInput> input = Translate::EmbeddingsCodec::decodeOpenAiRequest(request.body);
    auto *call = new Internal::EmbeddingsCall(m_settings.id, {}, Translate::WireFormat::OpenAi,
                                              input ? input.value() : Translate::EmbeddingsInput{},
                                              parent);
    if (!input) {
        call->failInvalid(input.error().message);
        return call;
    }
    call->startLocal(Internal::simulatedEmbeddingsReply(input.value(), request.upstreamModel));
    return call;
}

} // namespace Switchyard::Providers
