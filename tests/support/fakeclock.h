// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/clock.h"
#include "core/common/timers.h"

#include <QDateTime>

#include <memory>

namespace Switchyard::Testing {

/// A clock that only moves when told to. Starts at 2026-01-01T00:00:00Z, monotonic 0.
/// It is also a timer source: callbacks scheduled on it run from advance(), in due order,
/// with the clock set to each one's due time while it runs. Single-threaded.
class FakeClock final : public Switchyard::IClock, public Switchyard::ITimerSource
{
public:
    FakeClock();
    explicit FakeClock(const QDateTime &now);
    ~FakeClock() override;

    QDateTime now() const override;
    qint64 monotonicMs() const override;
    TimerHandle schedule(qint64 ms, std::function<void()> callback) override;

    /// Moves both the wall clock and the monotonic clock forward by `ms` (negative ignored),
    /// running every scheduled callback that falls due on the way (advance(0) runs those due
    /// now). Callbacks scheduled by a callback run too when they fall due within the step.
    void advance(qint64 ms);
    /// Sets the wall clock (UTC); the monotonic clock and the timers are unchanged.
    void setNow(const QDateTime &now);
    /// Callbacks scheduled and neither run nor cancelled yet.
    int pendingTimers() const;
    /// Monotonic ms until the next pending callback is due; -1 when none is pending.
    qint64 msUntilNextTimer() const;

    struct TimerState;

private:
    QDateTime m_now;
    qint64 m_monotonicMs = 0;
    std::shared_ptr<TimerState> m_timers;
};

} // namespace Switchyard::Testing
