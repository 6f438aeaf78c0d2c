// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/config/budgetsection.h"

#include "core/common/tr.h"
#include "core/config/configreader.h"

#include <QJsonObject>
#include <QSet>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>

namespace Switchyard::Config {

namespace {

template<typename Enum>
struct Named
{
    const char *name;
    Enum value;
};

constexpr Named<BudgetSettings::Scope> kScopes[] = {
    {"global", BudgetSettings::Scope::Global}, {"customer", BudgetSettings::Scope::Customer},
    {"project", BudgetSettings::Scope::Project}, {"key", BudgetSettings::Scope::Key},
    {"app", BudgetSettings::Scope::App},       {"tag", BudgetSettings::Scope::Tag}};
constexpr Named<BudgetSettings::Period> kPeriods[] = {{"day", BudgetSettings::Period::Day},
                                                      {"week", BudgetSettings::Period::Week},
                                                      {"month", BudgetSettings::Period::Month}};
constexpr Named<BudgetSettings::Action> kActions[] = {{"block", BudgetSettings::Action::Block},
                                                      {"downgrade", BudgetSettings::Action::Downgrade},
                                                      {"alert", BudgetSettings::Action::Alert}};

template<typename Enum, size_t N>
QString nameOf(const Named<Enum> (&table)[N], Enum value)
{
    for (const Named<Enum> &entry : table) {
        if (entry.value == value)
            return QLatin1String(entry.name);
    }
    return {};
}

template<typename Enum, size_t N>
QStringList namesOf(const Named<Enum> (&table)[N])
{
    QStringList names;
    for (const Named<Enum> &entry : table)
        names.append(QLatin1String(entry.name));
    return names;
}

// Reads an enum-valued string field; `out` keeps its default when the key is absent.
template<typename Enum, size_t N>
bool readEnum(Internal::ConfigReader &r, const QJsonObject &obj, const QString &path, const char *key,
              const Named<Enum> (&table)[N], Enum &out)
{
    QString text;
    if (!r.readString(obj, path, QLatin1String(key), text))
        return false;
    if (text.isEmpty())
        return true;
    for (const Named<Enum> &entry : table) {
        if (text == QLatin1String(entry.name)) {
            out = entry.value;
            return true;
        }
    }
    return r.fail(Internal::ConfigReader::child(path, QLatin1String(key)),
                  Tr::tr("must be one of %1").arg(namesOf(table).join(QLatin1String(", "))));
}

} // namespace

QString BudgetSettings::scopeName(Scope scope) { return nameOf(kScopes, scope); }
QString BudgetSettings::periodName(Period period) { return nameOf(kPeriods, period); }
QString BudgetSettings::actionName(Action action) { return nameOf(kActions, action); }

namespace Internal {

namespace {

bool readAlerts(ConfigReader &r, const QJsonObject &obj, const QString &path, QList<double> &out)
{
    const QJsonValue v = obj.value(QLatin1String("alerts"));
    if (v.isUndefined())
        return true;
    const QString alertsPath = ConfigReader::child(path, QStringLiteral("alerts"));
    if (!v.isArray())
        return r.fail(alertsPath, Tr::tr("expected an array of fractions of the limit, e.g. [0.5, 0.8, 1.0]"));
    const QJsonArray array = v.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const double fraction = array.at(i).toDouble(-1);
        if (!array.at(i).isDouble() || fraction <= 0 || fraction > 10)
            return r.fail(ConfigReader::index(alertsPath, i),
                          Tr::tr("expected a fraction of the limit above 0 (1.0 = the limit)"));
        if (!out.contains(fraction))
            out.append(fraction);
    }
    std::sort(out.begin(), out.end());
    return true;
}

bool parseBudget(ConfigReader &r, const QJsonObject &obj, const QString &path, BudgetSettings &out)
{
    static const QStringList allowed{QStringLiteral("name"),     QStringLiteral("scope"),
                                     QStringLiteral("match"),    QStringLiteral("period"),
                                     QStringLiteral("limit_usd"), QStringLiteral("alerts"),
                                     QStringLiteral("on_limit"), QStringLiteral("price_cap_output"),
                                     QStringLiteral("time_zone"), QStringLiteral("webhook")};
    if (!r.checkKeys(obj, path, allowed) || !r.readString(obj, path, QStringLiteral("name"), out.name, true)
        || !readEnum(r, obj, path, "scope", kScopes, out.scope)
        || !r.readString(obj, path, QStringLiteral("match"), out.match)
        || !readEnum(r, obj, path, "period", kPeriods, out.period)
        || !r.readDouble(obj, path, QStringLiteral("limit_usd"), out.limitUsd, 0, ConfigReader::kUnbounded, true)
        || !readAlerts(r, obj, path, out.alerts) || !readEnum(r, obj, path, "on_limit", kActions, out.onLimit)
        || !r.readDouble(obj, path, QStringLiteral("price_cap_output"), out.priceCapOutput, 0,
                         ConfigReader::kUnbounded)
        || !r.readString(obj, path, QStringLiteral("time_zone"), out.timeZone)
        || !r.readString(obj, path, QStringLiteral("webhook"), out.webhook))
        return false;
    if (out.scope != BudgetSettings::Scope::Global && out.match.isEmpty())
        return r.fail(ConfigReader::child(path, QStringLiteral("match")),
                      Tr::tr("a %1-scoped budget needs the %1 it applies to")
                          .arg(BudgetSettings::scopeName(out.scope)));
    if (out.onLimit == BudgetSettings::Action::Downgrade && out.priceCapOutput < 0)
        return r.fail(ConfigReader::child(path, QStringLiteral("price_cap_output")),
                      Tr::tr("on_limit \"downgrade\" needs price_cap_output: the most a model may cost "
                             "per 1M output tokens once the limit is reached"));
    if (!out.timeZone.isEmpty() && !QTimeZone(out.timeZone.toUtf8()).isValid())
        return r.fail(ConfigReader::child(path, QStringLiteral("time_zone")),
                      Tr::tr("unknown time zone; use an IANA name such as Europe/Berlin"));
    if (!out.webhook.isEmpty()) {
        const QUrl url(out.webhook, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty()
            || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
            return r.fail(ConfigReader::child(path, QStringLiteral("webhook")),
                          Tr::tr("expected an http:// or https:// URL with a host"));
    }
    return true;
}

} // namespace

bool parseBudgets(ConfigReader &r, const QJsonArray &array, const QString &path, QList<BudgetSettings> &out)
{
    QSet<QString> names;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString entryPath = ConfigReader::index(path, i);
        if (!r.requireObject(array.at(i), entryPath))
            return false;
        BudgetSettings budget;
        if (!parseBudget(r, array.at(i).toObject(), entryPath, budget))
            return false;
        if (names.contains(budget.name))
            return r.fail(ConfigReader::child(entryPath, QStringLiteral("name")),
                          Tr::tr("another budget already has the name '%1'").arg(budget.name));
        names.insert(budget.name);
        out.append(budget);
    }
    return true;
}

} // namespace Internal
} // namespace Switchyard::Config
