// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/routing/ruleseditor.h"

#include "ui/tr.h"

#include <QColor>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Switchyard::Ui {

namespace {

const QString s_exampleWhen = QStringLiteral("{\"customer\": {\"$eq\": \"acme\"}}");

} // namespace

RulesEditor::RulesEditor(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget)
    , m_when(new QPlainTextEdit)
    , m_whenError(new QLabel)
    , m_then(new QComboBox)
    , m_defaultCombo(new QComboBox)
    , m_add(new QPushButton(Tr::tr("&Add rule")))
    , m_remove(new QPushButton(Tr::tr("Re&move")))
    , m_up(new QPushButton(Tr::tr("Move &up")))
    , m_down(new QPushButton(Tr::tr("Move do&wn")))
{
    m_list->setObjectName(QStringLiteral("ruleList"));
    m_list->setMinimumHeight(90);
    m_when->setObjectName(QStringLiteral("whenEdit"));
    m_when->setTabChangesFocus(true);
    m_when->setPlaceholderText(s_exampleWhen);
    m_when->setToolTip(Tr::tr("Conditions on metadata (customer, project, feature, tags, app, "
                              "region) or request traits (has_tools, has_images, prompt_tokens) "
                              "with $eq $ne $in $nin $gt $lt $regex $and $or"));
    m_when->setFixedHeight(m_when->fontMetrics().lineSpacing() * 5 + 12);
    m_whenError->setObjectName(QStringLiteral("whenError"));
    m_whenError->setWordWrap(true);
    m_whenError->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_whenError->hide();
    m_then->setObjectName(QStringLiteral("thenCombo"));
    m_defaultCombo->setObjectName(QStringLiteral("defaultTargetCombo"));
    m_add->setObjectName(QStringLiteral("addRule"));
    m_remove->setObjectName(QStringLiteral("removeRule"));
    m_up->setObjectName(QStringLiteral("moveRuleUp"));
    m_down->setObjectName(QStringLiteral("moveRuleDown"));

    auto *buttons = new QVBoxLayout;
    for (QPushButton *b : {m_add, m_remove, m_up, m_down}) {
        buttons->addWidget(b);
    }
    buttons->addStretch(1);
    auto *top = new QHBoxLayout;
    top->addWidget(m_list, 1);
    top->addLayout(buttons);

    auto *form = new QFormLayout;
    form->addRow(Tr::tr("&When (JSON):"), m_when);
    form->addRow(QString(), m_whenError);
    form->addRow(Tr::tr("&Then:"), m_then);
    form->addRow(Tr::tr("&Otherwise:"), m_defaultCombo);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(Tr::tr("Rules, first match wins:")));
    layout->addLayout(top, 1);
    layout->addLayout(form);

    connect(m_add, &QPushButton::clicked, this, &RulesEditor::addRule);
    connect(m_remove, &QPushButton::clicked, this, &RulesEditor::removeCurrent);
    connect(m_up, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveCurrent(1); });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        showRule(row);
        updateButtons();
    });
    connect(m_when, &QPlainTextEdit::textChanged, this, [this] {
        const int row = m_list->currentRow();
        if (m_loading || row < 0 || row >= m_rules.size()) {
            return;
        }
        m_rules[row].whenText = m_when->toPlainText();
        refreshItem(row);
        showWhenProblem();
        Q_EMIT changed();
    });
    connect(m_then, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        const int row = m_list->currentRow();
        if (m_loading || row < 0 || row >= m_rules.size()) {
            return;
        }
        m_rules[row].then = text;
        refreshItem(row);
        Q_EMIT changed();
    });
    connect(m_defaultCombo, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        if (!m_loading) {
            m_default = text;
            Q_EMIT changed();
        }
    });
    showRule(-1);
    updateButtons();
}

RulesEditor::~RulesEditor() = default;

void RulesEditor::setNames(const QStringList &models, const QStringList &routes)
{
    if (models == m_models && routes == m_routes) {
        return;
    }
    m_models = models;
    m_routes = routes;
    showRule(m_list->currentRow());
    m_loading = true;
    fillCombo(m_defaultCombo, m_default);
    m_loading = false;
}

