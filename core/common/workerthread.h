// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace Switchyard {

/// One cancellable job at a time on a thread of its own: the long reads behind the window
/// (replays, reports, budget curves). The owner posts the job's results back to itself and
/// calls finished() when it takes them, which allows the next start(). The destructor cancels
/// and joins a running job; declare it last in the owner so it goes first.
class WorkerThread final
{
    Q_DISABLE_COPY_MOVE(WorkerThread)
public:
    /// The job; it should return soon after `*cancel` becomes true.
    using Job = std::function<void(const std::atomic_bool *cancel)>;

    explicit WorkerThread(QString threadName);
    ~WorkerThread();

    /// False (nothing started) while a job runs or its results are not taken yet.
    bool start(Job job);
    void cancel();
    /// The owner took the job's results.
    void finished() { m_running = false; }
    bool isRunning() const { return m_running; }

private:
    void join();

    QString m_threadName;
    std::unique_ptr<QThread> m_thread;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_running = false;
};

} // namespace Switchyard
