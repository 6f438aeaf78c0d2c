// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/config/configloader.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Switchyard;
using namespace Switchyard::Config;

namespace {

const QString kSecret = QStringLiteral("sk-test-SECRET-do-not-print-1234");

// Builds a config from fragments; every provider in `providers` carries the inline secret so
// each invalid row also proves the secret stays out of the message.
QByteArray cfg(const char *providers, const char *models = "[]", const char *routes = "[]",
               const char *extra = "")
{
    QByteArray p(providers);
    p.replace("$KEY", kSecret.toUtf8());
    return QByteArray("{\"providers\":") + p + ",\"models\":" + models + ",\"routes\":" + routes
           + extra + "}";
}

const char *kSim = R"([{"id":"sim","kind":"simulated","api_key":"$KEY"}])";
const char *kM2 = R"([{"id":"m1","provider":"sim"},{"id":"m2","provider":"sim","scores":{"q":1}}])";

} // namespace

class tst_ConfigLoader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void invalidConfig_data();
    void invalidConfig();
    void designSample();
    void apiKeyEnv();
    void inlineKeyNeverInErrors();
    void defaultsWithoutOpenAiKey();
    void defaultsWithOpenAiKey();
    void syntaxErrorLineColumn();
    void loadFile();
    void lookups();
};

