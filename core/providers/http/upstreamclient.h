// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/httptypes.h"
#include "core/common/timers.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

namespace Switchyard::Providers {

class UpstreamExchange;

namespace Internal {
class UpstreamConnection;
}

/// One HTTP/1.1 request to an upstream.
struct UpstreamRequestSpec
{
    QUrl url; ///< http:// or https://; path and query are sent as given
    QByteArray method = QByteArrayLiteral("POST");
    HttpHeaders headers; ///< Host, Content-Length and Connection are set by the client
    QByteArray body;
    int connectTimeoutMs = 10'000;   ///< TCP (+TLS) connect; 0 disables
    int firstByteTimeoutMs = 60'000; ///< from send() until the response head arrived; 0 disables
    int totalTimeoutMs = 600'000;    ///< from send() until the body is complete; 0 disables
};

/// HTTP/1.1 client over QTcpSocket/QSslSocket with a keep-alive pool per scheme+host+port.
/// Replaces QNetworkAccessManager on the hot path: no thread hop, no 6-connection cap,
/// TCP_NODELAY on every socket, responses parsed with http_parser.
///
/// Lives on the core thread; one instance is shared by all providers. Not thread-safe.
/// Idle connections are reused (most recent first), at most maxIdlePerHost are kept per
/// host, and idle ones are closed after idleTimeoutMs.
class UpstreamClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpstreamClient)

public:
    explicit UpstreamClient(QObject *parent = nullptr);
    ~UpstreamClient() override;

    /// Starts a request. The exchange is parented to `parent` (deleting it aborts the
    /// request). Its signals are never emitted from inside send().
    UpstreamExchange *send(const UpstreamRequestSpec &spec, QObject *parent);

    void setMaxIdlePerHost(int count) { m_maxIdlePerHost = count; }
    void setIdleTimeoutMs(int ms) { m_idleTimeoutMs = ms; }
    /// Where the connect / first-byte / total timeouts of new exchanges (and the first-token
    /// timeout of calls using this client) come from. Default: SystemTimerSource. Not owned;
    /// must outlive the client. Null restores the default.
    void setTimerSource(ITimerSource *timers);
    ITimerSource *timerSource() const { return m_timers; }
    /// Idle pooled connections, all hosts.
    int idleConnectionCount() const;
    /// Connections opened since construction (for tests and stats).
    quint64 connectionsOpened() const { return m_connectionsOpened; }

private:
    friend class UpstreamExchange;
    friend class Internal::UpstreamConnection;

    /// An idle connection for `url` when one is usable and !forceNew, else a new one
    /// (connecting). `reused` tells which.
    Internal::UpstreamConnection *acquire(const QUrl &url, bool forceNew, bool *reused);
    /// The connection finished a response; pool it when `keepAlive`, else close it.
    void release(Internal::UpstreamConnection *connection, bool keepAlive);
    /// Closes and forgets a connection (idle timeout, peer closed, error, abort).
    void discard(Internal::UpstreamConnection *connection);

    QHash<QString, QList<Internal::UpstreamConnection *>> m_idle;
    int m_maxIdlePerHost = 64;
    int m_idleTimeoutMs = 30'000;
    quint64 m_connectionsOpened = 0;
    ITimerSource *m_timers;
};

} // namespace Switchyard::Providers
