// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "configloader.h"

#include "configreader.h"
#include "configsections.h"
#include "configvalidator.h"
#include "core/config/budgetsection.h"
#include "core/config/guardsection.h"
#include "core/common/tr.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QStandardPaths>

#include <algorithm>

namespace Switchyard::Config {

namespace {

Q_LOGGING_CATEGORY(lcConfig, "switchyard.config")

using Internal::ConfigReader;

bool parseResilience(ConfigReader &r, const QJsonObject &root, ResilienceSettings &out)
{
    const QJsonValue value = root.value(QLatin1String("resilience"));
    if (value.isUndefined())
        return true;
    const QString path = QStringLiteral("$.resilience");
    if (!r.requireObject(value, path))
        return false;
    const QJsonObject obj = value.toObject();
    qint64 failures = out.breakerFailures;
    qint64 cooldown = out.breakerCooldownMs;
    if (!r.checkKeys(obj, path, {QStringLiteral("breaker_failures"), QStringLiteral("breaker_cooldown_ms")})
        || !r.readInt(obj, path, QStringLiteral("breaker_failures"), failures, 0, 1000)
        || !r.readInt(obj, path, QStringLiteral("breaker_cooldown_ms"), cooldown, 1, 86'400'000))
        return false;
    out.breakerFailures = int(failures);
    out.breakerCooldownMs = int(cooldown);
    return true;
}

QStringList topLevelKeys()
{
    return {QStringLiteral("server"),  QStringLiteral("providers"),     QStringLiteral("models"),
            QStringLiteral("routes"),  QStringLiteral("default_route"), QStringLiteral("rules"),
            QStringLiteral("budgets"), QStringLiteral("guards"),        QStringLiteral("resilience"),
            QStringLiteral("policies")};
}

Error syntaxError(const QByteArray &json, const QString &fileName, const QJsonParseError &err)
{
    // QJsonParseError::offset is a byte offset; report 1-based line and character column.
    const qsizetype offset = std::clamp<qsizetype>(err.offset, 0, json.size());
    const QByteArray before = json.left(offset);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    const qsizetype column = QString::fromUtf8(before.mid(lineStart)).size() + 1;
    return Error{QStringLiteral("config.syntax"), Tr::tr("%1:%2:%3: JSON syntax error: %4")
                                                      .arg(fileName)
                                                      .arg(line)
                                                      .arg(column)
                                                      .arg(err.errorString())};
}

// Parses one array section with `parseEntry(reader, object, path, out)` per element.
template<typename T, typename Fn>
bool parseList(ConfigReader &r, const QJsonObject &root, const QString &key, QList<T> &out,
               Fn parseEntry)
{
    const QJsonValue v = root.value(key);
    const QString path = ConfigReader::child(QStringLiteral("$"), key);
    if (v.isUndefined()) {
        return true;
    }
    if (!v.isArray()) {
        return r.fail(path, Tr::tr("expected an array, got %1").arg(ConfigReader::typeName(v)));
    }
    const QJsonArray arr = v.toArray();
    for (qsizetype i = 0; i < arr.size(); ++i) {
        const QString itemPath = ConfigReader::index(path, i);
        T entry;
        if (!r.requireObject(arr.at(i), itemPath)
            || !parseEntry(r, arr.at(i).toObject(), itemPath, entry)) {
            return false;
        }
        out.append(entry);
    }
    return true;
}

bool parseRaw(ConfigReader &r, const QJsonObject &root, GatewayConfig &config)
{
    const auto typed = [&](const char *key, bool wantArray) {
        const QJsonValue v = root.value(QLatin1String(key));
        if (v.isUndefined() || (wantArray ? v.isArray() : v.isObject())) {
            return true;
        }
        return r.fail(ConfigReader::child(QStringLiteral("$"), QLatin1String(key)),
                      Tr::tr("expected %1, got %2")
                          .arg(wantArray ? Tr::tr("an array") : Tr::tr("an object"),
                               ConfigReader::typeName(v)));
    };
    if (!typed("rules", true) || !typed("budgets", true) || !typed("guards", false)) {
        return false;
    }
    config.rules = root.value(QLatin1String("rules")).toArray();
    config.budgets = root.value(QLatin1String("budgets")).toArray();
    if (!parseBudgets(r, config.budgets, QStringLiteral("$.budgets"), config.budgetSettings)) {
        return false;
    }
    config.guards = root.value(QLatin1String("guards")).toObject();
    return true;
}

// With an OpenAI key in the environment, the embedded defaults put real models first.
void addOpenAi(QJsonObject &root)
{
    QJsonArray providers = root.value(QLatin1String("providers")).toArray();
    providers.prepend(
        QJsonObject{{QStringLiteral("id"), QStringLiteral("openai")},
                    {QStringLiteral("kind"), QStringLiteral("openai")},
                    {QStringLiteral("base_url"), QStringLiteral("https://api.openai.com/v1")},
                    {QStringLiteral("api_key_env"), QStringLiteral("OPENAI_API_KEY")}});
    root.insert(QStringLiteral("providers"), providers);

    const auto model = [](const char *id, double in, double cached, double out, double mmluPro,
                          double gpqa) {
        return QJsonObject{{QStringLiteral("id"), QLatin1String(id)},
                           {QStringLiteral("provider"), QStringLiteral("openai")},
                           {QStringLiteral("price"),
                            QJsonObject{{QStringLiteral("input"), in},
                                        {QStringLiteral("output"), out},
                                        {QStringLiteral("cache_read"), cached}}},
                           {QStringLiteral("scores"),
                            QJsonObject{{QStringLiteral("mmlu_pro"), mmluPro},
                                        {QStringLiteral("gpqa"), gpqa}}},
                           {QStringLiteral("capabilities"),
                            QJsonArray{QStringLiteral("tools"), QStringLiteral("vision")}},
                           {QStringLiteral("context"), 128000}};
    };
    QJsonArray models = root.value(QLatin1String("models")).toArray();
    // gpt-4o-mini has no published MMLU-Pro figure; 63.1 is the DESIGN §9 sample value.
    models.prepend(model("gpt-4o", 2.50, 1.25, 10.00, 72.6, 53.1));
    models.prepend(model("gpt-4o-mini", 0.15, 0.075, 0.60, 63.1, 40.2));
    root.insert(QStringLiteral("models"), models);

    QJsonArray routes = root.value(QLatin1String("routes")).toArray();
    for (qsizetype i = 0; i < routes.size(); ++i) {
        QJsonObject route = routes.at(i).toObject();
        if (route.value(QLatin1String("name")).toString() != QLatin1String("auto")) {
            continue;
        }
        QJsonArray targets = route.value(QLatin1String("targets")).toArray();
        targets.prepend(QStringLiteral("gpt-4o"));
        targets.prepend(QStringLiteral("gpt-4o-mini"));
        route.insert(QStringLiteral("targets"), targets);
        routes.replace(i, route);
    }
    root.insert(QStringLiteral("routes"), routes);
}

} // namespace

Result<GatewayConfig> ConfigLoader::parse(const QByteArray &json, const QString &fileName,
                                          const QProcessEnvironment &env)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return syntaxError(json, fileName, parseError);
    }
    ConfigReader r(fileName);
    if (!doc.isObject()) {
        r.fail(QStringLiteral("$"),
               Tr::tr("expected an object at the top level, got %1")
                   .arg(doc.isArray() ? Tr::tr("an array") : Tr::tr("a value")));
        return r.error();
    }
    const QJsonObject root = doc.object();
    GatewayConfig config;
    config.sourcePath = fileName;
    config.version = 1;

    const QJsonValue server = root.value(QLatin1String("server"));
    const bool ok = r.checkKeys(root, QStringLiteral("$"), topLevelKeys())
                    && (server.isUndefined()
                        || (r.requireObject(server, QStringLiteral("$.server"))
                            && Internal::parseServer(r, server.toObject(),
                                                     QStringLiteral("$.server"), config.server)))
                    && parseResilience(r, root, config.resilience)
                    && parseList(r, root, QStringLiteral("providers"), config.providers,
                                 [&env](ConfigReader &rd, const QJsonObject &o, const QString &p,
                                        ProviderSettings &out) {
                                     return Internal::parseProvider(rd, o, p, env, out);
                                 })
                    && parseList(r, root, QStringLiteral("models"), config.models,
                                 Internal::parseModel)
                    && parseList(r, root, QStringLiteral("routes"), config.routes,
                                 Internal::parseRoute)
                    && r.readString(root, QStringLiteral("$"), QStringLiteral("default_route"),
                                    config.defaultRoute)
                    && parseRaw(r, root, config)
                    && Internal::ConfigValidator::validate(r, config, root)
                    && Internal::parseGuards(r, root, config);
    if (!ok) {
        return r.error();
    }
    return config;
}

