// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/store/logrecordrow.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace Switchyard::Store::Internal::LogRecordRow {

namespace {

// The one column order: bind() and fromQuery() walk it positionally, so keep all three in step.
const QStringList &dataColumns()
{
    static const QStringList columns = {
        QStringLiteral("request_id"),        QStringLiteral("started_at"),
        QStringLiteral("customer"),          QStringLiteral("project"),
        QStringLiteral("feature"),           QStringLiteral("tags"),
        QStringLiteral("app"),               QStringLiteral("surface"),
        QStringLiteral("requested_model"),   QStringLiteral("route"),
        QStringLiteral("provider"),          QStringLiteral("provider_kind"),
        QStringLiteral("model"),             QStringLiteral("upstream_model"),
        QStringLiteral("stream"),            QStringLiteral("status"),
        QStringLiteral("error_type"),        QStringLiteral("error_message"),
        QStringLiteral("attempts"),          QStringLiteral("fallback"),
        QStringLiteral("latency_ms"),        QStringLiteral("ttft_ms"),
        QStringLiteral("input_tokens"),      QStringLiteral("cache_read_tokens"),
        QStringLiteral("cache_write_tokens"), QStringLiteral("output_tokens"),
        QStringLiteral("reasoning_tokens"),  QStringLiteral("cost_usd"),
        QStringLiteral("request_bytes"),     QStringLiteral("response_bytes"),
        QStringLiteral("decision"),
        QStringLiteral("has_tools"),         QStringLiteral("has_images"),
        QStringLiteral("estimated_prompt_tokens"), QStringLiteral("expected_output_tokens"),
        QStringLiteral("key_id"),            QStringLiteral("price_version"),
    };
    return columns;
}

// Typed NULLs, so drivers that care about parameter types (QPSQL) get one.
QVariant nullInt() { return QVariant(QMetaType::fromType<qint64>()); }
QVariant nullReal() { return QVariant(QMetaType::fromType<double>()); }
QVariant nullText() { return QVariant(QMetaType::fromType<QString>()); }

QVariant tokens(const Usage &usage, qint64 value)
{
    return usage.known ? QVariant(value) : nullInt();
}

} // namespace

QString insertStatement()
{
    const QStringList &columns = dataColumns();
    QStringList placeholders;
    placeholders.reserve(columns.size());
    for (qsizetype i = 0; i < columns.size(); ++i)
        placeholders.append(QStringLiteral("?"));
    return QStringLiteral("INSERT INTO requests (") + columns.join(QStringLiteral(", "))
           + QStringLiteral(") VALUES (") + placeholders.join(QStringLiteral(", "))
           + QStringLiteral(")");
}

QString selectStatement()
{
    return QStringLiteral("SELECT id, ") + dataColumns().join(QStringLiteral(", "))
           + QStringLiteral(" FROM requests");
}

