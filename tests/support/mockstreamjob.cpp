// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/support/mockstreamjob.h"

#include "tests/support/mockhttpconnection.h"
#include "tests/support/mockopenaibodies.h"

namespace Switchyard::Testing::Internal {

namespace {
constexpr qsizetype s_eventsBeforeFault = 3; // role chunk + two content pieces
}

MockStreamJob::MockStreamJob(MockHttpConnection *connection, QList<QByteArray> events, int delayMs,
                             MockOpenAiServer::Fault fault, Done done)
    : QObject(connection)
    , m_connection(connection)
    , m_events(std::move(events))
    , m_fault(fault)
    , m_done(std::move(done))
{
    const bool cut = m_fault == MockOpenAiServer::Fault::DropMidStream
                     || m_fault == MockOpenAiServer::Fault::ErrorEventMidStream;
    // Never cut after the finish chunk: the fault must hide the end of the stream.
    m_limit = cut ? qMax<qsizetype>(1, qMin(s_eventsBeforeFault, m_events.size() - 3))
                  : m_events.size();
    m_timer.setInterval(delayMs);
    connect(&m_timer, &QTimer::timeout, this, &MockStreamJob::step);
}

void MockStreamJob::start()
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

void MockStreamJob::step()
{
    if (m_index < m_limit)
        writeNext(true);
    if (m_index >= m_limit) {
        m_timer.stop();
        finish();
    }
}

void MockStreamJob::writeNext(bool flush)
{
    const QByteArray &event = m_events.at(m_index++);
    m_written += event;
    m_connection->writeChunk(event, flush);
}

void MockStreamJob::finish()
{
    if (m_fault == MockOpenAiServer::Fault::DropMidStream) {
        m_done(m_written);
        m_connection->closeAfterWrite();
    } else if (m_fault == MockOpenAiServer::Fault::ErrorEventMidStream) {
        const QByteArray event =
            "data: "
            + errorBody(QStringLiteral("The server had an error while processing your request. "
                                       "Sorry about that!"),
                        "server_error", {})
            + "\n\n";
        m_written += event;
        m_connection->writeChunk(event);
        m_done(m_written);
        m_connection->endChunked(true);
    } else {
        m_done(m_written);
        m_connection->endChunked();
    }
    deleteLater();
}

} // namespace Switchyard::Testing::Internal
