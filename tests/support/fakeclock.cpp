// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/support/fakeclock.h"

#include <QTimeZone>

namespace Switchyard::Testing {

FakeClock::FakeClock()
    : m_now(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc())
{
}

FakeClock::FakeClock(const QDateTime &now)
    : m_now(now.toUTC())
{
}

QDateTime FakeClock::now() const
{
    return m_now;
}

qint64 FakeClock::monotonicMs() const
{
    return m_monotonicMs;
}

void FakeClock::advance(qint64 ms)
{
    if (ms <= 0)
        return;
    m_now = m_now.addMSecs(ms);
    m_monotonicMs += ms;
}

void FakeClock::setNow(const QDateTime &now)
{
    m_now = now.toUTC();
}

} // namespace Switchyard::Testing
