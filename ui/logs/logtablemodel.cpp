// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/logs/logtablemodel.h"

#include "ui/tr.h"

#include <QBrush>
#include <QColor>
#include <QPainter>
#include <QPixmap>

#include <algorithm>

namespace Switchyard::Ui {

namespace {

QIcon dotIcon(const QColor &colour)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawEllipse(QRectF(1.5, 1.5, 9, 9));
    return QIcon(pixmap);
}

QString dash()
{
    return QStringLiteral("\u2014");
}

QString millis(double ms)
{
    return ms < 0 ? dash() : QString::number(ms, 'f', 1);
}

bool isNumeric(LogTableModel::Column column)
{
    using C = LogTableModel::Column;
    switch (column) {
    case C::Status:
    case C::Latency:
    case C::Ttft:
    case C::TokensIn:
    case C::TokensOut:
    case C::Cost:
    case C::Attempts: return true;
    default: return false;
    }
}

} // namespace

LogTableModel::LogTableModel(QObject *parent)
    : LogTableModel(DefaultCapacity, parent)
{}

LogTableModel::LogTableModel(qsizetype capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(std::max<qsizetype>(1, capacity))
{}

const LogRecord &LogTableModel::record(int row) const
{
    return m_buffer.at(physicalIndex(row));
}

bool LogTableModel::isError(const LogRecord &record)
{
    return record.status >= 400 || !record.errorType.isEmpty();
}

qsizetype LogTableModel::physicalIndex(qsizetype row) const
{
    return (m_head + row) % m_buffer.size();
}

void LogTableModel::appendRecords(const LogRecordList &batch)
{
    if (batch.isEmpty()) {
        return;
    }
    // A batch larger than the ring keeps only its newest records.
    const qsizetype incoming = std::min(batch.size(), m_capacity);
    const qsizetype firstIncoming = batch.size() - incoming;

    // Remove before insert: views and proxies must never see more rows than the ring holds,
    // and the rows they drop must be the ones that really go (qBittorrent's ghost-rows trap).
    const qsizetype overflow = m_count + incoming - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, int(overflow - 1));
        for (qsizetype i = 0; i < overflow; ++i) {
            m_buffer[physicalIndex(i)] = LogRecord(); // release the strings now
        }
        m_count -= overflow;
        m_head = m_count == 0 ? 0 : (m_head + overflow) % m_buffer.size();
        if (m_count == 0) {
            m_buffer.clear();
        }
        endRemoveRows();
    }

    beginInsertRows({}, int(m_count), int(m_count + incoming - 1));
    for (qsizetype i = firstIncoming; i < batch.size(); ++i) {
        // While the buffer is still growing the occupied slots end exactly at its end, so the
        // next slot is either one past it (append) or a freed slot (overwrite).
        const qsizetype slot = m_buffer.isEmpty() ? 0 : (m_head + m_count) % m_capacity;
        if (slot == m_buffer.size()) {
            m_buffer.append(batch.at(i));
        } else {
            m_buffer[slot] = batch.at(i);
        }
        ++m_count;
    }
    endInsertRows();
}

void LogTableModel::clear()
{
    beginResetModel();
    m_buffer.clear();
    m_head = 0;
    m_count = 0;
    endResetModel();
}

int LogTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_count);
}

int LogTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QString LogTableModel::formatCost(const LogRecord &record)
{
    // Unknown is never shown as $0: a free local model and a missing price are different facts.
    if (!record.costKnown) {
        return dash();
    }
    return QLatin1Char('$') + QString::number(record.costUsd, 'f', 6);
}

QString LogTableModel::guardsText(const LogRecord &record)
{
    const EgressRecord &e = record.egress;
    QStringList parts;
    const QString classes = e.dlpClasses.join(QLatin1String(", "));
    if (!e.dlpClasses.isEmpty() || !e.dlpAction.isEmpty()) {
        if (e.dlpAction == QLatin1String("block")) {
            parts.append(Tr::tr("blocked: %1").arg(classes));
        } else if (e.dlpAction == QLatin1String("redact")) {
            parts.append(Tr::tr("redacted: %1").arg(classes));
        } else if (e.dlpAction == QLatin1String("log")) {
            parts.append(Tr::tr("logged: %1").arg(classes));
        } else {
            parts.append(Tr::tr("found: %1").arg(classes));
        }
    }
    if (e.injectionFlagged) {
        parts.append(Tr::tr("flagged (injection %1)").arg(QString::number(e.injectionScore, 'f', 2)));
    }
    return parts.join(QLatin1String("; "));
}

