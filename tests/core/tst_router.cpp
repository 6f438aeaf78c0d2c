// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/config/configloader.h"
#include "core/routing/catalog.h"
#include "core/routing/circuitbreaker.h"
#include "core/routing/router.h"
#include "tests/support/fakeclock.h"

#include <QJsonDocument>
#include <QTest>

using namespace Switchyard;
using namespace Switchyard::Routing;

namespace {

Config::ProviderSettings provider(const char *id, const char *kind, const char *key)
{
    Config::ProviderSettings p;
    p.id = QLatin1String(id);
    p.kind = QLatin1String(kind);
    p.apiKey = QLatin1String(key);
    p.apiKeyEnv = QString::fromLatin1(id).toUpper() + QStringLiteral("_KEY");
    return p;
}

Config::ModelSettings model(const char *id, const char *providerId, const char *upstream = "")
{
    Config::ModelSettings m;
    m.id = QLatin1String(id);
    m.provider = QLatin1String(providerId);
    m.upstream = QLatin1String(upstream);
    m.price.known = true;
    m.price.input = 1;
    m.price.output = 2;
    return m;
}

Config::RouteSettings route(const char *name, const char *strategy, const QStringList &targets,
                            const QList<double> &weights = {})
{
    Config::RouteSettings r;
    r.name = QLatin1String(name);
    r.strategy = QLatin1String(strategy);
    for (qsizetype i = 0; i < targets.size(); ++i)
        r.targets.append({targets[i], weights.value(i, 1)});
    return r;
}

Config::ConfigSnapshot testConfig()
{
    auto config = std::make_shared<Config::GatewayConfig>();
    config->providers = {provider("openai", "openai", "sk-test"), provider("nokey", "openai", ""),
                         provider("sim", "simulated", "")};
    config->models = {model("gpt-4o-mini", "openai"), model("gpt-4o", "openai", "gpt-4o-2024-08-06"),
                      model("locked", "nokey"), model("sim-fast", "sim")};
    config->routes = {route("auto", "fallback", {QStringLiteral("gpt-4o-mini"), QStringLiteral("sim-fast")}),
                      route("nested", "fallback", {QStringLiteral("locked"), QStringLiteral("auto"), QStringLiteral("gpt-4o")}),
                      route("dupes", "fallback", {QStringLiteral("auto"), QStringLiteral("gpt-4o-mini")}),
                      route("only-locked", "fallback", {QStringLiteral("locked")}),
                      route("spread", "loadbalance", {QStringLiteral("gpt-4o"), QStringLiteral("sim-fast")}, {3, 1})};
    return config;
}

RouteQuery query(const QString &requested)
{
    RouteQuery q;
    q.requestedModel = requested;
    return q;
}

Config::RouteSettings conditional(const char *name, const char *conditionsJson, const char *fallback)
{
    Config::RouteSettings r;
    r.name = QLatin1String(name);
    r.strategy = QStringLiteral("conditional");
    r.conditions = QJsonDocument::fromJson(conditionsJson).array();
    r.defaultTarget = QLatin1String(fallback);
    return r;
}

/// testConfig() plus scores, a score route and two conditional routes nested in each other.
Config::ConfigSnapshot conditionalConfig()
{
    auto config = std::make_shared<Config::GatewayConfig>(*testConfig());
    for (Config::ModelSettings &m : config->models) {
        if (m.id == QLatin1String("gpt-4o"))
            m.scores.insert(QStringLiteral("mmlu_pro"), 80);
        else if (m.id == QLatin1String("gpt-4o-mini"))
            m.scores.insert(QStringLiteral("mmlu_pro"), 60);
    }
    Config::RouteSettings premium;
    premium.name = QStringLiteral("premium");
    premium.strategy = QStringLiteral("score");
    premium.candidates = {QStringLiteral("gpt-4o-mini"), QStringLiteral("gpt-4o")};
    premium.weights = {{QStringLiteral("mmlu_pro"), 1}};
    config->routes.append(premium);
    config->routes.append(conditional("by-project", R"([{"when": {"project": "apollo"}, "then": "premium"}])", "auto"));
    config->routes.append(conditional("by-customer", R"([
        {"when": {"customer": {"$eq": "acme"}}, "then": "by-project"},
        {"when": {"tags": {"$in": ["batch", "nightly"]}}, "then": "sim-fast"},
        {"when": {"$or": [{"has_tools": true}, {"prompt_tokens": {"$gt": 100000}}]}, "then": "gpt-4o"},
        {"when": {"app": {"$regex": "^cur"}, "has_images": false}, "then": "spread"}])", "auto"));
    return config;
}

QStringList modelsOf(const RoutePlan &plan)
{
    QStringList models;
    for (const Candidate &c : plan.candidates)
        models.append(c.model);
    return models;
}

} // namespace

