// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/result.h"
#include "core/config/gatewayconfig.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>

namespace Switchyard::Config {

/// Reads and validates the JSON config file (DESIGN §9). Pure functions, callable on any thread.
///
/// Errors have code "config.syntax" (not JSON; message has line and column), "config.io"
/// (unreadable file) or "config.invalid", and a message "<file>: <json path>: <problem>", e.g.
/// `config.json: $.providers[1].kind: unknown provider kind 'opnai' (expected one of: ...)`.
/// Secrets (inline `api_key` values, environment values) never appear in messages.
///
/// Every returned config has version 1; whoever applies later configs (ConfigWatcher)
/// increments it.
class ConfigLoader final
{
public:
    /// Parses `json`; `fileName` is only used in error messages and as `sourcePath`.
    /// `api_key_env` is resolved from `env` (a missing variable just leaves the key empty).
    static Result<GatewayConfig> parse(const QByteArray &json, const QString &fileName,
                                       const QProcessEnvironment &env);
    static Result<GatewayConfig> loadFile(const QString &path, const QProcessEnvironment &env);

    /// The embedded defaults (simulated provider and models, route "auto"). When `env` has
    /// OPENAI_API_KEY, an "openai" provider with gpt-4o-mini and gpt-4o is added and "auto"
    /// tries them before the simulated models. `sourcePath` is empty.
    static GatewayConfig defaults(const QProcessEnvironment &env);

    /// The raw embedded default file (":/switchyard/config/defaultconfig.json").
    static QByteArray defaultJson();

    /// <platform config dir>/switchyard/config.json, e.g. ~/.config/switchyard/config.json.
    static QString defaultPath();
};

} // namespace Switchyard::Config
