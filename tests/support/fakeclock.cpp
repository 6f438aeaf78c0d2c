// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/support/fakeclock.h"

#include <QList>
#include <QTimeZone>

#include <algorithm>
#include <utility>

namespace Switchyard::Testing {

struct FakeClock::TimerState
{
    struct Entry
    {
        quint64 id = 0;
        qint64 dueMs = 0;
        std::function<void()> callback;
    };
    QList<Entry> entries;
    quint64 nextId = 1;

    void remove(quint64 id)
    {
        entries.removeIf([id](const Entry &e) { return e.id == id; });
    }
};

namespace {

class FakeScheduledCall final : public ScheduledCall
{
public:
    FakeScheduledCall(std::weak_ptr<FakeClock::TimerState> state, quint64 id)
        : m_state(std::move(state))
        , m_id(id)
    {
    }
    ~FakeScheduledCall() override
    {
        if (const auto state = m_state.lock()) {
            state->remove(m_id);
        }
    }

private:
    std::weak_ptr<FakeClock::TimerState> m_state;
    quint64 m_id;
};

} // namespace

FakeClock::FakeClock()
    : m_now(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc())
    , m_timers(std::make_shared<TimerState>())
{
}

FakeClock::FakeClock(const QDateTime &now)
    : m_now(now.toUTC())
    , m_timers(std::make_shared<TimerState>())
{
}

FakeClock::~FakeClock() = default;

QDateTime FakeClock::now() const
{
    return m_now;
}

qint64 FakeClock::monotonicMs() const
{
    return m_monotonicMs;
}

TimerHandle FakeClock::schedule(qint64 ms, std::function<void()> callback)
{
    const quint64 id = m_timers->nextId++;
    m_timers->entries.append({id, m_monotonicMs + std::max<qint64>(0, ms), std::move(callback)});
    return std::make_unique<FakeScheduledCall>(m_timers, id);
}

void FakeClock::advance(qint64 ms)
{
    const qint64 target = m_monotonicMs + std::max<qint64>(0, ms);
    for (;;) {
        // Earliest due first; among equals, the one scheduled first.
        auto &entries = m_timers->entries;
        auto next = std::min_element(entries.begin(), entries.end(),
                                     [](const TimerState::Entry &a, const TimerState::Entry &b) {
                                         return a.dueMs != b.dueMs ? a.dueMs < b.dueMs
                                                                   : a.id < b.id;
                                     });
        if (next == entries.end() || next->dueMs > target) {
            break;
        }
        const qint64 step = next->dueMs - m_monotonicMs;
        if (step > 0) {
            m_now = m_now.addMSecs(step);
            m_monotonicMs = next->dueMs;
        }
        std::function<void()> callback = std::move(next->callback);
        entries.erase(next);
        if (callback) {
            callback();
        }
    }
    m_now = m_now.addMSecs(target - m_monotonicMs);
    m_monotonicMs = target;
}

void FakeClock::setNow(const QDateTime &now)
{
    m_now = now.toUTC();
}

int FakeClock::pendingTimers() const
{
    return int(m_timers->entries.size());
}

qint64 FakeClock::msUntilNextTimer() const
{
    qint64 best = -1;
    for (const TimerState::Entry &entry : std::as_const(m_timers->entries)) {
        if (best < 0 || entry.dueMs < best) {
            best = entry.dueMs;
        }
    }
    return best < 0 ? -1 : best - m_monotonicMs;
}

} // namespace Switchyard::Testing