void tst_ConfigLoader::invalidConfig_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("problem");

    const auto row = [](const char *name, const QByteArray &json, const char *path,
                        const char *problem) {
        QTest::newRow(name) << json << QString::fromUtf8(path) << QString::fromUtf8(problem);
    };
    row("top level is an array", "[]", "$", "expected an object at the top level");
    row("unknown top-level key", R"({"sever":{}})", "$.sever",
        "unknown key 'sever' (did you mean 'server'?)");
    row("server key typo", R"({"server":{"prot":80}})", "$.server.prot",
        "unknown key 'prot' (did you mean 'port'?)");
    row("unknown key without suggestion", R"({"server":{"colour":1}})", "$.server.colour",
        "unknown key 'colour' (expected one of: host, port,");
    row("server not an object", R"({"server":[]})", "$.server", "expected an object, got an array");
    row("port out of range", R"({"server":{"port":70000}})", "$.server.port",
        "must be between 0 and 65535, got 70000");
    row("port not an integer", R"({"server":{"port":80.5}})", "$.server.port",
        "expected an integer, got a number");
    row("port as string", R"({"server":{"port":"80"}})", "$.server.port",
        "expected an integer, got a string");
    row("require_keys not a bool", R"({"server":{"require_keys":"yes"}})", "$.server.require_keys",
        "expected true or false");
    row("max_body_bytes zero", R"({"server":{"max_body_bytes":0}})", "$.server.max_body_bytes",
        "must be at least 1, got 0");
    row("empty host", R"({"server":{"host":" "}})", "$.server.host", "must not be empty");
    row("providers not an array", R"({"providers":{}})", "$.providers", "expected an array");
    row("provider not an object", R"({"providers":[1]})", "$.providers[0]",
        "expected an object, got a number");
    row("provider id missing", cfg(R"([{"kind":"simulated","api_key":"$KEY"}])"),
        "$.providers[0].id", "required field is missing");
    row("unknown provider kind",
        cfg(R"([{"id":"sim","kind":"simulated"},{"id":"x","kind":"opnai","api_key":"$KEY"}])"),
        "$.providers[1].kind",
        "unknown provider kind 'opnai' (expected one of: openai, anthropic, gemini, simulated)");
    row("openai without base_url", cfg(R"([{"id":"o","kind":"openai","api_key":"$KEY"}])"),
        "$.providers[0].base_url", "required field is missing");
    row("base_url not http",
        cfg(R"([{"id":"o","kind":"openai","base_url":"ftp://x/$KEY","api_key":"$KEY"}])"),
        "$.providers[0].base_url", "expected an http:// or https:// URL");
    row("duplicate provider id",
        cfg(R"([{"id":"sim","kind":"simulated"},{"id":"sim","kind":"simulated","api_key":"$KEY"}])"),
        "$.providers[1].id", "duplicate provider id 'sim' (first defined at $.providers[0])");
    row("failure_rate above 1",
        cfg(R"([{"id":"sim","kind":"simulated","failure_rate":1.5,"api_key":"$KEY"}])"),
        "$.providers[0].failure_rate", "must be between 0 and 1, got 1.5");
    row("negative timeout", cfg(R"([{"id":"sim","kind":"simulated","timeout_ms":-5}])"),
        "$.providers[0].timeout_ms", "must be at least 1, got -5");
    row("api_key not a string", cfg(R"([{"id":"sim","kind":"simulated","api_key":42}])"),
        "$.providers[0].api_key", "expected a string, got a number");
    row("model provider unknown", cfg(kSim, R"([{"id":"m1","provider":"simm"}])"),
        "$.models[0].provider", "unknown provider 'simm' (did you mean 'sim'?)");
    row("duplicate model id",
        cfg(kSim, R"([{"id":"m1","provider":"sim"},{"id":"m1","provider":"sim"}])"),
        "$.models[1].id", "duplicate model id 'm1'");
    row("model id missing", cfg(kSim, R"([{"provider":"sim"}])"), "$.models[0].id",
        "required field is missing");
    row("negative price",
        cfg(kSim, R"([{"id":"m1","provider":"sim","price":{"input":-1,"output":1}}])"),
        "$.models[0].price.input", "must be at least 0, got -1");
    row("price output missing", cfg(kSim, R"([{"id":"m1","provider":"sim","price":{"input":1}}])"),
        "$.models[0].price.output", "required field is missing");
    row("price key typo",
        cfg(kSim, R"([{"id":"m1","provider":"sim","price":{"input":1,"output":2,"cache_reed":1}}])"),
        "$.models[0].price.cache_reed", "did you mean 'cache_read'?");
    row("capability not a string",
        cfg(kSim, R"([{"id":"m1","provider":"sim","capabilities":["tools",3]}])"),
        "$.models[0].capabilities[1]", "expected a string, got a number");
    row("negative score", cfg(kSim, R"([{"id":"m1","provider":"sim","scores":{"mmlu_pro":-2}}])"),
        "$.models[0].scores.mmlu_pro", "must be at least 0, got -2");
    row("unknown strategy",
        cfg(kSim, kM2, R"([{"name":"r","strategy":"falback","targets":["m1"]}])"),
        "$.routes[0].strategy",
        "unknown strategy 'falback' (expected one of: fallback, loadbalance, score, conditional)");
    row("route strategy missing", cfg(kSim, kM2, R"([{"name":"r","targets":["m1"]}])"),
        "$.routes[0].strategy", "required field is missing");
    row("fallback without targets", cfg(kSim, kM2, R"([{"name":"r","strategy":"fallback"}])"),
        "$.routes[0].targets", "required field is missing");
    row("fallback with empty targets",
        cfg(kSim, kM2, R"([{"name":"r","strategy":"fallback","targets":[]}])"),
        "$.routes[0].targets", "must name at least one model or route");
    row("fallback target unknown",
        cfg(kSim, kM2, R"([{"name":"r","strategy":"fallback","targets":["m1","m3"]}])"),
        "$.routes[0].targets[1]", "unknown model or route 'm3'");
    row("target of wrong type",
        cfg(kSim, kM2, R"([{"name":"r","strategy":"fallback","targets":[true]}])"),
        "$.routes[0].targets[0]", "expected a model name or");
    row("loadbalance weight zero",
        cfg(kSim, kM2,
            R"([{"name":"r","strategy":"loadbalance","targets":[{"model":"m1","weight":0}]}])"),
        "$.routes[0].targets[0].weight", "loadbalance weights must be greater than 0");
    row("loadbalance target model unknown",
        cfg(kSim, kM2,
            R"([{"name":"r","strategy":"loadbalance","targets":["m1",{"model":"m9","weight":2}]}])"),
        "$.routes[0].targets[1].model", "unknown model or route 'm9'");
    row("field of another strategy",
        cfg(kSim, kM2,
            R"([{"name":"r","strategy":"fallback","targets":["m1"],"candidates":["m1"]}])"),
        "$.routes[0].candidates", "'candidates' does not apply to strategy 'fallback'");
    row("score without candidates",
        cfg(kSim, kM2, R"([{"name":"r","strategy":"score","weights":{"q":1}}])"),
        "$.routes[0].candidates", "required field is missing");
    row("score without weights",
        cfg(kSim, kM2, R"([{"name":"r","strategy":"score","candidates":["m1"]}])"),
        "$.routes[0].weights", "required field is missing");
    row("score negative weight",
        cfg(kSim, kM2,
            R"([{"name":"r","strategy":"score","candidates":["m1"],"weights":{"cost":-1}}])"),
        "$.routes[0].weights.cost", "must be at least 0, got -1");
    row("score weight names no column",
        cfg(kSim, kM2,
            R"([{"name":"r","strategy":"score","candidates":["m1"],"weights":{"qq":1}}])"),
        "$.routes[0].weights.qq", "'qq' is neither a model score nor a live metric");
    row("conditional without default",
        cfg(kSim, kM2,
            R"([{"name":"r","strategy":"conditional","conditions":[{"when":{},"then":"m1"}]}])"),
        "$.routes[0].default", "required field is missing");
    row("conditional then unknown",
        cfg(kSim, kM2,
            R"([{"name":"r","strategy":"conditional","conditions":[{"when":{},"then":"m7"}],"default":"m1"}])"),
        "$.routes[0].conditions[0].then", "unknown model or route 'm7'");
    row("conditional when missing",
        cfg(kSim, kM2,
            R"([{"name":"r","strategy":"conditional","conditions":[{"then":"m1"}],"default":"m1"}])"),
        "$.routes[0].conditions[0].when", "required field is missing");
    row("conditional default unknown",
        cfg(kSim, kM2, R"([{"name":"r","strategy":"conditional","conditions":[],"default":"mm1"}])"),
        "$.routes[0].default", "unknown model or route 'mm1' (did you mean 'm1'?)");
    row("duplicate route name",
        cfg(kSim, kM2,
            R"([{"name":"r","strategy":"fallback","targets":["m1"]},{"name":"r","strategy":"fallback","targets":["m2"]}])"),
        "$.routes[1].name", "duplicate route name 'r' (first defined at $.routes[0])");
    row("route named like a model",
        cfg(kSim, kM2, R"([{"name":"m2","strategy":"fallback","targets":["m1"]}])"),
        "$.routes[0].name", "route name 'm2' is already a model id");
    row("route cycle",
        cfg(kSim, kM2,
            R"([{"name":"x","strategy":"fallback","targets":["m1"]},{"name":"a","strategy":"fallback","targets":["m1","b"]},{"name":"b","strategy":"fallback","targets":["a"]}])"),
        "$.routes[1]", "route cycle: a -> b -> a");
    row("route refers to itself",
        cfg(kSim, kM2, R"([{"name":"a","strategy":"fallback","targets":["a"]}])"), "$.routes[0]",
        "route cycle: a -> a");
    row("default_route unknown", cfg(kSim, kM2, "[]", R"(,"default_route":"auto")"),
        "$.default_route", "unknown model or route 'auto'");
    row("rules not an array", cfg(kSim, kM2, "[]", R"(,"rules":{})"), "$.rules",
        "expected an array, got an object");
    row("budgets not an array", cfg(kSim, kM2, "[]", R"(,"budgets":"x")"), "$.budgets",
        "expected an array, got a string");
    row("guards not an object", cfg(kSim, kM2, "[]", R"(,"guards":[])"), "$.guards",
        "expected an object, got an array");
}

