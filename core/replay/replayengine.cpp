// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/replay/replayengine.h"

#include "core/pipeline/costing.h"

#include <QRandomGenerator>

#include <algorithm>

namespace Switchyard::Replay {

namespace {

bool failed(const LogRecord &record)
{
    return !record.errorType.isEmpty() || record.status >= 400;
}

} // namespace

QList<ModelTraffic> ReplayResult::trafficByVolume() const
{
    QList<ModelTraffic> rows = traffic.values();
    std::stable_sort(rows.begin(), rows.end(), [](const ModelTraffic &a, const ModelTraffic &b) {
        const qint64 va = std::max(a.before, a.after);
        const qint64 vb = std::max(b.before, b.after);
        if (va != vb)
            return va > vb;
        return a.model < b.model;
    });
    return rows;
}

ReplayEngine::ReplayEngine(Config::ConfigSnapshot current, Config::ConfigSnapshot edited,
                           const Routing::LiveMetrics *live)
    : m_current(std::move(current))
    , m_edited(std::move(edited))
    , m_live(live)
{
}

std::function<double()> ReplayEngine::seededRandom(const QString &seed)
{
    // FNV-1a over the UTF-8 bytes: stable across runs and builds (qHash is not guaranteed to be).
    quint64 hash = 14695981039346656037ULL;
    for (const char byte : seed.toUtf8()) {
        hash ^= quint8(byte);
        hash *= 1099511628211ULL;
    }
    const quint32 words[2] = {quint32(hash), quint32(hash >> 32)};
    return [generator = QRandomGenerator(words, 2)]() mutable { return generator.generateDouble(); };
}

bool ReplayEngine::isRouted(const LogRecord &record)
{
    return !record.requestedModel.isEmpty() || !record.route.isEmpty() || !record.model.isEmpty()
           || !record.decision.strategy.isEmpty();
}

Routing::RouteQuery ReplayEngine::queryFor(const LogRecord &record)
{
    Routing::RouteQuery query;
    query.requestedModel = record.requestedModel;
    if (!record.requestedModel.isEmpty() && !record.route.isEmpty()
        && record.route != record.requestedModel) {
        query.forcedRoute = record.route;
    }
    query.promptTokens = record.estimatedPromptTokens > 0 ? record.estimatedPromptTokens
                                                          : record.requestBytes / 4;
    query.setTraits(record);
    return query;
}

QString ReplayEngine::oldWinner(const LogRecord &record)
{
    if (failed(record)) {
        for (const CandidateRecord &candidate : record.decision.candidates) {
            if (candidate.eligible)
                return candidate.model;
        }
    }
    return record.model;
}

std::optional<double> ReplayEngine::priceOf(const Config::GatewayConfig &config,
                                            const QString &model, const Usage &usage) const
{
    const Config::ModelSettings *settings = config.model(model);
    if (!settings)
        return std::nullopt;
    return Pipeline::requestCost(usage, settings->price);
}

void ReplayEngine::add(const LogRecord &record)
{
    ++m_result.read;
    if (!isRouted(record)) {
        ++m_result.skipped;
        return;
    }
    ++m_result.considered;
    const QString before = oldWinner(record);
    if (!before.isEmpty()) {
        ModelTraffic &traffic = m_result.traffic[before];
        traffic.model = before;
        ++traffic.before;
    }

    ChangedRequest change{record.requestId, record.startedAt,
                          record.requestedModel.isEmpty() ? record.route : record.requestedModel,
                          before, {}, {}, {}, {}};
    if (!m_edited) {
        ++m_result.unroutable;
        ++m_result.unroutableReasons[QStringLiteral("no_config")];
        return;
    }
    RoutingDecision decision;
    Routing::Router router(m_edited, seededRandom(record.requestId), {m_live, nullptr});
    const Result<Routing::RoutePlan> plan = router.plan(queryFor(record), decision);
    if (!plan.ok() || plan.value().candidates.isEmpty()) {
        ++m_result.unroutable;
        const QString code = plan.ok() ? QStringLiteral("no_available_model") : plan.error().code;
        ++m_result.unroutableReasons[code];
        change.reason = plan.ok() ? code : plan.error().message;
        if (m_result.examples.size() < maxExamples)
            m_result.examples.append(change);
        return;
    }

    const Routing::Candidate &winner = plan.value().candidates.first();
    QString after = winner.model;
    if (after != before && !before.isEmpty() && m_current) {
        // Same query, same draws, current config: if it lands where the edit does, the edit
        // is not what moves this request (a loadbalance draw or live metrics differ from
        // when it was served), so it stays where it was.
        RoutingDecision baselineDecision;
        Routing::Router baseline(m_current, seededRandom(record.requestId), {m_live, nullptr});
        const Result<Routing::RoutePlan> base = baseline.plan(queryFor(record), baselineDecision);
        if (base.ok() && !base.value().candidates.isEmpty()
            && base.value().candidates.first().model == after) {
            after = before;
        }
    }
    change.newModel = after;
    ModelTraffic &traffic = m_result.traffic[after];
    traffic.model = after;
    ++traffic.after;

    if (!record.usage.known) {
        ++m_result.noUsage;
    } else {
        change.oldCost = m_current ? priceOf(*m_current, before, record.usage) : std::nullopt;
        change.newCost = after == winner.model ? Pipeline::requestCost(record.usage, winner.price)
                                               : priceOf(*m_edited, after, record.usage);
        if (change.oldCost && change.newCost) {
            ++m_result.priced;
            m_result.oldCost += *change.oldCost;
            m_result.newCost += *change.newCost;
            if (record.costKnown)
                m_result.loggedCost += record.costUsd;
        } else {
            ++m_result.unknownPrice;
        }
    }

    if (after == before) {
        ++m_result.unchanged;
        return;
    }
    ++m_result.changed;
    if (m_result.examples.size() < maxExamples)
        m_result.examples.append(change);
}

void ReplayEngine::addAll(const LogRecordList &records)
{
    for (const LogRecord &record : records)
        add(record);
}

ReplayResult ReplayEngine::replay(const LogRecordList &records, Config::ConfigSnapshot current,
                                  Config::ConfigSnapshot edited)
{
    ReplayEngine engine(std::move(current), std::move(edited));
    engine.m_result.total = records.size();
    engine.addAll(records);
    return engine.m_result;
}

} // namespace Switchyard::Replay
