// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/config/configloader.h"
#include "core/routing/conditions.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Switchyard;
using namespace Switchyard::Routing;

namespace {

const QString s_whenPath = QStringLiteral("$.routes[0].conditions[0].when");

QJsonValue json(const char *text)
{
    const QByteArray wrapped = QByteArray("{\"v\":") + text + "}";
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(wrapped, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", text);
    return doc.object().value(QLatin1String("v"));
}

RequestTraits sampleTraits()
{
    RequestTraits t;
    t.customer = QStringLiteral("acme");
    t.project = QStringLiteral("apollo");
    t.feature = QStringLiteral("chat");
    t.tags = {QStringLiteral("eu"), QStringLiteral("batch")};
    t.app = QStringLiteral("aider");
    t.hasTools = true;
    t.hasImages = false;
    t.promptTokens = 1500;
    return t;
}

/// A config whose only conditional route carries `when`, `then` and `default`.
QByteArray configWith(const QByteArray &when, const char *then = "m1", const char *fallback = "m1")
{
    return QByteArray(R"({"providers": [{"id": "sim", "kind": "simulated"}],
        "models": [{"id": "m1", "provider": "sim"}, {"id": "m2", "provider": "sim"}],
        "routes": [{"name": "c", "strategy": "conditional",
                    "conditions": [{"when": )") + when + R"(, "then": ")" + then + R"("}],
                    "default": ")" + fallback + R"("}], "default_route": "m1"})";
}

} // namespace

class tst_Conditions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matches_data();
    void matches();
    void blankTraits_data();
    void blankTraits();
    void describesWhatFired_data();
    void describesWhatFired();
    void rejects_data();
    void rejects();
    void validatorChecksTargets_data();
    void validatorChecksTargets();
    void validatorAcceptsEveryOperator();
};

