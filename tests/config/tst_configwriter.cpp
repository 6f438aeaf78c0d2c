// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/config/configloader.h"
#include "core/config/configwriter.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Switchyard;
using namespace Switchyard::Config;

namespace {

const QString kSecret = QStringLiteral("sk-test-SECRET-do-not-write-9876");

const char *kBase = R"({
  "server": {"host": "127.0.0.1", "port": 0},
  "providers": [{"id": "sim", "kind": "simulated", "api_key_env": "SW_WRITER_KEY"}],
  "models": [{"id": "m1", "provider": "sim", "scores": {"q": 1}},
             {"id": "m2", "provider": "sim", "scores": {"q": 2}}],
  "routes": [{"name": "base", "strategy": "fallback", "targets": ["m1"]}],
  "default_route": "base",
  "rules": [{"name": "acme-eu", "when": {"customer": {"$eq": "acme"}}, "then": {"regions": ["eu"]}}],
  "budgets": [{"name": "b", "scope": "customer", "match": "acme", "period": "month", "limit_usd": 5}],
  "guards": {"dlp": {"action": "redact"}}
})";

QProcessEnvironment env()
{
    QProcessEnvironment e;
    e.insert(QStringLiteral("SW_WRITER_KEY"), kSecret);
    return e;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

GatewayConfig baseConfig(const QString &path)
{
    Result<GatewayConfig> r = ConfigLoader::parse(kBase, path, env());
    if (!r.ok()) {
        qFatal("base config does not parse: %s", qPrintable(r.error().message));
    }
    return std::move(r).value();
}

RouteSettings fromJson(const char *json)
{
    const QJsonObject route = QJsonDocument::fromJson(json).object();
    QJsonObject root = QJsonDocument::fromJson(kBase).object();
    QJsonArray routes = root.value(QLatin1String("routes")).toArray();
    routes.append(route);
    root.insert(QStringLiteral("routes"), routes);
    Result<GatewayConfig> r = ConfigLoader::parse(QJsonDocument(root).toJson(), QStringLiteral("t"),
                                                  env());
    if (!r.ok()) {
        qFatal("route does not parse: %s", qPrintable(r.error().message));
    }
    return r.value().routes.last();
}

bool sameRoute(const RouteSettings &a, const RouteSettings &b)
{
    if (a.targets.size() != b.targets.size()) {
        return false;
    }
    for (qsizetype i = 0; i < a.targets.size(); ++i) {
        if (a.targets.at(i).name != b.targets.at(i).name
            || a.targets.at(i).weight != b.targets.at(i).weight) {
            return false;
        }
    }
    return a.name == b.name && a.strategy == b.strategy && a.candidates == b.candidates
           && a.weights == b.weights && a.conditions == b.conditions
           && a.defaultTarget == b.defaultTarget;
}

} // namespace

class tst_ConfigWriter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void wholeConfigValidates();
    void saveKeepsOtherSectionsAndNoSecret();
    void invalidRouteLeavesFileUntouched_data();
    void invalidRouteLeavesFileUntouched();
    void validateNamesPath();
    void catalogModelGetsMinimalEntry();
    void embeddedDefaultsSaveToDefaultPath();
};

void tst_ConfigWriter::roundTrip_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("fallback") << QByteArray(
        R"({"name": "r", "strategy": "fallback", "targets": ["m2", "base", "m1"]})");
    QTest::newRow("loadbalance") << QByteArray(
        R"({"name": "r", "strategy": "loadbalance", "targets": [{"model": "m1", "weight": 3},
            {"model": "m2", "weight": 0.5}]})");
    QTest::newRow("score") << QByteArray(
        R"({"name": "r", "strategy": "score", "candidates": ["m1", "m2"],
            "weights": {"q": 1, "cost": 2.5, "latency": 1}})");
    QTest::newRow("conditional") << QByteArray(
        R"({"name": "r", "strategy": "conditional", "conditions": [
            {"when": {"customer": {"$eq": "acme"}}, "then": "m1"},
            {"when": {"$or": [{"tags": {"$in": ["x"]}}, {"prompt_tokens": {"$gt": 1000}}]}, "then": "base"}],
            "default": "m2"})");
}

void tst_ConfigWriter::roundTrip()
{
    QFETCH(QByteArray, json);
    const RouteSettings original = fromJson(json.constData());
    const QByteArray written = QJsonDocument(ConfigWriter::routeToJson(original)).toJson();
    const RouteSettings again = fromJson(written.constData());
    QVERIFY2(sameRoute(original, again), written.constData());
}

