// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "configwriter.h"

#include "configloader.h"
#include "core/common/tr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>
#include <QSet>

namespace Switchyard::Config {

namespace {

QJsonObject numberMap(const QMap<QString, double> &map)
{
    QJsonObject out;
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        out.insert(it.key(), it.value());
    }
    return out;
}

QJsonObject serverToJson(const ServerSettings &s)
{
    return QJsonObject{{QStringLiteral("host"), s.host},
                       {QStringLiteral("port"), int(s.port)},
                       {QStringLiteral("require_keys"), s.requireKeys},
                       {QStringLiteral("max_body_bytes"), double(s.maxBodyBytes)},
                       {QStringLiteral("max_header_bytes"), s.maxHeaderBytes},
                       {QStringLiteral("header_timeout_ms"), s.headerTimeoutMs},
                       {QStringLiteral("idle_timeout_ms"), s.idleTimeoutMs},
                       {QStringLiteral("max_connections"), s.maxConnections}};
}

QJsonObject providerToJson(const ProviderSettings &p)
{
    const ProviderSettings defaults;
    QJsonObject out{{QStringLiteral("id"), p.id}, {QStringLiteral("kind"), p.kind}};
    const auto optional = [&out](const char *key, const QString &value) {
        if (!value.isEmpty()) {
            out.insert(QLatin1String(key), value);
        }
    };
    optional("base_url", p.baseUrl);
    optional("api_key_env", p.apiKeyEnv);
    optional("region", p.region);
    // `apiKey` is deliberately absent: it may have been resolved from the environment.
    const auto number = [&out](const char *key, double value, double fallback) {
        if (value != fallback) {
            out.insert(QLatin1String(key), value);
        }
    };
    number("connect_timeout_ms", p.connectTimeoutMs, defaults.connectTimeoutMs);
    number("first_byte_timeout_ms", p.firstByteTimeoutMs, defaults.firstByteTimeoutMs);
    number("timeout_ms", p.requestTimeoutMs, defaults.requestTimeoutMs);
    number("first_token_timeout_ms", p.firstTokenTimeoutMs, defaults.firstTokenTimeoutMs);
    if (p.isSimulated()) {
        number("failure_rate", p.failureRate, defaults.failureRate);
        number("latency_ms", p.latencyMs, defaults.latencyMs);
        number("tokens_per_second", p.tokensPerSecond, defaults.tokensPerSecond);
    }
    return out;
}

QJsonObject modelToJson(const ModelSettings &m)
{
    QJsonObject out{{QStringLiteral("id"), m.id}, {QStringLiteral("provider"), m.provider}};
    if (!m.upstream.isEmpty() && m.upstream != m.id) {
        out.insert(QStringLiteral("upstream"), m.upstream);
    }
    if (m.price.known) {
        QJsonObject price{{QStringLiteral("input"), m.price.input},
                          {QStringLiteral("output"), m.price.output}};
        if (m.price.cacheRead >= 0) {
            price.insert(QStringLiteral("cache_read"), m.price.cacheRead);
        }
        if (m.price.cacheWrite >= 0) {
            price.insert(QStringLiteral("cache_write"), m.price.cacheWrite);
        }
        out.insert(QStringLiteral("price"), price);
    }
    if (!m.scores.isEmpty()) {
        out.insert(QStringLiteral("scores"), numberMap(m.scores));
    }
    if (!m.capabilities.isEmpty()) {
        out.insert(QStringLiteral("capabilities"), QJsonArray::fromStringList(m.capabilities));
    }
    if (m.context > 0) {
        out.insert(QStringLiteral("context"), double(m.context));
    }
    return out;
}

// ConfigLoader only checks `default_route` when the file names it; the implicit "auto" of a
// config without such a route must not turn into an explicit, failing reference.
bool writesDefaultRoute(const QString &defaultRoute, const QList<RouteSettings> &routes,
                        const QList<ModelSettings> &models, bool fileHadIt)
{
    if (fileHadIt || defaultRoute != QLatin1String("auto")) {
        return true;
    }
    for (const RouteSettings &r : routes) {
        if (r.name == defaultRoute) {
            return true;
        }
    }
    for (const ModelSettings &m : models) {
        if (m.id == defaultRoute) {
            return true;
        }
    }
    return false;
}

// Models the running config knows but the file does not (merged from the built-in catalog) get
// a minimal {"id", "provider"} entry when a saved route names them: the loader validates
// routes against the file's own models, and the catalog merge fills in the rest.
void addReferencedModels(QJsonObject &root, const QList<RouteSettings> &routes,
                         const QString &defaultRoute, const GatewayConfig &current)
{
    QJsonArray models = root.value(QLatin1String("models")).toArray();
    QSet<QString> known;
    for (const QJsonValue &m : std::as_const(models)) {
        known.insert(m.toObject().value(QLatin1String("id")).toString());
    }
    for (const RouteSettings &r : routes) {
        known.insert(r.name);
    }
    QStringList refs{defaultRoute};
    for (const RouteSettings &r : routes) {
        for (const RouteTarget &t : r.targets) {
            refs.append(t.name);
        }
        refs.append(r.candidates);
        for (const QJsonValue &c : r.conditions) {
            refs.append(c.toObject().value(QLatin1String("then")).toString());
        }
        refs.append(r.defaultTarget);
    }
    const qsizetype before = models.size();
    for (const QString &ref : std::as_const(refs)) {
        const ModelSettings *model = current.model(ref);
        if (known.contains(ref) || !model) {
            continue;
        }
        models.append(QJsonObject{{QStringLiteral("id"), model->id},
                                  {QStringLiteral("provider"), model->provider}});
        known.insert(ref);
    }
    if (models.size() != before) {
        root.insert(QStringLiteral("models"), models);
    }
}

QString displayName(const QString &path)
{
    return path.isEmpty() ? Tr::tr("edited configuration") : path;
}

} // namespace

