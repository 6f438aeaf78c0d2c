// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/config/gatewayconfig.h"
#include "core/replay/replayresult.h"

#include <QDateTime>
#include <QDialog>
#include <QString>

#include <optional>

QT_BEGIN_NAMESPACE
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QTableWidget;
QT_END_NAMESPACE

namespace Switchyard::Replay {
class ReplayRunner;
}

namespace Switchyard::Ui {

class ReplayTrafficModel;
class TrafficChartPanel;

/// "What-if": replays the logged requests of a time range through the router with edited
/// settings and shows how many would change model, the projected cost and which models gain
/// or lose traffic, before anything is applied. The replay runs on a worker thread with its
/// own read-only connection to the log (Replay::ReplayRunner), so the window stays
/// responsive and Cancel stops it after the current page. "Apply these settings" emits
/// applyRequested() with the edited config; the owner hands it to CoreHost::applyConfig().
/// GUI thread only.
class ReplayDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplayDialog)
public:
    enum class Preset { LastHour, LastDay, LastWeek, Custom };

    /// \a current: the config in force (old prices); \a edited: the config to try.
    ReplayDialog(const QString &databasePath, Config::ConfigSnapshot current,
                 Config::ConfigSnapshot edited, QWidget *parent = nullptr);
    ~ReplayDialog() override; ///< cancels and joins a running replay

    void setPreset(Preset preset);
    Preset preset() const;
    /// A custom range [from, to) (switches the preset to Custom).
    void setRange(const QDateTime &from, const QDateTime &to);
    /// The range the next run uses, UTC; presets end "now" (open-ended).
    QDateTime rangeFrom() const;
    QDateTime rangeTo() const;

    bool isRunning() const;
    /// The last completed (or cancelled) replay.
    const std::optional<Replay::ReplayResult> &result() const { return m_result; }
    QString summaryText() const;
    QString statusText() const;
    ReplayTrafficModel *trafficModel() const { return m_model; }
    TrafficChartPanel *trafficChart() const { return m_chart; }

    /// "412 of 1,530 requests would change model; projected cost $12.40 → $9.85 (−$2.55,
    /// −20.6 %)" in the default locale.
    static QString summaryFor(const Replay::ReplayResult &result);
    /// "$12.40", "$0.0229": two decimals from $1, four below (six below a cent).
    static QString formatMoney(double usd);

public Q_SLOTS:
    void run();
    void cancel();
    /// Emits applyRequested() with the edited config (no-op without one).
    void applyEdited();

Q_SIGNALS:
    void applyRequested(const Switchyard::Config::ConfigSnapshot &config);
    /// A replay ended: completed, cancelled or failed.
    void replayEnded();

private:
    void onProgress(qint64 done, qint64 total);
    void onFinished(const Replay::ReplayResult &result);
    void onFailed(const QString &message);
    void onPresetChanged();
    void setRunning(bool running);
    void showResult(const Replay::ReplayResult &result);

    QString m_databasePath;
    Config::ConfigSnapshot m_current;
    Config::ConfigSnapshot m_edited;
    Replay::ReplayRunner *m_runner = nullptr;
    std::optional<Replay::ReplayResult> m_result;

    QComboBox *m_preset = nullptr;
    QDateTimeEdit *m_from = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_applyButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_details = nullptr;
    ReplayTrafficModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    TrafficChartPanel *m_chart = nullptr;
    QTableWidget *m_examples = nullptr;
};

} // namespace Switchyard::Ui
