// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QBarCategoryAxis;
class QBarSeries;
class QBarSet;
class QValueAxis;
QT_END_NAMESPACE

namespace Switchyard::Ui {

/// Requests per model before and after a what-if edit, as grouped vertical bars. QtCharts
/// types stay inside this class. GUI thread only.
class TrafficChartPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrafficChartPanel)
public:
    explicit TrafficChartPanel(QWidget *parent = nullptr);
    ~TrafficChartPanel() override;

    /// One category per model, left to right; \a before and \a after have one value per model.
    void setTraffic(const QStringList &models, const QList<qint64> &before,
                    const QList<qint64> &after);
    void clear();

    /// What the chart draws, for tests.
    QStringList models() const;
    QList<qint64> before() const;
    QList<qint64> after() const;

private:
    QBarSeries *m_series = nullptr;
    QBarSet *m_before = nullptr;
    QBarSet *m_after = nullptr;
    QBarCategoryAxis *m_axisX = nullptr;
    QValueAxis *m_axisY = nullptr;
};

} // namespace Switchyard::Ui
