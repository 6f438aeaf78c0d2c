// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QString>

#include <initializer_list>

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QAbstractSeries;
class QChart;
class QWidget;
QT_END_NAMESPACE

/// The set-up the chart panels share, so they all keep one look. GUI thread only.
namespace Switchyard::Ui::ChartSetup {

/// A chart in the house look: no animation, 2 px margins, square corners. The caller hands it
/// to addChartView(), which makes the view its owner.
QChart *newChart();
/// Adds `axisX` at the bottom and `axisY` on the left of `chart` and attaches each of `series`
/// (already added to `chart`) to both.
void addAxes(QChart *chart, QAbstractAxis *axisX, QAbstractAxis *axisY,
             std::initializer_list<QAbstractSeries *> series);
/// Shows `chart` in an antialiased view with `toolTip` that fills `panel` edge to edge; the view
/// owns the chart, the chart its series and axes.
void addChartView(QWidget *panel, QChart *chart, const QString &toolTip);

} // namespace Switchyard::Ui::ChartSetup
