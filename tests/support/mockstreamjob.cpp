// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/support/mockstreamjob.h"

#include "tests/support/mockhttpconnection.h"

namespace Switchyard::Testing::Internal {

MockPacedStreamJob::MockPacedStreamJob(MockHttpConnection *connection, QList<QByteArray> events,
                                       int delayMs, Done done)
    : QObject(connection)
    , m_connection(connection)
    , m_events(std::move(events))
    , m_done(std::move(done))
    , m_limit(m_events.size())
{
    m_timer.setInterval(qMax(0, delayMs));
    connect(&m_timer, &QTimer::timeout, this, &MockPacedStreamJob::step);
}

void MockPacedStreamJob::setCut(qsizetype count, Ending ending, const QByteArray &tail)
{
    m_ending = ending;
    m_tail = tail;
    m_limit = ending == Ending::Complete ? m_events.size()
                                         : qBound<qsizetype>(1, count, m_events.size());
}

void MockPacedStreamJob::start()
{
    if (m_firstEventDelayMs > 0) {
        QTimer::singleShot(m_firstEventDelayMs, this, &MockPacedStreamJob::startEvents);
        return;
    }
    startEvents();
}

void MockPacedStreamJob::startEvents()
{
    if (m_timer.interval() <= 0) {
        // Produced all at once: one syscall for the lot, still one HTTP chunk per event.
        while (m_index < m_limit)
            writeNext(false);
        finish();
        return;
    }
    writeNext(true); // the first event goes out right after the headers
    if (m_index >= m_limit)
        finish();
    else
        m_timer.start();
}

void MockPacedStreamJob::step()
{
    if (m_index < m_limit)
        writeNext(true);
    if (m_index >= m_limit) {
        m_timer.stop();
        finish();
    }
}

void MockPacedStreamJob::writeNext(bool flush)
{
    const QByteArray &event = m_events.at(m_index++);
    m_written += event;
    m_connection->writeChunk(event, flush);
}

void MockPacedStreamJob::finish()
{
    switch (m_ending) {
    case Ending::Drop:
        m_done(m_written);
        m_connection->closeAfterWrite();
        break;
    case Ending::TailThenClose:
        m_written += m_tail;
        m_connection->writeChunk(m_tail);
        m_done(m_written);
        m_connection->endChunked(true);
        break;
    case Ending::Complete:
        m_done(m_written);
        m_connection->endChunked();
        break;
    }
    deleteLater();
}

} // namespace Switchyard::Testing::Internal
