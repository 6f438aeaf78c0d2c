// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/replay/replaytrafficmodel.h"

#include "ui/tr.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace Switchyard::Ui {

ReplayTrafficModel::ReplayTrafficModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

ReplayTrafficModel::~ReplayTrafficModel() = default;

void ReplayTrafficModel::setTraffic(const QList<Replay::ModelTraffic> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int ReplayTrafficModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReplayTrafficModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReplayTrafficModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Replay::ModelTraffic &row = m_rows.at(index.row());
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ModelColumn:
            return row.model;
        case BeforeColumn:
            return locale.toString(row.before);
        case AfterColumn:
            return locale.toString(row.after);
        case DeltaColumn:
            if (row.delta() == 0)
                return locale.toString(0);
            // U+2212 MINUS SIGN, as in the summary line.
            return QString((row.delta() > 0 ? QStringLiteral("+") : QStringLiteral("\u2212"))
                           + locale.toString(qAbs(row.delta())));
        }
        break;
    case Qt::UserRole:
        switch (index.column()) {
        case ModelColumn:
            return row.model;
        case BeforeColumn:
            return row.before;
        case AfterColumn:
            return row.after;
        case DeltaColumn:
            return row.delta();
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() != ModelColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ForegroundRole:
        if (index.column() == DeltaColumn && row.delta() != 0)
            return QBrush(row.delta() > 0 ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
        break;
    default:
        break;
    }
    return {};
}

QVariant ReplayTrafficModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ModelColumn:
        return Tr::tr("Model");
    case BeforeColumn:
        return Tr::tr("Requests before");
    case AfterColumn:
        return Tr::tr("Requests after");
    case DeltaColumn:
        return Tr::tr("Change");
    }
    return {};
}

} // namespace Switchyard::Ui
