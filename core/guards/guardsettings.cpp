// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/guards/guardsettings.h"

#include "core/common/tr.h"
#include "core/guards/guardjson.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Switchyard::Guards {

using Internal::GuardJson;

namespace {

bool readAction(GuardJson &r, const QJsonValue &v, const QString &path, GuardAction &out)
{
    const std::optional<GuardAction> action = guardActionFromKey(v.toString());
    if (!v.isString() || !action) {
        return r.fail(path, Tr::tr("must be one of redact, block, log, off"));
    }
    out = *action;
    return true;
}

QString classKeys()
{
    QStringList keys;
    for (DataClass cls : builtInDataClasses()) {
        keys.append(dataClassKey(cls));
    }
    return keys.join(QStringLiteral(", "));
}

bool parseCustom(GuardJson &r, const QJsonValue &v, const QString &path, CustomPattern &out)
{
    if (!r.requireObject(v, path)) {
        return false;
    }
    const QJsonObject obj = v.toObject();
    static const QStringList allowed{QStringLiteral("name"), QStringLiteral("pattern"),
                                     QStringLiteral("action"), QStringLiteral("case_insensitive")};
    if (!r.checkKeys(obj, path, allowed) || !r.readString(obj, path, "name", out.name, true)
        || !r.readString(obj, path, "pattern", out.pattern, true)
        || !r.readBool(obj, path, "case_insensitive", out.caseInsensitive)) {
        return false;
    }
    static const QRegularExpression namePattern(QStringLiteral("^[a-z][a-z0-9_]{0,31}$"));
    if (!namePattern.match(out.name).hasMatch() || dataClassFromKey(out.name)) {
        return r.fail(GuardJson::child(path, QStringLiteral("name")),
                      Tr::tr("expected a lower-case name (a-z, 0-9, _; at most 32 characters) that "
                             "is not a built-in class"));
    }
    const QRegularExpression re(out.pattern);
    if (!re.isValid()) {
        return r.fail(GuardJson::child(path, QStringLiteral("pattern")),
                      Tr::tr("invalid regular expression at offset %1: %2")
                          .arg(QString::number(re.patternErrorOffset()), re.errorString()));
    }
    if (re.match(QString()).hasMatch()) {
        return r.fail(GuardJson::child(path, QStringLiteral("pattern")),
                      Tr::tr(
                          "the pattern matches empty text; it must match at least one character"));
    }
    const QJsonValue action = obj.value(QLatin1String("action"));
    return action.isUndefined()
           || readAction(r, action, GuardJson::child(path, QStringLiteral("action")), out.action);
}

bool parseDlp(GuardJson &r, const QJsonValue &v, const QString &path, DlpSettings &out)
{
    if (!r.requireObject(v, path)) {
        return false;
    }
    const QJsonObject obj = v.toObject();
    static const QStringList allowed{QStringLiteral("enabled"), QStringLiteral("action"),
                                     QStringLiteral("actions"), QStringLiteral("detectors"),
                                     QStringLiteral("custom"),  QStringLiteral("restore_responses"),
                                     QStringLiteral("entropy")};
    if (!r.checkKeys(obj, path, allowed) || !r.readBool(obj, path, "enabled", out.enabled)
        || !r.readBool(obj, path, "restore_responses", out.restoreResponses)) {
        return false;
    }
    if (obj.contains(QLatin1String("action"))
        && !readAction(r, obj.value(QLatin1String("action")),
                       GuardJson::child(path, QStringLiteral("action")), out.defaultAction)) {
        return false;
    }
    for (const char *mapKey : {"actions", "detectors"}) {
        const QJsonValue mapValue = obj.value(QLatin1String(mapKey));
        const QString mapPath = GuardJson::child(path, QLatin1String(mapKey));
        if (mapValue.isUndefined()) {
            continue;
        }
        if (!r.requireObject(mapValue, mapPath)) {
            return false;
        }
        const QJsonObject map = mapValue.toObject();
        for (auto it = map.begin(); it != map.end(); ++it) {
            const QString entryPath = GuardJson::child(mapPath, it.key());
            const std::optional<DataClass> cls = dataClassFromKey(it.key());
            if (!cls || *cls == DataClass::Custom) {
                return r.fail(entryPath,
                              Tr::tr("unknown class; expected one of %1").arg(classKeys()));
            }
            if (qstrcmp(mapKey, "actions") == 0) {
                GuardAction action = GuardAction::Redact;
                if (!readAction(r, it.value(), entryPath, action)) {
                    return false;
                }
                out.actions.insert(*cls, action);
            } else if (!it.value().isBool()) {
                return r.fail(entryPath, Tr::tr("expected true or false"));
            } else if (!it.value().toBool()) {
                out.disabled.insert(*cls);
            }
        }
    }
    const QJsonValue entropy = obj.value(QLatin1String("entropy"));
    if (!entropy.isUndefined()) {
        const QString entropyPath = GuardJson::child(path, QStringLiteral("entropy"));
        std::optional<qint64> minLength;
        if (!r.requireObject(entropy, entropyPath)
            || !r.checkKeys(entropy.toObject(), entropyPath,
                            {QStringLiteral("threshold"), QStringLiteral("min_length")})
            || !r.readDouble(entropy.toObject(), entropyPath, "threshold", out.entropyBits, 1.0, 8.0)
            || !r.readInt(entropy.toObject(), entropyPath, "min_length", minLength, 16, 200)) {
            return false;
        }
        out.entropyMinLength = int(minLength.value_or(out.entropyMinLength));
    }
    const QJsonValue custom = obj.value(QLatin1String("custom"));
    if (custom.isUndefined()) {
        return true;
    }
    const QString customPath = GuardJson::child(path, QStringLiteral("custom"));
    if (!custom.isArray()) {
        return r.fail(customPath, Tr::tr("expected an array of {name, pattern, action}"));
    }
    const QJsonArray array = custom.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        CustomPattern pattern;
        if (!parseCustom(r, array.at(i), GuardJson::index(customPath, i), pattern)) {
            return false;
        }
        for (const CustomPattern &other : std::as_const(out.custom)) {
            if (other.name == pattern.name) {
                return r.fail(GuardJson::child(GuardJson::index(customPath, i),
                                               QStringLiteral("name")),
                              Tr::tr("another custom pattern already has this name"));
            }
        }
        out.custom.append(pattern);
    }
    return true;
}

