// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/guards/policy.h"

#include "core/common/tr.h"
#include "core/guards/guardjson.h"
#include "core/guards/guardsettings.h"

#include <QSet>

#include <algorithm>
#include <numeric>
#include <vector>

namespace Switchyard::Guards {

using Internal::GuardJson;

namespace {

bool fieldMatches(const QString &want, const QString &have)
{
    return want.isEmpty() || want == have;
}

bool containsCi(const QStringList &list, const QString &value)
{
    return std::any_of(list.cbegin(), list.cend(), [&value](const QString &item) {
        return item.compare(value, Qt::CaseInsensitive) == 0;
    });
}

bool parseMatch(GuardJson &r, const QJsonObject &obj, const QString &path, PolicyMatch &out)
{
    const QJsonValue v = obj.value(QLatin1String("match"));
    if (v.isUndefined()) {
        return true;
    }
    const QString matchPath = GuardJson::child(path, QStringLiteral("match"));
    if (!r.requireObject(v, matchPath)) {
        return false;
    }
    const QJsonObject m = v.toObject();
    return r.checkKeys(m, matchPath,
                       {QStringLiteral("customer"), QStringLiteral("project"),
                        QStringLiteral("key"), QStringLiteral("app")})
           && r.readString(m, matchPath, "customer", out.customer)
           && r.readString(m, matchPath, "project", out.project)
           && r.readString(m, matchPath, "key", out.key)
           && r.readString(m, matchPath, "app", out.app);
}

bool parsePolicy(GuardJson &r, const QJsonObject &obj, const QString &path,
                 const GuardSettings *guards, Policy &out)
{
    static const QStringList allowed{QStringLiteral("name"),
                                     QStringLiteral("match"),
                                     QStringLiteral("allowed_providers"),
                                     QStringLiteral("allowed_models"),
                                     QStringLiteral("allowed_regions"),
                                     QStringLiteral("dlp_profile"),
                                     QStringLiteral("max_tokens"),
                                     QStringLiteral("rpm"),
                                     QStringLiteral("tpm")};
    constexpr qint64 kMax = qint64(1) << 40;
    if (!r.checkKeys(obj, path, allowed) || !r.readString(obj, path, "name", out.name, true)
        || !parseMatch(r, obj, path, out.match)
        || !r.readStringList(obj, path, "allowed_providers", out.allowedProviders)
        || !r.readStringList(obj, path, "allowed_models", out.allowedModels)
        || !r.readStringList(obj, path, "allowed_regions", out.allowedRegions)
        || !r.readString(obj, path, "dlp_profile", out.dlpProfile)
        || !r.readInt(obj, path, "max_tokens", out.maxTokens, 1, kMax)
        || !r.readInt(obj, path, "rpm", out.rpm, 1, kMax)
        || !r.readInt(obj, path, "tpm", out.tpm, 1, kMax)) {
        return false;
    }
    if (guards && !out.dlpProfile.isEmpty() && !guards->hasProfile(out.dlpProfile)) {
        return r.fail(GuardJson::child(path, QStringLiteral("dlp_profile")),
                      Tr::tr("no DLP profile of this name in guards.profiles"));
    }
    return true;
}

template<typename T>
void overrideField(Policy &into, const Policy &from, T Policy::*field, const char *key, bool set)
{
    if (set) {
        into.*field = from.*field;
        into.origin.insert(QLatin1String(key), from.name);
    }
}

QString allowedList(const QStringList &list)
{
    return list.join(QStringLiteral(", "));
}

} // namespace

bool PolicyMatch::matches(const QString &customerId, const QString &projectId, const QString &keyId,
                          const QString &appName) const
{
    return fieldMatches(customer, customerId) && fieldMatches(project, projectId)
           && fieldMatches(key, keyId) && fieldMatches(app, appName);
}

int PolicyMatch::specificity() const
{
    return (key.isEmpty() ? 0 : 8) + (project.isEmpty() ? 0 : 4) + (customer.isEmpty() ? 0 : 2)
           + (app.isEmpty() ? 0 : 1);
}

Result<PolicySet> PolicySet::fromJson(const QJsonArray &policies, const QString &path,
                                      const GuardSettings *guards)
{
    GuardJson r;
    PolicySet set;
    QSet<QString> names;
    for (qsizetype i = 0; i < policies.size(); ++i) {
        const QString entryPath = GuardJson::index(path, i);
        Policy policy;
        if (!r.requireObject(policies.at(i), entryPath)
            || !parsePolicy(r, policies.at(i).toObject(), entryPath, guards, policy)) {
            return r.error();
        }
        if (names.contains(policy.name)) {
            r.fail(GuardJson::child(entryPath, QStringLiteral("name")),
                   Tr::tr("another policy already has the name '%1'").arg(policy.name));
            return r.error();
        }
        names.insert(policy.name);
        set.m_policies.append(policy);
    }
    return set;
}

Policy PolicySet::resolve(const QString &customer, const QString &project, const QString &keyId,
                          const QString &app) const
{
    std::vector<qsizetype> matching;
    for (qsizetype i = 0; i < m_policies.size(); ++i) {
        if (m_policies.at(i).match.matches(customer, project, keyId, app)) {
            matching.push_back(i);
        }
    }
    std::stable_sort(matching.begin(), matching.end(), [this](qsizetype a, qsizetype b) {
        return m_policies.at(a).match.specificity() < m_policies.at(b).match.specificity();
    });
    Policy effective;
    for (qsizetype index : matching) {
        const Policy &p = m_policies.at(index);
        overrideField(effective, p, &Policy::allowedProviders, "allowed_providers",
                      !p.allowedProviders.isEmpty());
        overrideField(effective, p, &Policy::allowedModels, "allowed_models",
                      !p.allowedModels.isEmpty());
        overrideField(effective, p, &Policy::allowedRegions, "allowed_regions",
                      !p.allowedRegions.isEmpty());
        overrideField(effective, p, &Policy::dlpProfile, "dlp_profile", !p.dlpProfile.isEmpty());
        overrideField(effective, p, &Policy::maxTokens, "max_tokens", p.maxTokens.has_value());
        overrideField(effective, p, &Policy::rpm, "rpm", p.rpm.has_value());
        overrideField(effective, p, &Policy::tpm, "tpm", p.tpm.has_value());
        effective.sources.append(p.name);
        effective.match = p.match;
    }
    effective.name = effective.sources.isEmpty() ? QString() : effective.sources.constLast();
    return effective;
}

bool allowsCandidate(const Policy &policy, const QString &provider, const QString &model,
                     const QString &region, QString *why)
{
    const auto deny = [why](const QString &reason) {
        if (why) {
            *why = reason;
        }
        return false;
    };
    if (!policy.allowedProviders.isEmpty() && !containsCi(policy.allowedProviders, provider)) {
        return deny(Tr::tr("provider '%1' is not allowed by policy '%2' (allowed: %3)")
                        .arg(provider, policy.origin.value(QStringLiteral("allowed_providers")),
                             allowedList(policy.allowedProviders)));
    }
    if (!policy.allowedModels.isEmpty()) {
        const QString qualified = provider + QLatin1Char('/') + model;
        const bool ok = std::any_of(policy.allowedModels.cbegin(), policy.allowedModels.cend(),
                                    [&](const QString &glob) {
                                        return globMatch(glob,
                                                         glob.contains(u'/') ? qualified : model);
                                    });
        if (!ok) {
            return deny(Tr::tr("model '%1' is not allowed by policy '%2' (allowed: %3)")
                            .arg(model, policy.origin.value(QStringLiteral("allowed_models")),
                                 allowedList(policy.allowedModels)));
        }
    }
    if (!policy.allowedRegions.isEmpty() && !containsCi(policy.allowedRegions, region)) {
        const QString policyName = policy.origin.value(QStringLiteral("allowed_regions"));
        if (region.isEmpty()) {
            return deny(Tr::tr("provider '%1' has no region set; policy '%2' requires one of: %3")
                            .arg(provider, policyName, allowedList(policy.allowedRegions)));
        }
        return deny(
            Tr::tr("region '%1' of provider '%2' is not allowed by policy '%3' (allowed: %4)")
                .arg(region, provider, policyName, allowedList(policy.allowedRegions)));
    }
    return true;
}

bool globMatch(QStringView pattern, QStringView text)
{
    // Iterative wildcard match with single-star backtracking: linear in practice.
    qsizetype p = 0;
    qsizetype t = 0;
    qsizetype starP = -1;
    qsizetype starT = 0;
    while (t < text.size()) {
        if (p < pattern.size()
            && (pattern.at(p) == u'?'
                || pattern.at(p).toCaseFolded() == text.at(t).toCaseFolded())) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern.at(p) == u'*') {
            starP = p++;
            starT = t;
        } else if (starP >= 0) {
            p = starP + 1;
            t = ++starT;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern.at(p) == u'*') {
        ++p;
    }
    return p == pattern.size();
}

} // namespace Switchyard::Guards
