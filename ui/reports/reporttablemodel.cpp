// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/reports/reporttablemodel.h"

#include "core/budget/budgetledger.h"
#include "ui/tr.h"

#include <QFont>
#include <QLocale>

namespace Switchyard::Ui {

namespace {

QString metricTitle(ReportTableModel::Metric metric)
{
    using M = ReportTableModel::Metric;
    switch (metric) {
    case M::Requests: return Tr::tr("Requests");
    case M::Errors: return Tr::tr("Errors");
    case M::Input: return Tr::tr("Input tokens");
    case M::CacheRead: return Tr::tr("Cache read");
    case M::CacheWrite: return Tr::tr("Cache write");
    case M::Output: return Tr::tr("Output tokens");
    case M::Reasoning: return Tr::tr("Reasoning");
    case M::Cost: return Tr::tr("Cost");
    case M::UnknownCost: return Tr::tr("Unknown cost");
    }
    return {};
}

} // namespace

QString ReportTableModel::groupTitle(Reports::GroupBy column)
{
    using G = Reports::GroupBy;
    switch (column) {
    case G::Customer: return Tr::tr("Customer");
    case G::Project: return Tr::tr("Project");
    case G::Feature: return Tr::tr("Feature");
    case G::App: return Tr::tr("App");
    case G::Key: return Tr::tr("Key");
    case G::Model: return Tr::tr("Model");
    case G::Provider: return Tr::tr("Provider");
    case G::Day: return Tr::tr("Day");
    }
    return {};
}

ReportTableModel::ReportTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ReportTableModel::setTable(const Reports::ReportTable &table)
{
    beginResetModel();
    m_table = table;
    m_hasTable = true;
    endResetModel();
}

void ReportTableModel::clear()
{
    beginResetModel();
    m_table = {};
    m_hasTable = false;
    endResetModel();
}

int ReportTableModel::column(Metric metric) const
{
    return int(m_table.groupBy.size()) + int(metric);
}

QString ReportTableModel::label(const Reports::ReportRow &row)
{
    QStringList parts;
    for (const QString &key : row.keys)
        parts.append(key.isEmpty() ? Tr::tr("(none)") : key);
    return parts.join(QStringLiteral(" / "));
}

int ReportTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_hasTable)
        return 0;
    return int(m_table.rows.size()) + 1;
}

int ReportTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.groupBy.size()) + kMetricCount;
}

QVariant ReportTableModel::metricValue(const Reports::ReportRow &row, Metric metric) const
{
    switch (metric) {
    case Metric::Requests: return row.requests;
    case Metric::Errors: return row.errors;
    case Metric::Input: return row.inputTokens;
    case Metric::CacheRead: return row.cacheReadTokens;
    case Metric::CacheWrite: return row.cacheWriteTokens;
    case Metric::Output: return row.outputTokens;
    case Metric::Reasoning: return row.reasoningTokens;
    case Metric::Cost: return row.costUsd;
    case Metric::UnknownCost: return row.unknownCostRequests;
    }
    return {};
}

QVariant ReportTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const bool isTotal = index.row() == m_table.rows.size();
    const Reports::ReportRow &row = isTotal ? m_table.total : m_table.rows.at(index.row());
    const int groups = int(m_table.groupBy.size());
    const bool isKey = index.column() < groups;
    if (role == Qt::FontRole && isTotal) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::TextAlignmentRole)
        return isKey ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (isKey) {
        if (role != Qt::DisplayRole && role != Qt::UserRole && role != Qt::ToolTipRole)
            return {};
        if (isTotal)
            return index.column() == 0 ? Tr::tr("Total") : QString();
        const QString key = row.keys.value(index.column());
        return key.isEmpty() && role == Qt::DisplayRole ? Tr::tr("(none)") : key;
    }
    const auto metric = Metric(index.column() - groups);
    const QVariant value = metricValue(row, metric);
    if (role == Qt::UserRole)
        return value;
    if (role == Qt::DisplayRole) {
        if (metric == Metric::Cost)
            return Budget::formatUsd(row.costUsd);
        return QLocale().toString(value.toLongLong());
    }
    if (role == Qt::ToolTipRole && metric == Metric::Cost && !row.priceVersions.isEmpty())
        return Tr::tr("Price versions: %1").arg(row.priceVersions.join(QStringLiteral(", ")));
    return {};
}

QVariant ReportTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    const int groups = int(m_table.groupBy.size());
    if (section < groups)
        return groupTitle(m_table.groupBy.at(section));
    if (section - groups < kMetricCount)
        return metricTitle(Metric(section - groups));
    return {};
}

} // namespace Switchyard::Ui
