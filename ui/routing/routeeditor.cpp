// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/routing/routeeditor.h"

#include "ui/routing/ruleseditor.h"
#include "ui/routing/targetlisteditor.h"
#include "ui/tr.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Switchyard::Ui {

namespace {

enum Page { TargetsPage = 0, ScorePage = 1, RulesPage = 2 };

QString metricLabel(const QString &metric)
{
    if (metric == QLatin1String("cost")) {
        return Tr::tr("Cost (lower is better):");
    }
    if (metric == QLatin1String("latency")) {
        return Tr::tr("Latency (lower is better):");
    }
    if (metric == QLatin1String("ttft")) {
        return Tr::tr("Time to first token:");
    }
    if (metric == QLatin1String("reliability")) {
        return Tr::tr("Reliability:");
    }
    return Tr::tr("Benchmark %1:").arg(metric);
}

QList<Config::RouteTarget> asTargets(const QStringList &names)
{
    QList<Config::RouteTarget> out;
    for (const QString &n : names) {
        out.append(Config::RouteTarget{n, 1});
    }
    return out;
}

} // namespace

RouteEditor::RouteEditor(QWidget *parent)
    : QWidget(parent)
    , m_name(new QLineEdit)
    , m_strategy(new QComboBox)
    , m_hint(new QLabel)
    , m_stack(new QStackedWidget)
    , m_targets(new TargetListEditor)
    , m_candidates(new TargetListEditor)
    , m_rules(new RulesEditor)
{
    m_name->setObjectName(QStringLiteral("routeName"));
    m_name->setPlaceholderText(Tr::tr("e.g. reliable"));
    m_name->setToolTip(Tr::tr("Clients select the route by sending this name as the model"));
    m_strategy->setObjectName(QStringLiteral("strategyCombo"));
    m_strategy->addItem(Tr::tr("Fallback: try targets in order"), QStringLiteral("fallback"));
    m_strategy->addItem(Tr::tr("Load balance: weighted random"), QStringLiteral("loadbalance"));
    m_strategy->addItem(Tr::tr("Score: best by weighted metrics"), QStringLiteral("score"));
    m_strategy->addItem(Tr::tr("Conditional: rules on the request"), QStringLiteral("conditional"));
    m_targets->setObjectName(QStringLiteral("targetsEditor"));
    m_candidates->setObjectName(QStringLiteral("candidatesEditor"));
    m_rules->setObjectName(QStringLiteral("rulesEditor"));

    m_stack->addWidget(m_targets);
    m_stack->addWidget(buildScorePane());
    m_stack->addWidget(m_rules);

    auto *form = new QFormLayout;
    form->addRow(Tr::tr("&Name:"), m_name);
    form->addRow(Tr::tr("&Strategy:"), m_strategy);
    m_hint->setObjectName(QStringLiteral("strategyHint"));
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_stack, 1);

    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_draft.route.name = text;
        Q_EMIT changed();
    });
    connect(m_strategy, &QComboBox::currentIndexChanged, this, [this] {
        if (m_loading) {
            return;
        }
        Config::RouteSettings &r = m_draft.route;
        r.strategy = m_strategy->currentData().toString();
        // Carry the chosen models over, so switching strategy does not start from nothing.
        if (r.strategy == QLatin1String("score") && r.candidates.isEmpty()) {
            for (const Config::RouteTarget &t : std::as_const(r.targets)) {
                r.candidates.append(t.name);
            }
        } else if ((r.strategy == QLatin1String("fallback")
                    || r.strategy == QLatin1String("loadbalance"))
                   && r.targets.isEmpty()) {
            r.targets = asTargets(r.candidates);
        }
        showStrategy();
        Q_EMIT changed();
    });
    connect(m_targets, &TargetListEditor::changed, this, [this] {
        m_draft.route.targets = m_targets->targets();
        Q_EMIT changed();
    });
    connect(m_candidates, &TargetListEditor::changed, this, [this] {
        m_draft.route.candidates = m_candidates->targetNames();
        Q_EMIT changed();
    });
    connect(m_rules, &RulesEditor::changed, this, [this] {
        m_draft.rules = m_rules->rules();
        m_draft.route.defaultTarget = m_rules->defaultTarget();
        Q_EMIT changed();
    });
    setEnabled(false);
}

