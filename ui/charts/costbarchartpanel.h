// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QList>
#include <QStringList>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QBarCategoryAxis;
class QBarSet;
class QHorizontalBarSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace Switchyard::Ui {

/// Cost per group as horizontal bars, dearest on top. QtCharts types stay inside this class.
/// GUI thread only.
class CostBarChartPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CostBarChartPanel)
public:
    explicit CostBarChartPanel(QWidget *parent = nullptr);
    ~CostBarChartPanel() override;

    /// Shows at most `limit` groups in the given order (the first is drawn on top); the rest
    /// are summed into one "Other" bar.
    void setCosts(const QStringList &groups, const QList<double> &costs, int limit = 15);
    void clear();

    /// What the chart draws, top to bottom, for tests.
    QStringList groups() const;
    QList<double> costs() const;

private:
    QHorizontalBarSeries *m_series = nullptr;
    QBarSet *m_set = nullptr;
    QBarCategoryAxis *m_axisY = nullptr;
    QValueAxis *m_axisX = nullptr;
};

} // namespace Switchyard::Ui
