// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/config/gatewayconfig.h"

#include <QString>

namespace Switchyard::Routing {

/// What a request needs from the model that serves it.
struct RequestNeeds
{
    bool tools = false;      ///< the request offers tools → capability "tools"
    bool vision = false;     ///< some message carries an image → capability "vision"
    qint64 promptTokens = 0; ///< estimated prompt size
    qint64 outputTokens = 0; ///< expected completion size (max_tokens or the router's default)
};

/// Why `model` cannot serve a request with `needs`, in words for the decision record; empty
/// when it can. A model that lists no capabilities at all is not filtered on capabilities
/// (unknown is not "cannot"), and a context of 0 means unknown too. Pure.
QString unmetNeed(const Config::ModelSettings &model, const RequestNeeds &needs);

} // namespace Switchyard::Routing
