// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/common/workerthread.h"

#include <QThread>

#include <utility>

namespace Switchyard {

WorkerThread::WorkerThread(QString threadName)
    : m_threadName(std::move(threadName))
{
}

WorkerThread::~WorkerThread()
{
    cancel();
    join();
}

bool WorkerThread::start(Job job)
{
    if (m_running)
        return false;
    join();
    m_running = true;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_thread.reset(QThread::create([cancel = m_cancel, job = std::move(job)] { job(cancel.get()); }));
    m_thread->setObjectName(m_threadName);
    m_thread->start();
    return true;
}

void WorkerThread::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void WorkerThread::join()
{
    if (m_thread) {
        m_thread->wait();
        m_thread.reset();
    }
}

} // namespace Switchyard