class tst_Router final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resolves_data();
    void resolves();
    void refuses_data();
    void refuses();
    void loadbalanceDrawsByWeight_data();
    void loadbalanceDrawsByWeight();
    void decisionRecordsWhyCandidatesWereSkipped();
    void detectsRouteCycles();
    void openCircuitSkipsItsProvider();
    void scoreRouteRanksByWeightedMetrics_data();
    void scoreRouteRanksByWeightedMetrics();
    void conditionalRoutes_data();
    void conditionalRoutes();
    void filtersCandidates_data();
    void filtersCandidates();
    void scoreFiltersBeforeNormalising();
    void scoreTieBreak_data();
    void scoreTieBreak();
    void catalogMerge_data();
    void catalogMerge();
    void catalogMergeInheritsUnsetFields();
    void catalogMergeKeepsTheDefaults();
    void mergedCatalogModelIsRoutable();
};

void tst_Router::resolves_data()
{
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("forced");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("upstreamOfFirst");
    QTest::addColumn<QString>("strategy");

    QTest::newRow("catalog model") << "gpt-4o-mini" << "" << QStringList{"gpt-4o-mini"} << "gpt-4o-mini" << "direct";
    QTest::newRow("catalog model with upstream name") << "gpt-4o" << "" << QStringList{"gpt-4o"} << "gpt-4o-2024-08-06" << "direct";
    QTest::newRow("fallback route") << "auto" << "" << QStringList{"gpt-4o-mini", "sim-fast"} << "gpt-4o-mini" << "fallback";
    QTest::newRow("empty model takes the default route") << "" << "" << QStringList{"gpt-4o-mini", "sim-fast"} << "gpt-4o-mini" << "fallback";
    QTest::newRow("nested route, keyless provider skipped") << "nested" << "" << QStringList{"gpt-4o-mini", "sim-fast", "gpt-4o"} << "gpt-4o-mini" << "fallback";
    QTest::newRow("model reached twice is tried once") << "dupes" << "" << QStringList{"gpt-4o-mini", "sim-fast"} << "gpt-4o-mini" << "fallback";
    QTest::newRow("header forces a route over the model") << "gpt-4o" << "auto" << QStringList{"gpt-4o-mini", "sim-fast"} << "gpt-4o-mini" << "fallback";
    QTest::newRow("provider-qualified catalog model") << "openai/gpt-4o-2024-08-06" << "" << QStringList{"gpt-4o"} << "gpt-4o-2024-08-06" << "direct";
    QTest::newRow("provider-qualified ad-hoc model") << "openai/o3-mini" << "" << QStringList{"openai/o3-mini"} << "o3-mini" << "direct";
}

void tst_Router::resolves()
{
    QFETCH(QString, requested);
    QFETCH(QString, forced);
    QFETCH(QStringList, expected);
    QFETCH(QString, upstreamOfFirst);
    QFETCH(QString, strategy);
    Config::ConfigSnapshot config = testConfig();
    RoutingDecision decision;
    const Result<RoutePlan> plan = Router(config).plan({requested, forced}, decision);
    QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
    QCOMPARE(modelsOf(plan.value()), expected);
    QCOMPARE(plan.value().candidates.first().upstreamModel, upstreamOfFirst);
    QCOMPARE(decision.strategy, strategy);
}

