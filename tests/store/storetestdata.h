// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
// Records and a raw connection shared by the request-log tests.
#pragma once

#include "core/common/logrecord.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QVariant>

namespace Switchyard::Testing {

inline LogRecord makeRecord(int n)
{
    LogRecord r;
    r.requestId = QStringLiteral("req-%1").arg(n);
    r.startedAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678), Qt::UTC).addMSecs(n);
    r.customer = QStringLiteral("acme");
    r.surface = QStringLiteral("openai.chat");
    r.model = QStringLiteral("gpt-4o-mini");
    r.status = 200;
    r.attempts = 1;
    r.latencyMs = 12.5;
    return r;
}

inline LogRecord fullRecord()
{
    LogRecord r = makeRecord(1);
    r.project = QStringLiteral("checkout");
    r.feature = QStringLiteral("summaries");
    r.tags = {QStringLiteral("beta"), QStringLiteral("eu")};
    r.app = QStringLiteral("curl");
    r.requestedModel = QStringLiteral("auto");
    r.route = QStringLiteral("reliable");
    r.provider = QStringLiteral("openai");
    r.providerKind = QStringLiteral("openai");
    r.upstreamModel = QStringLiteral("gpt-4o-mini-2024-07-18");
    r.stream = true;
    r.fallback = true;
    r.attempts = 2;
    r.latencyMs = 812.25;
    r.ttftMs = 143.5;
    r.usage = {1200, 300, 40, 500, 120, true};
    r.costKnown = true;
    r.costUsd = 0.000487;
    r.requestBytes = 2048;
    r.responseBytes = 4096;
    r.hasTools = true;
    r.hasImages = true;
    r.estimatedPromptTokens = 1540;
    r.expectedOutputTokens = 800;
    r.keyId = QStringLiteral("key_0badf00d");
    r.priceVersion = QStringLiteral("p-12345678");
    r.decision.requestedModel = QStringLiteral("auto");
    r.decision.route = QStringLiteral("reliable");
    r.decision.strategy = QStringLiteral("fallback");
    r.decision.candidates = {{QStringLiteral("claude-3-5-haiku"), QStringLiteral("anthropic"), true,
                              QStringLiteral("first target")},
                             {QStringLiteral("gpt-4o-mini"), QStringLiteral("openai"), false,
                              QStringLiteral("region us not allowed")}};
    r.decision.reasons = {QStringLiteral("rule acme-eu")};
    r.decision.winner = QStringLiteral("gpt-4o-mini");
    r.decision.attempts = {{QStringLiteral("claude-3-5-haiku"), QStringLiteral("anthropic"),
                            QStringLiteral("claude-3-5-haiku-latest"), 529,
                            QStringLiteral("overloaded"), true, 300.5},
                           {QStringLiteral("gpt-4o-mini"), QStringLiteral("openai"),
                            QStringLiteral("gpt-4o-mini-2024-07-18"), 200, QString(), false,
                            500.75}};
    return r;
}

inline LogRecord unknownsRecord()
{
    LogRecord r = makeRecord(2);
    r.status = 502;
    r.errorType = QStringLiteral("upstream_error");
    r.errorMessage = QStringLiteral("connection reset, \"quoted\", 'single', ünïcode");
    r.ttftMs = -1;
    r.usage = {};
    r.costKnown = false;
    return r;
}

inline void compareRecords(const LogRecord &actual, const LogRecord &expected)
{
    QCOMPARE(actual.requestId, expected.requestId);
    QCOMPARE(actual.startedAt, expected.startedAt);
    QCOMPARE(actual.customer, expected.customer);
    QCOMPARE(actual.project, expected.project);
    QCOMPARE(actual.feature, expected.feature);
    QCOMPARE(actual.tags, expected.tags);
    QCOMPARE(actual.app, expected.app);
    QCOMPARE(actual.surface, expected.surface);
    QCOMPARE(actual.requestedModel, expected.requestedModel);
    QCOMPARE(actual.route, expected.route);
    QCOMPARE(actual.provider, expected.provider);
    QCOMPARE(actual.providerKind, expected.providerKind);
    QCOMPARE(actual.model, expected.model);
    QCOMPARE(actual.upstreamModel, expected.upstreamModel);
    QCOMPARE(actual.stream, expected.stream);
    QCOMPARE(actual.status, expected.status);
    QCOMPARE(actual.errorType, expected.errorType);
    QCOMPARE(actual.errorMessage, expected.errorMessage);
    QCOMPARE(actual.attempts, expected.attempts);
    QCOMPARE(actual.fallback, expected.fallback);
    QCOMPARE(actual.latencyMs, expected.latencyMs);
    QCOMPARE(actual.ttftMs, expected.ttftMs);
    QCOMPARE(actual.usage.known, expected.usage.known);
    QCOMPARE(actual.usage.inputTokens, expected.usage.inputTokens);
    QCOMPARE(actual.usage.cacheReadTokens, expected.usage.cacheReadTokens);
    QCOMPARE(actual.usage.cacheWriteTokens, expected.usage.cacheWriteTokens);
    QCOMPARE(actual.usage.outputTokens, expected.usage.outputTokens);
    QCOMPARE(actual.usage.reasoningTokens, expected.usage.reasoningTokens);
    QCOMPARE(actual.costKnown, expected.costKnown);
    QCOMPARE(actual.costUsd, expected.costUsd);
    QCOMPARE(actual.requestBytes, expected.requestBytes);
    QCOMPARE(actual.responseBytes, expected.responseBytes);
    QCOMPARE(actual.hasTools, expected.hasTools);
    QCOMPARE(actual.hasImages, expected.hasImages);
    QCOMPARE(actual.estimatedPromptTokens, expected.estimatedPromptTokens);
    QCOMPARE(actual.expectedOutputTokens, expected.expectedOutputTokens);
    QCOMPARE(actual.keyId, expected.keyId);
    QCOMPARE(actual.priceVersion, expected.priceVersion);
    QCOMPARE(actual.decision.toJson(), expected.decision.toJson());
}

// A plain connection in the test thread, to look at the file the way another process would.
class RawDb
{
public:
    explicit RawDb(const QString &path)
        : m_name(QStringLiteral("tst-raw-%1").arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawDb() { QSqlDatabase::removeDatabase(m_name); }
    QVariant scalar(const QString &sql) const
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }
    bool exec(const QString &sql) const
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        return q.exec(sql);
    }

private:
    static inline int s_counter = 0;
    QString m_name;
};

} // namespace Switchyard::Testing
