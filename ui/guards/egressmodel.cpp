// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/guards/egressmodel.h"

#include "ui/tr.h"

#include <QMap>
#include <QPair>

#include <algorithm>

namespace Switchyard::Ui {

namespace {

QString dash()
{
    return QStringLiteral("\u2014");
}

QString actionText(const QString &action)
{
    if (action == QLatin1String("block")) {
        return Tr::tr("blocked");
    }
    if (action == QLatin1String("redact")) {
        return Tr::tr("redacted");
    }
    if (action == QLatin1String("log")) {
        return Tr::tr("logged");
    }
    return action;
}

} // namespace

EgressModel::EgressModel(qsizetype capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(std::max<qsizetype>(1, capacity))
{}

void EgressModel::appendRecords(const LogRecordList &batch)
{
    if (batch.isEmpty()) {
        return;
    }
    const qsizetype incoming = std::min(batch.size(), m_capacity);
    const qsizetype overflow = m_records.size() + incoming - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, int(overflow - 1));
        m_records.remove(0, overflow);
        endRemoveRows();
    }
    beginInsertRows({}, int(m_records.size()), int(m_records.size() + incoming - 1));
    m_records.append(batch.mid(batch.size() - incoming));
    endInsertRows();
    Q_EMIT totalsChanged();
}

void EgressModel::clear()
{
    beginResetModel();
    m_records.clear();
    endResetModel();
    Q_EMIT totalsChanged();
}

QList<EgressModel::DestinationTotal> EgressModel::totals() const
{
    QMap<QPair<QString, QString>, DestinationTotal> byDestination;
    for (const LogRecord &r : m_records) {
        DestinationTotal &total = byDestination[{r.provider, r.egress.region}];
        total.provider = r.provider;
        total.region = r.egress.region;
        total.bytes += r.egress.bytesSent;
        ++total.requests;
    }
    QList<DestinationTotal> out = byDestination.values(); // already by provider, region
    std::stable_sort(out.begin(), out.end(), [](const DestinationTotal &a, const DestinationTotal &b) {
        return a.bytes > b.bytes;
    });
    return out;
}

int EgressModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int EgressModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QString EgressModel::displayText(const LogRecord &r, Column column)
{
    const EgressRecord &e = r.egress;
    switch (column) {
    case Column::Time: return r.startedAt.toLocalTime().toString(QStringLiteral("hh:mm:ss"));
    case Column::Provider: return r.provider;
    case Column::Region: return e.region.isEmpty() ? dash() : e.region;
    case Column::Bytes: return QString::number(e.bytesSent);
    case Column::Classes:
        if (e.dlpClasses.isEmpty()) {
            return {};
        }
        return Tr::tr("%1 (%2)").arg(e.dlpClasses.join(QLatin1String(", "))).arg(e.dlpFindings);
    case Column::Action: return actionText(e.dlpAction);
    case Column::Injection:
        if (e.injectionScore < 0) {
            return dash();
        }
        return e.injectionFlagged
                   ? Tr::tr("%1 flagged").arg(QString::number(e.injectionScore, 'f', 2))
                   : QString::number(e.injectionScore, 'f', 2);
    case Column::Count: break;
    }
    return {};
}

QVariant EgressModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const LogRecord &r = m_records.at(index.row());
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole: return displayText(r, column);
    case Qt::TextAlignmentRole:
        if (column == Column::Bytes) {
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        }
        return {};
    case Qt::ToolTipRole:
        if (column == Column::Provider || column == Column::Region) {
            return r.egress.policy.isEmpty() ? QVariant()
                                             : QVariant(Tr::tr("Policy: %1").arg(r.egress.policy));
        }
        return {};
    default: return {};
    }
}

QVariant EgressModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= int(Column::Count)) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (Column(section)) {
    case Column::Time: return Tr::tr("Time");
    case Column::Provider: return Tr::tr("Provider");
    case Column::Region: return Tr::tr("Region");
    case Column::Bytes: return Tr::tr("Bytes sent");
    case Column::Classes: return Tr::tr("Classes found");
    case Column::Action: return Tr::tr("Action");
    case Column::Injection: return Tr::tr("Injection");
    case Column::Count: break;
    }
    return {};
}

} // namespace Switchyard::Ui