void tst_ConfigLoader::invalidConfig()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QFETCH(QString, problem);

    const Result<GatewayConfig> result = ConfigLoader::parse(json, QStringLiteral("config.json"),
                                                             QProcessEnvironment());
    QVERIFY2(!result.ok(), json.constData());
    const QString message = result.error().message;
    QCOMPARE(result.error().code, QStringLiteral("config.invalid"));
    const QString prefix = QStringLiteral("config.json: ") + path + QStringLiteral(": ");
    QVERIFY2(message.startsWith(prefix), qPrintable(message));
    QVERIFY2(message.contains(problem), qPrintable(message));
    QVERIFY2(!message.contains(kSecret), "secret leaked into an error message");
}

void tst_ConfigLoader::designSample()
{
    // DESIGN §9 verbatim, plus the anthropic provider and claude-3-5-haiku model its routes name.
    const QByteArray json = R"({
  "server":    {"host": "127.0.0.1", "port": 7420, "require_keys": false},
  "providers": [{"id": "openai", "kind": "openai", "base_url": "https://api.openai.com/v1",
                 "api_key_env": "OPENAI_API_KEY", "region": "us"},
                {"id": "anthropic", "kind": "anthropic", "api_key": "inline"}],
  "models":    [{"id": "gpt-4o-mini", "provider": "openai", "upstream": "gpt-4o-mini",
                 "price": {"input": 0.15, "output": 0.60, "cache_read": 0.075},
                 "scores": {"mmlu_pro": 63.1, "gpqa": 40.2},
                 "capabilities": ["tools", "vision"], "context": 128000},
                {"id": "claude-3-5-haiku", "provider": "anthropic", "upstream": "claude-3-5-haiku-latest"}],
  "routes":    [{"name": "auto", "strategy": "score", "candidates": ["gpt-4o-mini", "claude-3-5-haiku"],
                 "weights": {"mmlu_pro": 1, "cost": 2, "latency": 1}},
                {"name": "reliable", "strategy": "fallback", "targets": ["gpt-4o-mini", "claude-3-5-haiku"]},
                {"name": "spread", "strategy": "loadbalance",
                 "targets": [{"model": "gpt-4o-mini", "weight": 3}, {"model": "claude-3-5-haiku", "weight": 1}]},
                {"name": "by-customer", "strategy": "conditional",
                 "conditions": [{"when": {"customer": {"$eq": "acme"}}, "then": "reliable"}], "default": "auto"}],
  "rules":     [{"name": "acme-eu", "when": {"customer": {"$eq": "acme"}}, "then": {"regions": ["eu"]}}],
  "budgets":   [{"name": "acme-monthly", "scope": "customer", "match": "acme", "period": "month",
                 "limit_usd": 50, "alerts": [0.5, 0.8, 1.0], "on_limit": "block"}],
  "guards":    {"dlp": {"action": "redact"}, "injection": {"action": "flag"}}
})";
    QProcessEnvironment env;
    env.insert(QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-from-env"));
    const Result<GatewayConfig> result = ConfigLoader::parse(json, QStringLiteral("s.json"), env);
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
    const GatewayConfig &c = result.value();
    QCOMPARE(c.sourcePath, QStringLiteral("s.json"));
    QCOMPARE(c.server.host, QStringLiteral("127.0.0.1"));
    QCOMPARE(c.server.port, quint16(7420));
    QCOMPARE(c.server.requireKeys, false);
    QCOMPARE(c.providers.size(), 2);
    const ProviderSettings &p = c.providers.at(0);
    QCOMPARE(p.id, QStringLiteral("openai"));
    QCOMPARE(p.kind, QStringLiteral("openai"));
    QCOMPARE(p.baseUrl, QStringLiteral("https://api.openai.com/v1"));
    QCOMPARE(p.apiKeyEnv, QStringLiteral("OPENAI_API_KEY"));
    QCOMPARE(p.apiKey, QStringLiteral("sk-from-env"));
    QCOMPARE(p.region, QStringLiteral("us"));
    QCOMPARE(c.providers.at(1).apiKey, QStringLiteral("inline"));
    const ModelSettings &m = c.models.at(0);
    QCOMPARE(m.id, QStringLiteral("gpt-4o-mini"));
    QCOMPARE(m.provider, QStringLiteral("openai"));
    QCOMPARE(m.upstream, QStringLiteral("gpt-4o-mini"));
    QVERIFY(m.price.known);
    QCOMPARE(m.price.input, 0.15);
    QCOMPARE(m.price.output, 0.60);
    QCOMPARE(m.price.cacheRead, 0.075);
    QCOMPARE(m.price.cacheWrite, -1.0);
    QCOMPARE(m.scores.value(QStringLiteral("mmlu_pro")), 63.1);
    QCOMPARE(m.scores.value(QStringLiteral("gpqa")), 40.2);
    QCOMPARE(m.capabilities, (QStringList{QStringLiteral("tools"), QStringLiteral("vision")}));
    QCOMPARE(m.context, qint64(128000));
    QCOMPARE(c.models.at(1).upstream, QStringLiteral("claude-3-5-haiku-latest"));
    QVERIFY(!c.models.at(1).price.known);
    QCOMPARE(c.routes.size(), 4);
    const RouteSettings &autoRoute = c.routes.at(0);
    QCOMPARE(autoRoute.strategy, QStringLiteral("score"));
    QCOMPARE(autoRoute.candidates.size(), 2);
    QCOMPARE(autoRoute.weights.value(QStringLiteral("cost")), 2.0);
    QCOMPARE(autoRoute.weights.size(), 3);
    QCOMPARE(c.routes.at(1).targets.size(), 2);
    QCOMPARE(c.routes.at(1).targets.at(1).name, QStringLiteral("claude-3-5-haiku"));
    QCOMPARE(c.routes.at(1).targets.at(1).weight, 1.0);
    QCOMPARE(c.routes.at(2).targets.at(0).weight, 3.0);
    QCOMPARE(c.routes.at(3).conditions.size(), 1);
    QCOMPARE(c.routes.at(3).conditions.at(0).toObject().value(QStringLiteral("then")).toString(),
             QStringLiteral("reliable"));
    QCOMPARE(c.routes.at(3).defaultTarget, QStringLiteral("auto"));
    QCOMPARE(c.defaultRoute, QStringLiteral("auto"));
    QCOMPARE(c.rules.size(), 1);
    QCOMPARE(c.budgets.at(0).toObject().value(QStringLiteral("limit_usd")).toDouble(), 50.0);
    QCOMPARE(c.guards.value(QStringLiteral("dlp"))
                 .toObject()
                 .value(QStringLiteral("action"))
                 .toString(),
             QStringLiteral("redact"));
    QCOMPARE(c.version, quint64(1));
}