void tst_Router::refuses_data()
{
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("forced");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("unknown model lists what exists") << "gpt-17" << "" << "model_not_found" << "available: auto";
    QTest::newRow("unknown provider prefix") << "acme/gpt" << "" << "model_not_found" << "no provider 'acme'";
    QTest::newRow("unknown forced route") << "auto" << "nope" << "model_not_found" << "x-switchyard-route";
    QTest::newRow("only a keyless provider") << "only-locked" << "" << "no_available_model" << "set NOKEY_KEY";
    QTest::newRow("keyless model named directly") << "locked" << "" << "no_available_model" << "no API key";
}

void tst_Router::refuses()
{
    QFETCH(QString, requested);
    QFETCH(QString, forced);
    QFETCH(QString, code);
    QFETCH(QString, messagePart);
    RoutingDecision decision;
    const Result<RoutePlan> plan = Router(testConfig()).plan({requested, forced}, decision);
    QVERIFY(!plan.ok());
    QCOMPARE(plan.error().code, code);
    QVERIFY2(plan.error().message.contains(messagePart), qPrintable(plan.error().message));
    QVERIFY(!plan.error().message.contains(QLatin1String("sk-test")));
}

void tst_Router::loadbalanceDrawsByWeight_data()
{
    QTest::addColumn<double>("draw");
    QTest::addColumn<QString>("first");
    // Weights 3:1 → gpt-4o owns [0, 0.75), sim-fast [0.75, 1).
    QTest::newRow("low draw") << 0.1 << "gpt-4o";
    QTest::newRow("just under the edge") << 0.74 << "gpt-4o";
    QTest::newRow("past the edge") << 0.76 << "sim-fast";
}

void tst_Router::loadbalanceDrawsByWeight()
{
    QFETCH(double, draw);
    QFETCH(QString, first);
    RoutingDecision decision;
    const Result<RoutePlan> plan = Router(testConfig(), [draw] { return draw; }).plan({QStringLiteral("spread"), {}}, decision);
    QVERIFY(plan.ok());
    QCOMPARE(plan.value().candidates.size(), 2);
    QCOMPARE(plan.value().candidates.first().model, first);
}

void tst_Router::decisionRecordsWhyCandidatesWereSkipped()
{
    RoutingDecision decision;
    const Result<RoutePlan> plan = Router(testConfig()).plan({QStringLiteral("nested"), {}}, decision);
    QVERIFY(plan.ok());
    QCOMPARE(decision.route, QStringLiteral("nested"));
    QCOMPARE(decision.candidates.size(), 4);
    QCOMPARE(decision.candidates.first().model, QStringLiteral("locked"));
    QVERIFY(!decision.candidates.first().eligible);
    QVERIFY(decision.candidates.first().reason.contains(QLatin1String("NOKEY_KEY")));
    QVERIFY(decision.candidates.at(1).eligible);
    const RoutingDecision roundTrip = RoutingDecision::fromJson(decision.toJson());
    QCOMPARE(roundTrip.candidates.size(), 4);
    QCOMPARE(roundTrip.candidates.first().reason, decision.candidates.first().reason);
}

void tst_Router::detectsRouteCycles()
{
    auto config = std::make_shared<Config::GatewayConfig>(*testConfig());
    config->routes.append(route("a", "fallback", {QStringLiteral("b")}));
    config->routes.append(route("b", "fallback", {QStringLiteral("a")}));
    RoutingDecision decision;
    const Result<RoutePlan> plan = Router(config).plan({QStringLiteral("a"), {}}, decision);
    QVERIFY(!plan.ok());
    QCOMPARE(plan.error().code, QStringLiteral("route_cycle"));
    QVERIFY(plan.error().message.contains(QLatin1String("a → b → a")));
}

