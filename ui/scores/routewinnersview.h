// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/config/gatewayconfig.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QTableWidget;
QT_END_NAMESPACE

namespace Switchyard::Ui {

/// Who a route would pick first and second.
struct RouteWinner
{
    QString route;
    QString strategy;
    QString winner;   ///< empty: no eligible model
    QString runnerUp; ///< empty: none
};

/// A table of every route of the config with its winner and runner-up under the given
/// weights: score routes rank their candidates with Routing::score() and these weights;
/// fallback and loadbalance take their eligible targets in order; conditional its default.
/// Eligible means in the catalog with a usable provider (simulated, or one with a key).
/// No live metrics and no circuit breaker: the real router may still skip an unhealthy
/// provider. GUI thread only.
class RouteWinnersView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RouteWinnersView)
public:
    enum class Column { Route, Strategy, Winner, RunnerUp };

    explicit RouteWinnersView(QWidget *parent = nullptr);
    ~RouteWinnersView() override;

    void setConfig(const Config::ConfigSnapshot &config);
    /// Weights for every score route (zeros ignored); recomputes the table.
    void setWeights(const QMap<QString, double> &weights);

    QList<RouteWinner> winners() const { return m_winners; }
    /// The winner of `route`, or empty.
    QString winner(const QString &route) const;

    /// Pure: the winners of every route of `config` under `weights`.
    static QList<RouteWinner> compute(const Config::GatewayConfig &config,
                                      const QMap<QString, double> &weights);

private:
    void refresh();

    Config::ConfigSnapshot m_config;
    QMap<QString, double> m_weights;
    QList<RouteWinner> m_winners;
    QTableWidget *m_table = nullptr;
};

} // namespace Switchyard::Ui
