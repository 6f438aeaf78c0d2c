// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/charts/ratechartpanel.h"

#include "ui/charts/chartsetup.h"
#include "ui/tr.h"

#include <QChart>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace Switchyard::Ui {

RateChartPanel::RateChartPanel(QWidget *parent)
    : QWidget(parent)
    , m_requestSeries(new QLineSeries)
    , m_errorSeries(new QLineSeries)
    , m_axisX(new QValueAxis)
    , m_axisY(new QValueAxis)
{
    QChart *chart = ChartSetup::newChart();
    chart->legend()->setAlignment(Qt::AlignRight);
    QFont small = chart->legend()->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    chart->legend()->setFont(small);

    m_requestSeries->setName(Tr::tr("requests/s"));
    m_requestSeries->setPen(QPen(QColor(0x19, 0x76, 0xd2), 1.5));
    m_errorSeries->setName(Tr::tr("errors/s"));
    m_errorSeries->setPen(QPen(QColor(0xd3, 0x2f, 0x2f), 1.5));
    chart->addSeries(m_requestSeries);
    chart->addSeries(m_errorSeries);

    m_axisX->setRange(-WindowSeconds, 0);
    m_axisX->setTickCount(5);
    m_axisX->setLabelFormat(QStringLiteral("%d s"));
    m_axisX->setLabelsFont(small);
    m_axisY->setRange(0, 1);
    m_axisY->setTickCount(3);
    m_axisY->setLabelFormat(QStringLiteral("%.1f"));
    m_axisY->setLabelsFont(small);
    ChartSetup::addAxes(chart, m_axisX, m_axisY, {m_requestSeries, m_errorSeries});

    ChartSetup::addChartView(
        this, chart, Tr::tr("Requests and errors per second over the last two minutes"));
    setMinimumHeight(100);
    setMaximumHeight(140);
}

RateChartPanel::~RateChartPanel() = default;

void RateChartPanel::addSnapshot(const Telemetry::StatsSnapshot &stats)
{
    double errorsPerSecond = 0;
    if (m_previousErrors) {
        // A restarted core starts counting from zero again: never draw a negative rate.
        errorsPerSecond = double(std::max<qint64>(0, stats.totalErrors - *m_previousErrors));
    }
    m_previousErrors = stats.totalErrors;
    m_requests.append(std::max(0.0, stats.requestsPerSecond));
    m_errors.append(errorsPerSecond);
    while (m_requests.size() > WindowSeconds) {
        m_requests.removeFirst();
        m_errors.removeFirst();
    }
    redraw();
}

void RateChartPanel::clear()
{
    m_requests.clear();
    m_errors.clear();
    m_previousErrors.reset();
    redraw();
}

void RateChartPanel::redraw()
{
    // Replacing all points at once is one repaint; appending and removing one by one is two
    // per second plus an axis relayout each.
    QList<QPointF> requestPoints;
    QList<QPointF> errorPoints;
    requestPoints.reserve(m_requests.size());
    errorPoints.reserve(m_errors.size());
    double peak = 0;
    const qsizetype n = m_requests.size();
    for (qsizetype i = 0; i < n; ++i) {
        const double x = double(i - (n - 1));
        requestPoints.append(QPointF(x, m_requests.at(i)));
        errorPoints.append(QPointF(x, m_errors.at(i)));
        peak = std::max({peak, m_requests.at(i), m_errors.at(i)});
    }
    m_requestSeries->replace(requestPoints);
    m_errorSeries->replace(errorPoints);
    m_axisY->setRange(0, std::max(1.0, std::ceil(peak * 1.15)));
}

} // namespace Switchyard::Ui
