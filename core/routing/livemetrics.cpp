// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/routing/livemetrics.h"

#include "core/common/clock.h"
#include "core/common/tr.h"

#include <algorithm>

namespace Switchyard::Routing {

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    if (n % 2 == 1) {
        return values.at(n / 2);
    }
    return (values.at(n / 2 - 1) + values.at(n / 2)) / 2.0;
}

} // namespace

QString MetricEstimate::describe() const
{
    switch (source) {
    case Source::Observed: return Tr::tr("observed over %n sample(s)", nullptr, samples);
    case Source::Blended: return Tr::tr("prior blended with %n sample(s)", nullptr, samples);
    case Source::Prior: break;
    }
    return Tr::tr("prior (no traffic yet)");
}

LiveMetrics::LiveMetrics(const IClock &clock, LiveMetricsSettings settings)
    : m_clock(clock)
    , m_settings(settings)
{
    m_settings.maxSamples = std::max(1, m_settings.maxSamples);
    m_settings.minSamples = std::max(1, m_settings.minSamples);
}

void LiveMetrics::record(const QString &model, bool ok, qint64 latencyMs, qint64 ttftMs,
                         qint64 nowMs)
{
    QList<Sample> &samples = m_samples[model];
    samples.append(Sample{nowMs, std::max<qint64>(0, latencyMs), ttftMs, ok});
    // Prune here so memory stays bounded even for models that are never queried.
    const qint64 oldest = nowMs - m_settings.windowMs;
    qsizetype drop = 0;
    while (drop < samples.size() && samples.at(drop).atMs < oldest) {
        ++drop;
    }
    drop = std::max(drop, samples.size() - m_settings.maxSamples);
    if (drop > 0) {
        samples.remove(0, drop);
    }
}

void LiveMetrics::record(const QString &model, bool ok, qint64 latencyMs, qint64 ttftMs)
{
    record(model, ok, latencyMs, ttftMs, m_clock.monotonicMs());
}

QList<LiveMetrics::Sample> LiveMetrics::window(const QString &model) const
{
    QList<Sample> out;
    const auto it = m_samples.constFind(model);
    if (it == m_samples.constEnd()) {
        return out;
    }
    const qint64 oldest = m_clock.monotonicMs() - m_settings.windowMs;
    for (const Sample &s : *it) {
        if (s.atMs >= oldest) {
            out.append(s);
        }
    }
    return out;
}

MetricEstimate LiveMetrics::blend(double observed, int samples, double prior) const
{
    MetricEstimate e;
    e.samples = samples;
    if (samples <= 0) {
        e.value = prior;
        e.source = MetricEstimate::Source::Prior;
    } else if (samples < m_settings.minSamples) {
        // Shrink toward the prior: with 1 of 5 samples the prior still weighs 4/5.
        const int missing = m_settings.minSamples - samples;
        e.value = (observed * samples + prior * missing) / m_settings.minSamples;
        e.source = MetricEstimate::Source::Blended;
    } else {
        e.value = observed;
        e.source = MetricEstimate::Source::Observed;
    }
    return e;
}

MetricEstimate LiveMetrics::p50Latency(const QString &model) const
{
    QList<double> values;
    for (const Sample &s : window(model)) {
        if (s.ok) {
            values.append(double(s.latencyMs));
        }
    }
    const double observed = values.isEmpty() ? 0 : median(values);
    return blend(observed, int(values.size()), m_settings.priorLatencyMs);
}

MetricEstimate LiveMetrics::p50Ttft(const QString &model) const
{
    QList<double> values;
    for (const Sample &s : window(model)) {
        if (s.ok && s.ttftMs >= 0) {
            values.append(double(s.ttftMs));
        }
    }
    const double observed = values.isEmpty() ? 0 : median(values);
    return blend(observed, int(values.size()), m_settings.priorTtftMs);
}

MetricEstimate LiveMetrics::successRate(const QString &model) const
{
    const QList<Sample> samples = window(model);
    int ok = 0;
    for (const Sample &s : samples) {
        ok += s.ok ? 1 : 0;
    }
    const double observed = samples.isEmpty() ? 0 : double(ok) / double(samples.size());
    return blend(observed, int(samples.size()), m_settings.priorSuccessRate);
}

int LiveMetrics::sampleCount(const QString &model) const
{
    return int(window(model).size());
}

void LiveMetrics::clear()
{
    m_samples.clear();
}

} // namespace Switchyard::Routing