void RulesEditor::setRules(const QList<RuleDraft> &rules, const QString &defaultTarget)
{
    m_rules = rules;
    m_default = defaultTarget;
    m_loading = true;
    fillCombo(m_defaultCombo, m_default);
    m_loading = false;
    rebuildList(rules.isEmpty() ? -1 : 0);
}

void RulesEditor::fillCombo(QComboBox *combo, const QString &current)
{
    combo->clear();
    combo->addItems(m_models);
    if (!m_models.isEmpty() && !m_routes.isEmpty()) {
        combo->insertSeparator(combo->count());
    }
    combo->addItems(m_routes);
    if (combo->findText(current) < 0) {
        combo->addItem(current); // empty or unknown: shown as is, the validation names it
    }
    combo->setCurrentIndex(combo->findText(current));
}

void RulesEditor::rebuildList(int selectRow)
{
    m_loading = true;
    m_list->clear();
    for (int row = 0; row < m_rules.size(); ++row) {
        m_list->addItem(QString());
        refreshItem(row);
    }
    m_loading = false;
    m_list->setCurrentRow(selectRow);
    showRule(selectRow);
    updateButtons();
}

void RulesEditor::refreshItem(int row)
{
    QListWidgetItem *item = m_list->item(row);
    if (!item) {
        return;
    }
    const RuleDraft &rule = m_rules.at(row);
    QString when = rule.whenText.simplified();
    if (when.size() > 60) {
        when = when.left(59) + QChar(0x2026);
    }
    const bool bad = !whenProblem(rule.whenText).isEmpty();
    item->setText(Tr::tr("%1. when %2 \u2192 %3").arg(row + 1).arg(when, rule.then));
    item->setForeground(bad ? QColor(0xc6, 0x28, 0x28) : m_list->palette().text().color());
}

void RulesEditor::showRule(int row)
{
    const bool valid = row >= 0 && row < m_rules.size();
    m_loading = true;
    m_when->setEnabled(valid);
    m_then->setEnabled(valid);
    m_when->setPlainText(valid ? m_rules.at(row).whenText : QString());
    fillCombo(m_then, valid ? m_rules.at(row).then : QString());
    m_loading = false;
    showWhenProblem();
}

void RulesEditor::showWhenProblem()
{
    const int row = m_list->currentRow();
    const QString problem =
        row >= 0 && row < m_rules.size() ? whenProblem(m_rules.at(row).whenText) : QString();
    m_whenError->setText(problem.isEmpty() ? QString()
                                           : Tr::tr("Rule %1: 'when' %2").arg(row + 1).arg(problem));
    m_whenError->setVisible(!problem.isEmpty());
    m_when->setStyleSheet(problem.isEmpty()
                              ? QString()
                              : QStringLiteral("QPlainTextEdit { border: 2px solid #c62828; }"));
}

void RulesEditor::addRule()
{
    const QStringList all = m_models + m_routes;
    m_rules.append(RuleDraft{s_exampleWhen, all.value(0)});
    rebuildList(int(m_rules.size()) - 1);
    m_when->setFocus();
    m_when->selectAll();
    Q_EMIT changed();
}

void RulesEditor::removeCurrent()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_rules.size()) {
        return;
    }
    m_rules.removeAt(row);
    rebuildList(std::min(row, int(m_rules.size()) - 1));
    Q_EMIT changed();
}

void RulesEditor::moveCurrent(int delta)
{
    const int row = m_list->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_rules.size()) {
        return;
    }
    m_rules.move(row, to);
    rebuildList(to);
    Q_EMIT changed();
}

void RulesEditor::updateButtons()
{
    const int row = m_list->currentRow();
    const bool valid = row >= 0 && row < m_rules.size();
    m_remove->setEnabled(valid);
    m_up->setEnabled(valid && row > 0);
    m_down->setEnabled(valid && row + 1 < m_rules.size());
}

} // namespace Switchyard::Ui
