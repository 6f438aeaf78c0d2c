// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/scores/scorespage.h"

#include "core/routing/scorer.h"
#include "ui/charts/rankingchartpanel.h"
#include "ui/replay/replaydialog.h"
#include "ui/scores/routewinnersview.h"
#include "ui/scores/scoresmodel.h"
#include "ui/scores/weightspanel.h"
#include "ui/tr.h"

#include <QDir>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>
#include <memory>

namespace Switchyard::Ui {

namespace {

QMap<QString, double> positive(const QMap<QString, double> &weights)
{
    QMap<QString, double> out;
    for (auto it = weights.constBegin(); it != weights.constEnd(); ++it) {
        if (std::isfinite(*it) && *it > 0) {
            out.insert(it.key(), *it);
        }
    }
    return out;
}

bool hasScoreRoute(const Config::GatewayConfig &config)
{
    for (const Config::RouteSettings &route : config.routes) {
        if (route.strategy == QLatin1String("score")) {
            return true;
        }
    }
    return false;
}

} // namespace

ScoresPage::ScoresPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new ScoresModel(this))
    , m_weights(new WeightsPanel)
    , m_chart(new RankingChartPanel)
    , m_winners(new RouteWinnersView)
    , m_table(new QTableView)
{
    m_weights->setObjectName(QStringLiteral("weightsPanel"));
    m_chart->setObjectName(QStringLiteral("rankingChart"));
    m_winners->setObjectName(QStringLiteral("routeWinners"));

    m_table->setObjectName(QStringLiteral("scoresTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_applyButton = new QPushButton(Tr::tr("Apply to gateway"));
    m_applyButton->setObjectName(QStringLiteral("applyButton"));
    m_applyButton->setToolTip(Tr::tr("Give every score route these weights (metrics at 0 are "
                                     "left out); requests in flight keep the old ones"));
    m_resetButton = new QPushButton(Tr::tr("Reset"));
    m_resetButton->setObjectName(QStringLiteral("resetButton"));
    m_resetButton->setToolTip(Tr::tr("Back to the weights of the configuration in force"));
    m_whatIfButton = new QPushButton(Tr::tr("What-if\u2026"));
    m_whatIfButton->setObjectName(QStringLiteral("whatIfButton"));
    m_whatIfButton->setToolTip(Tr::tr("Replay logged requests with these weights to see which "
                                      "would change model and what they would cost, before "
                                      "applying"));
    m_statusLabel = new QLabel;
    m_statusLabel->setObjectName(QStringLiteral("applyStatusLabel"));
    m_statusLabel->setWordWrap(true);

    auto *weightsBox = new QGroupBox(Tr::tr("Weights"));
    auto *weightsLayout = new QVBoxLayout(weightsBox);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_weights);
    weightsLayout->addWidget(scroll, 1);
    auto *note = new QLabel(
        Tr::tr("Cost is priced for a request of %1 prompt and %2 output tokens. Latency, time "
               "to first token and reliability come from live traffic in the gateway and do "
               "not change the ranking shown here.")
            .arg(ScoresModel::ReferencePromptTokens)
            .arg(ScoresModel::ReferenceOutputTokens));
    note->setWordWrap(true);
    weightsLayout->addWidget(note);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_resetButton);
    buttons->addStretch(1);
    buttons->addWidget(m_whatIfButton);
    buttons->addWidget(m_applyButton);
    weightsLayout->addLayout(buttons);
    weightsLayout->addWidget(m_statusLabel);

    auto *right = new QSplitter(Qt::Vertical);
    right->setObjectName(QStringLiteral("scoresSplitter"));
    right->addWidget(m_table);
    auto *bottom = new QSplitter(Qt::Horizontal);
    bottom->addWidget(m_chart);
    bottom->addWidget(m_winners);
    right->addWidget(bottom);
    right->setChildrenCollapsible(false);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(weightsBox, 1);
    layout->addWidget(right, 3);

    connect(m_weights, &WeightsPanel::weightsChanged, this, &ScoresPage::onWeightsChanged);
    connect(m_applyButton, &QPushButton::clicked, this, &ScoresPage::apply);
    connect(m_resetButton, &QPushButton::clicked, this, &ScoresPage::reset);
    connect(m_whatIfButton, &QPushButton::clicked, this, &ScoresPage::openWhatIf);
    updateButtons();
}

ScoresPage::~ScoresPage() = default;

