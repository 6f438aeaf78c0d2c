// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/common/timers.h"

#include <QBasicTimer>
#include <QObject>
#include <QTimerEvent>

#include <algorithm>
#include <limits>
#include <utility>

namespace Switchyard {

namespace {

/// Owns the QBasicTimer; lives on the thread that scheduled it.
class TimerObject final : public QObject
{
public:
    TimerObject(qint64 ms, std::function<void()> callback)
        : m_callback(std::move(callback))
    {
        const qint64 clamped = std::clamp<qint64>(ms, 0, std::numeric_limits<int>::max());
        m_timer.start(int(clamped), Qt::PreciseTimer, this);
    }

    bool isFiring() const { return m_firing; }

    void cancel()
    {
        m_timer.stop();
        m_callback = nullptr;
    }

protected:
    void timerEvent(QTimerEvent *event) override
    {
        if (event->timerId() != m_timer.timerId()) {
            QObject::timerEvent(event);
            return;
        }
        m_timer.stop();
        std::function<void()> callback = std::exchange(m_callback, nullptr);
        if (callback) {
            m_firing = true;
            callback(); // may destroy the handle: see ~QtScheduledCall
            m_firing = false;
        }
    }

private:
    QBasicTimer m_timer;
    std::function<void()> m_callback;
    bool m_firing = false;
};

class QtScheduledCall final : public ScheduledCall
{
public:
    explicit QtScheduledCall(TimerObject *object)
        : m_object(object)
    {
    }

    ~QtScheduledCall() override
    {
        m_object->cancel();
        // A handle destroyed by its own callback must not delete the object whose
        // timerEvent is still on the stack.
        if (m_object->isFiring()) {
            m_object->deleteLater();
        } else {
            delete m_object;
        }
    }

private:
    TimerObject *m_object;
};

} // namespace

EndOfPassCall::EndOfPassCall(std::function<void()> callback, QObject *parent)
    : QObject(parent)
    , m_callback(std::move(callback))
{
}

void EndOfPassCall::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    m_timer.stop();
    m_callback();
}

TimerHandle SystemTimerSource::schedule(qint64 ms, std::function<void()> callback)
{
    return std::make_unique<QtScheduledCall>(new TimerObject(ms, std::move(callback)));
}

SystemTimerSource *SystemTimerSource::instance()
{
    static SystemTimerSource s_source;
    return &s_source;
}

} // namespace Switchyard
