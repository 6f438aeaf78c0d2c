// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/guards/egressview.h"

#include "ui/guards/egressmodel.h"
#include "ui/tr.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Switchyard::Ui {

namespace {

QTableWidgetItem *cellItem(const QString &text, bool number = false)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (number) {
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    return item;
}

} // namespace

EgressView::EgressView(QWidget *parent)
    : QWidget(parent)
    , m_model(new EgressModel(EgressModel::DefaultCapacity, this))
    , m_totals(new QTableWidget(0, 4, this))
    , m_requests(new QTableView(this))
{
    m_totals->setObjectName(QStringLiteral("egressTotals"));
    m_totals->setHorizontalHeaderLabels(
        {Tr::tr("Provider"), Tr::tr("Region"), Tr::tr("Requests"), Tr::tr("Bytes sent")});
    m_totals->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_totals->verticalHeader()->hide();
    m_totals->setMaximumHeight(150);

    m_requests->setObjectName(QStringLiteral("egressRequests"));
    m_requests->setModel(m_model);
    m_requests->verticalHeader()->hide();
    m_requests->horizontalHeader()->setStretchLastSection(true);
    m_requests->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_requests->setColumnWidth(int(EgressModel::Column::Classes), 200);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(
        Tr::tr("Per destination (last %1 requests)").arg(EgressModel::DefaultCapacity)));
    layout->addWidget(m_totals);
    layout->addWidget(new QLabel(Tr::tr("Requests: only data classes are kept, never the "
                                        "values found.")));
    layout->addWidget(m_requests, 1);

    connect(m_model, &EgressModel::totalsChanged, this, &EgressView::refreshTotals);
}

void EgressView::appendRecords(const LogRecordList &records)
{
    m_model->appendRecords(records);
    m_requests->scrollToBottom();
}

void EgressView::refreshTotals()
{
    const QList<EgressModel::DestinationTotal> totals = m_model->totals();
    m_totals->setRowCount(int(totals.size()));
    for (int row = 0; row < totals.size(); ++row) {
        const EgressModel::DestinationTotal &t = totals.at(row);
        m_totals->setItem(row, 0, cellItem(t.provider));
        m_totals->setItem(row, 1, cellItem(t.region.isEmpty() ? QStringLiteral("\u2014") : t.region));
        m_totals->setItem(row, 2, cellItem(QString::number(t.requests), true));
        m_totals->setItem(row, 3, cellItem(QString::number(t.bytes), true));
    }
}

} // namespace Switchyard::Ui
