// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "configvalidator.h"

#include "configreader.h"
#include "core/common/tr.h"
#include "core/config/conditionsyntax.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace Switchyard::Config::Internal {

namespace {

using Reader = ConfigReader;

QString routePath(qsizetype i)
{
    return Reader::index(QStringLiteral("$.routes"), i);
}

/// A name a route refers to, with the JSON path it was written at.
struct Reference
{
    QString name;
    QString path;
};

QList<Reference> referencesOf(const RouteSettings &route, qsizetype i, const QJsonObject &root)
{
    const QString path = routePath(i);
    const QJsonObject raw = root.value(QLatin1String("routes")).toArray().at(i).toObject();
    QList<Reference> refs;
    const QJsonArray rawTargets = raw.value(QLatin1String("targets")).toArray();
    for (qsizetype j = 0; j < route.targets.size(); ++j) {
        QString p = Reader::index(Reader::child(path, QStringLiteral("targets")), j);
        if (rawTargets.at(j).isObject()) {
            p = Reader::child(p, QStringLiteral("model"));
        }
        refs.append({route.targets.at(j).name, p});
    }
    for (qsizetype j = 0; j < route.candidates.size(); ++j) {
        refs.append({route.candidates.at(j),
                     Reader::index(Reader::child(path, QStringLiteral("candidates")), j)});
    }
    for (qsizetype j = 0; j < route.conditions.size(); ++j) {
        const QString p = Reader::index(Reader::child(path, QStringLiteral("conditions")), j);
        refs.append({route.conditions.at(j).toObject().value(QLatin1String("then")).toString(),
                     Reader::child(p, QStringLiteral("then"))});
    }
    if (route.strategy == QLatin1String("conditional")) {
        refs.append({route.defaultTarget, Reader::child(path, QStringLiteral("default"))});
    }
    return refs;
}

bool unknownName(Reader &r, const QString &path, const QString &what, const QString &name,
                 const QStringList &known)
{
    const QString near = Reader::suggest(name, known);
    if (!near.isEmpty()) {
        return r.fail(path, Tr::tr("unknown %1 '%2' (did you mean '%3'?)").arg(what, name, near));
    }
    return r.fail(path, Tr::tr("unknown %1 '%2'").arg(what, name));
}

// Fails on the second entry with an id already seen; `ids` are in file order.
bool checkUnique(Reader &r, const QStringList &ids, const QString &section, const QString &field,
                 const QString &what)
{
    QHash<QString, qsizetype> seen;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const auto it = seen.constFind(ids.at(i));
        if (it != seen.constEnd()) {
            return r.fail(Reader::child(Reader::index(section, i), field),
                          Tr::tr("duplicate %1 '%2' (first defined at %3)")
                              .arg(what, ids.at(i), Reader::index(section, it.value())));
        }
        seen.insert(ids.at(i), i);
    }
    return true;
}

class CycleFinder
{
public:
    CycleFinder(const GatewayConfig &config, const QJsonObject &root)
        : m_config(config)
    {
        for (qsizetype i = 0; i < config.routes.size(); ++i) {
            m_index.insert(config.routes.at(i).name, i);
        }
        for (qsizetype i = 0; i < config.routes.size(); ++i) {
            QList<qsizetype> next;
            for (const Reference &ref : referencesOf(config.routes.at(i), i, root)) {
                if (m_index.contains(ref.name)) {
                    next.append(m_index.value(ref.name));
                }
            }
            m_edges.append(next);
        }
    }

    /// The first cycle found, rotated to start at its earliest route in the file.
    QList<qsizetype> find()
    {
        m_state.fill(0, m_config.routes.size());
        for (qsizetype i = 0; i < m_config.routes.size(); ++i) {
            if (m_state.at(i) == 0 && visit(i)) {
                return rotated();
            }
        }
        return {};
    }

private:
    bool visit(qsizetype node)
    {
        m_state[node] = 1;
        m_stack.append(node);
        for (qsizetype next : m_edges.at(node)) {
            if (m_state.at(next) == 1) {
                m_cycle = m_stack.mid(m_stack.indexOf(next));
                return true;
            }
            if (m_state.at(next) == 0 && visit(next)) {
                return true;
            }
        }
        m_stack.removeLast();
        m_state[node] = 2;
        return false;
    }

