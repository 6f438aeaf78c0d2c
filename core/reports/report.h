// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/logrecord.h"
#include "core/common/result.h"

#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QTimeZone>

#include <atomic>
#include <functional>

namespace Switchyard::Store {
class RequestReader;
}

namespace Switchyard::Reports {

enum class GroupBy { Customer, Project, Feature, App, Key, Model, Provider, Day };

struct ReportQuery
{
    QDateTime from;          ///< inclusive, UTC; invalid = open-ended
    QDateTime to;            ///< exclusive, UTC; invalid = open-ended
    QList<GroupBy> groupBy;  ///< empty: one total row
    QTimeZone zone = QTimeZone::systemTimeZone(); ///< calendar for `day`
};

/// Totals for one group. Token classes are disjoint (see Usage).
struct ReportRow
{
    QStringList keys; ///< one value per group-by column, in query order
    qint64 requests = 0;
    qint64 errors = 0;
    qint64 inputTokens = 0;
    qint64 cacheReadTokens = 0;
    qint64 cacheWriteTokens = 0;
    qint64 outputTokens = 0;
    qint64 reasoningTokens = 0;
    double costUsd = 0;           ///< requests with a known cost only
    qint64 unknownCostRequests = 0; ///< served, but no price or usage: never counted as $0
    QStringList priceVersions;    ///< distinct price versions the costs came from
};

struct ReportTable
{
    QList<GroupBy> groupBy;
    QList<ReportRow> rows; ///< sorted by cost, highest first, then by keys
    ReportRow total;
};

/// Aggregates log records into groups; feed it any number of records in any order.
class ReportBuilder final
{
public:
    explicit ReportBuilder(ReportQuery query);
    void add(const LogRecord &record);
    ReportTable result() const;

private:
    ReportQuery m_query;
    QHash<QStringList, ReportRow> m_rows;
    ReportRow m_total;
};

/// Runs the query over the log, reading in pages. `progress(done, total)` after each page;
/// `cancel` stops early with error code "cancelled".
Result<ReportTable> runReport(Store::RequestReader &reader, const ReportQuery &query,
                              const std::function<void(qint64, qint64)> &progress = {},
                              const std::atomic_bool *cancel = nullptr);

QString groupByName(GroupBy column);
/// "customer,model" → columns; errors name the unknown column and the allowed ones.
Result<QList<GroupBy>> parseGroupBy(const QString &text);

/// RFC 4180 CSV, UTF-8, CRLF line ends: the group-by columns, then requests, errors, one
/// column per token class, cost_usd, unknown_cost_requests, price_versions; a final TOTAL row.
QByteArray toCsv(const ReportTable &table);

} // namespace Switchyard::Reports
