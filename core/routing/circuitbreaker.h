// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace Switchyard {
class IClock;
}

namespace Switchyard::Routing {

/// Tunables of the per-provider circuit breaker.
struct CircuitBreakerSettings
{
    int consecutiveFailures = 5; ///< open after this many failures in a row
    int windowSize = 20;         ///< outcomes kept for the failure ratio
    int minWindowSamples = 10;   ///< the ratio rule needs at least this many outcomes
    double failureRatio = 0.5;   ///< open when failures / outcomes reaches this (0 disables)
    qint64 coolDownMs = 30'000;  ///< first Open → HalfOpen wait
    double backoffFactor = 2.0;  ///< each failed probe multiplies the cool-down
    qint64 maxCoolDownMs = 300'000;
    qint64 probeTimeoutMs = 120'000; ///< a probe that never reports frees the slot after this
};

enum class BreakerState {
    Closed,   ///< traffic flows; failures are counted
    Open,     ///< no traffic until the cool-down (or retry-after) ends
    HalfOpen, ///< one probe request is let through; its outcome closes or re-opens the circuit
};

/// Per-provider circuit breaker: Closed → Open after K consecutive failures or a failure ratio
/// over a window; Open → HalfOpen after a cool-down; HalfOpen lets one probe through; success
/// closes, failure re-opens with exponential backoff. A retry-after from a 429/503 opens the
/// circuit until then. Time comes from the injected clock. Not thread-safe: core thread only.
class CircuitBreaker final
{
public:
    /// `clock` is not owned and must outlive this object.
    explicit CircuitBreaker(const IClock &clock, CircuitBreakerSettings settings = {});

    /// May a request go to `provider` now? In HalfOpen the first call takes the probe slot
    /// (returns true) and later calls return false until the probe reports back.
    bool allow(const QString &provider);
    void onSuccess(const QString &provider);
    /// `retryAfterMs` > 0: the provider said when to come back (429/503 retry-after); the
    /// circuit opens at once and stays open at least that long (longer if the backoff says so).
    void onFailure(const QString &provider, qint64 retryAfterMs = -1);

    /// Current state; an Open circuit whose cool-down has passed reads as HalfOpen.
    BreakerState state(const QString &provider) const;
    /// Monotonic ms until which the circuit is open; 0 when it is not open.
    qint64 openUntilMs(const QString &provider) const;
    /// For decision records: "circuit open since 12:01:03 after 5 failures; half-opens in 12 s".
    QString reason(const QString &provider) const;

    void reset(const QString &provider);
    void setSettings(const CircuitBreakerSettings &settings);
    const CircuitBreakerSettings &settings() const { return m_settings; }

    static QString stateName(BreakerState state);

private:
    struct Entry
    {
        BreakerState state = BreakerState::Closed;
        int consecutive = 0;
        QList<bool> outcomes; ///< true = failure, newest last
        qint64 openedAtMs = 0;
        QDateTime openedAtWall;
        qint64 openUntilMs = 0;
        qint64 coolDownMs = 0; ///< the cool-down last used, for the backoff
        int failuresAtOpen = 0;
        bool byRetryAfter = false;
        bool afterProbe = false; ///< re-opened because a half-open probe failed
        bool probeInFlight = false;
        qint64 probeStartedMs = 0;
    };

    void open(Entry &e, qint64 coolDownMs, qint64 retryAfterMs, int failures);

    const IClock &m_clock;
    CircuitBreakerSettings m_settings;
    QHash<QString, Entry> m_entries;
};

} // namespace Switchyard::Routing