    QList<qsizetype> rotated() const
    {
        const auto first = std::min_element(m_cycle.begin(), m_cycle.end()) - m_cycle.begin();
        return m_cycle.mid(first) + m_cycle.mid(0, first);
    }

    const GatewayConfig &m_config;
    QHash<QString, qsizetype> m_index;
    QList<QList<qsizetype>> m_edges;
    QList<int> m_state; // 0 unvisited, 1 on the stack, 2 done
    QList<qsizetype> m_stack;
    QList<qsizetype> m_cycle;
};

} // namespace

bool ConfigValidator::validate(Reader &r, const GatewayConfig &config, const QJsonObject &root)
{
    QStringList providerIds;
    for (const ProviderSettings &p : config.providers) {
        providerIds.append(p.id);
    }
    QStringList modelIds;
    QSet<QString> scoreColumns = {QStringLiteral("cost"), QStringLiteral("latency"),
                                  QStringLiteral("ttft"), QStringLiteral("reliability")};
    for (const ModelSettings &m : config.models) {
        modelIds.append(m.id);
        for (auto it = m.scores.keyBegin(); it != m.scores.keyEnd(); ++it) {
            scoreColumns.insert(*it);
        }
    }
    QStringList routeNames;
    for (const RouteSettings &route : config.routes) {
        routeNames.append(route.name);
    }
    if (!checkUnique(r, providerIds, QStringLiteral("$.providers"), QStringLiteral("id"),
                     Tr::tr("provider id"))
        || !checkUnique(r, modelIds, QStringLiteral("$.models"), QStringLiteral("id"),
                        Tr::tr("model id"))
        || !checkUnique(r, routeNames, QStringLiteral("$.routes"), QStringLiteral("name"),
                        Tr::tr("route name"))) {
        return false;
    }
    for (qsizetype i = 0; i < config.models.size(); ++i) {
        const QString &provider = config.models.at(i).provider;
        if (!providerIds.contains(provider)) {
            return unknownName(r,
                               Reader::child(Reader::index(QStringLiteral("$.models"), i),
                                             QStringLiteral("provider")),
                               Tr::tr("provider"), provider, providerIds);
        }
    }
    const QStringList targets = modelIds + routeNames;
    QStringList columns = scoreColumns.values();
    columns.sort();
    for (qsizetype i = 0; i < config.routes.size(); ++i) {
        const RouteSettings &route = config.routes.at(i);
        if (modelIds.contains(route.name)) {
            return r.fail(Reader::child(routePath(i), QStringLiteral("name")),
                          Tr::tr("route name '%1' is already a model id").arg(route.name));
        }
        for (qsizetype j = 0; j < route.conditions.size(); ++j) {
            const QString whenPath = Reader::child(
                Reader::index(Reader::child(routePath(i), QStringLiteral("conditions")), j),
                QStringLiteral("when"));
            ConditionNode parsed;
            if (const std::optional<ConditionProblem> problem = ConditionSyntax::parse(
                    route.conditions.at(j).toObject().value(QLatin1String("when")), whenPath, parsed)) {
                return r.fail(problem->path, problem->problem);
            }
        }
        for (const Reference &ref : referencesOf(route, i, root)) {
            if (!targets.contains(ref.name)) {
                return unknownName(r, ref.path, Tr::tr("model or route"), ref.name, targets);
            }
        }
        for (auto it = route.weights.keyBegin(); it != route.weights.keyEnd(); ++it) {
            if (!scoreColumns.contains(*it)) {
                return r.fail(Reader::child(Reader::child(routePath(i), QStringLiteral("weights")),
                                            *it),
                              Tr::tr("'%1' is neither a model score nor a live metric "
                                     "(known: %2)")
                                  .arg(*it, columns.join(QStringLiteral(", "))));
            }
        }
    }
    const QList<qsizetype> cycle = CycleFinder(config, root).find();
    if (!cycle.isEmpty()) {
        QStringList names;
        for (qsizetype i : cycle) {
            names.append(config.routes.at(i).name);
        }
        names.append(names.first());
        return r.fail(routePath(cycle.first()),
                      Tr::tr("route cycle: %1").arg(names.join(QStringLiteral(" -> "))));
    }
    if (root.contains(QLatin1String("default_route")) && !targets.contains(config.defaultRoute)) {
        return unknownName(r, QStringLiteral("$.default_route"), Tr::tr("model or route"),
                           config.defaultRoute, targets);
    }
    return true;
}

} // namespace Switchyard::Config::Internal
