// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/scores/routewinnersview.h"

#include "core/routing/scorer.h"
#include "ui/scores/scoresmodel.h"
#include "ui/tr.h"

#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace Switchyard::Ui {

namespace {

/// Expands route and model names into eligible models in the order the router would try
/// them (the router's rules, minus live health).
class Resolver
{
public:
    Resolver(const Config::GatewayConfig &config, const QMap<QString, double> &weights)
        : m_config(config)
        , m_weights(weights)
    {
    }

    QStringList expandRoute(const Config::RouteSettings &route)
    {
        QStringList out;
        QStringList stack{route.name};
        for (const QString &target : ordered(route)) {
            expandInto(target, out, stack);
        }
        return out;
    }

private:
    bool eligible(const Config::ModelSettings &model) const
    {
        const Config::ProviderSettings *provider = m_config.provider(model.provider);
        return provider && (provider->isSimulated() || !provider->apiKey.isEmpty());
    }

    QStringList ordered(const Config::RouteSettings &route) const
    {
        QStringList names;
        if (route.strategy == QLatin1String("score")) {
            QList<const Config::ModelSettings *> models;
            QStringList nested;
            for (const QString &candidate : route.candidates) {
                if (const Config::ModelSettings *model = m_config.model(candidate)) {
                    models.append(model);
                } else {
                    nested.append(candidate);
                }
            }
            names = Routing::score(models, m_weights, ScoresModel::referenceContext()).ranking();
            names.append(nested);
        } else if (route.strategy == QLatin1String("conditional")) {
            names.append(route.defaultTarget);
        } else {
            for (const Config::RouteTarget &target : route.targets) {
                names.append(target.name);
            }
        }
        return names;
    }

    void expandInto(const QString &name, QStringList &out, QStringList &stack)
    {
        if (const Config::ModelSettings *model = m_config.model(name)) {
            if (eligible(*model) && !out.contains(model->id)) {
                out.append(model->id);
            }
            return;
        }
        const Config::RouteSettings *route = m_config.route(name);
        if (!route || stack.contains(name)) {
            return; // unknown name or a cycle: the router reports those, we skip them
        }
        stack.append(name);
        for (const QString &target : ordered(*route)) {
            expandInto(target, out, stack);
        }
        stack.removeLast();
    }

    const Config::GatewayConfig &m_config;
    QMap<QString, double> m_weights;
};

} // namespace

RouteWinnersView::RouteWinnersView(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 4))
{
    m_table->setObjectName(QStringLiteral("routeWinnersTable"));
    m_table->setHorizontalHeaderLabels(
        {Tr::tr("Route"), Tr::tr("Strategy"), Tr::tr("Winner"), Tr::tr("Runner-up")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setToolTip(Tr::tr("What each route would pick first under these weights (without "
                               "live latency and provider health)"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
}

RouteWinnersView::~RouteWinnersView() = default;

void RouteWinnersView::setConfig(const Config::ConfigSnapshot &config)
{
    m_config = config;
    refresh();
}

void RouteWinnersView::setWeights(const QMap<QString, double> &weights)
{
    m_weights.clear();
    for (auto it = weights.constBegin(); it != weights.constEnd(); ++it) {
        if (std::isfinite(*it) && *it > 0) {
            m_weights.insert(it.key(), *it);
        }
    }
    refresh();
}

QString RouteWinnersView::winner(const QString &route) const
{
    for (const RouteWinner &w : m_winners) {
        if (w.route == route) {
            return w.winner;
        }
    }
    return {};
}

QList<RouteWinner> RouteWinnersView::compute(const Config::GatewayConfig &config,
                                             const QMap<QString, double> &weights)
{
    Resolver resolver(config, weights);
    QList<RouteWinner> out;
    for (const Config::RouteSettings &route : config.routes) {
        const QStringList models = resolver.expandRoute(route);
        out.append({route.name, route.strategy, models.value(0), models.value(1)});
    }
    return out;
}

void RouteWinnersView::refresh()
{
    m_winners = m_config ? compute(*m_config, m_weights) : QList<RouteWinner>();
    m_table->setRowCount(int(m_winners.size()));
    const QString none = Tr::tr("(none eligible)");
    for (int row = 0; row < m_winners.size(); ++row) {
        const RouteWinner &w = m_winners.at(row);
        const QStringList cells{w.route, w.strategy, w.winner.isEmpty() ? none : w.winner,
                                w.runnerUp.isEmpty() ? QStringLiteral("\u2014") : w.runnerUp};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = m_table->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                m_table->setItem(row, column, item);
            }
            item->setText(cells.at(column));
        }
    }
}

} // namespace Switchyard::Ui