void tst_Router::openCircuitSkipsItsProvider()
{
    Switchyard::Testing::FakeClock clock;
    CircuitBreakerSettings settings;
    settings.consecutiveFailures = 2;
    CircuitBreaker breaker(clock, settings);
    breaker.onFailure(QStringLiteral("openai"));
    breaker.onFailure(QStringLiteral("openai"));
    RoutingDecision decision;
    Result<RoutePlan> plan = Router(testConfig(), {}, {nullptr, &breaker}).plan({QStringLiteral("auto"), {}}, decision);
    QVERIFY(plan.ok());
    QCOMPARE(modelsOf(plan.value()), QStringList{QStringLiteral("sim-fast")});
    QVERIFY(!decision.candidates.first().eligible);
    QVERIFY2(decision.candidates.first().reason.contains(QLatin1String("circuit open")),
             qPrintable(decision.candidates.first().reason));

    clock.advance(settings.coolDownMs + 1); // half-open: one probe may try it again
    RoutingDecision later;
    plan = Router(testConfig(), {}, {nullptr, &breaker}).plan({QStringLiteral("auto"), {}}, later);
    QCOMPARE(modelsOf(plan.value()).first(), QStringLiteral("gpt-4o-mini"));
}

void tst_Router::scoreRouteRanksByWeightedMetrics_data()
{
    QTest::addColumn<double>("qualityWeight");
    QTest::addColumn<double>("costWeight");
    QTest::addColumn<QString>("winner");
    // gpt-4o: quality 80, price 10/40; gpt-4o-mini: quality 60, price 1/2.
    QTest::newRow("quality only") << 1.0 << 0.0 << "gpt-4o";
    QTest::newRow("cost only") << 0.0 << 1.0 << "gpt-4o-mini";
    QTest::newRow("cost outweighs quality") << 1.0 << 3.0 << "gpt-4o-mini";
    QTest::newRow("quality outweighs cost") << 3.0 << 1.0 << "gpt-4o";
}

void tst_Router::scoreRouteRanksByWeightedMetrics()
{
    QFETCH(double, qualityWeight);
    QFETCH(double, costWeight);
    QFETCH(QString, winner);
    auto config = std::make_shared<Config::GatewayConfig>(*testConfig());
    for (Config::ModelSettings &m : config->models) {
        if (m.id == QLatin1String("gpt-4o")) {
            m.scores.insert(QStringLiteral("mmlu_pro"), 80);
            m.price.input = 10;
            m.price.output = 40;
        } else if (m.id == QLatin1String("gpt-4o-mini")) {
            m.scores.insert(QStringLiteral("mmlu_pro"), 60);
        }
    }
    Config::RouteSettings best;
    best.name = QStringLiteral("best");
    best.strategy = QStringLiteral("score");
    best.candidates = {QStringLiteral("gpt-4o-mini"), QStringLiteral("gpt-4o")};
    best.weights = {{QStringLiteral("mmlu_pro"), qualityWeight}, {QStringLiteral("cost"), costWeight}};
    config->routes.append(best);
    RoutingDecision decision;
    const Result<RoutePlan> plan = Router(config).plan({QStringLiteral("best"), {}, 1000, 500}, decision);
    QVERIFY(plan.ok());
    QCOMPARE(plan.value().candidates.size(), 2);
    QCOMPARE(plan.value().candidates.first().model, winner);
    QCOMPARE(decision.scores.size(), 2);
    QCOMPARE(decision.scores.first().toObject().value(QLatin1String("model")).toString(), winner);
    QCOMPARE(decision.scores.first().toObject().value(QLatin1String("rank")).toInt(), 1);
}

