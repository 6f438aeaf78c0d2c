// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "tests/support/mockopenaiserver.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>

namespace Switchyard::Testing::Internal {

class MockHttpConnection;

/// Writes prepared SSE events one HTTP chunk each, paced by a timer, and applies the
/// mid-stream faults. A child of its connection, so it dies with it.
class MockStreamJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MockStreamJob)
public:
    /// Called with the exact body bytes written, once the stream ends or is cut.
    using Done = std::function<void(const QByteArray &)>;

    MockStreamJob(MockHttpConnection *connection, QList<QByteArray> events, int delayMs,
                  MockOpenAiServer::Fault fault, Done done);
    void start();

private:
    void step();
    void writeNext(bool flush);
    void finish();

    MockHttpConnection *m_connection;
    QList<QByteArray> m_events;
    MockOpenAiServer::Fault m_fault;
    Done m_done;
    QTimer m_timer;
    qsizetype m_index = 0;
    qsizetype m_limit = 0;
    QByteArray m_written;
};

} // namespace Switchyard::Testing::Internal