QMap<QString, double> ScoresPage::configWeights(const Config::GatewayConfig &config)
{
    for (const Config::RouteSettings &route : config.routes) {
        if (route.strategy == QLatin1String("score")) {
            return route.weights;
        }
    }
    QMap<QString, double> defaults;
    for (const QString &bench : ScoresModel::benchmarksOf(config)) {
        defaults.insert(bench, 1);
    }
    defaults.insert(QLatin1String(Routing::CostMetric), 1);
    return defaults;
}

void ScoresPage::setConfig(const Config::ConfigSnapshot &config)
{
    const QMap<QString, double> current = m_weights->weights();
    m_config = config;
    QStringList benchmarks = config ? ScoresModel::benchmarksOf(*config) : QStringList();
    if (benchmarks != m_model->benchmarks() || m_weights->metrics().isEmpty()) {
        m_weights->setBenchmarks(benchmarks);
    }
    m_model->setConfig(config);
    m_winners->setConfig(config);
    if (m_dirty) {
        setWeightsFromCode(current); // keep the user's unapplied edit
    } else {
        setWeightsFromCode(config ? configWeights(*config) : QMap<QString, double>());
    }
}

void ScoresPage::setWeightsFromCode(const QMap<QString, double> &weights)
{
    m_fromCode = true;
    m_weights->setWeights(weights); // emits weightsChanged() once
    m_fromCode = false;
    updateButtons();
}

void ScoresPage::onWeightsChanged(const QMap<QString, double> &weights)
{
    m_model->setWeights(weights);
    m_chart->setRanking(m_model->ranking());
    m_winners->setWeights(weights);
    if (!m_fromCode) {
        m_dirty = true;
        m_statusLabel->setText(Tr::tr("Changed; not applied to the gateway yet"));
    }
    updateButtons();
}

void ScoresPage::updateButtons()
{
    const bool anyWeight = !positive(m_weights->weights()).isEmpty();
    m_applyButton->setEnabled(m_config && anyWeight && hasScoreRoute(*m_config));
    m_whatIfButton->setEnabled(m_applyButton->isEnabled());
    m_resetButton->setEnabled(bool(m_config));
}

Config::ConfigSnapshot ScoresPage::buildAppliedConfig() const
{
    if (!m_config) {
        return {};
    }
    Config::GatewayConfig edited = *m_config;
    const QMap<QString, double> weights = positive(m_weights->weights());
    for (Config::RouteSettings &route : edited.routes) {
        if (route.strategy == QLatin1String("score")) {
            route.weights = weights;
        }
    }
    return std::make_shared<const Config::GatewayConfig>(std::move(edited));
}

void ScoresPage::apply()
{
    if (!m_applyButton->isEnabled()) {
        return;
    }
    requestApply(buildAppliedConfig());
}

void ScoresPage::requestApply(const Config::ConfigSnapshot &edited)
{
    if (!edited) {
        return;
    }
    m_applyPending = true;
    m_dirty = false;
    m_statusLabel->setText(Tr::tr("Applying\u2026"));
    Q_EMIT applyRequested(edited);
}

void ScoresPage::reset()
{
    m_dirty = false;
    setWeightsFromCode(m_config ? configWeights(*m_config) : QMap<QString, double>());
    m_statusLabel->setText(m_config ? Tr::tr("Weights of configuration version %1")
                                          .arg(m_config->version)
                                    : QString());
}

void ScoresPage::showApplied(quint64 version)
{
    m_statusLabel->setText(m_applyPending
                               ? Tr::tr("Applied as configuration version %1").arg(version)
                               : Tr::tr("Configuration version %1 in force").arg(version));
    m_applyPending = false;
}

void ScoresPage::setDatabasePath(const QString &path)
{
    m_databasePath = path;
}

QString ScoresPage::databasePath() const
{
    if (!m_databasePath.isEmpty()) {
        return m_databasePath;
    }
    // Where Core opens the log when no --data-dir is given.
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("switchyard.sqlite"));
}

ReplayDialog *ScoresPage::openWhatIf()
{
    if (!m_config) {
        return nullptr;
    }
    auto *dialog = new ReplayDialog(databasePath(), m_config, buildAppliedConfig(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ReplayDialog::applyRequested, this, &ScoresPage::requestApply);
    dialog->show();
    return dialog;
}

} // namespace Switchyard::Ui
