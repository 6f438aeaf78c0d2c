// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/guards/guardsettings.h"
#include "core/guards/policy.h"

#include <QJsonDocument>
#include <QTest>

using namespace Switchyard::Guards;

namespace {

QJsonArray parseArray(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).array();
}

PolicySet samplePolicies()
{
    const auto set = PolicySet::fromJson(parseArray(QStringLiteral(R"([
        {"name": "global", "allowed_regions": ["us", "eu"], "max_tokens": 8000, "rpm": 600},
        {"name": "acme", "match": {"customer": "acme"}, "allowed_regions": ["eu"], "dlp_profile": "strict",
         "allowed_models": ["claude-*", "gpt-4o*"]},
        {"name": "acme-research", "match": {"customer": "acme", "project": "research"},
         "allowed_models": ["*"], "max_tokens": 32000},
        {"name": "ci-key", "match": {"key": "key-ci"}, "allowed_providers": ["ollama"], "rpm": 10},
        {"name": "cursor", "match": {"app": "cursor"}, "tpm": 50000}
    ])")));
    return set.ok() ? set.value() : PolicySet();
}

} // namespace

class tst_PolicySet final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resolve_data();
    void resolve();
    void allowsCandidate_data();
    void allowsCandidate();
    void globs_data();
    void globs();
    void errorsNameTheJsonPath_data();
    void errorsNameTheJsonPath();
};

void tst_PolicySet::resolve_data()
{
    QTest::addColumn<QString>("customer");
    QTest::addColumn<QString>("project");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("app");
    QTest::addColumn<QString>("sources");
    QTest::addColumn<QString>("regions");
    QTest::addColumn<QString>("models");
    QTest::addColumn<qint64>("maxTokens");
    QTest::addColumn<qint64>("rpm"); // -1 = unset
    QTest::addColumn<QString>("profile");

    QTest::newRow("anonymous gets global") << ""
                                           << ""
                                           << ""
                                           << ""
                                           << "global"
                                           << "us,eu"
                                           << "" << qint64(8000) << qint64(600) << "";
    QTest::newRow("customer overrides regions")
        << "acme"
        << ""
        << ""
        << ""
        << "global,acme"
        << "eu"
        << "claude-*,gpt-4o*" << qint64(8000) << qint64(600) << "strict";
    QTest::newRow("project beats customer") << "acme"
                                            << "research"
                                            << ""
                                            << ""
                                            << "global,acme,acme-research"
                                            << "eu"
                                            << "*" << qint64(32000) << qint64(600) << "strict";
    QTest::newRow("other project of acme")
        << "acme"
        << "web"
        << ""
        << ""
        << "global,acme"
        << "eu"
        << "claude-*,gpt-4o*" << qint64(8000) << qint64(600) << "strict";
    QTest::newRow("key beats project") << "acme"
                                       << "research"
                                       << "key-ci"
                                       << ""
                                       << "global,acme,acme-research,ci-key"
                                       << "eu"
                                       << "*" << qint64(32000) << qint64(10) << "strict";
    QTest::newRow("app is least specific")
        << "acme"
        << ""
        << ""
        << "cursor"
        << "global,cursor,acme"
        << "eu"
        << "claude-*,gpt-4o*" << qint64(8000) << qint64(600) << "strict";
    QTest::newRow("other customer") << "globex"
                                    << ""
                                    << ""
                                    << ""
                                    << "global"
                                    << "us,eu"
                                    << "" << qint64(8000) << qint64(600) << "";
}

void tst_PolicySet::resolve()
{
    QFETCH(QString, customer);
    QFETCH(QString, project);
    QFETCH(QString, key);
    QFETCH(QString, app);
    QFETCH(QString, sources);
    QFETCH(QString, regions);
    QFETCH(QString, models);
    QFETCH(qint64, maxTokens);
    QFETCH(qint64, rpm);
    QFETCH(QString, profile);

    const PolicySet set = samplePolicies();
    QCOMPARE(set.policies().size(), 5);
    const Policy p = set.resolve(customer, project, key, app);
    QCOMPARE(p.sources.join(QLatin1Char(',')), sources);
    QCOMPARE(p.allowedRegions.join(QLatin1Char(',')), regions);
    QCOMPARE(p.allowedModels.join(QLatin1Char(',')), models);
    QCOMPARE(p.maxTokens.value_or(-1), maxTokens);
    QCOMPARE(p.rpm.value_or(-1), rpm);
    QCOMPARE(p.dlpProfile, profile);
    QCOMPARE(p.name, p.sources.isEmpty() ? QString() : p.sources.last());
}

