// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/result.h"
#include "core/config/gatewayconfig.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QProcessEnvironment>
#include <QString>

namespace Switchyard::Config {

/// What ConfigWriter::saveRoutes() wrote.
struct SavedConfig
{
    QString path;         ///< the file written
    QByteArray content;   ///< its new bytes (what ConfigWatcher will read back)
    GatewayConfig config; ///< `content` parsed: routes and default route as the file now says
};

/// Serialises configs back to the JSON file format of DESIGN §9 and saves edited routes.
/// Pure functions apart from saveRoutes()/writeFile(), which do file I/O: call those off the GUI
/// thread (the core thread does). Never writes a provider's `api_key`: keys resolved from
/// `api_key_env` (or given inline) stay in memory only.
class ConfigWriter final
{
public:
    /// One `routes` entry, in the shape ConfigLoader reads (fallback targets as plain names,
    /// loadbalance targets as {"model", "weight"}).
    static QJsonObject routeToJson(const RouteSettings &route);
    static QJsonArray routesToJson(const QList<RouteSettings> &routes);
    /// The whole config as a file would hold it, without secrets. `default_route` is left out
    /// when it is the implicit "auto" and nothing carries that name.
    static QJsonObject toJson(const GatewayConfig &config);

    /// Runs `config` through the same parse + validation as a hand-edited file (round trip), so
    /// errors read "<file>: <json path>: <problem>". The returned value is the re-parsed config.
    static Result<GatewayConfig> validate(const GatewayConfig &config,
                                          const QProcessEnvironment &env);

    /// The file content with `routes` and `default_route` replaced. With a `sourcePath`, every
    /// other section is taken from the file as it is on disk now; without one (embedded
    /// defaults) the embedded defaults are the base, written to ConfigLoader::defaultPath().
    /// A model a route names that `current` has but the file lacks (merged from the built-in
    /// catalog) is added to `models` as {"id", "provider"}. Validated as in validate(); nothing
    /// is written.
    static Result<SavedConfig> prepareRoutes(const GatewayConfig &current,
                                             const QList<RouteSettings> &routes,
                                             const QString &defaultRoute,
                                             const QProcessEnvironment &env);
    /// prepareRoutes(), then writeFile(). On any error the file is untouched.
    static Result<SavedConfig> saveRoutes(const GatewayConfig &current,
                                          const QList<RouteSettings> &routes,
                                          const QString &defaultRoute,
                                          const QProcessEnvironment &env);

    /// Atomic write (QSaveFile) creating the directory; an existing file is first copied to
    /// `<path>.bak`. Returns `path`.
    static Result<QString> writeFile(const QString &path, const QByteArray &content);
};

} // namespace Switchyard::Config
