// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/routing/catalog.h"

#include <QSet>
#include <QTest>

using namespace Switchyard;
using namespace Switchyard::Routing;

class tst_Catalog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtinIsLargeAndCoversFamilies();
    void everyEntryIsValid_data();
    void everyEntryIsValid();
    void seededFigures_data();
    void seededFigures();
    void badDocuments_data();
    void badDocuments();
    void csvGood_data();
    void csvGood();
    void csvBad_data();
    void csvBad();
    void csvApplies();
};

void tst_Catalog::builtinIsLargeAndCoversFamilies()
{
    const Catalog &catalog = Catalog::builtin();
    QVERIFY2(catalog.entries().size() >= 40, qPrintable(QString::number(catalog.entries().size())));
    QSet<QString> families;
    for (const CatalogEntry &e : catalog.entries()) {
        families.insert(e.family);
    }
    for (const char *family : {"openai", "anthropic", "google", "mistral", "deepseek", "groq",
                               "ollama"}) {
        QVERIFY2(families.contains(QLatin1String(family)), family);
    }
    QCOMPARE(catalog.models().size(), catalog.entries().size());
    QVERIFY(catalog.sourceNames().contains(QStringLiteral("SE")));
    QVERIFY(catalog.find(QStringLiteral("gpt-4o-mini")));
    QVERIFY(!catalog.find(QStringLiteral("no-such-model")));
}

void tst_Catalog::everyEntryIsValid_data()
{
    QTest::addColumn<QString>("id");
    for (const CatalogEntry &e : Catalog::builtin().entries()) {
        QTest::newRow(qPrintable(e.model.id)) << e.model.id;
    }
}

void tst_Catalog::everyEntryIsValid()
{
    QFETCH(QString, id);
    const Catalog &catalog = Catalog::builtin();
    const CatalogEntry *e = catalog.find(id);
    QVERIFY(e);
    const Config::ModelSettings &m = e->model;
    QVERIFY(!m.provider.isEmpty());
    QVERIFY(!m.upstream.isEmpty());
    QVERIFY(QStringList({"openai", "anthropic", "gemini"}).contains(e->kind));
    QVERIFY(!e->regions.isEmpty());
    QVERIFY(m.context > 0);
    QVERIFY(!m.capabilities.isEmpty());
    const QStringList knownCaps{"tools", "vision", "reasoning", "json", "embeddings"};
    for (const QString &cap : m.capabilities) {
        QVERIFY2(knownCaps.contains(cap), qPrintable(cap));
    }
    if (m.price.known) {
        QVERIFY(m.price.input >= 0);
        QVERIFY(m.price.output >= 0);
        QVERIFY(m.price.cacheRead >= 0 || m.price.cacheRead == -1);
        QVERIFY(m.price.cacheWrite >= 0 || m.price.cacheWrite == -1);
        QVERIFY2(e->sources.contains(QStringLiteral("price")), "a price needs a source");
    } else {
        QVERIFY2(!e->note.isEmpty(), "an unpriced model says why");
    }
    if (e->family == QLatin1String("ollama")) {
        QVERIFY(m.price.known);
        QCOMPARE(m.price.input + m.price.output, 0.0);
    }
    for (auto it = m.scores.constBegin(); it != m.scores.constEnd(); ++it) {
        QVERIFY2(e->sources.contains(it.key()), qPrintable(it.key() + QStringLiteral(" has no source")));
        if (it.key() == QLatin1String("arena")) {
            QVERIFY(*it > 1000 && *it < 2000);
        } else {
            QVERIFY(*it > 0 && *it <= 100);
        }
    }
}