void tst_Conditions::matches_data()
{
    QTest::addColumn<QByteArray>("when");
    QTest::addColumn<bool>("expected");
    // Traits: customer acme, project apollo, feature chat, tags [eu, batch], app aider,
    // tools yes, images no, 1500 prompt tokens.
    QTest::newRow("bare value means $eq") << QByteArray(R"({"customer": "acme"})") << true;
    QTest::newRow("$eq hit") << QByteArray(R"({"project": {"$eq": "apollo"}})") << true;
    QTest::newRow("$eq miss") << QByteArray(R"({"customer": {"$eq": "globex"}})") << false;
    QTest::newRow("$eq is case-sensitive") << QByteArray(R"({"customer": "ACME"})") << false;
    QTest::newRow("$ne hit") << QByteArray(R"({"customer": {"$ne": "globex"}})") << true;
    QTest::newRow("$ne miss") << QByteArray(R"({"customer": {"$ne": "acme"}})") << false;
    QTest::newRow("$in hit") << QByteArray(R"({"project": {"$in": ["x", "apollo"]}})") << true;
    QTest::newRow("$in miss") << QByteArray(R"({"project": {"$in": ["x", "y"]}})") << false;
    QTest::newRow("$nin hit") << QByteArray(R"({"feature": {"$nin": ["batch", "embed"]}})") << true;
    QTest::newRow("$nin miss") << QByteArray(R"({"feature": {"$nin": ["chat"]}})") << false;
    QTest::newRow("$regex anchored") << QByteArray(R"({"app": {"$regex": "^ai"}})") << true;
    QTest::newRow("$regex searches unanchored") << QByteArray(R"({"feature": {"$regex": "ha"}})") << true;
    QTest::newRow("$regex miss") << QByteArray(R"({"customer": {"$regex": "^ACME$"}})") << false;
    QTest::newRow("$gt hit") << QByteArray(R"({"prompt_tokens": {"$gt": 1000}})") << true;
    QTest::newRow("$gt is strict") << QByteArray(R"({"prompt_tokens": {"$gt": 1500}})") << false;
    QTest::newRow("$lt hit") << QByteArray(R"({"prompt_tokens": {"$lt": 2000}})") << true;
    QTest::newRow("$lt miss") << QByteArray(R"({"prompt_tokens": {"$lt": 100}})") << false;
    QTest::newRow("number bare $eq") << QByteArray(R"({"prompt_tokens": 1500})") << true;
    QTest::newRow("number $ne") << QByteArray(R"({"prompt_tokens": {"$ne": 1500}})") << false;
    QTest::newRow("number $in") << QByteArray(R"({"prompt_tokens": {"$in": [1, 1500]}})") << true;
    QTest::newRow("number $nin") << QByteArray(R"({"prompt_tokens": {"$nin": [1, 2]}})") << true;
    QTest::newRow("range: two operators on one field") << QByteArray(R"({"prompt_tokens": {"$gt": 1000, "$lt": 2000}})") << true;
    QTest::newRow("range miss") << QByteArray(R"({"prompt_tokens": {"$gt": 1000, "$lt": 1200}})") << false;
    QTest::newRow("has_tools true") << QByteArray(R"({"has_tools": true})") << true;
    QTest::newRow("has_images bare false") << QByteArray(R"({"has_images": false})") << true;
    QTest::newRow("has_images $eq true") << QByteArray(R"({"has_images": {"$eq": true}})") << false;
    QTest::newRow("has_tools $ne true") << QByteArray(R"({"has_tools": {"$ne": true}})") << false;
    QTest::newRow("tags $eq: any tag") << QByteArray(R"({"tags": "batch"})") << true;
    QTest::newRow("tags $eq: no tag") << QByteArray(R"({"tags": "us"})") << false;
    QTest::newRow("tags $ne: no tag equals") << QByteArray(R"({"tags": {"$ne": "us"}})") << true;
    QTest::newRow("tags $ne: one tag equals") << QByteArray(R"({"tags": {"$ne": "eu"}})") << false;
    QTest::newRow("tags $in: any tag listed") << QByteArray(R"({"tags": {"$in": ["us", "batch"]}})") << true;
    QTest::newRow("tags $in: none listed") << QByteArray(R"({"tags": {"$in": ["us", "apac"]}})") << false;
    QTest::newRow("tags $nin: none listed") << QByteArray(R"({"tags": {"$nin": ["us"]}})") << true;
    QTest::newRow("tags $nin: one listed") << QByteArray(R"({"tags": {"$nin": ["us", "batch"]}})") << false;
    QTest::newRow("tags $regex: any tag") << QByteArray(R"({"tags": {"$regex": "^ba"}})") << true;
    QTest::newRow("several fields: all hold") << QByteArray(R"({"customer": "acme", "tags": "eu", "has_tools": true})") << true;
    QTest::newRow("several fields: one fails") << QByteArray(R"({"customer": "acme", "tags": "us"})") << false;
    QTest::newRow("$or: one holds") << QByteArray(R"({"$or": [{"customer": "x"}, {"tags": "eu"}]})") << true;
    QTest::newRow("$or: none holds") << QByteArray(R"({"$or": [{"customer": "x"}, {"tags": "us"}]})") << false;
    QTest::newRow("$and: all hold") << QByteArray(R"({"$and": [{"customer": "acme"}, {"app": "aider"}]})") << true;
    QTest::newRow("$and: one fails") << QByteArray(R"({"$and": [{"customer": "acme"}, {"app": "cursor"}]})") << false;
    QTest::newRow("$or inside $and") << QByteArray(R"({"$and": [{"$or": [{"project": "x"}, {"project": "apollo"}]}, {"prompt_tokens": {"$gt": 10}}]})") << true;
    QTest::newRow("$and inside $or") << QByteArray(R"({"$or": [{"$and": [{"customer": "acme"}, {"has_images": true}]}, {"feature": "embed"}]})") << false;
    QTest::newRow("$or next to a field") << QByteArray(R"({"customer": "acme", "$or": [{"tags": "us"}, {"app": "aider"}]})") << true;
    QTest::newRow("empty object matches everything") << QByteArray("{}") << true;
}

void tst_Conditions::matches()
{
    QFETCH(QByteArray, when);
    QFETCH(bool, expected);
    const Result<Condition> condition = Condition::compile(json(when.constData()), s_whenPath);
    QVERIFY2(condition.ok(), condition.ok() ? "" : qPrintable(condition.error().message));
    QCOMPARE(condition.value().matches(sampleTraits()), expected);
    // What the validator accepts and the router compiles must agree.
    const Result<Config::GatewayConfig> config = Config::ConfigLoader::parse(configWith(when), QStringLiteral("t.json"), {});
    QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
}