void tst_Router::conditionalRoutes_data()
{
    QTest::addColumn<QString>("customer");
    QTest::addColumn<QString>("project");
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<QString>("app");
    QTest::addColumn<bool>("hasTools");
    QTest::addColumn<qint64>("promptTokens");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("reasons");
    const QStringList autoOrder{QStringLiteral("gpt-4o-mini"), QStringLiteral("sim-fast")};
    QTest::newRow("conditional → conditional → score")
        << "acme" << "apollo" << QStringList{} << "" << false << qint64(10)
        << QStringList{"gpt-4o", "gpt-4o-mini"}
        << QStringList{"by-customer: rule 1 matched (customer $eq acme) → by-project",
                       "by-project: rule 1 matched (project $eq apollo) → premium", "premium: scored 2 candidates"};
    QTest::newRow("nested conditional falls to its default")
        << "acme" << "gemini" << QStringList{} << "" << false << qint64(10) << autoOrder
        << QStringList{"by-customer: rule 1 matched", "by-project: no rule matched (1 checked); default → auto"};
    QTest::newRow("tags list → model") << "globex" << "" << QStringList{"eu", "nightly"} << "" << false << qint64(10)
                                       << QStringList{"sim-fast"} << QStringList{"rule 2 matched (tags $in [batch, nightly]) → sim-fast"};
    QTest::newRow("$or: tools") << "" << "" << QStringList{} << "" << true << qint64(10) << QStringList{"gpt-4o"}
                                << QStringList{"rule 3 matched ((has_tools $eq true or prompt_tokens $gt 100000)) → gpt-4o"};
    QTest::newRow("$or: long prompt") << "" << "" << QStringList{} << "" << false << qint64(200000) << QStringList{"gpt-4o"}
                                      << QStringList{"rule 3 matched"};
    QTest::newRow("regex and flag → loadbalance route") << "" << "" << QStringList{} << "cursor" << false << qint64(10)
                                                        << QStringList{"gpt-4o", "sim-fast"} << QStringList{"rule 4 matched (app $regex ^cur and has_images $eq false) → spread"};
    QTest::newRow("first matching rule wins") << "acme" << "apollo" << QStringList{"batch"} << "" << true << qint64(10)
                                              << QStringList{"gpt-4o", "gpt-4o-mini"} << QStringList{"rule 1 matched"};
    QTest::newRow("no rule → default") << "globex" << "" << QStringList{"eu"} << "aider" << false << qint64(10) << autoOrder
                                       << QStringList{"by-customer: no rule matched (4 checked); default → auto"};
}

void tst_Router::conditionalRoutes()
{
    QFETCH(QString, customer);
    QFETCH(QString, project);
    QFETCH(QStringList, tags);
    QFETCH(QString, app);
    QFETCH(bool, hasTools);
    QFETCH(qint64, promptTokens);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, reasons);
    RouteQuery q = query(QStringLiteral("by-customer"));
    q.customer = customer;
    q.project = project;
    q.tags = tags;
    q.app = app;
    q.hasTools = hasTools;
    q.promptTokens = promptTokens;
    RoutingDecision decision;
    const Result<RoutePlan> plan = Router(conditionalConfig(), [] { return 0.1; }).plan(q, decision);
    QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
    QCOMPARE(modelsOf(plan.value()), expected);
    QCOMPARE(decision.route, QStringLiteral("by-customer"));
    QCOMPARE(decision.strategy, QStringLiteral("conditional"));
    const QString all = decision.reasons.join(QLatin1Char('\n'));
    for (const QString &reason : reasons)
        QVERIFY2(all.contains(reason), qPrintable(all));
}

void tst_Router::filtersCandidates_data()
{
    QTest::addColumn<bool>("tools");
    QTest::addColumn<bool>("images");
    QTest::addColumn<qint64>("prompt");
    QTest::addColumn<qint64>("output");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("removedReason");
    const QStringList all{"toolless", "blind", "small", "unknown-caps"};
    QTest::newRow("plain request keeps every model") << false << false << qint64(100) << qint64(100) << all << "";
    QTest::newRow("tools drop the model without 'tools'") << true << false << qint64(100) << qint64(100)
        << QStringList{"blind", "small", "unknown-caps"} << "toolless: filtered: the request uses tools";
    QTest::newRow("images drop the models without 'vision'") << false << true << qint64(100) << qint64(100)
        << QStringList{"small", "unknown-caps"} << "blind: filtered: the request carries images";
    QTest::newRow("prompt + output over the context window") << false << false << qint64(3800) << qint64(512)
        << QStringList{"toolless", "blind", "unknown-caps"} << "small: filtered: needs about 4312 tokens (prompt ~3800 + output 512), context window is 4000";
    QTest::newRow("exactly the context window fits") << false << false << qint64(3488) << qint64(512) << all << "";
    QTest::newRow("empty capability list is not filtered") << true << true << qint64(100) << qint64(100)
        << QStringList{"small", "unknown-caps"} << "toolless: filtered";
}