QString LogTableModel::displayText(const LogRecord &record, Column column)
{
    switch (column) {
    case Column::Time:
        return record.startedAt.toLocalTime().toString(QStringLiteral("hh:mm:ss.zzz"));
    case Column::Status:
        if (record.status == 0) {
            return record.errorType.isEmpty() ? dash() : record.errorType;
        }
        return record.errorType.isEmpty()
                   ? QString::number(record.status)
                   : QString::number(record.status) + QLatin1Char(' ') + record.errorType;
    case Column::Surface: return record.surface;
    case Column::Model: {
        const QString served = record.model.isEmpty() ? record.upstreamModel : record.model;
        if (record.requestedModel.isEmpty() || record.requestedModel == served) {
            return served.isEmpty() ? record.requestedModel : served;
        }
        if (served.isEmpty()) {
            return record.requestedModel;
        }
        return Tr::tr("%1 \u2192 %2").arg(record.requestedModel, served);
    }
    case Column::Provider:
        if (record.isSimulated()) {
            // The default provider is called "simulated" already; don't say it twice.
            if (record.provider.compare(QLatin1String("simulated"), Qt::CaseInsensitive) == 0) {
                return Tr::tr("simulated");
            }
            return Tr::tr("%1 (simulated)").arg(record.provider);
        }
        return record.provider;
    case Column::Customer: return record.customer;
    case Column::App: return record.app;
    case Column::Latency: return millis(record.latencyMs);
    case Column::Ttft: return millis(record.ttftMs);
    case Column::TokensIn:
        return record.usage.known ? QString::number(record.usage.promptTokens()) : dash();
    case Column::TokensOut:
        return record.usage.known ? QString::number(record.usage.outputTokens) : dash();
    case Column::Cost: return formatCost(record);
    case Column::Attempts: return QString::number(record.attempts);
    case Column::Guards: return guardsText(record);
    case Column::Count: break;
    }
    return {};
}

QVariant LogTableModel::sortValue(const LogRecord &record, Column column) const
{
    switch (column) {
    case Column::Time:
        // The proxy sorts stably, so ties keep completion order.
        return record.startedAt.toMSecsSinceEpoch();
    case Column::Status: return record.status;
    case Column::Latency: return record.latencyMs;
    case Column::Ttft: return record.ttftMs;
    case Column::TokensIn: return record.usage.known ? record.usage.promptTokens() : qint64(-1);
    case Column::TokensOut: return record.usage.known ? record.usage.outputTokens : qint64(-1);
    case Column::Cost: return record.costKnown ? record.costUsd : -1.0;
    case Column::Attempts: return record.attempts;
    default: return displayText(record, column).toLower();
    }
}

QVariant LogTableModel::toolTip(const LogRecord &record, Column column) const
{
    if (column == Column::Provider && record.isSimulated()) {
        return Tr::tr("Answered by the built-in simulated provider: the text is not from a real "
                      "model.");
    }
    if (column == Column::Cost && !record.costKnown) {
        return Tr::tr("Cost unknown: no price or no usage was reported.");
    }
    if (column == Column::Guards) {
        const EgressRecord &e = record.egress;
        if (e.dlpFindings == 0 && !e.injectionFlagged) {
            return {};
        }
        return Tr::tr("%n finding(s) in request and response; only classes are kept, never the values.",
                      nullptr, e.dlpFindings);
    }
    if (!record.errorMessage.isEmpty()) {
        return record.errorMessage;
    }
    return {};
}

QVariant LogTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const LogRecord &rec = record(index.row());
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole: return displayText(rec, column);
    case Qt::ToolTipRole: return toolTip(rec, column);
    case Qt::ForegroundRole:
        if (column == Column::Status && isError(rec)) {
            return QBrush(QColor(0xc6, 0x28, 0x28));
        }
        return {};
    case Qt::DecorationRole:
        if (column != Column::Status) {
            return {};
        }
        if (isError(rec)) {
            if (m_errorIcon.isNull()) {
                m_errorIcon = dotIcon(QColor(0xd3, 0x2f, 0x2f));
            }
            return m_errorIcon;
        }
        if (m_okIcon.isNull()) {
            m_okIcon = dotIcon(QColor(0x2e, 0x7d, 0x32));
        }
        return m_okIcon;
    case Qt::TextAlignmentRole:
        if (isNumeric(column) && column != Column::Status) {
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        }
        return {};
    case RecordRole: return QVariant::fromValue(rec);
    case SortRole: return sortValue(rec, column);
    case IsErrorRole: return isError(rec);
    case IsSimulatedRole: return rec.isSimulated();
    default: return {};
    }
}

QVariant LogTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= int(Column::Count)) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (role == Qt::TextAlignmentRole) {
        const bool right = isNumeric(Column(section)) && Column(section) != Column::Status;
        return QVariant::fromValue(
            Qt::Alignment((right ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (Column(section)) {
    case Column::Time: return Tr::tr("Time");
    case Column::Status: return Tr::tr("Status");
    case Column::Surface: return Tr::tr("Surface");
    case Column::Model: return Tr::tr("Model");
    case Column::Provider: return Tr::tr("Provider");
    case Column::Customer: return Tr::tr("Customer");
    case Column::App: return Tr::tr("App");
    case Column::Latency: return Tr::tr("Latency (ms)");
    case Column::Ttft: return Tr::tr("TTFT (ms)");
    case Column::TokensIn: return Tr::tr("Tokens in");
    case Column::TokensOut: return Tr::tr("Tokens out");
    case Column::Cost: return Tr::tr("Cost");
    case Column::Attempts: return Tr::tr("Attempts");
    case Column::Guards: return Tr::tr("Guards");
    case Column::Count: break;
    }
    return {};
}

} // namespace Switchyard::Ui