Result<GatewayConfig> ConfigLoader::loadFile(const QString &path, const QProcessEnvironment &env)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{QStringLiteral("config.io"),
                     Tr::tr("%1: cannot read the config file: %2").arg(path, file.errorString())};
    }
    return parse(file.readAll(), path, env);
}

QByteArray ConfigLoader::defaultJson()
{
    QFile file(QStringLiteral(":/switchyard/config/defaultconfig.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return file.readAll();
}

GatewayConfig ConfigLoader::defaults(const QProcessEnvironment &env)
{
    QJsonObject root = QJsonDocument::fromJson(defaultJson()).object();
    if (!env.value(QStringLiteral("OPENAI_API_KEY")).isEmpty()) {
        addOpenAi(root);
    }
    Result<GatewayConfig> result = parse(QJsonDocument(root).toJson(QJsonDocument::Compact),
                                         QStringLiteral("defaultconfig.json"), env);
    if (!result) {
        // Only reachable if the embedded file is broken, which tst_configloader catches.
        qCCritical(lcConfig).noquote() << result.error().message;
        return GatewayConfig{};
    }
    GatewayConfig config = std::move(result).value();
    config.sourcePath.clear();
    return config;
}

QString ConfigLoader::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
           + QStringLiteral("/switchyard/config.json");
}

} // namespace Switchyard::Config
