// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/config/configloader.h"
#include "core/corehost.h"
#include "ui/mainwindow.h"
#include "ui/routing/routeeditor.h"
#include "ui/routing/routingpage.h"
#include "ui/routing/ruleseditor.h"
#include "ui/routing/targetlisteditor.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Switchyard;
using Switchyard::Ui::RoutingPage;

namespace {

const char *kConfig = R"({
  "server": {"host": "127.0.0.1", "port": 7420},
  "providers": [{"id": "sim", "kind": "simulated", "latency_ms": 0, "tokens_per_second": 1000,
                 "failure_rate": 0}],
  "models": [{"id": "m-a", "provider": "sim", "scores": {"mmlu_pro": 70}},
             {"id": "m-b", "provider": "sim", "scores": {"mmlu_pro": 60}},
             {"id": "m-c", "provider": "sim", "scores": {"mmlu_pro": 50}}],
  "routes": [
    {"name": "main", "strategy": "fallback", "targets": ["m-a", "m-b"]},
    {"name": "spread", "strategy": "loadbalance", "targets": [{"model": "m-a", "weight": 1}]},
    {"name": "smart", "strategy": "score", "candidates": ["m-a", "m-c"], "weights": {"mmlu_pro": 1}},
    {"name": "by-customer", "strategy": "conditional",
     "conditions": [{"when": {"customer": {"$eq": "acme"}}, "then": "smart"}], "default": "main"}],
  "default_route": "main",
  "budgets": [{"name": "b", "scope": "customer", "match": "acme", "period": "month", "limit_usd": 5}],
  "guards": {"dlp": {"action": "redact"}}
})";

/// A real core on a temp config file, the real window, and its Routing tab.
struct Harness
{
    QTemporaryDir dir;
    QString configPath;
    std::unique_ptr<CoreHost> core;
    std::unique_ptr<Ui::MainWindow> window;
    RoutingPage *page = nullptr;
    QUrl url;

    bool start()
    {
        configPath = dir.filePath(QStringLiteral("config.json"));
        QFile file(configPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(kConfig) < 0) {
            return false;
        }
        file.close();
        CoreOptions options;
        options.configPath = configPath;
        options.port = 0;
        options.dataDir = dir.path();
        core = std::make_unique<CoreHost>(options);
        window = std::make_unique<Ui::MainWindow>();
        window->attachCore(core.get());
        page = window->findChild<RoutingPage *>(QStringLiteral("routingPage"));
        QSignalSpy started(core.get(), &CoreHost::started);
        QSignalSpy applied(core.get(), &CoreHost::configApplied);
        core->start();
        if (!page || !started.wait(10000) || (applied.isEmpty() && !applied.wait(5000))) {
            return false;
        }
        url = started.constFirst().constFirst().toUrl();
        return page->config() != nullptr;
    }

    ~Harness()
    {
        if (core) {
            core->shutdown();
        }
    }

    QJsonObject fileRoute(const QString &name) const
    {
        QFile file(configPath);
        if (!file.open(QIODevice::ReadOnly)) {
            return {};
        }
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        for (const QJsonValue &r : root.value(QLatin1String("routes")).toArray()) {
            if (r[QLatin1String("name")].toString() == name) {
                return r.toObject();
            }
        }
        return {};
    }
};

bool problemsMention(const RoutingPage &page, const QString &text)
{
    for (const QString &p : page.problems()) {
        if (p.contains(text)) {
            return true;
        }
    }
    return false;
}

} // namespace

class tst_RoutingPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void editTargetsValidateAndSave();
    void conditionalRuleJsonError();
    void removeRefusedWhileInUse();
    void addRouteAndSave();
    void saveFailureIsShown();
    void coreRejectsInvalidEditedConfig();
};

void tst_RoutingPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // MainWindow writes QSettings
}

