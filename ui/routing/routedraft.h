// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/config/gatewayconfig.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Switchyard::Ui {

/// One rule of a conditional route while it is edited: `when` is kept as the text the user
/// typed, so a half-written condition can be shown and flagged instead of lost.
struct RuleDraft
{
    QString whenText;
    QString then;
};

/// One route while it is edited in the Routing screen. `route` holds every strategy's fields;
/// only the current strategy's are saved, so switching strategy back and forth keeps them.
struct RouteDraft
{
    Config::RouteSettings route;
    QList<RuleDraft> rules; ///< conditional only; route.conditions is built from these

    static RouteDraft fromSettings(const Config::RouteSettings &route);
    /// The route as it will be saved: rules whose `when` is not a JSON object are left out
    /// (validate() reports them), and fields of other strategies are dropped.
    Config::RouteSettings toSettings() const;
};

/// What the Routing screen needs to know to check drafts: the model ids and the metric names a
/// score route may weight.
struct RoutingCatalog
{
    QStringList models;
    QStringList metrics;

    static RoutingCatalog fromConfig(const Config::GatewayConfig &config);
};

/// Parses a rule's `when` text. Returns an empty string when it is a JSON object, otherwise
/// the problem (syntax error with its position, or the wrong type).
QString whenProblem(const QString &text);

/// Checks every draft and the default route; each message names the route and the field,
/// e.g. "Route 'spread': weight of 'sim-fast' must be greater than 0". Empty when all is well.
/// Stops at no error: the list holds every problem found, in route order.
QStringList validateDrafts(const QList<RouteDraft> &drafts, const QString &defaultRoute,
                           const RoutingCatalog &catalog);

/// Names of the routes among `drafts` (other than `drafts[index]`) that refer to route `name`,
/// plus "default route" when `defaultRoute` is `name`.
QStringList referrersOf(const QList<RouteDraft> &drafts, const QString &name,
                        const QString &defaultRoute, qsizetype index);

} // namespace Switchyard::Ui