void tst_ConfigLoader::apiKeyEnv()
{
    const QByteArray json = R"({"providers":[
        {"id":"a","kind":"simulated","api_key_env":"SY_TEST_KEY"},
        {"id":"b","kind":"simulated","api_key_env":"SY_TEST_MISSING"},
        {"id":"c","kind":"simulated","api_key_env":"SY_TEST_KEY","api_key":"inline-wins"}]})";
    QProcessEnvironment env;
    env.insert(QStringLiteral("SY_TEST_KEY"), QStringLiteral("from-env"));
    const Result<GatewayConfig> result = ConfigLoader::parse(json, QStringLiteral("k.json"), env);
    QVERIFY(result.ok());
    QCOMPARE(result.value().provider(QStringLiteral("a"))->apiKey, QStringLiteral("from-env"));
    QVERIFY(result.value().provider(QStringLiteral("b"))->apiKey.isEmpty());
    QCOMPARE(result.value().provider(QStringLiteral("b"))->apiKeyEnv,
             QStringLiteral("SY_TEST_MISSING"));
    QCOMPARE(result.value().provider(QStringLiteral("c"))->apiKey, QStringLiteral("inline-wins"));
}

void tst_ConfigLoader::inlineKeyNeverInErrors()
{
    // The secret sits next to every kind of provider error, and in places a careless message
    // would echo (a URL, a misspelt key's value).
    const QList<QByteArray> broken = {
        cfg(R"([{"id":"p","kind":"openai","base_url":"https://$KEY:x@","api_key":"$KEY"}])"),
        cfg(R"([{"id":"p","kind":"simulated","api_kee":"$KEY"}])"),
        cfg(R"([{"id":"p","kind":"simulated","api_key":"$KEY","region":1}])"),
        cfg(R"([{"id":"p","kind":"simulated","api_key":"$KEY","latency_ms":"$KEY"}])"),
        cfg(R"([{"id":"p","kind":"simulated","api_key":"$KEY"},{"id":"p","kind":"simulated"}])"),
    };
    QProcessEnvironment env;
    env.insert(QStringLiteral("SECRET_ENV"), kSecret);
    for (const QByteArray &json : broken) {
        const Result<GatewayConfig> result = ConfigLoader::parse(json, QStringLiteral("c.json"),
                                                                 env);
        QVERIFY2(!result.ok(), json.constData());
        QVERIFY(!result.error().message.isEmpty());
        QVERIFY2(!result.error().message.contains(kSecret), "secret leaked into an error message");
    }
}

void tst_ConfigLoader::defaultsWithoutOpenAiKey()
{
    const GatewayConfig c = ConfigLoader::defaults(QProcessEnvironment());
    QVERIFY(c.sourcePath.isEmpty());
    QCOMPARE(c.server.port, quint16(7420));
    QCOMPARE(c.server.host, QStringLiteral("127.0.0.1"));
    QCOMPARE(c.providers.size(), 1);
    QVERIFY(c.providers.at(0).isSimulated());
    QCOMPARE(c.providers.at(0).failureRate, 0.02);
    QVERIFY(c.providers.at(0).tokensPerSecond >= 60 && c.providers.at(0).tokensPerSecond <= 90);
    QVERIFY(c.models.size() >= 3);
    for (const ModelSettings &m : c.models) {
        QVERIFY2(m.id.startsWith(QStringLiteral("sim-")), qPrintable(m.id));
        QVERIFY2(m.price.known && m.price.output > 0, qPrintable(m.id));
    }
    QCOMPARE(c.defaultRoute, QStringLiteral("auto"));
    const RouteSettings *autoRoute = c.route(QStringLiteral("auto"));
    QVERIFY(autoRoute);
    QCOMPARE(autoRoute->strategy, QStringLiteral("fallback"));
    QCOMPARE(autoRoute->targets.size(), c.models.size());
    QVERIFY(!c.provider(QStringLiteral("openai")));
}

void tst_ConfigLoader::defaultsWithOpenAiKey()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-env-key"));
    const GatewayConfig c = ConfigLoader::defaults(env);
    const ProviderSettings *openai = c.provider(QStringLiteral("openai"));
    QVERIFY(openai);
    QCOMPARE(openai->baseUrl, QStringLiteral("https://api.openai.com/v1"));
    QCOMPARE(openai->apiKeyEnv, QStringLiteral("OPENAI_API_KEY"));
    QCOMPARE(openai->apiKey, QStringLiteral("sk-env-key"));
    QVERIFY(c.provider(QStringLiteral("simulated")));
    const ModelSettings *mini = c.model(QStringLiteral("gpt-4o-mini"));
    QVERIFY(mini);
    QCOMPARE(mini->provider, QStringLiteral("openai"));
    QCOMPARE(mini->price.input, 0.15);
    QCOMPARE(mini->price.output, 0.60);
    QCOMPARE(mini->price.cacheRead, 0.075);
    const ModelSettings *big = c.model(QStringLiteral("gpt-4o"));
    QVERIFY(big);
    QCOMPARE(big->price.input, 2.50);
    QCOMPARE(big->price.output, 10.00);
    const RouteSettings *autoRoute = c.route(QStringLiteral("auto"));
    QVERIFY(autoRoute);
    QCOMPARE(autoRoute->targets.at(0).name, QStringLiteral("gpt-4o-mini"));
    QCOMPARE(autoRoute->targets.at(1).name, QStringLiteral("gpt-4o"));
    QVERIFY(autoRoute->targets.at(2).name.startsWith(QStringLiteral("sim-")));
    QCOMPARE(autoRoute->targets.size(), c.models.size());
}