void tst_RoutingPage::editTargetsValidateAndSave()
{
    Harness h;
    QVERIFY(h.start());
    RoutingPage &page = *h.page;
    QCOMPARE(page.routeList()->count(), 4);
    QVERIFY(!page.saveButton()->isEnabled()); // nothing edited yet
    page.selectRoute(QStringLiteral("main"));
    Ui::TargetListEditor *targets = page.editor()->targetsEditor();
    QCOMPARE(targets->targetNames(), QStringList({QStringLiteral("m-a"), QStringLiteral("m-b")}));

    // Add a target (the first model not listed yet), then move m-b to the top.
    QTest::mouseClick(targets->addButton(), Qt::LeftButton);
    QCOMPARE(targets->targetNames().last(), QStringLiteral("m-c"));
    targets->table()->setCurrentCell(1, 0);
    QTest::mouseClick(targets->upButton(), Qt::LeftButton);
    QCOMPARE(targets->targetNames(),
             QStringList({QStringLiteral("m-b"), QStringLiteral("m-a"), QStringLiteral("m-c")}));
    QVERIFY(page.problems().isEmpty());
    QVERIFY(page.saveButton()->isEnabled());

    // An unknown target: rename "smart", which "by-customer" still refers to.
    page.selectRoute(QStringLiteral("smart"));
    QLineEdit *name = page.editor()->nameEdit();
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("clever"));
    QVERIFY(problemsMention(page, QStringLiteral("Route 'by-customer' refers to unknown target 'smart'")));
    QVERIFY(!page.saveButton()->isEnabled());
    QVERIFY(page.problemsLabel()->text().contains(QLatin1String("unknown target 'smart'")));
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("smart"));
    QVERIFY2(page.problems().isEmpty(), qPrintable(page.problems().join(QLatin1Char('\n'))));

    // Weight 0 on a loadbalance target.
    page.selectRoute(QStringLiteral("spread"));
    QVERIFY(!targets->table()->isColumnHidden(1));
    auto *weight = qobject_cast<QDoubleSpinBox *>(targets->table()->cellWidget(0, 1));
    QVERIFY(weight);
    weight->setValue(0);
    QVERIFY(problemsMention(page, QStringLiteral("Route 'spread': weight of 'm-a' must be greater than 0")));
    QVERIFY(!page.saveButton()->isEnabled());
    weight->setValue(2.5);
    QVERIFY(page.problems().isEmpty());

    QSignalSpy saved(h.core.get(), &CoreHost::configSaved);
    QSignalSpy applied(h.core.get(), &CoreHost::configApplied);
    QTest::mouseClick(page.saveButton(), Qt::LeftButton);
    QVERIFY(saved.wait(5000));
    QVERIFY(page.statusLabel()->text().contains(h.configPath));
    QVERIFY(!page.isDirty());
    QCOMPARE(applied.size(), 1);

    const QJsonObject mainRoute = h.fileRoute(QStringLiteral("main"));
    QCOMPARE(mainRoute.value(QLatin1String("targets")).toArray(),
             QJsonArray({QStringLiteral("m-b"), QStringLiteral("m-a"), QStringLiteral("m-c")}));
    QCOMPARE(h.fileRoute(QStringLiteral("spread"))
                 .value(QLatin1String("targets"))[0][QLatin1String("weight")]
                 .toDouble(),
             2.5);
    QCOMPARE(h.core->config()->route(QStringLiteral("main"))->targets.first().name,
             QStringLiteral("m-b"));
    QVERIFY(QFile::exists(h.configPath + QStringLiteral(".bak")));

    // The running core routes by the new order.
    QNetworkAccessManager manager;
    QNetworkRequest request(h.url.resolved(QUrl(QStringLiteral("/v1/chat/completions"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply =
        manager.post(request, R"({"model":"main","messages":[{"role":"user","content":"hi"}]})");
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->rawHeader("x-switchyard-model"), QByteArray("m-b"));
    reply->deleteLater();

    // The watcher sees our own write; it must not apply the same file a second time.
    QVERIFY(!applied.wait(1000));
    QCOMPARE(applied.size(), 1);
}

void tst_RoutingPage::conditionalRuleJsonError()
{
    Harness h;
    QVERIFY(h.start());
    RoutingPage &page = *h.page;
    page.selectRoute(QStringLiteral("by-customer"));
    Ui::RulesEditor *rules = page.editor()->rulesEditor();
    QCOMPARE(rules->rules().size(), 1);
    QCOMPARE(rules->thenCombo()->currentText(), QStringLiteral("smart"));
    QCOMPARE(rules->defaultCombo()->currentText(), QStringLiteral("main"));

    rules->whenEdit()->setPlainText(QStringLiteral("{\"customer\": "));
    QVERIFY(rules->whenError()->isVisibleTo(&page));
    QVERIFY(rules->whenError()->text().contains(QLatin1String("not valid JSON")));
    QVERIFY(rules->whenEdit()->styleSheet().contains(QLatin1String("border")));
    QVERIFY(problemsMention(page, QStringLiteral("Route 'by-customer': rule 1: 'when' is not valid JSON")));
    QVERIFY(!page.saveButton()->isEnabled());

    rules->whenEdit()->setPlainText(QStringLiteral("[1]"));
    QVERIFY(problemsMention(page, QStringLiteral("must be a JSON object")));

    rules->whenEdit()->setPlainText(QStringLiteral("{\"project\": {\"$in\": [\"x\", \"y\"]}}"));
    QVERIFY(!rules->whenError()->isVisibleTo(&page));
    QVERIFY(page.problems().isEmpty());
    QVERIFY(page.saveButton()->isEnabled());

    QSignalSpy saved(h.core.get(), &CoreHost::configSaved);
    page.save();
    QVERIFY(saved.wait(5000));
    const QJsonArray conditions =
        h.fileRoute(QStringLiteral("by-customer")).value(QLatin1String("conditions")).toArray();
    QCOMPARE(conditions.size(), 1);
    QCOMPARE(conditions[0][QLatin1String("when")][QLatin1String("project")][QLatin1String("$in")]
                 .toArray()
                 .size(),
             2);
}

void tst_RoutingPage::removeRefusedWhileInUse()
{
    Harness h;
    QVERIFY(h.start());
    RoutingPage &page = *h.page;
    page.selectRoute(QStringLiteral("smart"));
    QVERIFY(!page.removeCurrentRoute());
    QVERIFY2(page.statusLabel()->text().contains(QLatin1String("'by-customer'")),
             qPrintable(page.statusLabel()->text()));
    QCOMPARE(page.routeList()->count(), 4);

    page.selectRoute(QStringLiteral("spread"));
    QVERIFY(page.removeCurrentRoute());
    QCOMPARE(page.routeList()->count(), 3);
    QVERIFY(page.isDirty());
    QTest::mouseClick(page.revertButton(), Qt::LeftButton);
    QCOMPARE(page.routeList()->count(), 4);
    QVERIFY(!page.isDirty());
}

void tst_RoutingPage::addRouteAndSave()
{
    Harness h;
    QVERIFY(h.start());
    RoutingPage &page = *h.page;
    QTest::mouseClick(page.addRouteButton(), Qt::LeftButton);
    QCOMPARE(page.routeList()->count(), 5);
    QLineEdit *name = page.editor()->nameEdit();
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("cheap"));
    QComboBox *strategy = page.editor()->strategyCombo();
    strategy->setCurrentIndex(strategy->findData(QStringLiteral("score")));
    // Switching to score keeps the chosen model as a candidate but starts without weights.
    QCOMPARE(page.editor()->candidatesEditor()->targetNames(), QStringList({QStringLiteral("m-a")}));
    QVERIFY(problemsMention(page, QStringLiteral("Route 'cheap': give at least one metric a weight")));
    page.editor()->metricSpin(QStringLiteral("cost"))->setValue(2);
    QTest::mouseClick(page.editor()->candidatesEditor()->addButton(), Qt::LeftButton);
    QVERIFY2(page.problems().isEmpty(), qPrintable(page.problems().join(QLatin1Char('\n'))));
    page.defaultRouteCombo()->setCurrentText(QStringLiteral("cheap"));

    QSignalSpy saved(h.core.get(), &CoreHost::configSaved);
    page.save();
    QVERIFY(saved.wait(5000));
    const QJsonObject cheap = h.fileRoute(QStringLiteral("cheap"));
    QCOMPARE(cheap.value(QLatin1String("strategy")).toString(), QStringLiteral("score"));
    QCOMPARE(cheap.value(QLatin1String("weights")).toObject(),
             QJsonObject({{QStringLiteral("cost"), 2}}));
    QCOMPARE(h.core->config()->defaultRoute, QStringLiteral("cheap"));
    QVERIFY(h.core->config()->route(QStringLiteral("cheap")));

    // The rest of the file is as it was.
    const Result<Config::GatewayConfig> reread =
        Config::ConfigLoader::loadFile(h.configPath, QProcessEnvironment());
    QVERIFY(reread.ok());
    QCOMPARE(reread.value().budgets.size(), 1);
    QCOMPARE(reread.value().guards.value(QLatin1String("dlp")).toObject().value(QLatin1String("action")),
             QJsonValue(QStringLiteral("redact")));
}

void tst_RoutingPage::saveFailureIsShown()
{
    Harness h;
    QVERIFY(h.start());
    RoutingPage &page = *h.page;
    page.selectRoute(QStringLiteral("main"));
    QTest::mouseClick(page.editor()->targetsEditor()->addButton(), Qt::LeftButton);
    QVERIFY(page.saveButton()->isEnabled());

    // Someone is half-way through a hand edit: the window must not overwrite the file.
    QFile file(h.configPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ \"routes\": [");
    file.close();
    QSignalSpy failed(h.core.get(), &CoreHost::configSaveFailed);
    page.save();
    QVERIFY(failed.wait(5000));
    QVERIFY(page.statusLabel()->text().startsWith(QLatin1String("Not saved:")));
    QVERIFY(page.statusLabel()->text().contains(QLatin1String("not a valid JSON object")));
    QVERIFY(page.isDirty());
    QVERIFY(page.saveButton()->isEnabled());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("{ \"routes\": ["));
}

void tst_RoutingPage::coreRejectsInvalidEditedConfig()
{
    Harness h;
    QVERIFY(h.start());
    const quint64 before = h.core->config()->version;
    Config::GatewayConfig broken = *h.core->config();
    broken.routes[1].targets[0].weight = 0;
    QSignalSpy rejected(h.core.get(), &CoreHost::configRejected);
    h.core->applyConfig(std::make_shared<const Config::GatewayConfig>(broken));
    QVERIFY(rejected.wait(5000));
    QVERIFY2(rejected.constFirst().constFirst().toString().contains(
                 QLatin1String("$.routes[1].targets[0].weight")),
             qPrintable(rejected.constFirst().constFirst().toString()));
    QCOMPARE(h.core->config()->version, before);
    QCOMPARE(h.core->config()->route(QStringLiteral("spread"))->targets.first().weight, 1.0);
}

QTEST_MAIN(tst_RoutingPage)
#include "tst_routingpage.moc"
