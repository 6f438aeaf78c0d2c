// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/routing/circuitbreaker.h"

#include "core/common/clock.h"
#include "core/common/tr.h"

#include <algorithm>
#include <cmath>

namespace Switchyard::Routing {

namespace {

qint64 secondsUntil(qint64 untilMs, qint64 nowMs)
{
    return std::max<qint64>(0, (untilMs - nowMs + 999) / 1000);
}

QString clockTime(const QDateTime &at)
{
    return at.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
}

} // namespace

CircuitBreaker::CircuitBreaker(const IClock &clock, CircuitBreakerSettings settings)
    : m_clock(clock)
{
    setSettings(settings);
}

void CircuitBreaker::setSettings(const CircuitBreakerSettings &settings)
{
    m_settings = settings;
    m_settings.consecutiveFailures = std::max(1, m_settings.consecutiveFailures);
    m_settings.windowSize = std::max(1, m_settings.windowSize);
    m_settings.minWindowSamples = std::clamp(m_settings.minWindowSamples, 1, m_settings.windowSize);
    m_settings.coolDownMs = std::max<qint64>(0, m_settings.coolDownMs);
    m_settings.maxCoolDownMs = std::max(m_settings.coolDownMs, m_settings.maxCoolDownMs);
    m_settings.backoffFactor = std::max(1.0, m_settings.backoffFactor);
}

bool CircuitBreaker::allow(const QString &provider)
{
    const auto it = m_entries.find(provider);
    if (it == m_entries.end()) {
        return true;
    }
    Entry &e = *it;
    const qint64 now = m_clock.monotonicMs();
    if (e.state == BreakerState::Open) {
        if (now < e.openUntilMs) {
            return false;
        }
        e.state = BreakerState::HalfOpen;
        e.probeInFlight = false;
    }
    if (e.state == BreakerState::HalfOpen) {
        // A probe that never reported (its attempt was cancelled) must not wedge the circuit.
        const bool probeLost = e.probeInFlight
                               && now - e.probeStartedMs >= m_settings.probeTimeoutMs;
        if (e.probeInFlight && !probeLost) {
            return false;
        }
        e.probeInFlight = true;
        e.probeStartedMs = now;
    }
    return true;
}

void CircuitBreaker::onSuccess(const QString &provider)
{
    Entry &e = m_entries[provider];
    const qint64 now = m_clock.monotonicMs();
    if (e.state == BreakerState::Open && now < e.openUntilMs) {
        // A request that started before the circuit opened; the cool-down still stands.
        return;
    }
    if (e.state != BreakerState::Closed) {
        e = Entry{};
        return;
    }
    e.consecutive = 0;
    e.outcomes.append(false);
    if (e.outcomes.size() > m_settings.windowSize) {
        e.outcomes.removeFirst();
    }
}

void CircuitBreaker::onFailure(const QString &provider, qint64 retryAfterMs)
{
    Entry &e = m_entries[provider];
    const qint64 now = m_clock.monotonicMs();
    const qint64 retryAfter = retryAfterMs > 0 ? retryAfterMs : 0;

    if (e.state == BreakerState::Open && now < e.openUntilMs) {
        if (retryAfter > 0 && now + retryAfter > e.openUntilMs) {
            e.openUntilMs = now + retryAfter;
            e.byRetryAfter = true;
        }
        return;
    }
    if (e.state != BreakerState::Closed) {
        // The half-open probe failed (or an expired Open saw a failure): back off further.
        const qint64 previous = std::max(e.coolDownMs, m_settings.coolDownMs);
        const double next = std::min(double(m_settings.maxCoolDownMs),
                                     double(previous) * m_settings.backoffFactor);
        const int failures = e.failuresAtOpen;
        open(e, qint64(std::llround(next)), retryAfter, failures);
        e.afterProbe = true;
        return;
    }

    ++e.consecutive;
    e.outcomes.append(true);
    if (e.outcomes.size() > m_settings.windowSize) {
        e.outcomes.removeFirst();
    }
    const int failed = int(std::count(e.outcomes.cbegin(), e.outcomes.cend(), true));
    const bool byCount = e.consecutive >= m_settings.consecutiveFailures;
    const bool byRatio = m_settings.failureRatio > 0
                         && e.outcomes.size() >= m_settings.minWindowSamples
                         && double(failed) / double(e.outcomes.size()) >= m_settings.failureRatio;
    if (byCount || byRatio) {
        open(e, m_settings.coolDownMs, retryAfter, byCount ? e.consecutive : failed);
    } else if (retryAfter > 0) {
        open(e, 0, retryAfter, e.consecutive);
    }
}

void CircuitBreaker::open(Entry &e, qint64 coolDownMs, qint64 retryAfterMs, int failures)
{
    const qint64 now = m_clock.monotonicMs();
    e.state = BreakerState::Open;
    e.coolDownMs = coolDownMs;
    e.byRetryAfter = retryAfterMs > coolDownMs;
    e.openUntilMs = now + std::max(coolDownMs, retryAfterMs);
    e.openedAtMs = now;
    e.openedAtWall = m_clock.now();
    e.failuresAtOpen = failures;
    e.afterProbe = false;
    e.probeInFlight = false;
    e.consecutive = 0;
    e.outcomes.clear();
}

BreakerState CircuitBreaker::state(const QString &provider) const
{
    const auto it = m_entries.constFind(provider);
    if (it == m_entries.constEnd()) {
        return BreakerState::Closed;
    }
    if (it->state == BreakerState::Open && m_clock.monotonicMs() >= it->openUntilMs) {
        return BreakerState::HalfOpen;
    }
    return it->state;
}

qint64 CircuitBreaker::openUntilMs(const QString &provider) const
{
    const auto it = m_entries.constFind(provider);
    return state(provider) == BreakerState::Open ? it->openUntilMs : 0;
}

QString CircuitBreaker::reason(const QString &provider) const
{
    const auto it = m_entries.constFind(provider);
    const qint64 now = m_clock.monotonicMs();
    switch (state(provider)) {
    case BreakerState::Closed:
        if (it == m_entries.constEnd() || it->consecutive == 0) {
            return Tr::tr("circuit closed");
        }
        return Tr::tr("circuit closed; %n consecutive failure(s)", nullptr, it->consecutive);
    case BreakerState::Open: {
        const QString since = clockTime(it->openedAtWall);
        const qint64 in = secondsUntil(it->openUntilMs, now);
        if (it->byRetryAfter) {
            return Tr::tr(
                       "circuit open since %1: provider asked to retry later; half-opens in %2 s")
                .arg(since)
                .arg(in);
        }
        if (it->afterProbe) {
            return Tr::tr(
                       "circuit open since %1 after a failed half-open probe; half-opens in %2 s")
                .arg(since)
                .arg(in);
        }
        return Tr::tr("circuit open since %1 after %2 failures; half-opens in %3 s")
            .arg(since)
            .arg(it->failuresAtOpen)
            .arg(in);
    }
    case BreakerState::HalfOpen:
        if (it->probeInFlight && now - it->probeStartedMs < m_settings.probeTimeoutMs
            && it->state == BreakerState::HalfOpen) {
            return Tr::tr("circuit half-open: a probe request is in flight");
        }
        return Tr::tr("circuit half-open: the next request is a probe");
    }
    return {};
}

void CircuitBreaker::reset(const QString &provider)
{
    m_entries.remove(provider);
}

QString CircuitBreaker::stateName(BreakerState state)
{
    switch (state) {
    case BreakerState::Closed: return QStringLiteral("closed");
    case BreakerState::Open: return QStringLiteral("open");
    case BreakerState::HalfOpen: return QStringLiteral("half_open");
    }
    return {};
}

} // namespace Switchyard::Routing