RouteEditor::~RouteEditor() = default;

QWidget *RouteEditor::buildScorePane()
{
    auto *pane = new QWidget;
    auto *layout = new QHBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *candidates = new QGroupBox(Tr::tr("Candidates"));
    auto *candLayout = new QVBoxLayout(candidates);
    candLayout->addWidget(m_candidates);
    auto *weights = new QGroupBox(Tr::tr("Metric weights (0 leaves a metric out)"));
    m_metricForm = new QFormLayout(weights);
    layout->addWidget(candidates, 3);
    layout->addWidget(weights, 2);
    return pane;
}

void RouteEditor::rebuildMetrics(const QStringList &metrics)
{
    if (metrics == m_metrics) {
        return;
    }
    m_metrics = metrics;
    while (m_metricForm->rowCount() > 0) {
        m_metricForm->removeRow(0);
    }
    m_metricSpins.clear();
    for (const QString &metric : metrics) {
        auto *spin = new QDoubleSpinBox;
        spin->setObjectName(QStringLiteral("metricWeight_") + metric);
        spin->setRange(0, 100);
        spin->setDecimals(1);
        spin->setSingleStep(0.5);
        spin->setValue(m_draft.route.weights.value(metric, 0));
        connect(spin, &QDoubleSpinBox::valueChanged, this, [this, metric](double value) {
            if (m_loading) {
                return;
            }
            if (value > 0) {
                m_draft.route.weights.insert(metric, value);
            } else {
                m_draft.route.weights.remove(metric);
            }
            Q_EMIT changed();
        });
        m_metricForm->addRow(metricLabel(metric), spin);
        m_metricSpins.insert(metric, spin);
    }
}

void RouteEditor::setChoices(const RoutingCatalog &catalog, const QStringList &routes)
{
    m_targets->setNames(catalog.models, routes);
    m_candidates->setNames(catalog.models, routes);
    m_rules->setNames(catalog.models, routes);
    rebuildMetrics(catalog.metrics);
}

void RouteEditor::setDraft(const RouteDraft &draft)
{
    m_draft = draft;
    m_loading = true;
    setEnabled(true);
    m_name->setText(draft.route.name);
    const int index = m_strategy->findData(draft.route.strategy);
    m_strategy->setCurrentIndex(index < 0 ? 0 : index);
    m_draft.route.strategy = m_strategy->currentData().toString();
    m_targets->setTargets(draft.route.targets);
    m_candidates->setTargets(asTargets(draft.route.candidates));
    for (auto it = m_metricSpins.constBegin(); it != m_metricSpins.constEnd(); ++it) {
        it.value()->setValue(draft.route.weights.value(it.key(), 0));
    }
    m_rules->setRules(draft.rules, draft.route.defaultTarget);
    m_loading = false;
    showStrategy();
}

void RouteEditor::showStrategy()
{
    const QString s = m_draft.route.strategy;
    if (s == QLatin1String("fallback")) {
        m_hint->setText(Tr::tr("Tries the targets from the top; moves to the next on a connection "
                               "error, timeout, 408, 429 or 5xx, never after the answer has begun."));
    } else if (s == QLatin1String("loadbalance")) {
        m_hint->setText(Tr::tr("Picks one target at random in proportion to its weight; the others "
                               "are the fallbacks."));
    } else if (s == QLatin1String("score")) {
        m_hint->setText(Tr::tr("Ranks the candidates by their weighted, normalised metrics and "
                               "takes the best; the rest are the fallbacks."));
    } else {
        m_hint->setText(Tr::tr("Sends the request to the target of the first rule that matches its "
                               "metadata or traits, otherwise to the default."));
    }
    if (s == QLatin1String("score")) {
        m_candidates->setTargets(asTargets(m_draft.route.candidates));
        m_stack->setCurrentIndex(ScorePage);
    } else if (s == QLatin1String("conditional")) {
        m_stack->setCurrentIndex(RulesPage);
    } else {
        m_targets->setTargets(m_draft.route.targets);
        m_targets->setWeightsVisible(s == QLatin1String("loadbalance"));
        m_stack->setCurrentIndex(TargetsPage);
    }
}

} // namespace Switchyard::Ui
