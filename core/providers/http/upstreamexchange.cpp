// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/providers/http/upstreamexchange.h"

#include "core/common/tr.h"
#include "core/providers/http/upstreamconnection.h"


namespace Switchyard::Providers {

namespace {

bool isReservedHeader(const QByteArray &name)
{
    switch (name.size()) { // by length first: this runs for every header of every request
    case 4: return name.compare("host", Qt::CaseInsensitive) == 0;
    case 14: return name.compare("content-length", Qt::CaseInsensitive) == 0;
    case 10: return name.compare("connection", Qt::CaseInsensitive) == 0;
    case 17: return name.compare("transfer-encoding", Qt::CaseInsensitive) == 0;
    default: return false;
    }
}

/// The request target and Host header of \a url. A provider's requests all go to the same few
/// URLs, so the last one's are kept per thread: QUrl's accessors cost ~5 k instructions.
struct Target
{
    QUrl url;
    QByteArray path;
    QByteArray host;
};

const Target &targetOf(const QUrl &url)
{
    thread_local Target last;
    if (url == last.url && !last.host.isEmpty())
        return last;
    last.url = url;
    last.path = url.path(QUrl::FullyEncoded).toUtf8();
    if (last.path.isEmpty()) {
        last.path = QByteArrayLiteral("/");
    }
    if (url.hasQuery()) {
        last.path += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    }
    last.host = url.adjusted(QUrl::RemoveUserInfo).authority(QUrl::FullyEncoded).toUtf8();
    return last;
}

QByteArray serialise(const UpstreamRequestSpec &spec)
{
    const Target &target = targetOf(spec.url);
    QByteArray out;
    out.reserve(128 + target.path.size() + spec.body.size() + 64 * spec.headers.size());
    out += spec.method + ' ' + target.path + " HTTP/1.1\r\nHost: " + target.host + "\r\n";
    for (const auto &header : spec.headers) {
        if (!isReservedHeader(header.first)) {
            out += header.first + ": " + header.second + "\r\n";
        }
    }
    if (!spec.body.isEmpty() || spec.method == "POST" || spec.method == "PUT"
        || spec.method == "PATCH") {
        out += "Content-Length: " + QByteArray::number(spec.body.size()) + "\r\n";
    }
    out += "\r\n";
    out += spec.body;
    return out;
}

} // namespace

UpstreamExchange::UpstreamExchange(UpstreamClient *client, const UpstreamRequestSpec &spec,
                                   QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_url(spec.url)
    , m_request(serialise(spec))
    , m_isHead(spec.method == "HEAD")
    , m_connectTimeoutMs(spec.connectTimeoutMs)
    , m_firstByteTimeoutMs(spec.firstByteTimeoutMs)
    , m_totalTimeoutMs(spec.totalTimeoutMs)
    , m_timers(client->timerSource())
{
}

UpstreamExchange::~UpstreamExchange()
{
    abort();
}

bool UpstreamExchange::isTimeout(ErrorKind kind)
{
    return kind == ErrorKind::ConnectTimeout || kind == ErrorKind::FirstByteTimeout
           || kind == ErrorKind::TotalTimeout;
}

void UpstreamExchange::abort()
{
    if (m_done) {
        return;
    }
    m_done = true;
    finishTimers();
    if (m_connection) {
        m_connection->detach();
    }
}

void UpstreamExchange::start(bool forceNew)
{
    if (!m_client) {
        return;
    }
    Internal::UpstreamConnection *connection = m_client->acquire(m_url, forceNew, &m_reused);
    if (!m_reused && m_connectTimeoutMs > 0) {
        m_connectTimer = m_timers->schedule(m_connectTimeoutMs, [this] {
            fail(ErrorKind::ConnectTimeout, Tr::tr("Timed out connecting to the upstream"));
        });
    }
    connection->startRequest(this, m_request, m_isHead);
}

void UpstreamExchange::armDeadlines()
{
    if (m_done) {
        return;
    }
    if (m_firstByteTimeoutMs > 0) {
        m_firstByteTimer = m_timers->schedule(m_firstByteTimeoutMs, [this] {
            fail(ErrorKind::FirstByteTimeout,
                 Tr::tr("Timed out waiting for the upstream to start its response"));
        });
    }
    if (m_totalTimeoutMs > 0) {
        m_totalTimer = m_timers->schedule(m_totalTimeoutMs, [this] {
            fail(ErrorKind::TotalTimeout, Tr::tr("Timed out waiting for the upstream response"));
        });
    }
}

void UpstreamExchange::fail(ErrorKind kind, const QString &message)
{
    if (m_done) {
        return;
    }
    m_done = true;
    finishTimers();
    if (m_connection) {
        m_connection->detach();
    }
    Q_EMIT failed(kind, message);
}

void UpstreamExchange::finishTimers()
{
    m_connectTimer.reset();
    m_firstByteTimer.reset();
    m_totalTimer.reset();
}

void UpstreamExchange::handleConnected()
{
    m_connectTimer.reset();
}

void UpstreamExchange::handleHead(int status, const HttpHeaders &headers)
{
    m_gotResponse = true;
    m_firstByteTimer.reset();
    Q_EMIT responseHead(status, headers);
}

void UpstreamExchange::handleBody(const QByteArray &bytes)
{
    Q_EMIT bodyData(bytes);
}

void UpstreamExchange::handleComplete()
{
    if (m_done) {
        return;
    }
    m_done = true; // disarms the timers (fail() ignores them); they are destroyed with the
                   // exchange, after the reply went out, not on its way
    Q_EMIT finished();
}

void UpstreamExchange::handleError(ErrorKind kind, const QString &message, bool beforeAnyByte)
{
    if (m_done) {
        return;
    }
    // A pooled socket the server closed while idle: retry once on a fresh connection.
    if (m_reused && beforeAnyByte && !m_retried && kind == ErrorKind::ConnectionClosed) {
        m_retried = true;
        start(true);
        return;
    }
    fail(kind, message);
}

} // namespace Switchyard::Providers