void tst_ConfigWriter::wholeConfigValidates()
{
    GatewayConfig config = ConfigLoader::defaults(env());
    config.routes.append(fromJson(
        R"({"name": "lb", "strategy": "loadbalance", "targets": [{"model": "m1", "weight": 2}]})"));
    // The route names m1, which defaults() lacks: the round trip must say so, with the path.
    const Result<GatewayConfig> bad = ConfigWriter::validate(config, env());
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error().message.contains(QLatin1String("$.routes[3].targets[0].model")),
             qPrintable(bad.error().message));
    config.routes.last().targets.first().name = QStringLiteral("sim-fast");
    const Result<GatewayConfig> good = ConfigWriter::validate(config, env());
    QVERIFY2(good.ok(), good.ok() ? "" : qPrintable(good.error().message));
    QCOMPARE(good.value().routes.size(), 4);
    QCOMPARE(good.value().models.size(), config.models.size());
    QCOMPARE(good.value().providers.first().failureRate, config.providers.first().failureRate);
}

void tst_ConfigWriter::saveKeepsOtherSectionsAndNoSecret()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("config.json"));
    QVERIFY(writeAll(path, kBase));
    const GatewayConfig current = baseConfig(path);
    QCOMPARE(current.providers.first().apiKey, kSecret); // resolved in memory

    QList<RouteSettings> routes = current.routes;
    routes.append(fromJson(
        R"({"name": "spread", "strategy": "loadbalance", "targets": [{"model": "m2", "weight": 4}]})"));
    const Result<SavedConfig> saved =
        ConfigWriter::saveRoutes(current, routes, QStringLiteral("spread"), env());
    QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error().message));
    QCOMPARE(saved.value().path, path);

    const QByteArray bytes = readAll(path);
    QCOMPARE(bytes, saved.value().content);
    QVERIFY(!bytes.contains(kSecret.toUtf8()));
    QCOMPARE(readAll(path + QStringLiteral(".bak")), QByteArray(kBase));

    const QJsonObject before = QJsonDocument::fromJson(kBase).object();
    const QJsonObject after = QJsonDocument::fromJson(bytes).object();
    for (const char *key : {"server", "providers", "models", "rules", "budgets", "guards"}) {
        QCOMPARE(after.value(QLatin1String(key)), before.value(QLatin1String(key)));
    }
    QCOMPARE(after.value(QLatin1String("default_route")).toString(), QStringLiteral("spread"));
    const Result<GatewayConfig> reloaded = ConfigLoader::loadFile(path, env());
    QVERIFY(reloaded.ok());
    QCOMPARE(reloaded.value().routes.size(), 2);
    QCOMPARE(reloaded.value().route(QStringLiteral("spread"))->targets.first().weight, 4.0);
    QCOMPARE(saved.value().config.defaultRoute, QStringLiteral("spread"));
}

void tst_ConfigWriter::invalidRouteLeavesFileUntouched_data()
{
    QTest::addColumn<QByteArray>("route");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("problem");
    QTest::newRow("unknown target")
        << QByteArray(R"({"name": "x", "strategy": "fallback", "targets": ["m1", "nope"]})")
        << QStringLiteral("$.routes[1].targets[1]") << QStringLiteral("unknown model or route 'nope'");
    QTest::newRow("zero weight")
        << QByteArray(R"({"name": "x", "strategy": "loadbalance", "targets": [{"model": "m1", "weight": 0}]})")
        << QStringLiteral("$.routes[1].targets[0].weight") << QStringLiteral("greater than 0");
    QTest::newRow("cycle")
        << QByteArray(R"({"name": "x", "strategy": "fallback", "targets": ["x"]})")
        << QStringLiteral("$.routes[1]") << QStringLiteral("route cycle: x -> x");
    QTest::newRow("unknown metric")
        << QByteArray(R"({"name": "x", "strategy": "score", "candidates": ["m1"], "weights": {"mmlu": 1}})")
        << QStringLiteral("$.routes[1].weights.mmlu") << QStringLiteral("neither a model score");
}

