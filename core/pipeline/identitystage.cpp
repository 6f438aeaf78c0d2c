// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/pipeline/identitystage.h"

#include "core/common/tr.h"

namespace Switchyard::Pipeline {

namespace {

StageResult unauthorized(const QString &code, const QString &message)
{
    return StageResult::respond(401, QStringLiteral("authentication_error"), code, message);
}

} // namespace

IdentityStage::IdentityStage(Keys::KeyRegistry *registry, Keys::RateLimiter *limiter,
                             Keys::PeerProcessResolver *peers)
    : m_registry(registry)
    , m_limiter(limiter)
    , m_peers(peers)
{
}

QByteArray IdentityStage::presentedCredential(const Exchange &exchange)
{
    const QByteArray authorization = headerValue(exchange.request.headers, "authorization").trimmed();
    if (authorization.size() > 7 && authorization.left(7).compare("bearer ", Qt::CaseInsensitive) == 0)
        return authorization.mid(7).trimmed();
    return headerValue(exchange.request.headers, "x-api-key").trimmed();
}

StageResult IdentityStage::onRequest(Exchange &exchange)
{
    if (exchange.app.isEmpty() && m_peers)
        exchange.app = m_peers->applicationFor(exchange.request.peerAddress, exchange.request.peerPort,
                                               exchange.request.localPort, exchange.request.connectionId);

    const QByteArray credential = presentedCredential(exchange);
    const bool requireKeys = exchange.config && exchange.config->server.requireKeys;
    if (!Keys::isVirtualKey(credential)) {
        // Other credentials (a client's placeholder OpenAI key) are ignored on loopback.
        if (!requireKeys)
            return StageResult::proceed();
        return unauthorized(QStringLiteral("missing_api_key"),
                            Tr::tr("this gateway requires a Switchyard key: send \"Authorization: Bearer sy-…\" "
                                   "or \"x-api-key: sy-…\" (issue one in the window or with "
                                   "\"switchyard-server keys issue\")"));
    }
    if (!m_registry)
        return unauthorized(QStringLiteral("invalid_api_key"), Tr::tr("virtual keys are not available"));

    // The secret is never echoed: messages name the key by id only.
    const Keys::KeyRegistry::Result found = m_registry->lookup(credential);
    if (found.status == Keys::KeyRegistry::Lookup::Unknown)
        return unauthorized(QStringLiteral("invalid_api_key"), Tr::tr("the Switchyard key is not valid"));
    const Keys::VirtualKey &key = found.key;
    if (found.status == Keys::KeyRegistry::Lookup::Revoked)
        return unauthorized(QStringLiteral("revoked_api_key"),
                            Tr::tr("the Switchyard key %1 was revoked at %2")
                                .arg(key.id, key.revokedAt.toString(Qt::ISODate)));

    exchange.keyId = key.id;
    if (!key.customer.isEmpty())
        exchange.customer = key.customer;
    if (!key.project.isEmpty())
        exchange.project = key.project;

    const QString asked = exchange.forcedRoute.isEmpty() ? exchange.requestedModel : exchange.forcedRoute;
    const QString effective = asked.isEmpty() && exchange.config ? exchange.config->defaultRoute : asked;
    if (!key.allowsModel(effective))
        return StageResult::respond(403, QStringLiteral("permission_error"), QStringLiteral("model_not_allowed"),
                                    Tr::tr("key %1 may not use '%2'; allowed: %3")
                                        .arg(key.id, effective, key.allowedModels.join(QLatin1String(", "))));

    if (!m_limiter)
        return StageResult::proceed();
    const qint64 estimate = exchange.estimatedPromptTokens
        + (exchange.expectedOutputTokens > 0 ? exchange.expectedOutputTokens : 0);
    const Keys::RateDecision rate = m_limiter->admit(key.id, key.limits, estimate);
    exchange.responseHeaders.append(rate.headers());
    if (!rate.allowed) {
        StageResult refused = StageResult::respond(
            429, QStringLiteral("rate_limit_error"), QStringLiteral("rate_limit_exceeded"),
            rate.exceeded == QLatin1String("requests")
                ? Tr::tr("key %1 is over its limit of %2 requests per minute; retry in %3")
                      .arg(key.id).arg(key.limits.requestsPerMinute)
                      .arg(QString::fromLatin1(Keys::RateLimiter::formatDuration(rate.retryAfterMs)))
                : Tr::tr("key %1 is over its limit of %2 tokens per minute; retry in %3")
                      .arg(key.id).arg(key.limits.tokensPerMinute)
                      .arg(QString::fromLatin1(Keys::RateLimiter::formatDuration(rate.retryAfterMs))));
        return refused; // the rate headers (incl. retry-after) are already on the exchange
    }
    if (key.limits.tokensPerMinute > 0) {
        exchange.onComplete.append([limiter = m_limiter, id = key.id, limits = key.limits, estimate](Exchange &ex) {
            if (ex.usage.known)
                limiter->correct(id, limits, estimate, ex.usage.totalTokens());
        });
    }
    return StageResult::proceed();
}

} // namespace Switchyard::Pipeline
