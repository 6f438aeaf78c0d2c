// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace Switchyard {
class IClock;
}

namespace Switchyard::Routing {

/// Tunables of the live-metrics window, with defaults that suit a desktop gateway.
struct LiveMetricsSettings
{
    int maxSamples = 200;             ///< keep at most the last N samples per model
    qint64 windowMs = 10 * 60 * 1000; ///< and only those younger than T
    int minSamples = 5;               ///< below this, the prior is blended in
    double priorLatencyMs = 2000;     ///< assumed p50 of a whole request with no data
    double priorTtftMs = 800;         ///< assumed p50 time to first token with no data
    double priorSuccessRate = 0.95;   ///< assumed success rate with no data
};

/// One live figure and how much real traffic stands behind it.
struct MetricEstimate
{
    enum class Source {
        Observed, ///< at least minSamples samples in the window
        Blended,  ///< some samples, mixed with the prior in proportion to how many are missing
        Prior,    ///< no samples: the prior alone
    };
    double value = 0;
    int samples = 0; ///< samples behind the value (for latency/ttft: successful ones)
    Source source = Source::Prior;

    /// "observed over 37 samples", "prior blended with 2 samples", "prior (no traffic yet)".
    QString describe() const;
};

/// Per model, a window of real traffic (the last N samples, none older than T) giving the
/// `latency`, `ttft` and `reliability` columns of the scorer. Pure: time comes from the injected
/// clock (monotonic ms). Not thread-safe: lives on the core thread.
class LiveMetrics final
{
public:
    /// `clock` is not owned and must outlive this object.
    explicit LiveMetrics(const IClock &clock, LiveMetricsSettings settings = {});

    /// One finished attempt. `ttftMs` < 0 when unknown (non-streaming); latency and ttft of
    /// failed attempts are not used for the percentiles. `nowMs` is the clock's monotonicMs().
    void record(const QString &model, bool ok, qint64 latencyMs, qint64 ttftMs, qint64 nowMs);
    /// Same, stamped with the clock's current monotonic time.
    void record(const QString &model, bool ok, qint64 latencyMs, qint64 ttftMs = -1);

    MetricEstimate p50Latency(const QString &model) const;
    MetricEstimate p50Ttft(const QString &model) const;
    MetricEstimate successRate(const QString &model) const;

    /// Samples currently inside the window (ok and failed).
    int sampleCount(const QString &model) const;
    void clear();
    const LiveMetricsSettings &settings() const { return m_settings; }

private:
    struct Sample
    {
        qint64 atMs = 0;
        qint64 latencyMs = 0;
        qint64 ttftMs = -1;
        bool ok = false;
    };

    QList<Sample> window(const QString &model) const;
    MetricEstimate blend(double observed, int samples, double prior) const;

    const IClock &m_clock;
    LiveMetricsSettings m_settings;
    QHash<QString, QList<Sample>> m_samples;
};

} // namespace Switchyard::Routing
