// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QList>
#include <QString>

namespace Switchyard::Config {

/// One entry of `budgets` (DESIGN §6), as validated by the config loader.
struct BudgetSettings
{
    enum class Scope { Global, Customer, Project, Key, App, Tag };
    enum class Period { Day, Week, Month };
    enum class Action { Block, Downgrade, Alert };

    QString name;
    Scope scope = Scope::Global;
    QString match;                 ///< the customer/project/key/app/tag it applies to; empty for global
    Period period = Period::Month; ///< calendar periods in `timeZone`
    double limitUsd = 0;
    QList<double> alerts;          ///< fractions of the limit, ascending, e.g. 0.5, 0.8, 1.0
    Action onLimit = Action::Block;
    double priceCapOutput = -1;    ///< downgrade: USD per 1M output tokens a model may cost at most
    QString timeZone;              ///< IANA id; empty = the machine's time zone
    QString webhook;               ///< optional http(s) URL alerts are POSTed to

    static QString scopeName(Scope scope);
    static QString periodName(Period period);
    static QString actionName(Action action);
};

} // namespace Switchyard::Config
