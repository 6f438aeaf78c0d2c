// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/logrecord.h"

#include <QAbstractTableModel>
#include <QList>

namespace Switchyard::Ui {

/// The egress ledger of the last N requests (issue 6): one row per request, newest last, and
/// the per-destination totals (bytes and requests per provider/region) over the rows kept.
/// Classes and counts only: values are never stored, so never shown. GUI thread only.
class EgressModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EgressModel)
public:
    enum class Column { Time, Provider, Region, Bytes, Classes, Action, Injection, Count };
    Q_ENUM(Column)

    /// Bytes and request count sent to one provider/region over the rows kept.
    struct DestinationTotal
    {
        QString provider;
        QString region;
        qint64 bytes = 0;
        int requests = 0;
    };

    static constexpr qsizetype DefaultCapacity = 500;

    explicit EgressModel(qsizetype capacity = DefaultCapacity, QObject *parent = nullptr);

    qsizetype capacity() const { return m_capacity; }
    const LogRecord &record(int row) const { return m_records.at(row); }
    /// Appends a batch; drops the oldest rows beyond the capacity first.
    void appendRecords(const Switchyard::LogRecordList &batch);
    void clear();
    /// Sorted by bytes, largest first; ties by provider then region.
    QList<DestinationTotal> totals() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString displayText(const LogRecord &record, Column column);

Q_SIGNALS:
    void totalsChanged();

private:
    qsizetype m_capacity;
    QList<LogRecord> m_records; ///< oldest first
};

} // namespace Switchyard::Ui
