// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QtGlobal>

#include <functional>
#include <memory>

namespace Switchyard {

/// A pending one-shot callback from an ITimerSource. Destroying it cancels the callback if it
/// has not run yet; after it ran, it is inert. The callback may destroy its own handle.
class ScheduledCall
{
public:
    virtual ~ScheduledCall() = default;
};

using TimerHandle = std::unique_ptr<ScheduledCall>;

/// Where timeouts come from, injected next to IClock so request timeouts and breakers are
/// testable without the wall clock (see Testing::FakeClock, which fires its callbacks when it
/// is advanced). Not thread-safe: schedule and cancel on one thread.
class ITimerSource
{
public:
    virtual ~ITimerSource() = default;
    /// Runs `callback` once, `ms` (≥ 0) from now, on the calling thread. Never runs it from
    /// inside schedule().
    [[nodiscard]] virtual TimerHandle schedule(qint64 ms, std::function<void()> callback) = 0;
};

/// The real source: a precise QBasicTimer on the calling thread's event loop.
class SystemTimerSource final : public ITimerSource
{
public:
    TimerHandle schedule(qint64 ms, std::function<void()> callback) override;
    /// Process-wide instance; usable from any thread (each timer lives on its caller's).
    static SystemTimerSource *instance();
};

} // namespace Switchyard
