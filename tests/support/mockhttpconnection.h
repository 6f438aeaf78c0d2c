// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/httptypes.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>

class QTcpSocket;

namespace Switchyard::Testing::Internal {

struct MockHttpRequest
{
    QByteArray method;
    QByteArray path;
    HttpHeaders headers;
    QByteArray body;
    bool keepAlive = true;
    QElapsedTimer received; ///< started when the request was complete
};

/// One accepted connection of the mock servers: parses HTTP/1.1 requests (Content-Length or
/// chunked bodies, keep-alive, pipelining handled one request at a time) and writes responses.
/// Owns its socket and deletes itself when the peer goes away.
class MockHttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MockHttpConnection)
public:
    explicit MockHttpConnection(QTcpSocket *socket, QObject *parent = nullptr);
    ~MockHttpConnection() override;

    /// Writes a whole response with Content-Length and completes the exchange.
    void writeResponse(int status, const HttpHeaders &headers, const QByteArray &body);
    /// Writes headers only (with Content-Length) and `partial` body bytes, then closes.
    void writeTruncated(int status, const HttpHeaders &headers, const QByteArray &partial,
                        qsizetype announcedLength);
    /// Starts a Transfer-Encoding: chunked response.
    void beginChunked(int status, const HttpHeaders &headers);
    /// One HTTP chunk; flushed to the kernel right away unless `flush` is false.
    void writeChunk(const QByteArray &data, bool flush = true);
    /// Terminating chunk; completes the exchange (and closes when `close`).
    void endChunked(bool close = false);
    /// Closes after pending bytes are written, without completing the exchange.
    void closeAfterWrite();
    bool isOpen() const;
    /// A request is being answered (or hangs).
    bool isBusy() const { return m_busy; }

    static QByteArray reasonPhrase(int status);

Q_SIGNALS:
    /// A complete request arrived; the receiver must eventually answer it or close.
    void requestReceived(const Switchyard::Testing::Internal::MockHttpRequest &request);

private:
    void onReadyRead();
    void processBuffer();
    /// Returns 1 when a request was parsed, 0 when more bytes are needed, -1 on a bad request.
    int parseOne();
    bool decodeChunkedBody(qsizetype from, QByteArray *body, qsizetype *consumed) const;
    void completeExchange(bool close);
    void failBadRequest(int status);
    QByteArray statusAndHeaders(int status, const HttpHeaders &headers) const;

    QTcpSocket *m_socket;
    QByteArray m_buffer;
    MockHttpRequest m_request;
    bool m_busy = false;
    bool m_processing = false;
    bool m_sentContinue = false;
};

} // namespace Switchyard::Testing::Internal
