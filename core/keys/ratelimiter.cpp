// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/keys/ratelimiter.h"

#include <cmath>

namespace Switchyard::Keys {

namespace {

constexpr double kMinuteMs = 60'000.0;

// Milliseconds until `bucket` holds `wanted` more than now, at limit-per-minute.
qint64 msUntil(double level, double wanted, qint64 limit)
{
    if (level >= wanted || limit <= 0)
        return 0;
    return qint64(std::ceil((wanted - level) * kMinuteMs / double(limit)));
}

} // namespace

RateLimiter::RateLimiter(const IClock *clock)
    : m_clock(clock)
{
}

void RateLimiter::refill(Bucket &bucket, qint64 limit, qint64 nowMs) const
{
    if (bucket.level < 0) {
        bucket.level = double(limit);
    } else {
        const double elapsed = double(nowMs - bucket.updatedMs);
        bucket.level = std::min(double(limit), bucket.level + elapsed * double(limit) / kMinuteMs);
    }
    bucket.updatedMs = nowMs;
}

RateDecision RateLimiter::admit(const QString &key, const RateLimits &limits, qint64 estimatedTokens)
{
    RateDecision decision;
    decision.limits = limits;
    if (limits.requestsPerMinute <= 0 && limits.tokensPerMinute <= 0)
        return decision;
    const qint64 now = m_clock->monotonicMs();
    KeyState &state = m_state[key];
    if (limits.requestsPerMinute > 0)
        refill(state.requests, limits.requestsPerMinute, now);
    if (limits.tokensPerMinute > 0)
        refill(state.tokens, limits.tokensPerMinute, now);

    // A request larger than the whole per-minute token budget could never pass: let it take
    // the full bucket instead of refusing it forever.
    const double tokenCost = std::min(double(estimatedTokens), double(limits.tokensPerMinute));
    if (limits.requestsPerMinute > 0 && state.requests.level < 1) {
        decision.allowed = false;
        decision.exceeded = QStringLiteral("requests");
        decision.retryAfterMs = msUntil(state.requests.level, 1, limits.requestsPerMinute);
    } else if (limits.tokensPerMinute > 0 && state.tokens.level < tokenCost) {
        decision.allowed = false;
        decision.exceeded = QStringLiteral("tokens");
        decision.retryAfterMs = msUntil(state.tokens.level, tokenCost, limits.tokensPerMinute);
    } else {
        if (limits.requestsPerMinute > 0)
            state.requests.level -= 1;
        if (limits.tokensPerMinute > 0)
            state.tokens.level -= tokenCost;
    }
    decision.remainingRequests = qint64(std::floor(std::max(0.0, state.requests.level)));
    decision.remainingTokens = qint64(std::floor(std::max(0.0, state.tokens.level)));
    decision.resetRequestsMs = msUntil(state.requests.level, double(limits.requestsPerMinute), limits.requestsPerMinute);
    decision.resetTokensMs = msUntil(state.tokens.level, double(limits.tokensPerMinute), limits.tokensPerMinute);
    return decision;
}

void RateLimiter::correct(const QString &key, const RateLimits &limits, qint64 estimatedTokens, qint64 actualTokens)
{
    if (limits.tokensPerMinute <= 0)
        return;
    const auto it = m_state.find(key);
    if (it == m_state.end())
        return;
    refill(it->tokens, limits.tokensPerMinute, m_clock->monotonicMs());
    const double charged = std::min(double(estimatedTokens), double(limits.tokensPerMinute));
    // May go below zero: a request that used more than estimated delays the next ones.
    it->tokens.level = std::min(double(limits.tokensPerMinute), it->tokens.level + charged - double(actualTokens));
}

void RateLimiter::forget(const QString &key)
{
    m_state.remove(key);
}

QByteArray RateLimiter::formatDuration(qint64 ms)
{
    if (ms < 1000)
        return QByteArray::number(ms) + "ms";
    const qint64 seconds = (ms + 999) / 1000;
    if (seconds < 60)
        return QByteArray::number(seconds) + 's';
    return QByteArray::number(seconds / 60) + 'm' + QByteArray::number(seconds % 60) + 's';
}

HttpHeaders RateDecision::headers() const
{
    HttpHeaders out;
    if (limits.requestsPerMinute > 0) {
        out.append({"x-ratelimit-limit-requests", QByteArray::number(limits.requestsPerMinute)});
        out.append({"x-ratelimit-remaining-requests", QByteArray::number(remainingRequests)});
        out.append({"x-ratelimit-reset-requests", RateLimiter::formatDuration(resetRequestsMs)});
    }
    if (limits.tokensPerMinute > 0) {
        out.append({"x-ratelimit-limit-tokens", QByteArray::number(limits.tokensPerMinute)});
        out.append({"x-ratelimit-remaining-tokens", QByteArray::number(remainingTokens)});
        out.append({"x-ratelimit-reset-tokens", RateLimiter::formatDuration(resetTokensMs)});
    }
    if (!allowed) {
        out.append({"retry-after", QByteArray::number((retryAfterMs + 999) / 1000)});
        out.append({"retry-after-ms", QByteArray::number(retryAfterMs)});
    }
    return out;
}

} // namespace Switchyard::Keys
