// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QFormLayout;
class QLabel;
class QSlider;
QT_END_NAMESPACE

namespace Switchyard::Ui {

/// One slider (0..10, with its value beside it) per metric: the benchmarks given to
/// setBenchmarks() then cost, latency, ttft and reliability. Each slider is named
/// "weight_<metric>". GUI thread only.
class WeightsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WeightsPanel)
public:
    static constexpr int MaxWeight = 10;

    explicit WeightsPanel(QWidget *parent = nullptr);
    ~WeightsPanel() override;

    /// Rebuilds the sliders (all at 0) for these benchmark columns plus the live metrics.
    void setBenchmarks(const QStringList &benchmarks);
    /// Moves the sliders to `weights` (rounded, clamped to 0..10; absent metrics go to 0) and
    /// emits weightsChanged() once.
    void setWeights(const QMap<QString, double> &weights);
    /// Every metric with its slider value, zeros included.
    QMap<QString, double> weights() const;
    QStringList metrics() const { return m_metrics; }
    /// The slider for `metric`, or null.
    QSlider *slider(const QString &metric) const;

Q_SIGNALS:
    /// After any slider moved (or setWeights()); every metric, zeros included.
    void weightsChanged(const QMap<QString, double> &weights);

private:
    void clearRows();

    QFormLayout *m_form = nullptr;
    QStringList m_metrics;
    QMap<QString, QSlider *> m_sliders;
    QMap<QString, QLabel *> m_values;
    bool m_updating = false;
};

} // namespace Switchyard::Ui