void tst_Catalog::seededFigures_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("field");
    QTest::addColumn<double>("value");

    // Spot checks against wire-formats.md §7 (prices) and §8 (figures).
    QTest::newRow("gpt-4o-mini input") << "gpt-4o-mini" << "input" << 0.15;
    QTest::newRow("gpt-4o-mini cached") << "gpt-4o-mini" << "cache_read" << 0.075;
    QTest::newRow("claude-haiku-4-5 cache write") << "claude-haiku-4-5" << "cache_write" << 1.25;
    QTest::newRow("claude-opus-4-1 output") << "claude-opus-4-1" << "output" << 75.0;
    QTest::newRow("gemini-2.5-flash output") << "gemini-2.5-flash" << "output" << 2.5;
    QTest::newRow("deepseek-reasoner gpqa") << "deepseek-reasoner" << "gpqa" << 71.5;
    QTest::newRow("gpt-4o mmlu_pro") << "gpt-4o" << "mmlu_pro" << 72.6;
    QTest::newRow("llama-3.3 mmlu_pro") << "llama-3.3-70b-versatile" << "mmlu_pro" << 68.9;
    QTest::newRow("gemini-2.5-pro arena") << "gemini-2.5-pro" << "arena" << 1473.0;
    QTest::newRow("o3 gpqa") << "o3" << "gpqa" << 82.8;
}

void tst_Catalog::seededFigures()
{
    QFETCH(QString, id);
    QFETCH(QString, field);
    QFETCH(double, value);
    const CatalogEntry *e = Catalog::builtin().find(id);
    QVERIFY(e);
    const Config::Price &p = e->model.price;
    double got = -999;
    if (field == QLatin1String("input")) {
        got = p.input;
    } else if (field == QLatin1String("output")) {
        got = p.output;
    } else if (field == QLatin1String("cache_read")) {
        got = p.cacheRead;
    } else if (field == QLatin1String("cache_write")) {
        got = p.cacheWrite;
    } else {
        QVERIFY(e->model.scores.contains(field));
        got = e->model.scores.value(field);
    }
    QCOMPARE(got, value);
}

void tst_Catalog::badDocuments_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");

    QTest::newRow("not json") << QByteArray("{") << "not a JSON object";
    QTest::newRow("models not an array") << QByteArray(R"({"models": {}})") << "\"models\"";
    QTest::newRow("missing provider") << QByteArray(R"({"models": [{"id": "a"}]})")
                                      << "models[0]: \"id\" and \"provider\" are required";
    QTest::newRow("negative price")
        << QByteArray(R"({"models": [{"id": "a", "provider": "p", "price": {"input": -1, "output": 1}}]})")
        << "models[0].price.input: must be a non-negative number";
    QTest::newRow("price without output")
        << QByteArray(R"({"models": [{"id": "a", "provider": "p", "price": {"input": 1}}]})")
        << "models[0].price:";
    QTest::newRow("score not a number")
        << QByteArray(R"({"models": [{"id": "a", "provider": "p", "scores": {"gpqa": "high"}}]})")
        << "models[0].scores.gpqa";
    QTest::newRow("live metric as score")
        << QByteArray(R"({"models": [{"id": "a", "provider": "p", "scores": {"latency": 3}}]})")
        << "live metric";
    QTest::newRow("duplicate id")
        << QByteArray(R"({"models": [{"id": "a", "provider": "p"}, {"id": "a", "provider": "q"}]})")
        << "models[1]: duplicate id";
}

void tst_Catalog::badDocuments()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const Result<Catalog> result = Catalog::fromJson(json);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, QStringLiteral("catalog_invalid"));
    QVERIFY2(result.error().message.contains(message), qPrintable(result.error().message));
}

void tst_Catalog::csvGood_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QStringList>("metrics");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("metric");
    QTest::addColumn<double>("value");

    QTest::newRow("plain") << QByteArray("model,metric,value\ngpt-4o,my_eval,0.8\nphi4,my_eval,0.5\n")
                           << 2 << QStringList{"my_eval"} << "phi4" << "my_eval" << 0.5;
    QTest::newRow("CRLF, BOM, blank lines, no final newline")
        << QByteArray("\xEF\xBB\xBFmodel,metric,value\r\n\r\ngpt-4o,a,1\r\ngpt-4o,b,2")
        << 2 << QStringList{"a", "b"} << "gpt-4o" << "b" << 2.0;
    QTest::newRow("columns in another order, extra column ignored")
        << QByteArray("Value, Metric ,MODEL,comment\n72.5,support_qa,claude-haiku-4-5,ran twice\n")
        << 1 << QStringList{"support_qa"} << "claude-haiku-4-5" << "support_qa" << 72.5;
    QTest::newRow("quoted fields with commas and quotes")
        << QByteArray("model,metric,value\n\"acme \"\"pro\"\", v2\",\"qa_score\",\" 3e1 \"\n")
        << 1 << QStringList{"qa_score"} << "acme \"pro\", v2" << "qa_score" << 30.0;
    QTest::newRow("negative values are allowed")
        << QByteArray("model,metric,value\nm,delta,-1.5\n") << 1 << QStringList{"delta"} << "m"
        << "delta" << -1.5;
}