void tst_Router::filtersCandidates()
{
    QFETCH(bool, tools);
    QFETCH(bool, images);
    QFETCH(qint64, prompt);
    QFETCH(qint64, output);
    QFETCH(QStringList, expected);
    QFETCH(QString, removedReason);
    auto config = std::make_shared<Config::GatewayConfig>(*testConfig());
    const auto add = [&config](const char *id, const QStringList &caps, qint64 context) {
        Config::ModelSettings m = model(id, "openai");
        m.capabilities = caps;
        m.context = context;
        config->models.append(m);
    };
    add("toolless", {QStringLiteral("json")}, 0);
    add("blind", {QStringLiteral("tools")}, 0);
    add("small", {QStringLiteral("tools"), QStringLiteral("vision")}, 4000);
    add("unknown-caps", {}, 0);
    config->routes.append(route("all", "fallback", {QStringLiteral("toolless"), QStringLiteral("blind"),
                                                    QStringLiteral("small"), QStringLiteral("unknown-caps")}));
    RouteQuery q = query(QStringLiteral("all"));
    q.hasTools = tools;
    q.hasImages = images;
    q.promptTokens = prompt;
    q.expectedOutputTokens = output;
    RoutingDecision decision;
    const Result<RoutePlan> plan = Router(config).plan(q, decision);
    QVERIFY(plan.ok());
    QCOMPARE(modelsOf(plan.value()), expected);
    QCOMPARE(decision.candidates.size(), 4); // every model is on the record, kept or not
    QStringList removed;
    for (const CandidateRecord &c : decision.candidates) {
        QCOMPARE(c.eligible, expected.contains(c.model));
        if (!c.eligible)
            removed.append(c.model + QStringLiteral(": ") + c.reason);
    }
    if (removedReason.isEmpty())
        QVERIFY(removed.isEmpty());
    else
        QVERIFY2(removed.join(QLatin1Char('\n')).contains(removedReason), qPrintable(removed.join(QLatin1Char('\n'))));
}

void tst_Router::scoreFiltersBeforeNormalising()
{
    auto config = std::make_shared<Config::GatewayConfig>(*conditionalConfig());
    for (Config::ModelSettings &m : config->models) {
        if (m.id == QLatin1String("gpt-4o"))
            m.capabilities = {QStringLiteral("json")}; // best score, but no tools
    }
    RouteQuery q = query(QStringLiteral("premium"));
    q.hasTools = true;
    RoutingDecision decision;
    const Result<RoutePlan> plan = Router(config).plan(q, decision);
    QVERIFY(plan.ok());
    QCOMPARE(modelsOf(plan.value()), QStringList{QStringLiteral("gpt-4o-mini")});
    QCOMPARE(decision.scores.size(), 1); // the filtered model takes no part in the ranking
    QCOMPARE(decision.scores.first().toObject().value(QLatin1String("model")).toString(), QStringLiteral("gpt-4o-mini"));
    QCOMPARE(decision.candidates.first().model, QStringLiteral("gpt-4o"));
    QVERIFY(!decision.candidates.first().eligible);
    QVERIFY(decision.candidates.first().reason.contains(QLatin1String("'tools'")));
}

void tst_Router::scoreTieBreak_data()
{
    QTest::addColumn<double>("priceOfB");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("equal totals and prices: model id") << 1.0 << QStringList{"tie-a", "tie-b"};
    QTest::newRow("equal totals: lower cost first") << 0.5 << QStringList{"tie-b", "tie-a"};
}

