// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/config/budgetsettings.h"

#include <QJsonArray>
#include <QList>
#include <QString>

namespace Switchyard::Config::Internal {

class ConfigReader;

/// Reads and checks the `budgets` array: types, ranges, enums, unique names, a match for
/// every scope but global, a price cap for downgrade, a known time zone.
bool parseBudgets(ConfigReader &r, const QJsonArray &array, const QString &path,
                  QList<BudgetSettings> &out);

} // namespace Switchyard::Config::Internal
