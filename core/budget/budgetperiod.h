// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/config/budgetsettings.h"

#include <QDateTime>
#include <QTimeZone>

namespace Switchyard::Budget {

/// One calendar period of a budget, as UTC instants: [start, end).
struct PeriodWindow
{
    QDateTime start;
    QDateTime end;

    bool contains(const QDateTime &utc) const { return utc >= start && utc < end; }
    bool operator==(const PeriodWindow &other) const = default;
};

/// The period containing `nowUtc`, on the calendar of `zone`: days start at local midnight,
/// weeks on Monday (ISO 8601), months on the 1st. Daylight-saving days are 23 or 25 hours long.
PeriodWindow periodWindow(Config::BudgetSettings::Period period, const QDateTime &nowUtc,
                          const QTimeZone &zone);

/// The budget's zone: its `time_zone`, else the machine's.
QTimeZone budgetZone(const Config::BudgetSettings &budget);

} // namespace Switchyard::Budget
