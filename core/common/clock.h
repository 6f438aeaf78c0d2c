// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QDateTime>

namespace Switchyard {

/// Time source, injected so budgets, breakers and timeouts are testable without the wall clock.
class IClock
{
public:
    virtual ~IClock() = default;
    /// Wall-clock time (UTC) for timestamps in records.
    virtual QDateTime now() const = 0;
    /// Monotonic milliseconds for durations; never goes backwards.
    virtual qint64 monotonicMs() const = 0;
};

/// The real clock.
class SystemClock final : public IClock
{
public:
    QDateTime now() const override;
    qint64 monotonicMs() const override;
    static SystemClock *instance();
};

/// Process-wide steady clock in nanoseconds, for sub-millisecond latencies.
qint64 steadyNowNs();

} // namespace Switchyard
