// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/config/gatewayconfig.h"

#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>

namespace Switchyard::Config::Internal {

class ConfigReader;

/// Per-entry readers for the config sections: types, ranges, required fields and unknown keys.
/// Cross-entry checks (duplicates, references, cycles) are in ConfigValidator.
bool parseServer(ConfigReader &r, const QJsonObject &obj, const QString &path, ServerSettings &out);
bool parseProvider(ConfigReader &r, const QJsonObject &obj, const QString &path,
                   const QProcessEnvironment &env, ProviderSettings &out);
bool parseModel(ConfigReader &r, const QJsonObject &obj, const QString &path, ModelSettings &out);
bool parseRoute(ConfigReader &r, const QJsonObject &obj, const QString &path, RouteSettings &out);

} // namespace Switchyard::Config::Internal