void tst_ConfigWriter::invalidRouteLeavesFileUntouched()
{
    QFETCH(QByteArray, route);
    QFETCH(QString, path);
    QFETCH(QString, problem);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("config.json"));
    QVERIFY(writeAll(file, kBase));
    const GatewayConfig current = baseConfig(file);

    // Build the RouteSettings by hand: the loader would refuse to produce a bad one.
    const QJsonObject obj = QJsonDocument::fromJson(route).object();
    RouteSettings bad;
    bad.name = obj.value(QLatin1String("name")).toString();
    bad.strategy = obj.value(QLatin1String("strategy")).toString();
    for (const QJsonValue &t : obj.value(QLatin1String("targets")).toArray()) {
        bad.targets.append(t.isString() ? RouteTarget{t.toString(), 1}
                                        : RouteTarget{t[QLatin1String("model")].toString(),
                                                      t[QLatin1String("weight")].toDouble()});
    }
    for (const QJsonValue &c : obj.value(QLatin1String("candidates")).toArray()) {
        bad.candidates.append(c.toString());
    }
    const QJsonObject weights = obj.value(QLatin1String("weights")).toObject();
    for (auto it = weights.begin(); it != weights.end(); ++it) {
        bad.weights.insert(it.key(), it.value().toDouble());
    }

    const Result<SavedConfig> saved = ConfigWriter::saveRoutes(
        current, current.routes + QList<RouteSettings>{bad}, QStringLiteral("base"), env());
    QVERIFY(!saved.ok());
    const QString message = saved.error().message;
    QVERIFY2(message.startsWith(file + QStringLiteral(": ") + path + QStringLiteral(": ")),
             qPrintable(message));
    QVERIFY2(message.contains(problem), qPrintable(message));
    QVERIFY(!message.contains(kSecret));
    QCOMPARE(readAll(file), QByteArray(kBase));
    QVERIFY(!QFile::exists(file + QStringLiteral(".bak")));
}

void tst_ConfigWriter::validateNamesPath()
{
    GatewayConfig config = baseConfig(QStringLiteral("my.json"));
    config.routes.first().targets.first().name = QStringLiteral("m3");
    const Result<GatewayConfig> r = ConfigWriter::validate(config, env());
    QVERIFY(!r.ok());
    QCOMPARE(r.error().message,
             QStringLiteral("my.json: $.routes[0].targets[0]: unknown model or route 'm3' (did you "
                            "mean 'm1'?)"));
}

void tst_ConfigWriter::catalogModelGetsMinimalEntry()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("config.json"));
    QVERIFY(writeAll(path, kBase));
    GatewayConfig current = baseConfig(path);
    ModelSettings merged; // as the core's catalog merge adds it: known at run time, not in the file
    merged.id = QStringLiteral("cat-model");
    merged.provider = QStringLiteral("sim");
    merged.price = Price{true, 1, 2};
    merged.scores.insert(QStringLiteral("q"), 3);
    current.models.append(merged);

    QList<RouteSettings> routes = current.routes;
    routes.first().targets.append(RouteTarget{QStringLiteral("cat-model"), 1});
    const Result<SavedConfig> saved =
        ConfigWriter::saveRoutes(current, routes, QStringLiteral("base"), env());
    QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error().message));
    const QJsonArray models =
        QJsonDocument::fromJson(readAll(path)).object().value(QLatin1String("models")).toArray();
    QCOMPARE(models.size(), 3);
    QCOMPARE(models.last().toObject(),
             QJsonObject({{QStringLiteral("id"), QStringLiteral("cat-model")},
                          {QStringLiteral("provider"), QStringLiteral("sim")}}));
}

void tst_ConfigWriter::embeddedDefaultsSaveToDefaultPath()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QByteArray oldXdg = qgetenv("XDG_CONFIG_HOME");
    qputenv("XDG_CONFIG_HOME", home.path().toUtf8());
    const QString expected = home.filePath(QStringLiteral("switchyard/config.json"));
    QCOMPARE(ConfigLoader::defaultPath(), expected);

    GatewayConfig config = ConfigLoader::defaults(env());
    config.server.port = 0; // a --port for this run must not be persisted
    QList<RouteSettings> routes = config.routes;
    routes.first().targets.removeLast();
    const Result<SavedConfig> saved =
        ConfigWriter::saveRoutes(config, routes, QStringLiteral("auto"), env());
    if (oldXdg.isEmpty()) {
        qunsetenv("XDG_CONFIG_HOME");
    } else {
        qputenv("XDG_CONFIG_HOME", oldXdg);
    }
    QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error().message));
    QCOMPARE(saved.value().path, expected);
    const Result<GatewayConfig> reloaded = ConfigLoader::loadFile(expected, env());
    QVERIFY(reloaded.ok());
    QCOMPARE(reloaded.value().server.port, quint16(7420));
    QCOMPARE(reloaded.value().route(QStringLiteral("auto"))->targets.size(),
             config.routes.first().targets.size() - 1);
    QCOMPARE(reloaded.value().models.size(), config.models.size());
    QVERIFY(!QFile::exists(expected + QStringLiteral(".bak")));
}

QTEST_GUILESS_MAIN(tst_ConfigWriter)
#include "tst_configwriter.moc"
