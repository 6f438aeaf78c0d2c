// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/reports/report.h"

#include <QAbstractTableModel>

namespace Switchyard::Ui {

/// A cost report as a table: one column per group-by column, then requests, errors, the token
/// classes, cost and unknown-cost requests; the last row is the total (bold). Qt::UserRole
/// gives the raw number of numeric cells. GUI thread only.
class ReportTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportTableModel)
public:
    /// The fixed columns after the group-by ones.
    enum class Metric { Requests, Errors, Input, CacheRead, CacheWrite, Output, Reasoning, Cost, UnknownCost };
    static constexpr int kMetricCount = 9;

    explicit ReportTableModel(QObject *parent = nullptr);

    /// The translated name of a group-by dimension (column titles, the group-by list).
    static QString groupTitle(Reports::GroupBy column);

    void setTable(const Reports::ReportTable &table);
    void clear();
    const Reports::ReportTable &table() const { return m_table; }
    bool hasTable() const { return m_hasTable; }
    /// Column index of `metric` for the current group-by.
    int column(Metric metric) const;
    /// The row label: the group's values joined by " / ", "(none)" for empty ones.
    static QString label(const Reports::ReportRow &row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant metricValue(const Reports::ReportRow &row, Metric metric) const;

    Reports::ReportTable m_table;
    bool m_hasTable = false;
};

} // namespace Switchyard::Ui
