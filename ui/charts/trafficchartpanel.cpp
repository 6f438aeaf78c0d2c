// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/charts/trafficchartpanel.h"

#include "ui/charts/chartsetup.h"
#include "ui/tr.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QValueAxis>

#include <algorithm>

namespace Switchyard::Ui {

namespace {

QList<qint64> valuesOf(const QBarSet *set)
{
    QList<qint64> out;
    for (int i = 0; i < set->count(); ++i)
        out.append(qint64(set->at(i)));
    return out;
}

} // namespace

TrafficChartPanel::TrafficChartPanel(QWidget *parent)
    : QWidget(parent)
    , m_series(new QBarSeries)
    , m_before(new QBarSet(Tr::tr("Before")))
    , m_after(new QBarSet(Tr::tr("After")))
    , m_axisX(new QBarCategoryAxis)
    , m_axisY(new QValueAxis)
{
    QChart *chart = ChartSetup::newChart();
    chart->legend()->setAlignment(Qt::AlignTop);

    m_before->setColor(QColor(0x90, 0xa4, 0xae));
    m_after->setColor(QColor(0x19, 0x76, 0xd2));
    m_before->setLabelColor(QColor(0x37, 0x47, 0x4f));
    m_after->setLabelColor(QColor(0x37, 0x47, 0x4f));
    m_series->append(m_before); // the series owns the sets
    m_series->append(m_after);
    m_series->setLabelsVisible(true);
    m_series->setLabelsFormat(QStringLiteral("@value"));
    m_series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    chart->addSeries(m_series);

    m_axisY->setLabelFormat(QStringLiteral("%d"));
    m_axisY->setTitleText(Tr::tr("Requests"));
    ChartSetup::addAxes(chart, m_axisX, m_axisY, {m_series});

    ChartSetup::addChartView(this, chart,
                             Tr::tr("Requests per model: as logged (before) and under the edited "
                                    "settings (after)"));
    setMinimumHeight(200);
}

TrafficChartPanel::~TrafficChartPanel() = default;

void TrafficChartPanel::clear()
{
    setTraffic({}, {}, {});
}

void TrafficChartPanel::setTraffic(const QStringList &models, const QList<qint64> &before,
                                   const QList<qint64> &after)
{
    if (m_before->count() > 0)
        m_before->remove(0, m_before->count());
    if (m_after->count() > 0)
        m_after->remove(0, m_after->count());
    m_axisX->clear();
    m_axisX->append(models);
    qint64 top = 1;
    for (qsizetype i = 0; i < models.size(); ++i) {
        const qint64 b = before.value(i);
        const qint64 a = after.value(i);
        m_before->append(qreal(b));
        m_after->append(qreal(a));
        top = std::max({top, a, b});
    }
    // Head room for the value labels above the tallest bar.
    m_axisY->setRange(0, double(top) * 1.15);
    m_axisY->applyNiceNumbers();
}

QStringList TrafficChartPanel::models() const
{
    return m_axisX->categories();
}

QList<qint64> TrafficChartPanel::before() const
{
    return valuesOf(m_before);
}

QList<qint64> TrafficChartPanel::after() const
{
    return valuesOf(m_after);
}

} // namespace Switchyard::Ui
