// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/telemetry/statssnapshot.h"

#include <QList>
#include <QWidget>

#include <optional>

QT_BEGIN_NAMESPACE
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace Switchyard::Ui {

/// A compact line chart of requests/s and errors/s over the last two minutes, one point per
/// StatsSnapshot (the core publishes them at 1 Hz). The only QtCharts user in ui/; QtCharts
/// types stay inside this class. GUI thread only.
class RateChartPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RateChartPanel)
public:
    static constexpr int WindowSeconds = 120;

    explicit RateChartPanel(QWidget *parent = nullptr);
    ~RateChartPanel() override;

    /// Adds one point; errors/s is the growth of totalErrors since the previous snapshot.
    void addSnapshot(const Switchyard::Telemetry::StatsSnapshot &stats);
    void clear();

    int pointCount() const { return int(m_requests.size()); }
    double lastRequestsPerSecond() const { return m_requests.isEmpty() ? 0 : m_requests.last(); }
    double lastErrorsPerSecond() const { return m_errors.isEmpty() ? 0 : m_errors.last(); }

private:
    void redraw();

    QList<double> m_requests; ///< oldest first, at most WindowSeconds
    QList<double> m_errors;
    std::optional<qint64> m_previousErrors;
    QLineSeries *m_requestSeries = nullptr;
    QLineSeries *m_errorSeries = nullptr;
    QValueAxis *m_axisX = nullptr;
    QValueAxis *m_axisY = nullptr;
};

} // namespace Switchyard::Ui