bool parseInjection(GuardJson &r, const QJsonValue &v, const QString &path, InjectionSettings &out)
{
    if (!r.requireObject(v, path)) {
        return false;
    }
    const QJsonObject obj = v.toObject();
    QString action;
    if (!r.checkKeys(obj, path,
                     {QStringLiteral("enabled"), QStringLiteral("threshold"),
                      QStringLiteral("action"), QStringLiteral("tool_results")})
        || !r.readBool(obj, path, "enabled", out.enabled)
        || !r.readDouble(obj, path, "threshold", out.threshold, 0.0, 1.0)
        || !r.readBool(obj, path, "tool_results", out.scanToolResults)
        || !r.readString(obj, path, "action", action)) {
        return false;
    }
    if (action == QLatin1String("block")) {
        out.action = InjectionAction::Block;
    } else if (action.isEmpty() || action == QLatin1String("flag")) {
        out.action = InjectionAction::Flag;
    } else {
        return r.fail(GuardJson::child(path, QStringLiteral("action")),
                      Tr::tr("must be one of flag, block"));
    }
    return true;
}

} // namespace

GuardAction DlpSettings::actionFor(const Finding &finding) const
{
    if (finding.dataClass == DataClass::Custom) {
        for (const CustomPattern &pattern : custom) {
            if (pattern.name == finding.label) {
                return pattern.action;
            }
        }
    }
    return actions.value(finding.dataClass, defaultAction);
}

const DlpSettings &GuardSettings::profile(const QString &name) const
{
    const auto it = profiles.constFind(name);
    return it == profiles.constEnd() ? dlp : *it;
}

bool GuardSettings::hasProfile(const QString &name) const
{
    return name.isEmpty() || name == QLatin1String("default") || profiles.contains(name);
}

Result<GuardSettings> GuardSettings::fromJson(const QJsonObject &guards, const QString &path)
{
    GuardJson r;
    GuardSettings out;
    static const QStringList allowed{QStringLiteral("dlp"), QStringLiteral("profiles"),
                                     QStringLiteral("injection"), QStringLiteral("scan_responses")};
    if (!r.checkKeys(guards, path, allowed)
        || !r.readBool(guards, path, "scan_responses", out.scanResponses)) {
        return r.error();
    }
    if (guards.contains(QLatin1String("dlp"))
        && !parseDlp(r, guards.value(QLatin1String("dlp")),
                     GuardJson::child(path, QStringLiteral("dlp")), out.dlp)) {
        return r.error();
    }
    if (guards.contains(QLatin1String("injection"))
        && !parseInjection(r, guards.value(QLatin1String("injection")),
                           GuardJson::child(path, QStringLiteral("injection")), out.injection)) {
        return r.error();
    }
    const QJsonValue profiles = guards.value(QLatin1String("profiles"));
    const QString profilesPath = GuardJson::child(path, QStringLiteral("profiles"));
    if (!profiles.isUndefined() && !r.requireObject(profiles, profilesPath)) {
        return r.error();
    }
    const QJsonObject map = profiles.toObject();
    for (auto it = map.begin(); it != map.end(); ++it) {
        DlpSettings profile;
        if (!parseDlp(r, it.value(), GuardJson::child(profilesPath, it.key()), profile)) {
            return r.error();
        }
        out.profiles.insert(it.key(), profile);
    }
    out.profiles.insert(QStringLiteral("default"), out.dlp);
    return out;
}

} // namespace Switchyard::Guards