void tst_Conditions::blankTraits_data()
{
    QTest::addColumn<QByteArray>("when");
    QTest::addColumn<bool>("expected");
    QTest::newRow("no customer: $eq fails") << QByteArray(R"({"customer": "acme"})") << false;
    QTest::newRow("no customer: $ne holds") << QByteArray(R"({"customer": {"$ne": "acme"}})") << true;
    QTest::newRow("no customer: $eq empty string") << QByteArray(R"({"customer": ""})") << true;
    QTest::newRow("no tags: $eq fails") << QByteArray(R"({"tags": "eu"})") << false;
    QTest::newRow("no tags: $nin holds") << QByteArray(R"({"tags": {"$nin": ["eu"]}})") << true;
    QTest::newRow("no tools") << QByteArray(R"({"has_tools": false})") << true;
    QTest::newRow("zero tokens $lt") << QByteArray(R"({"prompt_tokens": {"$lt": 1}})") << true;
}

void tst_Conditions::blankTraits()
{
    QFETCH(QByteArray, when);
    QFETCH(bool, expected);
    const Result<Condition> condition = Condition::compile(json(when.constData()), s_whenPath);
    QVERIFY(condition.ok());
    QCOMPARE(condition.value().matches(RequestTraits{}), expected);
}

void tst_Conditions::describesWhatFired_data()
{
    QTest::addColumn<QByteArray>("when");
    QTest::addColumn<QString>("description");
    QTest::newRow("bare value") << QByteArray(R"({"customer": "acme"})") << "customer $eq acme";
    QTest::newRow("list operand") << QByteArray(R"({"tags": {"$in": ["a", "b"]}})") << "tags $in [a, b]";
    QTest::newRow("fields joined by and") << QByteArray(R"({"customer": "acme", "has_tools": true})") << "customer $eq acme and has_tools $eq true";
    QTest::newRow("$or in parentheses") << QByteArray(R"({"$or": [{"app": "x"}, {"prompt_tokens": {"$gt": 100}}]})") << "(app $eq x or prompt_tokens $gt 100)";
    QTest::newRow("empty") << QByteArray("{}") << "always";
}

void tst_Conditions::describesWhatFired()
{
    QFETCH(QByteArray, when);
    QFETCH(QString, description);
    const Result<Condition> condition = Condition::compile(json(when.constData()), s_whenPath);
    QVERIFY(condition.ok());
    QCOMPARE(condition.value().describe(), description);
}