QString timestampToText(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime timestampFromText(const QString &text)
{
    if (text.isEmpty())
        return {};
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

void bind(QSqlQuery &query, const LogRecord &r)
{
    const QString startedAt = timestampToText(r.startedAt);
    const QByteArray decision = QJsonDocument(r.decision.toJson()).toJson(QJsonDocument::Compact);
    int i = 0;
    // An empty request id becomes NULL so the UNIQUE constraint only applies to real ids.
    query.bindValue(i++, r.requestId.isEmpty() ? nullText() : QVariant(r.requestId));
    query.bindValue(i++, startedAt.isEmpty() ? nullText() : QVariant(startedAt));
    query.bindValue(i++, r.customer);
    query.bindValue(i++, r.project);
    query.bindValue(i++, r.feature);
    query.bindValue(i++, r.tags.join(QLatin1Char(',')));
    query.bindValue(i++, r.app);
    query.bindValue(i++, r.surface);
    query.bindValue(i++, r.requestedModel);
    query.bindValue(i++, r.route);
    query.bindValue(i++, r.provider);
    query.bindValue(i++, r.providerKind);
    query.bindValue(i++, r.model);
    query.bindValue(i++, r.upstreamModel);
    query.bindValue(i++, r.stream ? 1 : 0);
    query.bindValue(i++, r.status);
    query.bindValue(i++, r.errorType);
    query.bindValue(i++, r.errorMessage);
    query.bindValue(i++, r.attempts);
    query.bindValue(i++, r.fallback ? 1 : 0);
    query.bindValue(i++, r.latencyMs);
    query.bindValue(i++, r.ttftMs < 0 ? nullReal() : QVariant(r.ttftMs));
    query.bindValue(i++, tokens(r.usage, r.usage.inputTokens));
    query.bindValue(i++, tokens(r.usage, r.usage.cacheReadTokens));
    query.bindValue(i++, tokens(r.usage, r.usage.cacheWriteTokens));
    query.bindValue(i++, tokens(r.usage, r.usage.outputTokens));
    query.bindValue(i++, tokens(r.usage, r.usage.reasoningTokens));
    query.bindValue(i++, r.costKnown ? QVariant(r.costUsd) : nullReal());
    query.bindValue(i++, r.requestBytes);
    query.bindValue(i++, r.responseBytes);
    query.bindValue(i++, QString::fromUtf8(decision));
    query.bindValue(i++, r.hasTools ? 1 : 0);
    query.bindValue(i++, r.hasImages ? 1 : 0);
    query.bindValue(i++, r.estimatedPromptTokens);
    query.bindValue(i++, r.expectedOutputTokens);
    query.bindValue(i++, r.keyId);
    query.bindValue(i++, r.priceVersion);
    Q_ASSERT(i == dataColumns().size());
}

LogRecord fromQuery(const QSqlQuery &q)
{
    LogRecord r;
    int i = 0;
    r.sequence = q.value(i++).toLongLong();
    r.requestId = q.value(i++).toString();
    r.startedAt = timestampFromText(q.value(i++).toString());
    r.customer = q.value(i++).toString();
    r.project = q.value(i++).toString();
    r.feature = q.value(i++).toString();
    r.tags = q.value(i++).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    r.app = q.value(i++).toString();
    r.surface = q.value(i++).toString();
    r.requestedModel = q.value(i++).toString();
    r.route = q.value(i++).toString();
    r.provider = q.value(i++).toString();
    r.providerKind = q.value(i++).toString();
    r.model = q.value(i++).toString();
    r.upstreamModel = q.value(i++).toString();
    r.stream = q.value(i++).toInt() != 0;
    r.status = q.value(i++).toInt();
    r.errorType = q.value(i++).toString();
    r.errorMessage = q.value(i++).toString();
    r.attempts = q.value(i++).toInt();
    r.fallback = q.value(i++).toInt() != 0;
    r.latencyMs = q.value(i++).toDouble();
    const QVariant ttft = q.value(i++);
    r.ttftMs = ttft.isNull() ? -1 : ttft.toDouble();
    const QVariant input = q.value(i++);
    r.usage.known = !input.isNull();
    r.usage.inputTokens = input.toLongLong();
    r.usage.cacheReadTokens = q.value(i++).toLongLong();
    r.usage.cacheWriteTokens = q.value(i++).toLongLong();
    r.usage.outputTokens = q.value(i++).toLongLong();
    r.usage.reasoningTokens = q.value(i++).toLongLong(); // NULL in rows migrated from v1
    const QVariant cost = q.value(i++);
    r.costKnown = !cost.isNull();
    r.costUsd = cost.toDouble();
    r.requestBytes = q.value(i++).toLongLong();
    r.responseBytes = q.value(i++).toLongLong();
    const QJsonDocument decision = QJsonDocument::fromJson(q.value(i++).toString().toUtf8());
    r.decision = RoutingDecision::fromJson(decision.object());
    r.hasTools = q.value(i++).toInt() != 0;
    r.hasImages = q.value(i++).toInt() != 0;
    r.estimatedPromptTokens = q.value(i++).toLongLong(); // NULL in rows migrated from v2
    r.expectedOutputTokens = q.value(i++).toLongLong();
    r.keyId = q.value(i++).toString();        // NULL in rows migrated from v3
    r.priceVersion = q.value(i++).toString();
    return r;
}

} // namespace Switchyard::Store::Internal::LogRecordRow
