// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/clock.h"
#include "core/common/httptypes.h"

#include <QHash>
#include <QString>

namespace Switchyard::Keys {

/// Per-key limits; 0 means unlimited.
struct RateLimits
{
    qint64 requestsPerMinute = 0;
    qint64 tokensPerMinute = 0;
};

/// The answer for one request, with what the OpenAI-style x-ratelimit-* headers report.
struct RateDecision
{
    bool allowed = true;
    QString exceeded;         ///< "requests" or "tokens" when refused
    qint64 retryAfterMs = 0;  ///< when refused: until enough capacity is back
    RateLimits limits;
    qint64 remainingRequests = 0;
    qint64 remainingTokens = 0;
    qint64 resetRequestsMs = 0; ///< until the request bucket is full again
    qint64 resetTokensMs = 0;

    /// x-ratelimit-limit-requests, -remaining-requests, -reset-requests, and the -tokens
    /// trio, for the limits that are set; plus retry-after(-ms) when refused.
    HttpHeaders headers() const;
};

/// Token buckets per key: each refills continuously at its per-minute rate up to the limit,
/// as OpenAI's limits do. Tokens are charged at admission from an estimate and corrected
/// with the real count afterwards. Single-threaded (core thread); time from the clock.
class RateLimiter final
{
public:
    explicit RateLimiter(const IClock *clock);

    RateDecision admit(const QString &key, const RateLimits &limits, qint64 estimatedTokens);
    /// Replaces the estimate charged at admission by the tokens actually used.
    void correct(const QString &key, const RateLimits &limits, qint64 estimatedTokens, qint64 actualTokens);
    void forget(const QString &key);

    /// "1s", "6m0s", "20ms": the duration format of OpenAI's reset headers.
    static QByteArray formatDuration(qint64 ms);

private:
    struct Bucket
    {
        double level = -1; ///< < 0: not yet created (starts full)
        qint64 updatedMs = 0;
    };
    struct KeyState
    {
        Bucket requests;
        Bucket tokens;
    };
    void refill(Bucket &bucket, qint64 limit, qint64 nowMs) const;

    const IClock *m_clock;
    QHash<QString, KeyState> m_state;
};

} // namespace Switchyard::Keys
