// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QChart;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace Switchyard::Ui {

struct BudgetCurve;

/// One budget's period: cumulative spend (solid), a dashed projection from now to the
/// period's end at the average rate so far, the limit (red) and one dotted line per alert
/// threshold below 100 %, named in the legend. X values are UTC milliseconds since the epoch,
/// Y values USD. QtCharts types stay inside this class. GUI thread only.
class BudgetChartPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BudgetChartPanel)
public:
    explicit BudgetChartPanel(QWidget *parent = nullptr);
    ~BudgetChartPanel() override;

    void setCurve(const BudgetCurve &curve);
    void clear();

    /// What the chart draws, for tests: series names are "spend", "projection", "limit" and
    /// "threshold-<percent>" (e.g. "threshold-80").
    QStringList seriesNames() const;
    QList<QPointF> seriesPoints(const QString &name) const;

private:
    QLineSeries *addLine(const QString &name, const QString &label);
    void removeThresholds();

    QChart *m_chart = nullptr;
    QLineSeries *m_spend = nullptr;
    QLineSeries *m_projection = nullptr;
    QLineSeries *m_limit = nullptr;
    QList<QLineSeries *> m_thresholds;
    QDateTimeAxis *m_axisX = nullptr;
    QValueAxis *m_axisY = nullptr;
};

} // namespace Switchyard::Ui
