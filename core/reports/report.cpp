// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/reports/report.h"

#include "core/common/tr.h"
#include "core/store/requestreader.h"

#include <algorithm>

namespace Switchyard::Reports {

namespace {

constexpr int kPageRows = 5000;

struct ColumnName
{
    GroupBy column;
    const char *name;
};
constexpr ColumnName kColumns[] = {{GroupBy::Customer, "customer"}, {GroupBy::Project, "project"},
                                   {GroupBy::Feature, "feature"},   {GroupBy::App, "app"},
                                   {GroupBy::Key, "key"},           {GroupBy::Model, "model"},
                                   {GroupBy::Provider, "provider"}, {GroupBy::Day, "day"}};

QString keyOf(const LogRecord &record, GroupBy column, const QTimeZone &zone)
{
    switch (column) {
    case GroupBy::Customer: return record.customer;
    case GroupBy::Project: return record.project;
    case GroupBy::Feature: return record.feature;
    case GroupBy::App: return record.app;
    case GroupBy::Key: return record.keyId;
    case GroupBy::Model: return record.model;
    case GroupBy::Provider: return record.provider;
    case GroupBy::Day: return record.startedAt.toTimeZone(zone).date().toString(Qt::ISODate);
    }
    return {};
}

void accumulate(ReportRow &row, const LogRecord &record)
{
    ++row.requests;
    if (record.status < 200 || record.status >= 300)
        ++row.errors;
    row.inputTokens += record.usage.inputTokens;
    row.cacheReadTokens += record.usage.cacheReadTokens;
    row.cacheWriteTokens += record.usage.cacheWriteTokens;
    row.outputTokens += record.usage.outputTokens;
    row.reasoningTokens += record.usage.reasoningTokens;
    if (record.costKnown) {
        row.costUsd += record.costUsd;
        if (!record.priceVersion.isEmpty() && !row.priceVersions.contains(record.priceVersion))
            row.priceVersions.append(record.priceVersion);
    } else if (!record.model.isEmpty() && record.status >= 200 && record.status < 300) {
        ++row.unknownCostRequests;
    }
}

QByteArray csvField(const QString &value)
{
    QByteArray bytes = value.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\r') || bytes.contains('\n')) {
        bytes.replace("\"", "\"\"");
        return '"' + bytes + '"';
    }
    return bytes;
}

QByteArray csvRow(const QStringList &keys, const ReportRow &row)
{
    QList<QByteArray> fields;
    for (const QString &key : keys)
        fields.append(csvField(key));
    QStringList versions = row.priceVersions;
    versions.sort();
    fields << QByteArray::number(row.requests) << QByteArray::number(row.errors)
           << QByteArray::number(row.inputTokens) << QByteArray::number(row.cacheReadTokens)
           << QByteArray::number(row.cacheWriteTokens) << QByteArray::number(row.outputTokens)
           << QByteArray::number(row.reasoningTokens) << QByteArray::number(row.costUsd, 'f', 6)
           << QByteArray::number(row.unknownCostRequests) << csvField(versions.join(QLatin1Char(';')));
    return fields.join(',') + "\r\n";
}

} // namespace

ReportBuilder::ReportBuilder(ReportQuery query)
    : m_query(std::move(query))
{
}

void ReportBuilder::add(const LogRecord &record)
{
    QStringList keys;
    for (GroupBy column : std::as_const(m_query.groupBy))
        keys.append(keyOf(record, column, m_query.zone));
    ReportRow &row = m_rows[keys];
    row.keys = keys;
    accumulate(row, record);
    accumulate(m_total, record);
}

ReportTable ReportBuilder::result() const
{
    ReportTable table;
    table.groupBy = m_query.groupBy;
    table.rows = m_rows.values();
    std::sort(table.rows.begin(), table.rows.end(), [](const ReportRow &a, const ReportRow &b) {
        if (a.costUsd != b.costUsd)
            return a.costUsd > b.costUsd;
        return a.keys < b.keys;
    });
    table.total = m_total;
    return table;
}

Result<ReportTable> runReport(Store::RequestReader &reader, const ReportQuery &query,
                              const std::function<void(qint64, qint64)> &progress,
                              const std::atomic_bool *cancel)
{
    const Result<qint64> total = reader.countRange(query.from, query.to);
    if (!total.ok())
        return total.error();
    ReportBuilder builder(query);
    qint64 done = 0;
    qint64 afterId = 0;
    for (;;) {
        if (cancel && cancel->load())
            return Error{QStringLiteral("cancelled"), Tr::tr("the report was cancelled")};
        const Result<LogRecordList> page = reader.readRange(query.from, query.to, afterId, kPageRows);
        if (!page.ok())
            return page.error();
        for (const LogRecord &record : page.value())
            builder.add(record);
        done += page.value().size();
        if (progress)
            progress(done, qMax(done, total.value()));
        if (page.value().size() < kPageRows)
            break;
        afterId = page.value().constLast().sequence;
    }
    return builder.result();
}

QString groupByName(GroupBy column)
{
    for (const ColumnName &entry : kColumns) {
        if (entry.column == column)
            return QLatin1String(entry.name);
    }
    return {};
}

Result<QList<GroupBy>> parseGroupBy(const QString &text)
{
    QList<GroupBy> columns;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString name = part.trimmed().toLower();
        const auto it = std::find_if(std::begin(kColumns), std::end(kColumns),
                                     [&](const ColumnName &c) { return name == QLatin1String(c.name); });
        if (it == std::end(kColumns)) {
            QStringList allowed;
            for (const ColumnName &c : kColumns)
                allowed.append(QLatin1String(c.name));
            return Error{QStringLiteral("report.group_by"),
                         Tr::tr("cannot group by '%1'; use any of: %2").arg(name, allowed.join(QLatin1String(", ")))};
        }
        if (!columns.contains(it->column))
            columns.append(it->column);
    }
    return columns;
}

QByteArray toCsv(const ReportTable &table)
{
    QStringList header;
    for (GroupBy column : table.groupBy)
        header.append(groupByName(column));
    header << QStringLiteral("requests") << QStringLiteral("errors") << QStringLiteral("input_tokens")
           << QStringLiteral("cache_read_tokens") << QStringLiteral("cache_write_tokens")
           << QStringLiteral("output_tokens") << QStringLiteral("reasoning_tokens") << QStringLiteral("cost_usd")
           << QStringLiteral("unknown_cost_requests") << QStringLiteral("price_versions");
    QByteArray csv = header.join(QLatin1Char(',')).toUtf8() + "\r\n";
    for (const ReportRow &row : table.rows)
        csv += csvRow(row.keys, row);
    QStringList totalKeys;
    for (qsizetype i = 0; i < table.groupBy.size(); ++i)
        totalKeys.append(i == 0 ? QStringLiteral("TOTAL") : QString());
    if (totalKeys.isEmpty())
        return csv + csvRow({}, table.total);
    return csv + csvRow(totalKeys, table.total);
}

} // namespace Switchyard::Reports
