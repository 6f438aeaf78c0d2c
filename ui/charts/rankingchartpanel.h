// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QBarCategoryAxis;
class QBarSet;
class QHorizontalBarSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace Switchyard::Ui {

/// A horizontal bar chart of models by total score (0..1), best on top. QtCharts types stay
/// inside this class. GUI thread only.
class RankingChartPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RankingChartPanel)
public:
    explicit RankingChartPanel(QWidget *parent = nullptr);
    ~RankingChartPanel() override;

    /// (model, total) pairs, best first; replaces the bars.
    void setRanking(const QList<QPair<QString, double>> &ranking);
    /// The models as drawn, top to bottom (best first).
    QStringList order() const;
    /// The totals in order().
    QList<double> values() const;

private:
    QHorizontalBarSeries *m_series = nullptr;
    QBarSet *m_set = nullptr;
    QBarCategoryAxis *m_axisY = nullptr;
    QValueAxis *m_axisX = nullptr;
};

} // namespace Switchyard::Ui