void tst_ConfigLoader::syntaxErrorLineColumn()
{
    // Missing comma before "port" (line 3, column 5); Qt reports the offset just inside it.
    const QByteArray json = "{\n  \"server\": {\"host\": \"127.0.0.1\"\n    \"port\": 7420}\n}\n";
    const Result<GatewayConfig> result = ConfigLoader::parse(json, QStringLiteral("config.json"),
                                                             QProcessEnvironment());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, QStringLiteral("config.syntax"));
    QVERIFY2(result.error().message.startsWith(
                 QStringLiteral("config.json:3:6: JSON syntax error: ")),
             qPrintable(result.error().message));

    const Result<GatewayConfig> empty = ConfigLoader::parse(QByteArray(), QStringLiteral("e.json"),
                                                            QProcessEnvironment());
    QVERIFY(!empty.ok());
    QVERIFY2(empty.error().message.startsWith(QStringLiteral("e.json:1:1: ")),
             qPrintable(empty.error().message));
}

void tst_ConfigLoader::loadFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString missing = dir.filePath(QStringLiteral("nope.json"));
    const Result<GatewayConfig> none = ConfigLoader::loadFile(missing, QProcessEnvironment());
    QVERIFY(!none.ok());
    QCOMPARE(none.error().code, QStringLiteral("config.io"));
    QVERIFY(none.error().message.startsWith(missing + QStringLiteral(": ")));

    const QString path = dir.filePath(QStringLiteral("config.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(ConfigLoader::defaultJson());
    file.close();
    const Result<GatewayConfig> loaded = ConfigLoader::loadFile(path, QProcessEnvironment());
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
    QCOMPARE(loaded.value().sourcePath, path);
    QVERIFY(ConfigLoader::defaultPath().endsWith(QStringLiteral("/switchyard/config.json")));
}

void tst_ConfigLoader::lookups()
{
    const GatewayConfig c = ConfigLoader::defaults(QProcessEnvironment());
    QVERIFY(c.provider(QStringLiteral("simulated")));
    QCOMPARE(c.provider(QStringLiteral("simulated"))->id, QStringLiteral("simulated"));
    QVERIFY(!c.provider(QStringLiteral("auto")));
    QCOMPARE(c.model(QStringLiteral("sim-gpt"))->provider, QStringLiteral("simulated"));
    QVERIFY(!c.model(QStringLiteral("auto")));
    QVERIFY(!c.route(QStringLiteral("sim-gpt")));
    QCOMPARE(c.route(QStringLiteral("auto"))->name, QStringLiteral("auto"));
}

QTEST_GUILESS_MAIN(tst_ConfigLoader)
#include "tst_configloader.moc"
