// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QBasicTimer>
#include <QObject>
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

/// Runs a callback once at the end of the current event-loop pass (after the pass's socket
/// notifiers; the next pass when requested from a timer's callback), however often it is
/// requested before then. A zero-interval QBasicTimer costs no system call, where a queued call
/// or deleteLater() costs an eventfd write and read: the request path batches with this. Use
/// it on its parent's thread only.
class EndOfPassCall final : public QObject
{
public:
    EndOfPassCall(std::function<void()> callback, QObject *parent);

    void request()
    {
        if (!m_timer.isActive())
            m_timer.start(0, Qt::PreciseTimer, this);
    }
    /// Drops a pending request (the owner did the work early).
    void cancel() { m_timer.stop(); }

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    std::function<void()> m_callback;
    QBasicTimer m_timer;
};

} // namespace Switchyard
