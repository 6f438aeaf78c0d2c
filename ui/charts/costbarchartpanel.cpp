// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/charts/costbarchartpanel.h"

#include "ui/charts/chartsetup.h"
#include "ui/tr.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QValueAxis>

#include <algorithm>

namespace Switchyard::Ui {

CostBarChartPanel::CostBarChartPanel(QWidget *parent)
    : QWidget(parent)
    , m_series(new QHorizontalBarSeries)
    , m_set(new QBarSet(Tr::tr("Cost")))
    , m_axisY(new QBarCategoryAxis)
    , m_axisX(new QValueAxis)
{
    QChart *chart = ChartSetup::newChart();
    chart->legend()->hide();
    m_set->setColor(QColor(0x19, 0x76, 0xd2));
    m_set->setLabelColor(QColor(0x37, 0x47, 0x4f));
    m_series->append(m_set); // the series owns the set
    m_series->setLabelsVisible(true);
    m_series->setLabelsFormat(QStringLiteral("$@value"));
    m_series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    m_series->setLabelsPrecision(4);
    chart->addSeries(m_series);
    m_axisX->setLabelFormat(QStringLiteral("$%.2f"));
    m_axisX->setTitleText(Tr::tr("Cost (USD)"));
    ChartSetup::addAxes(chart, m_axisX, m_axisY, {m_series});
    ChartSetup::addChartView(this, chart, Tr::tr("Cost per group in the report's range"));
    setMinimumHeight(200);
}

CostBarChartPanel::~CostBarChartPanel() = default;

void CostBarChartPanel::clear()
{
    setCosts({}, {});
}

void CostBarChartPanel::setCosts(const QStringList &groups, const QList<double> &costs, int limit)
{
    QStringList names;
    QList<double> values;
    double other = 0;
    for (qsizetype i = 0; i < groups.size(); ++i) {
        if (i < limit) {
            names.append(groups.at(i));
            values.append(costs.value(i));
        } else {
            other += costs.value(i);
        }
    }
    if (groups.size() > limit) {
        names.append(Tr::tr("Other (%1)").arg(groups.size() - limit));
        values.append(other);
    }
    // Horizontal bar categories run bottom-up: reverse so the first group is on top.
    std::reverse(names.begin(), names.end());
    std::reverse(values.begin(), values.end());
    if (m_set->count() > 0)
        m_set->remove(0, m_set->count());
    m_axisY->clear();
    m_axisY->append(names);
    double top = 0.01;
    for (const double value : std::as_const(values)) {
        m_set->append(value);
        top = std::max(top, value);
    }
    m_axisX->setRange(0, top * 1.2);
    m_axisX->applyNiceNumbers();
}

QStringList CostBarChartPanel::groups() const
{
    QStringList names = m_axisY->categories();
    std::reverse(names.begin(), names.end());
    return names;
}

QList<double> CostBarChartPanel::costs() const
{
    QList<double> values;
    for (int i = m_set->count() - 1; i >= 0; --i)
        values.append(m_set->at(i));
    return values;
}

} // namespace Switchyard::Ui
