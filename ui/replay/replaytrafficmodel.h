// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/replay/replayresult.h"

#include <QAbstractTableModel>
#include <QList>

namespace Switchyard::Ui {

/// Requests per model before and after a what-if replay: one row per model, busiest first.
/// Display text is localised; Qt::UserRole holds the raw number (or model id). GUI thread only.
class ReplayTrafficModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplayTrafficModel)
public:
    enum Column { ModelColumn, BeforeColumn, AfterColumn, DeltaColumn, ColumnCount };

    explicit ReplayTrafficModel(QObject *parent = nullptr);
    ~ReplayTrafficModel() override;

    /// Replaces every row (a model reset).
    void setTraffic(const QList<Replay::ModelTraffic> &rows);
    const QList<Replay::ModelTraffic> &traffic() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Replay::ModelTraffic> m_rows;
};

} // namespace Switchyard::Ui
