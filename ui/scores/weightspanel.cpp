// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/scores/weightspanel.h"

#include "core/routing/scorer.h"
#include "ui/tr.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>

#include <algorithm>
#include <cmath>

namespace Switchyard::Ui {

namespace {

QString metricLabel(const QString &metric)
{
    if (metric == QLatin1String(Routing::CostMetric)) {
        return Tr::tr("Cost (lower is better)");
    }
    if (metric == QLatin1String(Routing::LatencyMetric)) {
        return Tr::tr("Latency (lower is better)");
    }
    if (metric == QLatin1String(Routing::TtftMetric)) {
        return Tr::tr("Time to first token (lower is better)");
    }
    if (metric == QLatin1String(Routing::ReliabilityMetric)) {
        return Tr::tr("Reliability");
    }
    return Tr::tr("Benchmark %1").arg(metric);
}

} // namespace

WeightsPanel::WeightsPanel(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout(this))
{
    m_form->setContentsMargins(0, 0, 0, 0);
    setBenchmarks({});
}

WeightsPanel::~WeightsPanel() = default;

void WeightsPanel::clearRows()
{
    while (m_form->rowCount() > 0) {
        m_form->removeRow(0); // deletes the label and the row's widgets
    }
    m_sliders.clear();
    m_values.clear();
    m_metrics.clear();
}

void WeightsPanel::setBenchmarks(const QStringList &benchmarks)
{
    clearRows();
    m_metrics = benchmarks;
    for (const char *live : {Routing::CostMetric, Routing::LatencyMetric, Routing::TtftMetric,
                             Routing::ReliabilityMetric}) {
        const QString name = QLatin1String(live);
        if (!m_metrics.contains(name)) {
            m_metrics.append(name);
        }
    }
    for (const QString &metric : std::as_const(m_metrics)) {
        auto *row = new QWidget;
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        auto *slider = new QSlider(Qt::Horizontal);
        slider->setObjectName(QStringLiteral("weight_") + metric);
        slider->setRange(0, MaxWeight);
        slider->setPageStep(1);
        slider->setTickPosition(QSlider::TicksBelow);
        slider->setTickInterval(1);
        slider->setToolTip(Tr::tr("Weight of %1; 0 leaves it out").arg(metric));
        auto *value = new QLabel(QStringLiteral("0"));
        value->setObjectName(QStringLiteral("weightValue_") + metric);
        value->setMinimumWidth(value->fontMetrics().horizontalAdvance(QStringLiteral("10")) + 4);
        value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        layout->addWidget(slider, 1);
        layout->addWidget(value);
        m_form->addRow(metricLabel(metric), row);
        m_sliders.insert(metric, slider);
        m_values.insert(metric, value);
        connect(slider, &QSlider::valueChanged, this, [this, value](int v) {
            value->setText(QString::number(v));
            if (!m_updating) {
                Q_EMIT weightsChanged(weights());
            }
        });
    }
}

void WeightsPanel::setWeights(const QMap<QString, double> &weights)
{
    m_updating = true;
    for (auto it = m_sliders.constBegin(); it != m_sliders.constEnd(); ++it) {
        const double w = weights.value(it.key(), 0);
        const int v = std::isfinite(w) ? std::clamp(int(std::lround(w)), 0, MaxWeight) : 0;
        it.value()->setValue(v);
    }
    m_updating = false;
    Q_EMIT weightsChanged(this->weights());
}

QMap<QString, double> WeightsPanel::weights() const
{
    QMap<QString, double> out;
    for (auto it = m_sliders.constBegin(); it != m_sliders.constEnd(); ++it) {
        out.insert(it.key(), double(it.value()->value()));
    }
    return out;
}

QSlider *WeightsPanel::slider(const QString &metric) const
{
    return m_sliders.value(metric, nullptr);
}

} // namespace Switchyard::Ui
