// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/server/irequesthandler.h"

#include <functional>

namespace Switchyard::Testing {

/// A ResponseWriter that records what reached the "client", for tests of the pipeline without
/// a socket.
class RecordingWriter final : public Server::ResponseWriter
{
public:
    void send(int status, const HttpHeaders &headers, const QByteArray &body) override
    {
        this->status = status;
        this->headers = headers;
        this->body = body;
        ended = true;
    }
    void startStream(int status, const HttpHeaders &headers) override
    {
        this->status = status;
        this->headers = headers;
        started = true;
    }
    void writeChunk(const QByteArray &data) override { body += data; }
    void finishStream() override { ended = true; }
    void abort() override { aborted = true; }
    bool isOpen() const override { return true; }
    bool hasStarted() const override { return started || ended; }
    qint64 pendingBytes() const override { return 0; }
    void setDisconnectHandler(std::function<void()> handler) override { onDisconnect = std::move(handler); }

    int status = 0;
    HttpHeaders headers;
    QByteArray body;
    bool started = false;
    bool ended = false;
    bool aborted = false;
    std::function<void()> onDisconnect;
};

} // namespace Switchyard::Testing