void tst_Router::scoreTieBreak()
{
    QFETCH(double, priceOfB);
    QFETCH(QStringList, expected);
    auto config = std::make_shared<Config::GatewayConfig>(*testConfig());
    for (const char *id : {"tie-b", "tie-a"}) {
        Config::ModelSettings m = model(id, "openai");
        m.scores.insert(QStringLiteral("mmlu_pro"), 70);
        if (QLatin1String(id) == QLatin1String("tie-b")) {
            m.price.input = priceOfB;
            m.price.output = 2 * priceOfB;
        }
        config->models.append(m);
    }
    Config::RouteSettings tie;
    tie.name = QStringLiteral("tie");
    tie.strategy = QStringLiteral("score");
    tie.candidates = {QStringLiteral("tie-b"), QStringLiteral("tie-a")};
    tie.weights = {{QStringLiteral("mmlu_pro"), 1}};
    config->routes.append(tie);
    for (int run = 0; run < 3; ++run) { // deterministic, run after run
        RoutingDecision decision;
        const Result<RoutePlan> plan = Router(config).plan(query(QStringLiteral("tie")), decision);
        QVERIFY(plan.ok());
        QCOMPARE(modelsOf(plan.value()), expected);
        QVERIFY(decision.reasons.join(QLatin1Char(' ')).contains(QLatin1String("equal totals")));
    }
}

void tst_Router::catalogMerge_data()
{
    QTest::addColumn<QString>("providerId");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");
    QTest::newRow("openai provider adds its catalog models") << "openai" << "openai"
        << QStringList{"gpt-4.1", "o3", "text-embedding-3-small"} << QStringList{"claude-sonnet-4-5", "gemini-2.5-pro"};
    QTest::newRow("anthropic provider") << "anthropic" << "anthropic" << QStringList{"claude-sonnet-4-5", "claude-opus-4"}
                                        << QStringList{"gpt-4.1"};
    QTest::newRow("google provider of kind gemini") << "google" << "gemini" << QStringList{"gemini-2.5-flash"} << QStringList{"o3"};
    QTest::newRow("matching id, other kind: nothing") << "anthropic" << "openai" << QStringList{} << QStringList{"claude-sonnet-4-5"};
    QTest::newRow("unknown provider id: nothing") << "acme-llm" << "openai" << QStringList{} << QStringList{"gpt-4.1", "llama3.3"};
}

void tst_Router::catalogMerge()
{
    QFETCH(QString, providerId);
    QFETCH(QString, kind);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);
    const Catalog &catalog = Catalog::builtin();
    QVERIFY(catalog.entries().size() >= 40);
    Config::GatewayConfig config;
    Config::ProviderSettings p;
    p.id = providerId;
    p.kind = kind;
    config.providers = {p};
    config.routes = {route("auto", "fallback", {QStringLiteral("x")})};
    mergeCatalog(config, catalog);
    for (const QString &id : present) {
        const Config::ModelSettings *m = config.model(id);
        QVERIFY2(m, qPrintable(id));
        QCOMPARE(m->provider, providerId);
        QCOMPARE(m->price.known, Catalog::builtin().find(id)->model.price.known);
    }
    for (const QString &id : absent)
        QVERIFY2(!config.model(id), qPrintable(id));
    const qsizetype count = config.models.size();
    mergeCatalog(config, catalog); // idempotent
    QCOMPARE(config.models.size(), count);
}

