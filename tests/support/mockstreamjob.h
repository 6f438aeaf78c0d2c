// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>

namespace Switchyard::Testing::Internal {

class MockHttpConnection;

/// Writes prepared stream events (one HTTP chunk each) on an already started chunked response,
/// paced by a timer, and optionally cuts the stream short. Shared by the OpenAI, Anthropic and
/// Gemini mocks. A child of its connection, so it dies with it; deletes itself when done.
class MockPacedStreamJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MockPacedStreamJob)
public:
    /// How the stream ends after a cut (see setCut()).
    enum class Ending {
        Complete,      ///< no cut: every event, then the terminating chunk
        Drop,          ///< close the connection without the terminating chunk
        TailThenClose, ///< write `tail`, then the terminating chunk, then close
    };

    /// Called with the exact body bytes written, once the stream ends or is cut.
    using Done = std::function<void(const QByteArray &)>;

    MockPacedStreamJob(MockHttpConnection *connection, QList<QByteArray> events, int delayMs,
                       Done done);
    /// Writes only the first `count` events (at least one), then ends as `ending` says.
    void setCut(qsizetype count, Ending ending, const QByteArray &tail = {});
    /// Holds the first event back this long after the headers (time to first token).
    void setFirstEventDelayMs(int ms) { m_firstEventDelayMs = qMax(0, ms); }
    void start();

private:
    void startEvents();
    void step();
    void writeNext(bool flush);
    void finish();

    MockHttpConnection *m_connection;
    QList<QByteArray> m_events;
    Done m_done;
    QTimer m_timer;
    Ending m_ending = Ending::Complete;
    QByteArray m_tail;
    qsizetype m_index = 0;
    qsizetype m_limit = 0;
    int m_firstEventDelayMs = 0;
    QByteArray m_written;
};

} // namespace Switchyard::Testing::Internal
