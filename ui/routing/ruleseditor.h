// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "ui/routing/routedraft.h"

#include <QList>
#include <QStringList>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
QT_END_NAMESPACE

namespace Switchyard::Ui {

/// The rules of a conditional route: an ordered list (first match wins) with Add / Remove /
/// Move up / Move down; below it the selected rule's `when` (JSON, checked as you type: red
/// border and the problem under it) and `then` target; and the route's default target.
/// GUI thread only.
class RulesEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RulesEditor)
public:
    explicit RulesEditor(QWidget *parent = nullptr);
    ~RulesEditor() override;

    /// Choices for `then` and the default: models, a separator, routes.
    void setNames(const QStringList &models, const QStringList &routes);
    void setRules(const QList<RuleDraft> &rules, const QString &defaultTarget);
    QList<RuleDraft> rules() const { return m_rules; }
    QString defaultTarget() const { return m_default; }

    QListWidget *ruleList() const { return m_list; }
    QPlainTextEdit *whenEdit() const { return m_when; }
    QLabel *whenError() const { return m_whenError; }
    QComboBox *thenCombo() const { return m_then; }
    QComboBox *defaultCombo() const { return m_defaultCombo; }
    QPushButton *addButton() const { return m_add; }

public Q_SLOTS:
    void addRule();
    void removeCurrent();
    void moveCurrent(int delta);

Q_SIGNALS:
    void changed();

private:
    void rebuildList(int selectRow);
    void showRule(int row);
    void refreshItem(int row);
    void showWhenProblem();
    void fillCombo(QComboBox *combo, const QString &current);
    void updateButtons();

    QList<RuleDraft> m_rules;
    QString m_default;
    QStringList m_models;
    QStringList m_routes;
    QListWidget *m_list = nullptr;
    QPlainTextEdit *m_when = nullptr;
    QLabel *m_whenError = nullptr;
    QComboBox *m_then = nullptr;
    QComboBox *m_defaultCombo = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_up = nullptr;
    QPushButton *m_down = nullptr;
    bool m_loading = false;
};

} // namespace Switchyard::Ui
