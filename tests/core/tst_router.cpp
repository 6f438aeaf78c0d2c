// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/routing/circuitbreaker.h"
#include "core/routing/router.h"
#include "tests/support/fakeclock.h"

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

QTEST_GUILESS_MAIN(tst_Router)
#include "tst_router.moc"