void tst_Router::catalogMergeInheritsUnsetFields()
{
    const CatalogEntry *entry = Catalog::builtin().find(QStringLiteral("claude-sonnet-4"));
    QVERIFY(entry);
    Config::GatewayConfig config;
    Config::ProviderSettings anthropic;
    anthropic.id = QStringLiteral("anthropic");
    anthropic.kind = QStringLiteral("anthropic");
    Config::ProviderSettings proxy;
    proxy.id = QStringLiteral("proxy");
    proxy.kind = QStringLiteral("openai");
    config.providers = {anthropic, proxy};
    Config::ModelSettings own = model("claude-sonnet-4", "anthropic", "claude-sonnet-4"); // loader default
    own.price.input = 1;
    own.price.output = 2;
    own.scores.insert(QStringLiteral("house_eval"), 5);
    own.scores.insert(QStringLiteral("gpqa"), 1); // config wins per column
    Config::ModelSettings viaProxy = model("mistral-medium-3", "proxy", "mistral-medium-3");
    viaProxy.price = {};
    viaProxy.context = 1000;
    config.models = {own, viaProxy};
    // A route named like a catalog model keeps the name: the model is not added.
    config.routes = {route("claude-haiku-4-5", "fallback", {QStringLiteral("claude-sonnet-4")})};
    mergeCatalog(config, Catalog::builtin());

    const Config::ModelSettings *merged = config.model(QStringLiteral("claude-sonnet-4"));
    QCOMPARE(merged->price.input, 1.0);
    QCOMPARE(merged->price.output, 2.0);
    QCOMPARE(merged->scores.value(QStringLiteral("house_eval")), 5.0);
    QCOMPARE(merged->scores.value(QStringLiteral("gpqa")), 1.0);
    for (auto it = entry->model.scores.constBegin(); it != entry->model.scores.constEnd(); ++it)
        QVERIFY2(merged->scores.contains(it.key()), qPrintable(it.key()));
    QCOMPARE(merged->capabilities, entry->model.capabilities);
    QCOMPARE(merged->context, entry->model.context);
    QCOMPARE(merged->upstream, QStringLiteral("claude-sonnet-4-0")); // the catalog's own provider

    const Config::ModelSettings *proxied = config.model(QStringLiteral("mistral-medium-3"));
    QCOMPARE(Catalog::builtin().find(QStringLiteral("mistral-medium-3"))->model.upstream, QStringLiteral("mistral-medium-2505"));
    QCOMPARE(proxied->upstream, QStringLiteral("mistral-medium-3")); // another provider keeps its name
    QCOMPARE(proxied->context, qint64(1000));
    QVERIFY(proxied->price.known);
    QCOMPARE(proxied->price.input, Catalog::builtin().find(QStringLiteral("mistral-medium-3"))->model.price.input);

    QVERIFY(!config.model(QStringLiteral("claude-haiku-4-5")));
    QVERIFY(config.model(QStringLiteral("claude-opus-4-5")));
}

void tst_Router::catalogMergeKeepsTheDefaults()
{
    const Config::GatewayConfig defaults = Config::ConfigLoader::defaults({});
    QVERIFY(!defaults.models.isEmpty());
    Config::GatewayConfig merged = defaults;
    mergeCatalog(merged, Catalog::builtin());
    QCOMPARE(merged.models.size(), defaults.models.size());
    for (qsizetype i = 0; i < defaults.models.size(); ++i) {
        const Config::ModelSettings &a = defaults.models.at(i);
        const Config::ModelSettings &b = merged.models.at(i);
        QCOMPARE(b.id, a.id);
        QCOMPARE(b.upstream, a.upstream);
        QCOMPARE(b.scores, a.scores);
        QCOMPARE(b.capabilities, a.capabilities);
        QCOMPARE(b.context, a.context);
        QCOMPARE(b.price.input, a.price.input);
    }
}

void tst_Router::mergedCatalogModelIsRoutable()
{
    auto base = std::make_shared<Config::GatewayConfig>(*testConfig());
    const Config::ConfigSnapshot config = withCatalog(base, Catalog::builtin());
    QCOMPARE(config->version, base->version);
    RoutingDecision decision;
    const Result<RoutePlan> plan = Router(config).plan(query(QStringLiteral("gpt-4.1-mini")), decision);
    QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
    QCOMPARE(plan.value().candidates.first().provider, QStringLiteral("openai"));
    QVERIFY(plan.value().candidates.first().price.known);
    // The configured gpt-4o keeps its own upstream name over the catalog's.
    QCOMPARE(config->model(QStringLiteral("gpt-4o"))->upstream, QStringLiteral("gpt-4o-2024-08-06"));
}

QTEST_GUILESS_MAIN(tst_Router)
#include "tst_router.moc"
