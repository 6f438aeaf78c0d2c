// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/providers/simulated/simulatedprovider.h"

#include "core/providers/simulated/simulatedcall.h"

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

} // namespace Switchyard::Providers