void tst_Catalog::csvGood()
{
    QFETCH(QByteArray, csv);
    QFETCH(int, rows);
    QFETCH(QStringList, metrics);
    QFETCH(QString, model);
    QFETCH(QString, metric);
    QFETCH(double, value);

    const Result<EvalImport> result = Catalog::importEvalCsv(csv);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result.value().rows, rows);
    QCOMPARE(result.value().metrics, metrics);
    QCOMPARE(result.value().scores.value(model).value(metric), value);
}

void tst_Catalog::csvBad_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty file") << QByteArray("\n\n") << "the file is empty";
    QTest::newRow("header without value column") << QByteArray("model,metric\na,b\n")
                                                 << "line 1: the header must name";
    QTest::newRow("header only") << QByteArray("model,metric,value\n") << "no data rows";
    QTest::newRow("not a number") << QByteArray("model,metric,value\na,x,1\nb,x,abc\n")
                                  << "line 3: value \"abc\" is not a number";
    QTest::newRow("not finite") << QByteArray("model,metric,value\na,x,inf\n")
                                << "line 2: value \"inf\" is not a number";
    QTest::newRow("too few fields") << QByteArray("model,metric,value\na,x\n")
                                    << "line 2: expected 3 fields, found 2";
    QTest::newRow("empty model") << QByteArray("model,metric,value\n ,x,1\n")
                                 << "line 2: the model is empty";
    QTest::newRow("bad metric name") << QByteArray("model,metric,value\na,my eval,1\n")
                                     << "line 2: metric \"my eval\"";
    QTest::newRow("live metric") << QByteArray("model,metric,value\na,latency,120\n")
                                 << "line 2: \"latency\" is a live metric";
    QTest::newRow("duplicate row") << QByteArray("model,metric,value\na,x,1\nb,x,2\na,x,3\n")
                                   << "line 4: duplicate value for model \"a\", metric \"x\" "
                                      "(first on line 2)";
    QTest::newRow("unclosed quote") << QByteArray("model,metric,value\na,x,1\n\"b,x,2\n")
                                    << "line 3: a quoted field is never closed";
    QTest::newRow("text after closing quote") << QByteArray("model,metric,value\n\"a\"b,x,1\n")
                                              << "line 2: unexpected text after a closing quote";
    QTest::newRow("line numbers count quoted newlines")
        << QByteArray("model,metric,value\n\"multi\nline\",x,1\nc,x,zz\n")
        << "line 4: value \"zz\"";
    QTest::newRow("every bad row is listed")
        << QByteArray("model,metric,value\na,x,?\nb,x,1\nc,x,!\n") << "line 2: value \"?\" is not "
                                                                      "a number\nline 4: value";
}

void tst_Catalog::csvBad()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, message);
    const Result<EvalImport> result = Catalog::importEvalCsv(csv);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, QStringLiteral("csv_invalid"));
    QVERIFY2(result.error().message.contains(message), qPrintable(result.error().message));
}

void tst_Catalog::csvApplies()
{
    const Result<EvalImport> result = Catalog::importEvalCsv(
        "model,metric,value\ngpt-4o-mini,support_qa,81\ngpt-4o-mini,gpqa,41\nmystery,support_qa,3\n");
    QVERIFY(result.ok());
    QList<Config::ModelSettings> models = Catalog::builtin().models();
    const QStringList unknown = result.value().applyTo(models);
    QCOMPARE(unknown, QStringList{"mystery"});
    for (const Config::ModelSettings &m : std::as_const(models)) {
        if (m.id == QLatin1String("gpt-4o-mini")) {
            QCOMPARE(m.scores.value(QStringLiteral("support_qa")), 81.0);
            QCOMPARE(m.scores.value(QStringLiteral("gpqa")), 41.0); // user figure overrides
            return;
        }
    }
    QFAIL("gpt-4o-mini not in the catalog");
}

QTEST_GUILESS_MAIN(tst_Catalog)
#include "tst_catalog.moc"