QJsonObject ConfigWriter::routeToJson(const RouteSettings &route)
{
    QJsonObject out{{QStringLiteral("name"), route.name},
                    {QStringLiteral("strategy"), route.strategy}};
    if (route.strategy == QLatin1String("fallback")) {
        QJsonArray targets;
        for (const RouteTarget &t : route.targets) {
            targets.append(t.name);
        }
        out.insert(QStringLiteral("targets"), targets);
    } else if (route.strategy == QLatin1String("loadbalance")) {
        QJsonArray targets;
        for (const RouteTarget &t : route.targets) {
            targets.append(QJsonObject{{QStringLiteral("model"), t.name},
                                       {QStringLiteral("weight"), t.weight}});
        }
        out.insert(QStringLiteral("targets"), targets);
    } else if (route.strategy == QLatin1String("score")) {
        out.insert(QStringLiteral("candidates"), QJsonArray::fromStringList(route.candidates));
        out.insert(QStringLiteral("weights"), numberMap(route.weights));
    } else if (route.strategy == QLatin1String("conditional")) {
        out.insert(QStringLiteral("conditions"), route.conditions);
        out.insert(QStringLiteral("default"), route.defaultTarget);
    }
    return out;
}

QJsonArray ConfigWriter::routesToJson(const QList<RouteSettings> &routes)
{
    QJsonArray out;
    for (const RouteSettings &r : routes) {
        out.append(routeToJson(r));
    }
    return out;
}

QJsonObject ConfigWriter::toJson(const GatewayConfig &config)
{
    QJsonArray providers;
    for (const ProviderSettings &p : config.providers) {
        providers.append(providerToJson(p));
    }
    QJsonArray models;
    for (const ModelSettings &m : config.models) {
        models.append(modelToJson(m));
    }
    QJsonObject root{
        {QStringLiteral("server"), serverToJson(config.server)},
        {QStringLiteral("resilience"),
         QJsonObject{{QStringLiteral("breaker_failures"), config.resilience.breakerFailures},
                     {QStringLiteral("breaker_cooldown_ms"), config.resilience.breakerCooldownMs}}},
        {QStringLiteral("providers"), providers},
        {QStringLiteral("models"), models},
        {QStringLiteral("routes"), routesToJson(config.routes)},
        {QStringLiteral("rules"), config.rules},
        {QStringLiteral("budgets"), config.budgets},
        {QStringLiteral("guards"), config.guards}};
    if (!config.policies.isEmpty()) {
        root.insert(QStringLiteral("policies"), config.policies);
    }
    if (writesDefaultRoute(config.defaultRoute, config.routes, config.models, false)) {
        root.insert(QStringLiteral("default_route"), config.defaultRoute);
    }
    return root;
}

