// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/providers/providermetatypes.h"

#include "core/common/httptypes.h"
#include "core/providers/http/upstreamexchange.h"
#include "core/providers/iprovider.h"

#include <QMetaType>

namespace Switchyard::Providers {

void registerProviderMetaTypes()
{
    qRegisterMetaType<ProviderError>("Switchyard::Providers::ProviderError");
    qRegisterMetaType<CallResult>("Switchyard::Providers::CallResult");
    qRegisterMetaType<HttpHeaders>("Switchyard::HttpHeaders");
    qRegisterMetaType<UpstreamExchange::ErrorKind>(
        "Switchyard::Providers::UpstreamExchange::ErrorKind");
}

} // namespace Switchyard::Providers
