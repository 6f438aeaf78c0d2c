// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace Switchyard::Testing {

/// An OpenAI-shaped upstream on 127.0.0.1:0 that answers, or stalls at a chosen point, for
/// timeout tests on a fake timer source: nothing here ever waits on the wall clock. It does
/// not parse bodies; a request counts once its header block arrived. Test thread only.
class StallingUpstream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StallingUpstream)

public:
    enum class Mode {
        Answer,      ///< a complete reply: JSON, or a stream with content, usage and [DONE]
        Silent,      ///< reads the request, never answers
        HeadersOnly, ///< a 200 head (stream: chunked event-stream; else a Content-Length), no body
        RoleChunk,   ///< stream: the head and one role-only chunk, then nothing
    };
    Q_ENUM(Mode)

    explicit StallingUpstream(QObject *parent = nullptr);
    ~StallingUpstream() override;

    bool listen();
    /// http://127.0.0.1:<port>/v1
    QString baseUrl() const;
    void setMode(Mode mode) { m_mode = mode; }
    int requestCount() const { return m_requests; }

Q_SIGNALS:
    void requestReceived();

private:
    void onConnection();
    void onReadyRead(QTcpSocket *socket);

    QTcpServer m_server;
    QList<QPointer<QTcpSocket>> m_sockets;
    Mode m_mode = Mode::Answer;
    int m_requests = 0;
};

} // namespace Switchyard::Testing