Result<GatewayConfig> ConfigWriter::validate(const GatewayConfig &config,
                                             const QProcessEnvironment &env)
{
    const QByteArray json = QJsonDocument(toJson(config)).toJson(QJsonDocument::Compact);
    return ConfigLoader::parse(json, displayName(config.sourcePath), env);
}

Result<SavedConfig> ConfigWriter::prepareRoutes(const GatewayConfig &current,
                                                const QList<RouteSettings> &routes,
                                                const QString &defaultRoute,
                                                const QProcessEnvironment &env)
{
    SavedConfig saved;
    QJsonObject root;
    if (current.sourcePath.isEmpty()) {
        // The embedded defaults as the base (not `current`, which may carry catalog models).
        saved.path = ConfigLoader::defaultPath();
        root = toJson(ConfigLoader::defaults(env));
        // Where to listen comes from the defaults, not from a --port given for this run.
        root.insert(QStringLiteral("server"), QJsonDocument::fromJson(ConfigLoader::defaultJson())
                                                  .object()
                                                  .value(QLatin1String("server")));
    } else {
        saved.path = current.sourcePath;
        QFile file(saved.path);
        if (!file.open(QIODevice::ReadOnly)) {
            return Error{QStringLiteral("config.io"),
                         Tr::tr("%1: cannot read the config file: %2")
                             .arg(saved.path, file.errorString())};
        }
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            // Never overwrite a file someone is half-way through editing by hand.
            return Error{QStringLiteral("config.syntax"),
                         Tr::tr("%1: the file on disk is not a valid JSON object right now; fix "
                                "or revert it before saving from the window")
                             .arg(saved.path)};
        }
        root = doc.object();
    }
    const bool hadDefault = root.contains(QLatin1String("default_route"));
    root.insert(QStringLiteral("routes"), routesToJson(routes));
    addReferencedModels(root, routes, defaultRoute, current);
    if (writesDefaultRoute(defaultRoute, routes, current.models, hadDefault)) {
        root.insert(QStringLiteral("default_route"), defaultRoute);
    } else {
        root.remove(QStringLiteral("default_route"));
    }
    saved.content = QJsonDocument(root).toJson(QJsonDocument::Indented);
    Result<GatewayConfig> parsed = ConfigLoader::parse(saved.content, saved.path, env);
    if (!parsed.ok()) {
        return parsed.error();
    }
    saved.config = std::move(parsed).value();
    return saved;
}

Result<SavedConfig> ConfigWriter::saveRoutes(const GatewayConfig &current,
                                             const QList<RouteSettings> &routes,
                                             const QString &defaultRoute,
                                             const QProcessEnvironment &env)
{
    Result<SavedConfig> prepared = prepareRoutes(current, routes, defaultRoute, env);
    if (!prepared.ok()) {
        return prepared;
    }
    const Result<QString> written = writeFile(prepared.value().path, prepared.value().content);
    if (!written.ok()) {
        return written.error();
    }
    return prepared;
}

Result<QString> ConfigWriter::writeFile(const QString &path, const QByteArray &content)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        return Error{QStringLiteral("config.io"),
                     Tr::tr("%1: cannot create the directory").arg(info.absolutePath())};
    }
    if (info.exists()) {
        const QString backup = path + QStringLiteral(".bak");
        QFile::remove(backup);
        if (!QFile::copy(path, backup)) {
            return Error{QStringLiteral("config.io"),
                         Tr::tr("%1: cannot keep a backup copy").arg(backup)};
        }
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()
        || !file.commit()) {
        return Error{QStringLiteral("config.io"),
                     Tr::tr("%1: cannot write the config file: %2").arg(path, file.errorString())};
    }
    return path;
}

} // namespace Switchyard::Config
