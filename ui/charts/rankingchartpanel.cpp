// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/charts/rankingchartpanel.h"

#include "ui/charts/chartsetup.h"
#include "ui/tr.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QValueAxis>

#include <algorithm>

namespace Switchyard::Ui {

RankingChartPanel::RankingChartPanel(QWidget *parent)
    : QWidget(parent)
    , m_series(new QHorizontalBarSeries)
    , m_set(new QBarSet(Tr::tr("Total score")))
    , m_axisY(new QBarCategoryAxis)
    , m_axisX(new QValueAxis)
{
    QChart *chart = ChartSetup::newChart();
    chart->legend()->hide();

    m_set->setColor(QColor(0x19, 0x76, 0xd2));
    m_series->append(m_set); // the series owns the set
    m_series->setLabelsVisible(true);
    m_series->setLabelsFormat(QStringLiteral("@value"));
    m_series->setLabelsPrecision(3);
    chart->addSeries(m_series);

    m_axisX->setRange(0, 1);
    m_axisX->setTickCount(6);
    m_axisX->setLabelFormat(QStringLiteral("%.1f"));
    ChartSetup::addAxes(chart, m_axisX, m_axisY, {m_series});

    ChartSetup::addChartView(
        this, chart, Tr::tr("Models by total score under the current weights, best on top"));
    setMinimumHeight(160);
}

RankingChartPanel::~RankingChartPanel() = default;

void RankingChartPanel::setRanking(const QList<QPair<QString, double>> &ranking)
{
    // A horizontal bar series draws its first category at the bottom: feed it worst first
    // so the best model ends up on top.
    QStringList categories;
    QList<qreal> values;
    for (auto it = ranking.crbegin(); it != ranking.crend(); ++it) {
        categories.append(it->first);
        values.append(it->second);
    }
    if (m_set->count() > 0) {
        m_set->remove(0, m_set->count());
    }
    m_axisY->clear();
    m_axisY->append(categories);
    m_set->append(values);
}

QStringList RankingChartPanel::order() const
{
    // Read back from what the chart holds, not from m_ranking, so a test sees the drawing.
    QStringList out = m_axisY->categories();
    std::reverse(out.begin(), out.end());
    return out;
}

QList<double> RankingChartPanel::values() const
{
    QList<double> out;
    for (int i = m_set->count() - 1; i >= 0; --i) {
        out.append(m_set->at(i));
    }
    return out;
}

} // namespace Switchyard::Ui
