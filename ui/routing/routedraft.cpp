// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/routing/routedraft.h"

#include "core/routing/scorer.h"
#include "ui/tr.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSet>

#include <functional>

namespace Switchyard::Ui {

namespace {

bool is(const Config::RouteSettings &r, const char *strategy)
{
    return r.strategy == QLatin1String(strategy);
}

/// Every name a route refers to, in the order the editor shows them.
QStringList referencesOf(const RouteDraft &draft)
{
    const Config::RouteSettings &r = draft.route;
    QStringList out;
    if (is(r, "fallback") || is(r, "loadbalance")) {
        for (const Config::RouteTarget &t : r.targets) {
            out.append(t.name);
        }
    } else if (is(r, "score")) {
        out = r.candidates;
    } else if (is(r, "conditional")) {
        for (const RuleDraft &rule : draft.rules) {
            out.append(rule.then);
        }
        out.append(r.defaultTarget);
    }
    return out;
}

QString label(const RouteDraft &draft, qsizetype index)
{
    return draft.route.name.trimmed().isEmpty() ? Tr::tr("Route #%1").arg(index + 1)
                                                : Tr::tr("Route '%1'").arg(draft.route.name);
}

void checkRoute(const RouteDraft &draft, qsizetype index, const QStringList &known,
                const RoutingCatalog &catalog, QStringList &problems)
{
    const Config::RouteSettings &r = draft.route;
    const QString who = label(draft, index);
    const auto unknown = [&](const QString &name) {
        if (name.isEmpty()) {
            return false;
        }
        if (!known.contains(name)) {
            problems.append(Tr::tr("%1 refers to unknown target '%2'").arg(who, name));
        }
        return true;
    };
    if (is(r, "fallback") || is(r, "loadbalance")) {
        if (r.targets.isEmpty()) {
            problems.append(Tr::tr("%1: add at least one target").arg(who));
        }
        for (qsizetype i = 0; i < r.targets.size(); ++i) {
            const Config::RouteTarget &t = r.targets.at(i);
            if (!unknown(t.name)) {
                problems.append(Tr::tr("%1: target %2 is empty").arg(who).arg(i + 1));
            }
            if (is(r, "loadbalance") && !(t.weight > 0)) {
                problems.append(
                    Tr::tr("%1: weight of '%2' must be greater than 0").arg(who, t.name));
            }
        }
    } else if (is(r, "score")) {
        if (r.candidates.isEmpty()) {
            problems.append(Tr::tr("%1: add at least one candidate").arg(who));
        }
        for (qsizetype i = 0; i < r.candidates.size(); ++i) {
            if (!unknown(r.candidates.at(i))) {
                problems.append(Tr::tr("%1: candidate %2 is empty").arg(who).arg(i + 1));
            }
        }
        bool anyWeight = false;
        for (auto it = r.weights.constBegin(); it != r.weights.constEnd(); ++it) {
            anyWeight = anyWeight || it.value() > 0;
            if (!catalog.metrics.contains(it.key())) {
                problems.append(Tr::tr("%1: '%2' is neither a model score nor a live metric")
                                    .arg(who, it.key()));
            }
        }
        if (!anyWeight) {
            problems.append(Tr::tr("%1: give at least one metric a weight above 0").arg(who));
        }
    } else if (is(r, "conditional")) {
        for (qsizetype i = 0; i < draft.rules.size(); ++i) {
            const QString problem = whenProblem(draft.rules.at(i).whenText);
            if (!problem.isEmpty()) {
                problems.append(Tr::tr("%1: rule %2: 'when' %3").arg(who).arg(i + 1).arg(problem));
            }
            if (!unknown(draft.rules.at(i).then)) {
                problems.append(Tr::tr("%1: rule %2 has no 'then' target").arg(who).arg(i + 1));
            }
        }
        if (!unknown(r.defaultTarget)) {
            problems.append(Tr::tr("%1: choose a default target").arg(who));
        }
    } else {
        problems.append(Tr::tr("%1: unknown strategy '%2'").arg(who, r.strategy));
    }
}

QString findCycle(const QList<RouteDraft> &drafts)
{
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < drafts.size(); ++i) {
        index.insert(drafts.at(i).route.name, i);
    }
    QList<int> state(drafts.size(), 0); // 0 new, 1 on the path, 2 done
    QStringList path;
    QString cycle;
    std::function<bool(qsizetype)> visit = [&](qsizetype node) {
        state[node] = 1;
        path.append(drafts.at(node).route.name);
        for (const QString &ref : referencesOf(drafts.at(node))) {
            const auto it = index.constFind(ref);
            if (it == index.constEnd()) {
                continue;
            }
            if (state.at(*it) == 1) {
                QStringList loop = path.mid(path.indexOf(ref));
                loop.append(ref);
                cycle = loop.join(QStringLiteral(" -> "));
                return true;
            }
            if (state.at(*it) == 0 && visit(*it)) {
                return true;
            }
        }
        path.removeLast();
        state[node] = 2;
        return false;
    };
    for (qsizetype i = 0; i < drafts.size(); ++i) {
        if (state.at(i) == 0 && visit(i)) {
            return cycle;
        }
    }
    return {};
}

} // namespace

