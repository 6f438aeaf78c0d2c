// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/config/gatewayconfig.h"

#include <QMap>
#include <QString>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QPushButton;
class QTableView;
QT_END_NAMESPACE

namespace Switchyard::Ui {

class RankingChartPanel;
class ReplayDialog;
class RouteWinnersView;
class ScoresModel;
class WeightsPanel;

/// The "Models & Scores" screen: weight sliders, the catalog ranked under them (table and
/// bar chart) and each route's winner, all recomputed locally as the sliders move. "Apply to
/// gateway" emits applyRequested() with the config whose score routes carry the slider
/// weights; the owner forwards it to CoreHost::applyConfig() and reports back through
/// setConfig() + showApplied(). "What-if…" opens a ReplayDialog that replays the request log
/// (databasePath()) with the slider weights before they are applied; its "Apply these
/// settings" goes out through applyRequested() too. Knows nothing of CoreHost, never blocks.
/// GUI thread only.
class ScoresPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScoresPage)
public:
    explicit ScoresPage(QWidget *parent = nullptr);
    ~ScoresPage() override;

    /// The applied config (null: empty page). Sliders follow the config's weights unless the
    /// user has moved them since the last Reset/Apply.
    void setConfig(const Switchyard::Config::ConfigSnapshot &config);
    Config::ConfigSnapshot config() const { return m_config; }

    /// `config` with every score route's weights replaced by the sliders (zeros dropped);
    /// null without a config.
    Config::ConfigSnapshot buildAppliedConfig() const;
    /// The weights Reset restores: the first score route's, or 1 for every benchmark and cost.
    static QMap<QString, double> configWeights(const Config::GatewayConfig &config);

    /// The request log the what-if replay reads (CoreHost::databasePath()). Empty: the
    /// default location the core uses without --data-dir.
    void setDatabasePath(const QString &path);
    QString databasePath() const;

    ScoresModel *scoresModel() const { return m_model; }
    WeightsPanel *weightsPanel() const { return m_weights; }
    RankingChartPanel *rankingChart() const { return m_chart; }
    RouteWinnersView *routeWinners() const { return m_winners; }

public Q_SLOTS:
    /// Emits applyRequested() (no-op without a config or with every weight at 0).
    void apply();
    /// Sliders back to configWeights() of the current config.
    void reset();
    /// The core reports config `version` in force (after ours or a file reload).
    void showApplied(quint64 version);
    /// Opens the what-if replay for the slider weights (nullptr without a config).
    ReplayDialog *openWhatIf();

Q_SIGNALS:
    /// The user asked to apply `config`; hand it to CoreHost::applyConfig().
    void applyRequested(const Switchyard::Config::ConfigSnapshot &config);

private:
    void onWeightsChanged(const QMap<QString, double> &weights);
    void setWeightsFromCode(const QMap<QString, double> &weights);
    void updateButtons();
    void requestApply(const Config::ConfigSnapshot &edited);

    Config::ConfigSnapshot m_config;
    ScoresModel *m_model = nullptr;
    WeightsPanel *m_weights = nullptr;
    RankingChartPanel *m_chart = nullptr;
    RouteWinnersView *m_winners = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_applyButton = nullptr;
    QPushButton *m_resetButton = nullptr;
    QPushButton *m_whatIfButton = nullptr;
    QString m_databasePath;
    QLabel *m_statusLabel = nullptr;
    bool m_dirty = false;       ///< sliders moved by the user since the last Reset/Apply
    bool m_fromCode = false;    ///< a programmatic slider update is running
    bool m_applyPending = false;
};

} // namespace Switchyard::Ui
