// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/budget/budgetperiod.h"

namespace Switchyard::Budget {

namespace {

// Local midnight of `date`; when midnight does not exist (a DST jump at 00:00) Qt moves it
// forward to the first valid instant, which is the start of that day.
QDateTime startOfDay(const QDate &date, const QTimeZone &zone)
{
    return date.startOfDay(zone).toUTC();
}

} // namespace

PeriodWindow periodWindow(Config::BudgetSettings::Period period, const QDateTime &nowUtc,
                          const QTimeZone &zone)
{
    const QDate today = nowUtc.toTimeZone(zone).date();
    QDate first = today;
    QDate next = today.addDays(1);
    switch (period) {
    case Config::BudgetSettings::Period::Day:
        break;
    case Config::BudgetSettings::Period::Week:
        first = today.addDays(1 - today.dayOfWeek());
        next = first.addDays(7);
        break;
    case Config::BudgetSettings::Period::Month:
        first = QDate(today.year(), today.month(), 1);
        next = first.addMonths(1);
        break;
    }
    return {startOfDay(first, zone), startOfDay(next, zone)};
}

QTimeZone budgetZone(const Config::BudgetSettings &budget)
{
    if (!budget.timeZone.isEmpty()) {
        const QTimeZone zone(budget.timeZone.toUtf8());
        if (zone.isValid())
            return zone;
    }
    return QTimeZone::systemTimeZone();
}

} // namespace Switchyard::Budget
