// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/common/clock.h"

#include <QElapsedTimer>

#include <chrono>

namespace Switchyard {

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

qint64 SystemClock::monotonicMs() const
{
    static const QElapsedTimer s_start = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return s_start.elapsed();
}

qint64 steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

SystemClock *SystemClock::instance()
{
    static SystemClock s_clock;
    return &s_clock;
}

} // namespace Switchyard