RouteDraft RouteDraft::fromSettings(const Config::RouteSettings &route)
{
    RouteDraft draft;
    draft.route = route;
    for (const QJsonValue &c : route.conditions) {
        const QJsonObject rule = c.toObject();
        // One line with spaces: {"customer": {"$eq": "acme"}} reads better than either
        // compact or indented JSON in a small editor.
        const QByteArray when = QJsonDocument(rule.value(QLatin1String("when")).toObject())
                                    .toJson(QJsonDocument::Indented);
        QString text = QString::fromUtf8(when).simplified();
        text.replace(QStringLiteral("{ "), QStringLiteral("{")).replace(QStringLiteral(" }"), QStringLiteral("}"));
        text.replace(QStringLiteral("[ "), QStringLiteral("[")).replace(QStringLiteral(" ]"), QStringLiteral("]"));
        draft.rules.append({text, rule.value(QLatin1String("then")).toString()});
    }
    return draft;
}

Config::RouteSettings RouteDraft::toSettings() const
{
    Config::RouteSettings out;
    out.name = route.name.trimmed();
    out.strategy = route.strategy;
    if (is(route, "fallback") || is(route, "loadbalance")) {
        out.targets = route.targets;
    } else if (is(route, "score")) {
        out.candidates = route.candidates;
        for (auto it = route.weights.constBegin(); it != route.weights.constEnd(); ++it) {
            if (it.value() > 0) { // 0 means "not used"
                out.weights.insert(it.key(), it.value());
            }
        }
    } else if (is(route, "conditional")) {
        for (const RuleDraft &rule : rules) {
            const QJsonObject when = QJsonDocument::fromJson(rule.whenText.toUtf8()).object();
            if (whenProblem(rule.whenText).isEmpty()) {
                out.conditions.append(QJsonObject{{QStringLiteral("when"), when},
                                                  {QStringLiteral("then"), rule.then}});
            }
        }
        out.defaultTarget = route.defaultTarget;
    }
    return out;
}

RoutingCatalog RoutingCatalog::fromConfig(const Config::GatewayConfig &config)
{
    RoutingCatalog catalog;
    QSet<QString> scores;
    for (const Config::ModelSettings &m : config.models) {
        catalog.models.append(m.id);
        for (auto it = m.scores.keyBegin(); it != m.scores.keyEnd(); ++it) {
            scores.insert(*it);
        }
    }
    catalog.metrics = scores.values();
    catalog.metrics.sort();
    for (const char *live : {Routing::CostMetric, Routing::LatencyMetric, Routing::TtftMetric,
                             Routing::ReliabilityMetric}) {
        if (!catalog.metrics.contains(QLatin1String(live))) {
            catalog.metrics.append(QLatin1String(live));
        }
    }
    return catalog;
}

QString whenProblem(const QString &text)
{
    if (text.trimmed().isEmpty()) {
        return Tr::tr("is empty: write a JSON object such as {\"customer\": {\"$eq\": \"acme\"}}");
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        const QByteArray before = text.toUtf8().left(error.offset);
        const qsizetype line = before.count('\n') + 1;
        const qsizetype column =
            QString::fromUtf8(before.mid(before.lastIndexOf('\n') + 1)).size() + 1;
        return Tr::tr("is not valid JSON at line %1, column %2: %3")
            .arg(line)
            .arg(column)
            .arg(error.errorString());
    }
    if (!doc.isObject()) {
        return Tr::tr("must be a JSON object such as {\"customer\": {\"$eq\": \"acme\"}}");
    }
    return {};
}

QStringList validateDrafts(const QList<RouteDraft> &drafts, const QString &defaultRoute,
                           const RoutingCatalog &catalog)
{
    QStringList problems;
    QStringList names;
    QSet<QString> reported;
    for (qsizetype i = 0; i < drafts.size(); ++i) {
        const QString name = drafts.at(i).route.name.trimmed();
        if (name.isEmpty()) {
            problems.append(Tr::tr("Route #%1 has no name").arg(i + 1));
        } else if (names.contains(name) && !reported.contains(name)) {
            problems.append(Tr::tr("Route name '%1' is used more than once").arg(name));
            reported.insert(name);
        } else if (catalog.models.contains(name)) {
            problems.append(Tr::tr("Route '%1' has the same name as a model").arg(name));
        }
        names.append(name);
    }
    const QStringList known = catalog.models + names;
    for (qsizetype i = 0; i < drafts.size(); ++i) {
        checkRoute(drafts.at(i), i, known, catalog, problems);
    }
    const QString cycle = findCycle(drafts);
    if (!cycle.isEmpty()) {
        problems.append(Tr::tr("Routes refer to each other in a cycle: %1").arg(cycle));
    }
    if (!defaultRoute.isEmpty() && !known.contains(defaultRoute)) {
        problems.append(Tr::tr("The default route '%1' is unknown").arg(defaultRoute));
    }
    return problems;
}

QStringList referrersOf(const QList<RouteDraft> &drafts, const QString &name,
                        const QString &defaultRoute, qsizetype index)
{
    QStringList out;
    for (qsizetype i = 0; i < drafts.size(); ++i) {
        if (i != index && referencesOf(drafts.at(i)).contains(name)) {
            out.append(QLatin1Char('\'') + drafts.at(i).route.name + QLatin1Char('\''));
        }
    }
    if (!name.isEmpty() && defaultRoute == name) {
        out.append(Tr::tr("the default route setting"));
    }
    return out;
}

} // namespace Switchyard::Ui
