// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/providers/http/upstreamclient.h"

#include "core/common/tr.h"
#include "core/providers/http/upstreamconnection.h"
#include "core/providers/http/upstreamexchange.h"
#include "core/providers/providermetatypes.h"

namespace Switchyard::Providers {

namespace {

QString poolKeyFor(const QUrl &url)
{
    const bool tls = url.scheme() == QLatin1String("https");
    return url.scheme() + QLatin1String("://") + url.host() + QLatin1Char(':')
           + QString::number(url.port(tls ? 443 : 80));
}

} // namespace

UpstreamClient::UpstreamClient(QObject *parent)
    : QObject(parent)
    , m_timers(SystemTimerSource::instance())
{
    registerProviderMetaTypes();
}

UpstreamClient::~UpstreamClient() = default;

UpstreamExchange *UpstreamClient::send(const UpstreamRequestSpec &spec, QObject *parent)
{
    auto *exchange = new UpstreamExchange(this, spec, parent);
    const QString scheme = spec.url.scheme();
    if (!spec.url.isValid() || spec.url.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        // Never emit from inside send(): the caller has not connected yet.
        QMetaObject::invokeMethod(
            exchange,
            [exchange] {
                exchange->fail(UpstreamExchange::ErrorKind::InvalidRequest,
                               Tr::tr("Unsupported upstream URL (only http and https work)"));
            },
            Qt::QueuedConnection);
        return exchange;
    }
    exchange->start(false);
    // After the request is written, where the upstream's latency hides the two timer objects.
    exchange->armDeadlines();
    return exchange;
}

void UpstreamClient::setTimerSource(ITimerSource *timers)
{
    m_timers = timers ? timers : SystemTimerSource::instance();
}

int UpstreamClient::idleConnectionCount() const
{
    int count = 0;
    for (const auto &list : m_idle) {
        count += int(list.size());
    }
    return count;
}

Internal::UpstreamConnection *UpstreamClient::acquire(const QUrl &url, bool forceNew,
                                                      bool *reused)
{
    const QString key = poolKeyFor(url);
    if (!forceNew) {
        auto it = m_idle.find(key);
        while (it != m_idle.end() && !it->isEmpty()) {
            Internal::UpstreamConnection *connection = it->takeLast();
            if (connection->isReusable()) {
                *reused = true;
                return connection;
            }
            connection->deleteLater();
        }
    }
    *reused = false;
    ++m_connectionsOpened;
    return new Internal::UpstreamConnection(this, key, url);
}

void UpstreamClient::release(Internal::UpstreamConnection *connection, bool keepAlive)
{
    QList<Internal::UpstreamConnection *> &idle = m_idle[connection->poolKey()];
    if (!keepAlive || idle.size() >= m_maxIdlePerHost) {
        discard(connection);
        return;
    }
    idle.append(connection);
    connection->setIdle(m_idleTimeoutMs);
}

void UpstreamClient::discard(Internal::UpstreamConnection *connection)
{
    auto it = m_idle.find(connection->poolKey());
    if (it != m_idle.end()) {
        it->removeOne(connection);
    }
    connection->deleteLater();
}

} // namespace Switchyard::Providers
