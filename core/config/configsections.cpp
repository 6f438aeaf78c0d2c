// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "configsections.h"

#include "configreader.h"
#include "core/common/tr.h"

#include <QJsonArray>
#include <QUrl>

#include <limits>

namespace Switchyard::Config::Internal {

namespace {

constexpr qint64 kIntMax = std::numeric_limits<int>::max();
constexpr double kPriceMax = ConfigReader::kUnbounded;

QStringList keys(std::initializer_list<const char *> names)
{
    QStringList out;
    for (const char *n : names) {
        out.append(QLatin1String(n));
    }
    return out;
}

const QStringList &providerKinds()
{
    static const QStringList kinds = keys({"openai", "anthropic", "gemini", "simulated"});
    return kinds;
}

const QStringList &strategies()
{
    static const QStringList s = keys({"fallback", "loadbalance", "score", "conditional"});
    return s;
}

// Reads an int field into an int member, keeping its default when the key is absent.
bool readIntField(ConfigReader &r, const QJsonObject &obj, const QString &path, const char *key,
                  int &out, qint64 min, qint64 max = kIntMax)
{
    qint64 v = out;
    if (!r.readInt(obj, path, QLatin1String(key), v, min, max)) {
        return false;
    }
    out = int(v);
    return true;
}

bool checkBaseUrl(ConfigReader &r, const QString &path, const QString &url)
{
    // The value itself is not echoed: URLs may carry credentials in their user-info part.
    const QUrl parsed(url, QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    if (!parsed.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        || parsed.host().isEmpty()) {
        return r.fail(path, Tr::tr("expected an http:// or https:// URL with a host"));
    }
    return true;
}

bool parsePrice(ConfigReader &r, const QJsonObject &model, const QString &path, Price &out)
{
    const QJsonValue v = model.value(QLatin1String("price"));
    if (v.isUndefined()) {
        return true;
    }
    const QString pricePath = ConfigReader::child(path, QStringLiteral("price"));
    if (!r.requireObject(v, pricePath)) {
        return false;
    }
    const QJsonObject obj = v.toObject();
    if (!r.checkKeys(obj, pricePath, keys({"input", "output", "cache_read", "cache_write"}))
        || !r.readDouble(obj, pricePath, QStringLiteral("input"), out.input, 0, kPriceMax, true)
        || !r.readDouble(obj, pricePath, QStringLiteral("output"), out.output, 0, kPriceMax, true)
        || !r.readDouble(obj, pricePath, QStringLiteral("cache_read"), out.cacheRead, 0, kPriceMax)
        || !r.readDouble(obj, pricePath, QStringLiteral("cache_write"), out.cacheWrite, 0,
                         kPriceMax)) {
        return false;
    }
    out.known = true;
    return true;
}

bool parseTargets(ConfigReader &r, const QJsonObject &obj, const QString &path, bool loadBalance,
                  QList<RouteTarget> &out)
{
    const QString targetsPath = ConfigReader::child(path, QStringLiteral("targets"));
    const QJsonValue v = obj.value(QLatin1String("targets"));
    if (v.isUndefined()) {
        return r.fail(targetsPath, Tr::tr("required field is missing"));
    }
    if (!v.isArray()) {
        return r.fail(targetsPath, Tr::tr("expected an array of model or route names, got %1")
                                       .arg(ConfigReader::typeName(v)));
    }
    const QJsonArray arr = v.toArray();
    if (arr.isEmpty()) {
        return r.fail(targetsPath, Tr::tr("must name at least one model or route"));
    }
    for (qsizetype i = 0; i < arr.size(); ++i) {
        const QString itemPath = ConfigReader::index(targetsPath, i);
        RouteTarget target;
        if (arr.at(i).isString()) {
            target.name = arr.at(i).toString();
        } else if (arr.at(i).isObject()) {
            const QJsonObject t = arr.at(i).toObject();
            if (!r.checkKeys(t, itemPath, keys({"model", "weight"}))
                || !r.readString(t, itemPath, QStringLiteral("model"), target.name, true)
                || !r.readDouble(t, itemPath, QStringLiteral("weight"), target.weight, 0,
                                 ConfigReader::kUnbounded)) {
                return false;
            }
            if (loadBalance && target.weight <= 0) {
                return r.fail(ConfigReader::child(itemPath, QStringLiteral("weight")),
                              Tr::tr("loadbalance weights must be greater than 0"));
            }
        } else {
            return r.fail(itemPath,
                          Tr::tr("expected a model name or {\"model\", \"weight\"}, got %1")
                              .arg(ConfigReader::typeName(arr.at(i))));
        }
        if (target.name.trimmed().isEmpty()) {
            return r.fail(itemPath, Tr::tr("must not be empty"));
        }
        out.append(target);
    }
    return true;
}

bool parseConditions(ConfigReader &r, const QJsonObject &obj, const QString &path, QJsonArray &out)
{
    const QString condPath = ConfigReader::child(path, QStringLiteral("conditions"));
    const QJsonValue v = obj.value(QLatin1String("conditions"));
    if (v.isUndefined()) {
        return r.fail(condPath, Tr::tr("required field is missing"));
    }
    if (!v.isArray()) {
        return r.fail(condPath, Tr::tr("expected an array of {\"when\", \"then\"}, got %1")
                                    .arg(ConfigReader::typeName(v)));
    }
    const QJsonArray arr = v.toArray();
    for (qsizetype i = 0; i < arr.size(); ++i) {
        const QString itemPath = ConfigReader::index(condPath, i);
        if (!r.requireObject(arr.at(i), itemPath)) {
            return false;
        }
        const QJsonObject c = arr.at(i).toObject();
        QString then;
        if (!r.checkKeys(c, itemPath, keys({"when", "then"}))
            || !r.readString(c, itemPath, QStringLiteral("then"), then, true)) {
            return false;
        }
        const QString whenPath = ConfigReader::child(itemPath, QStringLiteral("when"));
        if (!c.contains(QLatin1String("when"))) {
            return r.fail(whenPath, Tr::tr("required field is missing"));
        }
        if (!r.requireObject(c.value(QLatin1String("when")), whenPath)) {
            return false;
        }
    }
    out = arr;
    return true;
}

} // namespace

bool parseServer(ConfigReader &r, const QJsonObject &obj, const QString &path, ServerSettings &out)
{
    if (!r.checkKeys(obj, path,
                     keys({"host", "port", "require_keys", "max_body_bytes", "max_header_bytes",
                           "header_timeout_ms", "idle_timeout_ms", "max_connections"}))
        || !r.readString(obj, path, QStringLiteral("host"), out.host)) {
        return false;
    }
    if (out.host.trimmed().isEmpty()) {
        return r.fail(ConfigReader::child(path, QStringLiteral("host")),
                      Tr::tr("must not be empty"));
    }
    // Port 0 lets the OS choose, which tests and side-by-side instances rely on.
    qint64 port = out.port;
    if (!r.readInt(obj, path, QStringLiteral("port"), port, 0, 65535)) {
        return false;
    }
    out.port = quint16(port);
    return r.readBool(obj, path, QStringLiteral("require_keys"), out.requireKeys)
           && r.readInt(obj, path, QStringLiteral("max_body_bytes"), out.maxBodyBytes, 1,
                        std::numeric_limits<qint64>::max() / 2)
           && readIntField(r, obj, path, "max_header_bytes", out.maxHeaderBytes, 1)
           && readIntField(r, obj, path, "header_timeout_ms", out.headerTimeoutMs, 1)
           && readIntField(r, obj, path, "idle_timeout_ms", out.idleTimeoutMs, 1)
           && readIntField(r, obj, path, "max_connections", out.maxConnections, 1);
}

bool parseProvider(ConfigReader &r, const QJsonObject &obj, const QString &path,
                   const QProcessEnvironment &env, ProviderSettings &out)
{
    if (!r.checkKeys(obj, path,
                     keys({"id", "kind", "base_url", "api_key_env", "api_key", "region",
                           "connect_timeout_ms", "first_byte_timeout_ms", "first_token_timeout_ms",
                           "timeout_ms", "failure_rate", "latency_ms", "tokens_per_second"}))
        || !r.readString(obj, path, QStringLiteral("id"), out.id, true)
        || !r.readString(obj, path, QStringLiteral("kind"), out.kind, true)) {
        return false;
    }
    if (!providerKinds().contains(out.kind)) {
        return r.fail(ConfigReader::child(path, QStringLiteral("kind")),
                      Tr::tr("unknown provider kind '%1' (expected one of: %2)")
                          .arg(out.kind, providerKinds().join(QStringLiteral(", "))));
    }
    const QString urlPath = ConfigReader::child(path, QStringLiteral("base_url"));
    if (!r.readString(obj, path, QStringLiteral("base_url"), out.baseUrl,
                      out.kind == QLatin1String("openai"))
        || (obj.contains(QLatin1String("base_url")) && !checkBaseUrl(r, urlPath, out.baseUrl))
        || !r.readString(obj, path, QStringLiteral("api_key_env"), out.apiKeyEnv)
        || !r.readString(obj, path, QStringLiteral("api_key"), out.apiKey)
        || !r.readString(obj, path, QStringLiteral("region"), out.region)
        || !readIntField(r, obj, path, "connect_timeout_ms", out.connectTimeoutMs, 1)
        || !readIntField(r, obj, path, "first_byte_timeout_ms", out.firstByteTimeoutMs, 1)
        || !readIntField(r, obj, path, "first_token_timeout_ms", out.firstTokenTimeoutMs, 0)
        || !readIntField(r, obj, path, "timeout_ms", out.requestTimeoutMs, 1)
        || !r.readDouble(obj, path, QStringLiteral("failure_rate"), out.failureRate, 0, 1)
        || !readIntField(r, obj, path, "latency_ms", out.latencyMs, 0)
        || !readIntField(r, obj, path, "tokens_per_second", out.tokensPerSecond, 1)) {
        return false;
    }
    // An inline key wins; a variable that is not set is not an error (the provider simply has
    // no key and its requests fail with a clear upstream error).
    if (out.apiKey.isEmpty() && !out.apiKeyEnv.isEmpty()) {
        out.apiKey = env.value(out.apiKeyEnv);
    }
    return true;
}

bool parseModel(ConfigReader &r, const QJsonObject &obj, const QString &path, ModelSettings &out)
{
    if (!r.checkKeys(obj, path,
                     keys({"id", "provider", "upstream", "price", "scores", "capabilities",
                           "context"}))
        || !r.readString(obj, path, QStringLiteral("id"), out.id, true)
        || !r.readString(obj, path, QStringLiteral("provider"), out.provider, true)
        || !r.readString(obj, path, QStringLiteral("upstream"), out.upstream)
        || !parsePrice(r, obj, path, out.price)
        || !r.readNumberMap(obj, path, QStringLiteral("scores"), out.scores)
        || !r.readStringList(obj, path, QStringLiteral("capabilities"), out.capabilities)
        || !r.readInt(obj, path, QStringLiteral("context"), out.context, 0,
                      std::numeric_limits<qint64>::max() / 2)) {
        return false;
    }
    if (out.upstream.isEmpty()) {
        out.upstream = out.id;
    }
    return true;
}

bool parseRoute(ConfigReader &r, const QJsonObject &obj, const QString &path, RouteSettings &out)
{
    static const QStringList common = keys({"name", "strategy"});
    static const QMap<QString, QStringList> specific = {
        {QStringLiteral("fallback"), keys({"targets"})},
        {QStringLiteral("loadbalance"), keys({"targets"})},
        {QStringLiteral("score"), keys({"candidates", "weights"})},
        {QStringLiteral("conditional"), keys({"conditions", "default"})},
    };
    QStringList all = common;
    for (const QStringList &k : specific) {
        for (const QString &key : k) {
            if (!all.contains(key)) {
                all.append(key);
            }
        }
    }
    if (!r.checkKeys(obj, path, all)
        || !r.readString(obj, path, QStringLiteral("name"), out.name, true)
        || !r.readString(obj, path, QStringLiteral("strategy"), out.strategy, true)) {
        return false;
    }
    if (!strategies().contains(out.strategy)) {
        return r.fail(ConfigReader::child(path, QStringLiteral("strategy")),
                      Tr::tr("unknown strategy '%1' (expected one of: %2)")
                          .arg(out.strategy, strategies().join(QStringLiteral(", "))));
    }
    const QStringList allowed = common + specific.value(out.strategy);
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (!allowed.contains(it.key())) {
            return r.fail(ConfigReader::child(path, it.key()),
                          Tr::tr("'%1' does not apply to strategy '%2' (its fields: %3)")
                              .arg(it.key(), out.strategy,
                                   specific.value(out.strategy).join(QStringLiteral(", "))));
        }
    }
    if (out.strategy == QLatin1String("fallback") || out.strategy == QLatin1String("loadbalance")) {
        return parseTargets(r, obj, path, out.strategy == QLatin1String("loadbalance"), out.targets);
    }
    if (out.strategy == QLatin1String("score")) {
        const QString candPath = ConfigReader::child(path, QStringLiteral("candidates"));
        const QString weightsPath = ConfigReader::child(path, QStringLiteral("weights"));
        if (!obj.contains(QLatin1String("candidates"))) {
            return r.fail(candPath, Tr::tr("required field is missing"));
        }
        if (!r.readStringList(obj, path, QStringLiteral("candidates"), out.candidates)) {
            return false;
        }
        if (out.candidates.isEmpty()) {
            return r.fail(candPath, Tr::tr("must name at least one model or route"));
        }
        if (!obj.contains(QLatin1String("weights"))) {
            return r.fail(weightsPath, Tr::tr("required field is missing"));
        }
        if (!r.readNumberMap(obj, path, QStringLiteral("weights"), out.weights)) {
            return false;
        }
        if (out.weights.isEmpty()) {
            return r.fail(weightsPath, Tr::tr("must have at least one weight"));
        }
        return true;
    }
    return parseConditions(r, obj, path, out.conditions)
           && r.readString(obj, path, QStringLiteral("default"), out.defaultTarget, true);
}

} // namespace Switchyard::Config::Internal
