// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/charts/chartsetup.h"

#include <QAbstractAxis>
#include <QAbstractSeries>
#include <QChart>
#include <QChartView>
#include <QVBoxLayout>
#include <QWidget>

namespace Switchyard::Ui::ChartSetup {

QChart *newChart()
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    return chart;
}

void addAxes(QChart *chart, QAbstractAxis *axisX, QAbstractAxis *axisY,
             std::initializer_list<QAbstractSeries *> series)
{
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    for (QAbstractSeries *one : series) {
        one->attachAxis(axisX);
        one->attachAxis(axisY);
    }
}

void addChartView(QWidget *panel, QChart *chart, const QString &toolTip)
{
    auto *view = new QChartView(chart, panel);
    view->setRenderHint(QPainter::Antialiasing);
    view->setToolTip(toolTip);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view);
}

} // namespace Switchyard::Ui::ChartSetup
