// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/logrecord.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QList>

namespace Switchyard::Ui {

/// The live request log: a bounded ring of LogRecords fed in batches (qBittorrent's LogModel
/// shape). GUI thread only. Each batch is one beginInsertRows/endInsertRows; when the ring is
/// full the oldest rows are removed first (one beginRemoveRows), then the batch is inserted.
class LogTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogTableModel)
public:
    enum class Column {
        Time,
        Status,
        Surface,
        Model, ///< requested → served
        Provider,
        Customer,
        App,
        Latency,
        Ttft,
        TokensIn,
        TokensOut,
        Cost,
        Attempts,
        Guards, ///< what the guards found and did (egress ledger), empty when nothing
        Count
    };
    Q_ENUM(Column)

    /// Item-data roles are plain ints everywhere in Qt's API, hence a plain enum here.
    enum Role : int {
        RecordRole = Qt::UserRole, ///< the whole LogRecord, as QVariant::fromValue(LogRecord)
        SortRole,                  ///< numbers for numeric columns, lower-case text otherwise
        IsErrorRole,               ///< bool: status >= 400 or an error was recorded
        IsSimulatedRole            ///< bool: served by a simulated provider
    };

    static constexpr qsizetype DefaultCapacity = 10000;

    explicit LogTableModel(QObject *parent = nullptr);
    LogTableModel(qsizetype capacity, QObject *parent);

    qsizetype capacity() const { return m_capacity; }
    /// Row `row` (0 = oldest kept); row must be in range.
    const LogRecord &record(int row) const;
    static bool isError(const LogRecord &record);

    /// Appends one batch; evicts the oldest rows first when the ring would overflow.
    void appendRecords(const Switchyard::LogRecordList &batch);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString displayText(const LogRecord &record, Column column);
    static QString formatCost(const LogRecord &record);
    /// The Guards cell: "redacted: email, card", "blocked: secret",
    /// "flagged (injection 0.72)", joined by "; "; empty when the guards found nothing.
    static QString guardsText(const LogRecord &record);

private:
    QVariant sortValue(const LogRecord &record, Column column) const;
    QVariant toolTip(const LogRecord &record, Column column) const;
    qsizetype physicalIndex(qsizetype row) const;

    qsizetype m_capacity;
    QList<LogRecord> m_buffer; ///< grows to m_capacity, then wraps
    qsizetype m_head = 0;      ///< physical index of row 0
    qsizetype m_count = 0;
    mutable QIcon m_okIcon;
    mutable QIcon m_errorIcon;
};

} // namespace Switchyard::Ui
