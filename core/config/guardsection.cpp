// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/config/guardsection.h"

#include "configreader.h"
#include "core/common/tr.h"
#include "core/guards/guardset.h"

#include <QJsonArray>

namespace Switchyard::Config {

namespace {

using Internal::ConfigReader;

QStringList policyKeys()
{
    return {QStringLiteral("name"),           QStringLiteral("match"),
            QStringLiteral("allowed_providers"), QStringLiteral("allowed_models"),
            QStringLiteral("allowed_regions"), QStringLiteral("dlp_profile"),
            QStringLiteral("max_tokens"),     QStringLiteral("rpm"),
            QStringLiteral("tpm")};
}

// Key checks the guards library does without suggestions; done here first so a typo reads
// "unknown key 'scan_response' (did you mean 'scan_responses'?)" like the rest of the file.
bool checkGuardKeys(ConfigReader &r, const QJsonObject &guards)
{
    const QString path = QStringLiteral("$.guards");
    if (!r.checkKeys(guards, path,
                     {QStringLiteral("dlp"), QStringLiteral("profiles"), QStringLiteral("injection"),
                      QStringLiteral("scan_responses")})) {
        return false;
    }
    const QStringList dlpKeys{QStringLiteral("enabled"),  QStringLiteral("action"),
                              QStringLiteral("actions"),  QStringLiteral("detectors"),
                              QStringLiteral("custom"),   QStringLiteral("restore_responses"),
                              QStringLiteral("entropy")};
    const QJsonValue dlp = guards.value(QLatin1String("dlp"));
    if (dlp.isObject() && !r.checkKeys(dlp.toObject(), ConfigReader::child(path, QStringLiteral("dlp")), dlpKeys))
        return false;
    const QJsonObject profiles = guards.value(QLatin1String("profiles")).toObject();
    for (auto it = profiles.begin(); it != profiles.end(); ++it) {
        const QString p = ConfigReader::child(ConfigReader::child(path, QStringLiteral("profiles")), it.key());
        if (it.value().isObject() && !r.checkKeys(it.value().toObject(), p, dlpKeys))
            return false;
    }
    const QJsonValue injection = guards.value(QLatin1String("injection"));
    return !injection.isObject()
           || r.checkKeys(injection.toObject(), ConfigReader::child(path, QStringLiteral("injection")),
                          {QStringLiteral("enabled"), QStringLiteral("threshold"), QStringLiteral("action"),
                           QStringLiteral("tool_results")});
}

bool checkPolicyKeys(ConfigReader &r, const QJsonArray &policies, const QStringList &providerIds)
{
    for (qsizetype i = 0; i < policies.size(); ++i) {
        const QString path = ConfigReader::index(QStringLiteral("$.policies"), i);
        if (!policies.at(i).isObject())
            continue; // the library names the type error
        const QJsonObject policy = policies.at(i).toObject();
        if (!r.checkKeys(policy, path, policyKeys()))
            return false;
        const QJsonValue match = policy.value(QLatin1String("match"));
        if (match.isObject()
            && !r.checkKeys(match.toObject(), ConfigReader::child(path, QStringLiteral("match")),
                            {QStringLiteral("customer"), QStringLiteral("project"), QStringLiteral("key"),
                             QStringLiteral("app")})) {
            return false;
        }
        const QJsonArray providers = policy.value(QLatin1String("allowed_providers")).toArray();
        for (qsizetype j = 0; j < providers.size(); ++j) {
            const QString id = providers.at(j).toString();
            if (id.isEmpty() || providerIds.contains(id, Qt::CaseInsensitive))
                continue;
            const QString p = ConfigReader::index(ConfigReader::child(path, QStringLiteral("allowed_providers")), j);
            const QString near = ConfigReader::suggest(id, providerIds);
            return r.fail(p, near.isEmpty() ? Tr::tr("unknown provider '%1'").arg(id)
                                            : Tr::tr("unknown provider '%1' (did you mean '%2'?)").arg(id, near));
        }
    }
    return true;
}

} // namespace

QJsonObject effectiveGuards(const QJsonObject &guards)
{
    if (guards.contains(QLatin1String("dlp")))
        return guards;
    QJsonObject out = guards;
    out.insert(QStringLiteral("dlp"),
               QJsonObject{{QStringLiteral("action"), QStringLiteral("log")},
                           {QStringLiteral("actions"), QJsonObject{{QStringLiteral("secret"), QStringLiteral("redact")}}}});
    return out;
}

namespace Internal {

bool parseGuards(ConfigReader &r, const QJsonObject &root, GatewayConfig &config)
{
    const QJsonValue policies = root.value(QLatin1String("policies"));
    if (!policies.isUndefined() && !policies.isArray()) {
        return r.fail(QStringLiteral("$.policies"),
                      Tr::tr("expected an array, got %1").arg(ConfigReader::typeName(policies)));
    }
    config.policies = policies.toArray();
    QStringList providerIds;
    for (const ProviderSettings &provider : config.providers)
        providerIds.append(provider.id);
    if (!checkGuardKeys(r, config.guards) || !checkPolicyKeys(r, config.policies, providerIds))
        return false;
    Result<Guards::GuardSetPtr> set = Guards::GuardSet::create(effectiveGuards(config.guards), config.policies);
    if (!set.ok()) {
        // The library's messages read "<json path>: <problem>".
        const QString message = set.error().message;
        const qsizetype colon = message.indexOf(QLatin1String(": "));
        if (message.startsWith(QLatin1Char('$')) && colon > 0)
            return r.fail(message.left(colon), message.mid(colon + 2));
        return r.fail(QStringLiteral("$.guards"), message);
    }
    config.guardSet = std::move(set).value();
    return true;
}

} // namespace Internal

} // namespace Switchyard::Config
