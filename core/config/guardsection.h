// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/config/gatewayconfig.h"

#include <QJsonObject>

namespace Switchyard::Config {

/// The `guards` object the gateway compiles for a config whose file leaves out `guards.dlp`:
/// secrets are redacted, every other class is only logged (docs/guards.md, "Defaults").
/// A file that writes `dlp` gets exactly what it writes.
QJsonObject effectiveGuards(const QJsonObject &guards);

namespace Internal {

class ConfigReader;

/// Reads `guards` and `policies` from `root`, checks their keys (with "did you mean"), compiles
/// them into `config.guardSet` and checks that policies name known providers. Errors go to
/// `r` with the JSON path, e.g. "$.guards.dlp.custom[0].pattern: invalid regular expression".
bool parseGuards(ConfigReader &r, const QJsonObject &root, GatewayConfig &config);

} // namespace Internal

} // namespace Switchyard::Config
