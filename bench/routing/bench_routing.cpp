// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
// One routing decision, timed per call: what the route stage adds to every request.
#include "core/common/clock.h"
#include "core/routing/livemetrics.h"
#include "core/routing/router.h"

#include <QJsonDocument>

#include <benchmark/benchmark.h>

#include <memory>

using namespace Switchyard;
using namespace Switchyard::Routing;

namespace {

constexpr int s_models = 200;

QString modelId(int i)
{
    return QStringLiteral("model-%1").arg(i, 3, 10, QLatin1Char('0'));
}

/// 200 models on 4 providers with 3 benchmark columns and prices; routes:
/// "best" (score over all 200: 3 columns + cost + latency), "by-customer" (conditional, the
/// last of 5 rules matches) → "reliable" (fallback over 3 models).
Config::ConfigSnapshot benchConfig()
{
    auto config = std::make_shared<Config::GatewayConfig>();
    for (int p = 0; p < 4; ++p) {
        Config::ProviderSettings provider;
        provider.id = QStringLiteral("provider-%1").arg(p);
        provider.kind = QStringLiteral("openai");
        provider.apiKey = QStringLiteral("bench");
        config->providers.append(provider);
    }
    Config::RouteSettings best;
    best.name = QStringLiteral("best");
    best.strategy = QStringLiteral("score");
    best.weights = {{QStringLiteral("mmlu_pro"), 2}, {QStringLiteral("gpqa"), 1}, {QStringLiteral("livecodebench"), 1},
                    {QStringLiteral("cost"), 2}, {QStringLiteral("latency"), 1}};
    for (int i = 0; i < s_models; ++i) {
        Config::ModelSettings m;
        m.id = modelId(i);
        m.provider = QStringLiteral("provider-%1").arg(i % 4);
        m.upstream = m.id;
        m.price = {true, 0.1 + (i * 37 % 100) / 10.0, 0.4 + (i * 53 % 100) / 5.0, -1, -1};
        m.scores = {{QStringLiteral("mmlu_pro"), 40 + (i * 7 % 45)}, {QStringLiteral("gpqa"), 30 + (i * 11 % 40)},
                    {QStringLiteral("livecodebench"), 20 + (i * 13 % 50)}};
        m.capabilities = {QStringLiteral("tools"), QStringLiteral("vision")};
        m.context = 128000;
        config->models.append(m);
        best.candidates.append(m.id);
    }
    config->routes.append(best);

    Config::RouteSettings reliable;
    reliable.name = QStringLiteral("reliable");
    reliable.strategy = QStringLiteral("fallback");
    reliable.targets = {{modelId(1), 1}, {modelId(2), 1}, {modelId(3), 1}};
    config->routes.append(reliable);

    Config::RouteSettings byCustomer;
    byCustomer.name = QStringLiteral("by-customer");
    byCustomer.strategy = QStringLiteral("conditional");
    byCustomer.conditions = QJsonDocument::fromJson(R"([
        {"when": {"customer": {"$in": ["globex", "initech"]}}, "then": "best"},
        {"when": {"tags": {"$in": ["batch", "nightly"]}, "has_tools": false}, "then": "best"},
        {"when": {"$or": [{"has_images": true}, {"prompt_tokens": {"$gt": 100000}}]}, "then": "best"},
        {"when": {"app": {"$regex": "^(cursor|zed)$"}}, "then": "best"},
        {"when": {"customer": {"$regex": "^ac"}, "project": {"$ne": "internal"}}, "then": "reliable"}])")
                                 .array();
    byCustomer.defaultTarget = QStringLiteral("best");
    config->routes.append(byCustomer);
    return config;
}

RouteQuery benchQuery(const char *route)
{
    RouteQuery q;
    q.requestedModel = QLatin1String(route);
    q.promptTokens = 1200;
    q.expectedOutputTokens = 512;
    q.customer = QStringLiteral("acme");
    q.project = QStringLiteral("apollo");
    q.tags = {QStringLiteral("eu")};
    q.app = QStringLiteral("aider");
    q.hasTools = true;
    return q;
}

/// Live latency/reliability for every model, so the latency metric is real, not missing.
std::unique_ptr<LiveMetrics> benchLive()
{
    auto live = std::make_unique<LiveMetrics>(*SystemClock::instance());
    for (int i = 0; i < s_models; ++i) {
        for (int s = 0; s < 5; ++s)
            live->record(modelId(i), true, 200 + (i * 17 % 800) + s * 10);
    }
    return live;
}

void scoreRoute(benchmark::State &state)
{
    const Config::ConfigSnapshot config = benchConfig();
    const std::unique_ptr<LiveMetrics> live = benchLive();
    Router router(config, {}, {live.get(), nullptr});
    const RouteQuery query = benchQuery("best");
    for (auto _ : state) {
        RoutingDecision decision;
        Result<RoutePlan> plan = router.plan(query, decision);
        benchmark::DoNotOptimize(plan);
        if (!plan.ok() || plan.value().candidates.size() != s_models)
            state.SkipWithError("unexpected plan");
    }
    state.counters["candidates"] = s_models;
}
BENCHMARK(scoreRoute)->Name("score route, 200 candidates x 5 metrics")->Unit(benchmark::kMicrosecond);

void conditionalToFallback(benchmark::State &state)
{
    const Config::ConfigSnapshot config = benchConfig();
    Router router(config); // one Router per snapshot, as RouteStage keeps it: rules compile once
    const RouteQuery query = benchQuery("by-customer");
    for (auto _ : state) {
        RoutingDecision decision;
        Result<RoutePlan> plan = router.plan(query, decision);
        benchmark::DoNotOptimize(plan);
        if (!plan.ok() || plan.value().candidates.size() != 3)
            state.SkipWithError("unexpected plan");
    }
}
BENCHMARK(conditionalToFallback)->Name("conditional (5 rules) -> fallback (3 models)")->Unit(benchmark::kMicrosecond);

void conditionalFreshRouter(benchmark::State &state)
{
    const Config::ConfigSnapshot config = benchConfig();
    const RouteQuery query = benchQuery("by-customer");
    for (auto _ : state) {
        Router router(config); // compiles the rules (and their regexes) on every call
        RoutingDecision decision;
        Result<RoutePlan> plan = router.plan(query, decision);
        benchmark::DoNotOptimize(plan);
    }
}
BENCHMARK(conditionalFreshRouter)->Name("conditional -> fallback, new Router per call")->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
