// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/config/gatewayconfig.h"

#include <QJsonObject>

namespace Switchyard::Config::Internal {

class ConfigReader;

/// Checks that span entries of a config whose entries each parsed on their own: duplicate ids
/// and names, a route named like a model, unknown providers, unknown route targets, score
/// weights naming no known column, route cycles and `default_route`. `root` is the parsed file,
/// used to name the exact JSON path of a bad reference. Errors go to `reader`.
class ConfigValidator final
{
public:
    static bool validate(ConfigReader &reader, const GatewayConfig &config, const QJsonObject &root);
};

} // namespace Switchyard::Config::Internal
