// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/clock.h"

#include <QDateTime>

namespace Switchyard::Testing {

/// A clock that only moves when told to. Starts at 2026-01-01T00:00:00Z, monotonic 0.
class FakeClock final : public Switchyard::IClock
{
public:
    FakeClock();
    explicit FakeClock(const QDateTime &now);

    QDateTime now() const override;
    qint64 monotonicMs() const override;

    /// Moves both the wall clock and the monotonic clock forward by `ms` (negative ignored).
    void advance(qint64 ms);
    /// Sets the wall clock (UTC); the monotonic clock is unchanged.
    void setNow(const QDateTime &now);

private:
    QDateTime m_now;
    qint64 m_monotonicMs = 0;
};

} // namespace Switchyard::Testing