void tst_Conditions::rejects_data()
{
    QTest::addColumn<QByteArray>("when");
    QTest::addColumn<QString>("pathSuffix");
    QTest::addColumn<QString>("problem");
    QTest::newRow("unknown field") << QByteArray(R"({"customr": "acme"})") << ".customr" << "customr";
    QTest::newRow("unknown operator") << QByteArray(R"({"customer": {"$eqq": "a"}})") << ".customer[\"$eqq\"]" << "unknown operator";
    QTest::newRow("unknown top-level operator") << QByteArray(R"({"$not": {"customer": "a"}})") << "[\"$not\"]" << "$and and $or";
    QTest::newRow("string field, number operand") << QByteArray(R"({"customer": {"$eq": 5}})") << ".customer[\"$eq\"]" << "expected a string";
    QTest::newRow("bare value of the wrong type") << QByteArray(R"({"project": true})") << ".project" << "expected a string";
    QTest::newRow("$in needs an array") << QByteArray(R"({"customer": {"$in": "a"}})") << ".customer[\"$in\"]" << "expected an array of strings";
    QTest::newRow("$in item of the wrong type") << QByteArray(R"({"tags": {"$in": ["a", 1]}})") << ".tags[\"$in\"][1]" << "expected a string";
    QTest::newRow("$gt on a string") << QByteArray(R"({"customer": {"$gt": "a"}})") << ".customer[\"$gt\"]" << "does not apply";
    QTest::newRow("$regex on a number") << QByteArray(R"({"prompt_tokens": {"$regex": "1"}})") << ".prompt_tokens[\"$regex\"]" << "does not apply";
    QTest::newRow("number field, string operand") << QByteArray(R"({"prompt_tokens": "10"})") << ".prompt_tokens" << "expected a number";
    QTest::newRow("$nin of numbers, string item") << QByteArray(R"({"prompt_tokens": {"$nin": [1, "2"]}})") << ".prompt_tokens[\"$nin\"][1]" << "expected a number";
    QTest::newRow("boolean field, string operand") << QByteArray(R"({"has_tools": "yes"})") << ".has_tools" << "true or false";
    QTest::newRow("boolean field, $in") << QByteArray(R"({"has_images": {"$in": [true]}})") << ".has_images[\"$in\"]" << "does not apply";
    QTest::newRow("invalid regex") << QByteArray(R"({"app": {"$regex": "(unclosed"}})") << ".app[\"$regex\"]" << "invalid regular expression";
    QTest::newRow("$or needs an array") << QByteArray(R"({"$or": {"customer": "a"}})") << "[\"$or\"]" << "non-empty array";
    QTest::newRow("$and must not be empty") << QByteArray(R"({"$and": []})") << "[\"$and\"]" << "non-empty array";
    QTest::newRow("$or item not an object") << QByteArray(R"({"$or": ["acme"]})") << "[\"$or\"][0]" << "expected an object";
    QTest::newRow("error deep inside nesting") << QByteArray(R"({"$and": [{"customer": "a"}, {"$or": [{"tags": {"$gt": 1}}]}]})") << "[\"$and\"][1][\"$or\"][0].tags[\"$gt\"]" << "does not apply";
    QTest::newRow("$or under a field") << QByteArray(R"({"customer": {"$or": ["a"]}})") << ".customer[\"$or\"]" << "combines whole conditions";
    QTest::newRow("field without operators") << QByteArray(R"({"customer": {}})") << ".customer" << "at least one operator";
}

void tst_Conditions::rejects()
{
    QFETCH(QByteArray, when);
    QFETCH(QString, pathSuffix);
    QFETCH(QString, problem);
    const QString path = s_whenPath + pathSuffix + QStringLiteral(": ");

    const Result<Condition> compiled = Condition::compile(json(when.constData()), s_whenPath);
    QVERIFY(!compiled.ok());
    QCOMPARE(compiled.error().code, QStringLiteral("condition_invalid"));
    QVERIFY2(compiled.error().message.startsWith(path), qPrintable(compiled.error().message));
    QVERIFY2(compiled.error().message.contains(problem), qPrintable(compiled.error().message));

    const Result<Config::GatewayConfig> config = Config::ConfigLoader::parse(configWith(when), QStringLiteral("t.json"), {});
    QVERIFY(!config.ok());
    QCOMPARE(config.error().code, QStringLiteral("config.invalid"));
    QVERIFY2(config.error().message.startsWith(QStringLiteral("t.json: ") + path), qPrintable(config.error().message));
    QVERIFY2(config.error().message.contains(problem), qPrintable(config.error().message));
}

void tst_Conditions::validatorChecksTargets_data()
{
    QTest::addColumn<QByteArray>("then");
    QTest::addColumn<QByteArray>("fallback");
    QTest::addColumn<QString>("path");
    QTest::newRow("then names nothing") << QByteArray("m3") << QByteArray("m1") << "$.routes[0].conditions[0].then";
    QTest::newRow("default names nothing") << QByteArray("m1") << QByteArray("nope") << "$.routes[0].default";
}

void tst_Conditions::validatorChecksTargets()
{
    QFETCH(QByteArray, then);
    QFETCH(QByteArray, fallback);
    QFETCH(QString, path);
    const Result<Config::GatewayConfig> config = Config::ConfigLoader::parse(
        configWith(R"({"customer": "acme"})", then.constData(), fallback.constData()), QStringLiteral("t.json"), {});
    QVERIFY(!config.ok());
    QVERIFY2(config.error().message.startsWith(QStringLiteral("t.json: ") + path + QStringLiteral(": unknown model or route")),
             qPrintable(config.error().message));
}

void tst_Conditions::validatorAcceptsEveryOperator()
{
    const QByteArray when = R"({"customer": {"$eq": "a", "$ne": "b", "$in": ["a"], "$nin": ["c"], "$regex": "^a"},
        "tags": {"$in": ["x"]}, "has_tools": true, "has_images": {"$ne": true},
        "prompt_tokens": {"$gt": 1, "$lt": 9, "$in": [5], "$nin": [6]},
        "$or": [{"project": "p"}, {"$and": [{"feature": "f"}, {"app": {"$regex": "ai"}}]}]})";
    const Result<Config::GatewayConfig> config = Config::ConfigLoader::parse(configWith(when), QStringLiteral("t.json"), {});
    QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
    const Result<QList<ConditionalRule>> rules = compileRules(config.value().routes.first().conditions, QStringLiteral("$.routes[0].conditions"));
    QVERIFY(rules.ok());
    QCOMPARE(rules.value().size(), 1);
    QCOMPARE(rules.value().first().then, QStringLiteral("m1"));
}

QTEST_GUILESS_MAIN(tst_Conditions)
#include "tst_conditions.moc"
