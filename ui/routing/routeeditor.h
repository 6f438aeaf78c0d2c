// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "ui/routing/routedraft.h"

#include <QMap>
#include <QStringList>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QStackedWidget;
QT_END_NAMESPACE

namespace Switchyard::Ui {

class RulesEditor;
class TargetListEditor;

/// Edits one route: name, strategy, and the strategy's fields (targets with weights,
/// candidates with metric weights, or rules with a default). Emits changed() on every edit;
/// the owner reads draft() back. GUI thread only.
class RouteEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RouteEditor)
public:
    explicit RouteEditor(QWidget *parent = nullptr);
    ~RouteEditor() override;

    /// Known models and metrics, and the routes this one may refer to (itself excluded).
    void setChoices(const RoutingCatalog &catalog, const QStringList &routes);
    void setDraft(const RouteDraft &draft);
    RouteDraft draft() const { return m_draft; }

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *strategyCombo() const { return m_strategy; }
    TargetListEditor *targetsEditor() const { return m_targets; }
    TargetListEditor *candidatesEditor() const { return m_candidates; }
    QDoubleSpinBox *metricSpin(const QString &metric) const { return m_metricSpins.value(metric); }
    RulesEditor *rulesEditor() const { return m_rules; }

Q_SIGNALS:
    void changed();

private:
    QWidget *buildScorePane();
    void rebuildMetrics(const QStringList &metrics);
    void showStrategy();

    RouteDraft m_draft;
    QStringList m_metrics;
    QLineEdit *m_name = nullptr;
    QComboBox *m_strategy = nullptr;
    QLabel *m_hint = nullptr;
    QStackedWidget *m_stack = nullptr;
    TargetListEditor *m_targets = nullptr;
    TargetListEditor *m_candidates = nullptr;
    QFormLayout *m_metricForm = nullptr;
    QMap<QString, QDoubleSpinBox *> m_metricSpins;
    RulesEditor *m_rules = nullptr;
    bool m_loading = false;
};

} // namespace Switchyard::Ui
