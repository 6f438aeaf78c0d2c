// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/store/logrecordrow.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <cstdio>

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
        QStringLiteral("egress_bytes"),      QStringLiteral("egress_region"),
        QStringLiteral("policy"),            QStringLiteral("dlp_classes"),
        QStringLiteral("dlp_findings"),      QStringLiteral("dlp_action"),
        QStringLiteral("injection_score"),   QStringLiteral("injection_flagged"),
    };
    return columns;
}

} // namespace

int columnCount()
{
    return int(dataColumns().size());
}

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

QByteArray timestampToUtf8(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    // Written per request: formatted by hand (~20x cheaper than QDateTime::toString), the
    // same text as Qt::ISODateWithMs in UTC. Days to a civil date: H. Hinnant's algorithm.
    constexpr qint64 msPerDay = 86'400'000;
    const qint64 ms = time.toMSecsSinceEpoch();
    const qint64 days = ms >= 0 ? ms / msPerDay : -((-ms + msPerDay - 1) / msPerDay);
    const qint64 msOfDay = ms - days * msPerDay;
    const qint64 z = days + 719'468;
    const qint64 era = (z >= 0 ? z : z - 146'096) / 146'097;
    const qint64 dayOfEra = z - era * 146'097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36'524 - dayOfEra / 146'096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    const int day = int(dayOfYear - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 0 || year > 9999)
        return time.toUTC().toString(Qt::ISODateWithMs).toLatin1();
    char text[24];
    auto digits = [&text](int at, qint64 value, int count) {
        for (int i = count - 1; i >= 0; --i, value /= 10)
            text[at + i] = char('0' + value % 10);
    };
    digits(0, year, 4);
    text[4] = '-';
    digits(5, month, 2);
    text[7] = '-';
    digits(8, day, 2);
    text[10] = 'T';
    digits(11, msOfDay / 3'600'000, 2);
    text[13] = ':';
    digits(14, msOfDay / 60'000 % 60, 2);
    text[16] = ':';
    digits(17, msOfDay / 1000 % 60, 2);
    text[19] = '.';
    digits(20, msOfDay % 1000, 3);
    text[23] = 'Z';
    return QByteArray(text, sizeof text);
}

QString timestampToText(const QDateTime &time)
{
    return QString::fromLatin1(timestampToUtf8(time));
}

QDateTime timestampFromText(const QString &text)
{
    if (text.isEmpty())
        return {};
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

int writeRow(const LogRecord &r, RowSink &sink)
{
    int columns = 0;
    auto text = [&](const QString &value) { sink.text(value), ++columns; };
    auto integer = [&](qint64 value) { sink.integer(value), ++columns; };
    auto tokens = [&](qint64 value) {
        r.usage.known ? sink.integer(value) : sink.nullInteger();
        ++columns;
    };
    // An empty request id becomes NULL so the UNIQUE constraint only applies to real ids.
    r.requestId.isEmpty() ? sink.nullText() : sink.text(r.requestId);
    ++columns;
    const QByteArray startedAt = timestampToUtf8(r.startedAt);
    startedAt.isEmpty() ? sink.nullText() : sink.utf8(startedAt);
    ++columns;
    text(r.customer);
    text(r.project);
    text(r.feature);
    text(r.tags.join(QLatin1Char(',')));
    text(r.app);
    text(r.surface);
    text(r.requestedModel);
    text(r.route);
    text(r.provider);
    text(r.providerKind);
    text(r.model);
    text(r.upstreamModel);
    integer(r.stream ? 1 : 0);
    integer(r.status);
    text(r.errorType);
    text(r.errorMessage);
    integer(r.attempts);
    integer(r.fallback ? 1 : 0);
    sink.real(r.latencyMs), ++columns;
    r.ttftMs < 0 ? sink.nullReal() : sink.real(r.ttftMs);
    ++columns;
    tokens(r.usage.inputTokens);
    tokens(r.usage.cacheReadTokens);
    tokens(r.usage.cacheWriteTokens);
    tokens(r.usage.outputTokens);
    tokens(r.usage.reasoningTokens);
    r.costKnown ? sink.real(r.costUsd) : sink.nullReal();
    ++columns;
    integer(r.requestBytes);
    integer(r.responseBytes);
    sink.utf8(r.decision.toJsonBytes()), ++columns;
    integer(r.hasTools ? 1 : 0);
    integer(r.hasImages ? 1 : 0);
    integer(r.estimatedPromptTokens);
    integer(r.expectedOutputTokens);
    text(r.keyId);
    text(r.priceVersion);
    integer(r.egress.bytesSent);
    text(r.egress.region);
    text(r.egress.policy);
    text(r.egress.dlpClasses.join(QLatin1Char(',')));
    integer(r.egress.dlpFindings);
    text(r.egress.dlpAction);
    r.egress.injectionScore < 0 ? sink.nullReal() : sink.real(r.egress.injectionScore);
    ++columns;
    integer(r.egress.injectionFlagged ? 1 : 0);
    Q_ASSERT(columns == dataColumns().size());
    return columns;
}

namespace {

// Typed NULLs, so drivers that care about parameter types (QPSQL) get one.
class QueryBinder final : public RowSink
{
public:
    explicit QueryBinder(QSqlQuery &query)
        : m_query(query)
    {
    }
    void nullInteger() override { next(QVariant(QMetaType::fromType<qint64>())); }
    void nullReal() override { next(QVariant(QMetaType::fromType<double>())); }
    void nullText() override { next(QVariant(QMetaType::fromType<QString>())); }
    void integer(qint64 value) override { next(QVariant(value)); }
    void real(double value) override { next(QVariant(value)); }
    void text(const QString &value) override { next(QVariant(value)); }
    void utf8(QByteArrayView value) override { next(QVariant(QString::fromUtf8(value))); }

private:
    void next(const QVariant &value) { m_query.bindValue(m_index++, value); }
    QSqlQuery &m_query;
    int m_index = 0;
};

} // namespace

std::unique_ptr<RowSink> queryBinder(QSqlQuery &query)
{
    return std::make_unique<QueryBinder>(query);
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
    r.egress.bytesSent = q.value(i++).toLongLong(); // NULL in rows migrated from v4
    r.egress.region = q.value(i++).toString();
    r.egress.policy = q.value(i++).toString();
    r.egress.dlpClasses = q.value(i++).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    r.egress.dlpFindings = q.value(i++).toInt();
    r.egress.dlpAction = q.value(i++).toString();
    const QVariant score = q.value(i++);
    r.egress.injectionScore = score.isNull() ? -1 : score.toDouble();
    r.egress.injectionFlagged = q.value(i++).toInt() != 0;
    return r;
}

} // namespace Switchyard::Store::Internal::LogRecordRow
