// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/httptypes.h"
#include "core/common/timers.h"
#include "core/providers/http/upstreamclient.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>

namespace Switchyard::Providers {

/// One request/response on an UpstreamClient. Lives on the core thread.
///
/// Signals, in order: responseHead once, bodyData zero or more times (de-chunked, as it
/// arrives), then exactly one of finished or failed — unless abort() was called, after
/// which nothing is emitted. A request that fails on a reused keep-alive connection before
/// any response byte arrived is retried once on a fresh connection, invisibly.
class UpstreamExchange final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpstreamExchange)

public:
    enum class ErrorKind {
        ConnectionRefused, ///< nothing listens on the port
        ConnectionClosed,  ///< reset or closed by the peer before the response was complete
        HostNotFound,      ///< DNS lookup failed
        Tls,               ///< TLS handshake or certificate failure
        ConnectTimeout,
        FirstByteTimeout,  ///< no response head within firstByteTimeoutMs
        TotalTimeout,      ///< the response did not complete within totalTimeoutMs
        Protocol,          ///< malformed HTTP response
        InvalidRequest,    ///< bad URL or unsupported scheme
    };
    Q_ENUM(ErrorKind)

    ~UpstreamExchange() override;

    /// Stops the request and closes its connection; no signal is emitted afterwards.
    void abort();
    bool isDone() const { return m_done; }
    /// True once any byte of the response arrived.
    bool hasResponse() const { return m_gotResponse; }
    /// True when the (last) attempt ran on a pooled connection.
    bool reusedConnection() const { return m_reused; }
    static bool isTimeout(ErrorKind kind);

Q_SIGNALS:
    void responseHead(int status, const Switchyard::HttpHeaders &headers);
    void bodyData(const QByteArray &bytes);
    void finished();
    void failed(Switchyard::Providers::UpstreamExchange::ErrorKind kind, const QString &message);

private:
    friend class UpstreamClient;
    friend class Internal::UpstreamConnection;

    UpstreamExchange(UpstreamClient *client, const UpstreamRequestSpec &spec, QObject *parent);
    void start(bool forceNew);
    void fail(ErrorKind kind, const QString &message);
    void finishTimers();
    /// The first-byte and total timers, once per exchange (a retry keeps them).
    void armDeadlines();

    // Called by the connection serving this exchange.
    void handleConnected();
    void handleHead(int status, const HttpHeaders &headers);
    void handleBody(const QByteArray &bytes);
    void handleComplete();
    void handleError(ErrorKind kind, const QString &message, bool beforeAnyByte);

    QPointer<UpstreamClient> m_client;
    Internal::UpstreamConnection *m_connection = nullptr; ///< cleared by the connection
    QUrl m_url;
    QByteArray m_request; ///< serialised once, resent on retry
    bool m_isHead = false;
    int m_connectTimeoutMs = 0;
    int m_firstByteTimeoutMs = 0;
    int m_totalTimeoutMs = 0;
    ITimerSource *m_timers = nullptr; ///< the client's; outlives it
    TimerHandle m_connectTimer;
    TimerHandle m_firstByteTimer;
    TimerHandle m_totalTimer;
    bool m_done = false;
    bool m_reused = false;
    bool m_retried = false;
    bool m_gotResponse = false;
};

} // namespace Switchyard::Providers
