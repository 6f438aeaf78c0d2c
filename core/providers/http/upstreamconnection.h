// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/httptypes.h"
#include "core/net/tcpstream.h"
#include "core/providers/http/upstreamexchange.h"

#include <QAbstractSocket>
#include <QBasicTimer>
#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

#include <http_parser.h>

class QHostInfo;
class QSslSocket;

namespace Switchyard::Providers::Internal {

/// One keep-alive socket to an upstream, serving one UpstreamExchange at a time: a
/// Net::TcpStream for http (the host resolved with QHostInfo unless it is an address, each
/// address tried in turn), a QSslSocket for https.
/// Owned by UpstreamClient and only ever deleted with deleteLater(), so it survives
/// whatever the exchange's receivers do while it delivers a response.
class UpstreamConnection final : public QObject, private Net::TcpStreamHandler
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpstreamConnection)

public:
    UpstreamConnection(UpstreamClient *client, const QString &poolKey, const QUrl &url);
    ~UpstreamConnection() override;

    const QString &poolKey() const { return m_poolKey; }
    /// Connected, idle and with no unexpected bytes or EOF pending.
    bool isReusable() const;
    /// Sends `request` for `exchange` (now, or once connected).
    void startRequest(UpstreamExchange *exchange, const QByteArray &request, bool isHead);
    /// The exchange gave up (abort/timeout): close the socket, it is mid-response.
    void detach();
    void setIdle(int idleTimeoutMs);

    // http_parser callbacks.
    int onHeaderField(const char *at, size_t length);
    int onHeaderValue(const char *at, size_t length);
    int onHeadersComplete();
    int onBody(const char *at, size_t length);
    int onMessageComplete();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    // Net::TcpStreamHandler (plain http)
    void streamConnected(Net::TcpStream *stream) override;
    void streamData(Net::TcpStream *stream, QByteArrayView data) override;
    void streamClosed(Net::TcpStream *stream) override;

    void onResolved(const QHostInfo &info);
    void connectNextAddress();
    void send(const QByteArray &bytes);
    void abortSocket();
    void onConnected();
    void onData(QByteArrayView data);
    void onTlsReadyRead();
    void onSocketError(QAbstractSocket::SocketError error);
    void onEof();
    void parse(const char *data, qsizetype size);
    void failConnect(UpstreamExchange::ErrorKind kind, const QString &message);
    void deliver();
    void failExchange(UpstreamExchange::ErrorKind kind, const QString &message);
    UpstreamExchange *takeExchange();

    UpstreamClient *m_client;
    QString m_poolKey;
    Net::TcpStream *m_stream = nullptr; ///< http
    QSslSocket *m_tls = nullptr;          ///< https
    QList<QHostAddress> m_addresses;      ///< http: the ones still to try
    quint16 m_port = 0;
    bool m_ready = false;  ///< connected (and encrypted for https)
    bool m_closed = false; ///< EOF or error seen; never reused
    QBasicTimer m_idleTimer;

    UpstreamExchange *m_exchange = nullptr;
    QByteArray m_pendingWrite;
    http_parser m_parser{};
    bool m_isHead = false;
    bool m_gotBytes = false;
    // Per-response parse state, collected during http_parser_execute and delivered after it,
    // so no receiver runs while the parser is on the stack.
    HttpHeaders m_headers;
    bool m_lastWasValue = false;
    bool m_headReady = false;
    bool m_informational = false;
    bool m_complete = false;
    bool m_headDelivered = false;
    int m_status = 0;
    QByteArray m_bodyBatch;
};

} // namespace Switchyard::Providers::Internal
