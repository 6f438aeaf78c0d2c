// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/charts/budgetchartpanel.h"

#include "ui/budgets/budgetcurve.h"
#include "ui/charts/chartsetup.h"
#include "ui/tr.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace Switchyard::Ui {

namespace {

QPen pen(const QColor &color, qreal width, Qt::PenStyle style)
{
    QPen p(color);
    p.setWidthF(width);
    p.setStyle(style);
    return p;
}

} // namespace

BudgetChartPanel::BudgetChartPanel(QWidget *parent)
    : QWidget(parent)
    , m_axisX(new QDateTimeAxis)
    , m_axisY(new QValueAxis)
{
    m_chart = ChartSetup::newChart();
    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_spend = addLine(QStringLiteral("spend"), Tr::tr("Spend"));
    m_spend->setPen(pen(QColor(0x19, 0x76, 0xd2), 2.5, Qt::SolidLine));
    m_projection = addLine(QStringLiteral("projection"), Tr::tr("Projection"));
    m_projection->setPen(pen(QColor(0x19, 0x76, 0xd2), 1.5, Qt::DashLine));
    m_limit = addLine(QStringLiteral("limit"), Tr::tr("Limit"));
    m_limit->setPen(pen(QColor(0xc6, 0x28, 0x28), 2, Qt::SolidLine));

    m_axisX->setFormat(QStringLiteral("MMM d"));
    m_axisX->setTickCount(6);
    m_axisY->setLabelFormat(QStringLiteral("$%.2f"));
    m_axisY->setTitleText(Tr::tr("USD"));
    ChartSetup::addAxes(m_chart, m_axisX, m_axisY, {m_spend, m_projection, m_limit});
    ChartSetup::addChartView(this, m_chart,
                             Tr::tr("Spend in the budget's current period; the dashed line "
                                    "carries the average rate so far on to the period's end"));
    setMinimumHeight(240);
}

BudgetChartPanel::~BudgetChartPanel() = default;

QLineSeries *BudgetChartPanel::addLine(const QString &name, const QString &label)
{
    auto *series = new QLineSeries;
    series->setObjectName(name);
    series->setName(label);
    m_chart->addSeries(series); // the chart owns it
    return series;
}

void BudgetChartPanel::removeThresholds()
{
    for (QLineSeries *series : std::as_const(m_thresholds)) {
        m_chart->removeSeries(series);
        delete series;
    }
    m_thresholds.clear();
}

void BudgetChartPanel::clear()
{
    m_spend->clear();
    m_projection->clear();
    m_limit->clear();
    removeThresholds();
}

void BudgetChartPanel::setCurve(const BudgetCurve &curve)
{
    clear();
    const qreal startX = qreal(curve.window.start.toMSecsSinceEpoch());
    const qreal endX = qreal(curve.window.end.toMSecsSinceEpoch());
    const qreal nowX = qreal(curve.now.toMSecsSinceEpoch());
    QList<QPointF> spend;
    spend.reserve(curve.spend.size());
    for (const auto &[at, usd] : curve.spend)
        spend.append(QPointF(qreal(at.toMSecsSinceEpoch()), usd));
    m_spend->replace(spend);
    m_projection->replace({QPointF(nowX, curve.spentUsd), QPointF(endX, curve.projectedUsd)});
    if (curve.limitUsd > 0)
        m_limit->replace({QPointF(startX, curve.limitUsd), QPointF(endX, curve.limitUsd)});

    for (const double fraction : curve.thresholds) {
        if (curve.limitUsd <= 0 || std::abs(fraction - 1.0) < 1e-9)
            continue; // 100 % is the limit line itself
        const int percent = int(std::lround(fraction * 100));
        QLineSeries *line = addLine(QStringLiteral("threshold-%1").arg(percent),
                                    Tr::tr("Alert at %1 %").arg(percent));
        line->setPen(pen(QColor(0xef, 0x6c, 0x00), 1, Qt::DotLine));
        const double y = curve.limitUsd * fraction;
        line->replace({QPointF(startX, y), QPointF(endX, y)});
        line->attachAxis(m_axisX);
        line->attachAxis(m_axisY);
        m_thresholds.append(line);
    }

    m_axisX->setRange(curve.window.start.toLocalTime(), curve.window.end.toLocalTime());
    const qint64 days = curve.window.start.daysTo(curve.window.end);
    m_axisX->setFormat(days <= 1 ? QStringLiteral("HH:mm") : QStringLiteral("MMM d"));
    const double top = std::max({curve.limitUsd, curve.projectedUsd, curve.spentUsd, 0.01});
    m_axisY->setRange(0, top * 1.1);
    m_axisY->applyNiceNumbers();
    m_axisY->setLabelFormat(top < 1 ? QStringLiteral("$%.3f") : QStringLiteral("$%.2f"));
}

QStringList BudgetChartPanel::seriesNames() const
{
    QStringList names;
    for (const QAbstractSeries *series : m_chart->series())
        names.append(series->objectName());
    return names;
}

QList<QPointF> BudgetChartPanel::seriesPoints(const QString &name) const
{
    for (QAbstractSeries *series : m_chart->series()) {
        if (series->objectName() == name)
            return static_cast<QLineSeries *>(series)->points();
    }
    return {};
}

} // namespace Switchyard::Ui