void tst_PolicySet::allowsCandidate_data()
{
    QTest::addColumn<QString>("customer");
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("region");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<QString>("why"); // a fragment of the reason

    QTest::newRow("acme eu claude") << "acme"
                                    << "anthropic"
                                    << "claude-sonnet-4-5"
                                    << "eu" << true << "";
    QTest::newRow("acme us region")
        << "acme"
        << "openai"
        << "gpt-4o-mini"
        << "us" << false << "region 'us' of provider 'openai' is not allowed by policy 'acme'";
    QTest::newRow("acme model not in globs")
        << "acme"
        << "mistral"
        << "mistral-large"
        << "eu" << false << "model 'mistral-large' is not allowed by policy 'acme'";
    QTest::newRow("acme region unknown") << "acme"
                                         << "local"
                                         << "gpt-4o"
                                         << "" << false << "has no region set";
    QTest::newRow("anonymous us ok") << ""
                                     << "openai"
                                     << "gpt-4o-mini"
                                     << "us" << true << "";
    QTest::newRow("anonymous apac") << ""
                                    << "openai"
                                    << "gpt-4o-mini"
                                    << "apac" << false << "policy 'global'";
    QTest::newRow("case-insensitive region") << ""
                                             << "openai"
                                             << "gpt-4o-mini"
                                             << "EU" << true << "";
}

void tst_PolicySet::allowsCandidate()
{
    QFETCH(QString, customer);
    QFETCH(QString, provider);
    QFETCH(QString, model);
    QFETCH(QString, region);
    QFETCH(bool, allowed);
    QFETCH(QString, why);

    const Policy p = samplePolicies().resolve(customer, {}, {}, {});
    QString reason;
    QCOMPARE(Switchyard::Guards::allowsCandidate(p, provider, model, region, &reason), allowed);
    if (allowed) {
        QVERIFY(reason.isEmpty());
    } else {
        QVERIFY2(reason.contains(why), qPrintable(reason));
    }
}

void tst_PolicySet::globs_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("match");
    QTest::newRow("star suffix") << "gpt-4o*"
                                 << "gpt-4o-mini" << true;
    QTest::newRow("star middle") << "claude-*-4-5"
                                 << "claude-sonnet-4-5" << true;
    QTest::newRow("question mark") << "o?"
                                   << "o3" << true;
    QTest::newRow("no match") << "gpt-4o*"
                              << "gpt-4.1" << false;
    QTest::newRow("case-insensitive") << "Claude-*"
                                      << "claude-haiku" << true;
    QTest::newRow("anchored end") << "gpt-4"
                                  << "gpt-4o" << false;
    QTest::newRow("star only") << "*"
                               << "" << true;
}

void tst_PolicySet::globs()
{
    QFETCH(QString, pattern);
    QFETCH(QString, text);
    QFETCH(bool, match);
    QCOMPARE(globMatch(pattern, text), match);
}

void tst_PolicySet::errorsNameTheJsonPath_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("path");
    QTest::newRow("not an object") << R"([1])"
                                   << "$.policies[0]:";
    QTest::newRow("missing name") << R"([{"rpm": 5}])"
                                  << "$.policies[0].name:";
    QTest::newRow("unknown key") << R"([{"name": "a", "allowed_model": ["x"]}])"
                                 << "$.policies[0].allowed_model:";
    QTest::newRow("bad match key") << R"([{"name": "a", "match": {"team": "x"}}])"
                                   << "$.policies[0].match.team:";
    QTest::newRow("model not string") << R"([{"name": "a", "allowed_models": ["x", 3]}])"
                                      << "$.policies[0].allowed_models[1]:";
    QTest::newRow("rpm zero") << R"([{"name": "a", "rpm": 0}])"
                              << "$.policies[0].rpm:";
    QTest::newRow("max tokens fraction") << R"([{"name": "a", "max_tokens": 1.5}])"
                                         << "$.policies[0].max_tokens:";
    QTest::newRow("duplicate") << R"([{"name": "a"}, {"name": "a"}])"
                               << "$.policies[1].name:";
    QTest::newRow("unknown profile") << R"([{"name": "a", "dlp_profile": "nope"}])"
                                     << "$.policies[0].dlp_profile:";
}

void tst_PolicySet::errorsNameTheJsonPath()
{
    QFETCH(QString, json);
    QFETCH(QString, path);
    const GuardSettings guards = GuardSettings::fromJson({}).value();
    const auto set = PolicySet::fromJson(parseArray(json), QStringLiteral("$.policies"), &guards);
    QVERIFY(!set.ok());
    QVERIFY2(set.error().message.startsWith(path), qPrintable(set.error().message));
}

QTEST_GUILESS_MAIN(tst_PolicySet)
#include "tst_policyset.moc"
