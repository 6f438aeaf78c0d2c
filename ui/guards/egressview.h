// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/logrecord.h"

#include <QWidget>

class QTableView;
class QTableWidget;

namespace Switchyard::Ui {

class EgressModel;

/// The egress ledger view: per-destination totals (provider, region, requests, bytes) on top,
/// the last N requests below (time, provider, region, bytes, classes, action, injection).
/// GUI thread only.
class EgressView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EgressView)
public:
    explicit EgressView(QWidget *parent = nullptr);

    EgressModel *model() const { return m_model; }
    QTableWidget *totalsTable() const { return m_totals; }
    QTableView *requestsTable() const { return m_requests; }

public Q_SLOTS:
    void appendRecords(const Switchyard::LogRecordList &records);

private:
    void refreshTotals();

    EgressModel *m_model = nullptr;
    QTableWidget *m_totals = nullptr;
    QTableView *m_requests = nullptr;
};

} // namespace Switchyard::Ui
