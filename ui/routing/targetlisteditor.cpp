// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/routing/targetlisteditor.h"

#include "ui/tr.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Switchyard::Ui {

namespace {

enum Column { TargetColumn = 0, WeightColumn = 1, ShareColumn = 2 };

} // namespace

TargetListEditor::TargetListEditor(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 3))
    , m_add(new QPushButton(Tr::tr("&Add")))
    , m_remove(new QPushButton(Tr::tr("Re&move")))
    , m_up(new QPushButton(Tr::tr("Move &up")))
    , m_down(new QPushButton(Tr::tr("Move do&wn")))
{
    m_table->setObjectName(QStringLiteral("targetTable"));
    m_table->setHorizontalHeaderLabels(
        {Tr::tr("Target (model or route)"), Tr::tr("Weight"), Tr::tr("Share")});
    m_table->horizontalHeader()->setSectionResizeMode(TargetColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(WeightColumn, QHeaderView::Fixed);
    m_table->horizontalHeader()->setSectionResizeMode(ShareColumn, QHeaderView::Fixed);
    m_table->setColumnWidth(WeightColumn, m_table->fontMetrics().horizontalAdvance(QStringLiteral("0000.00")) + 48);
    m_table->setColumnWidth(ShareColumn, m_table->fontMetrics().horizontalAdvance(QStringLiteral("100.0 %")) + 16);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setMinimumHeight(140);
    m_add->setObjectName(QStringLiteral("addTarget"));
    m_remove->setObjectName(QStringLiteral("removeTarget"));
    m_up->setObjectName(QStringLiteral("moveTargetUp"));
    m_down->setObjectName(QStringLiteral("moveTargetDown"));

    auto *buttons = new QVBoxLayout;
    for (QPushButton *b : {m_add, m_remove, m_up, m_down}) {
        buttons->addWidget(b);
    }
    buttons->addStretch(1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, &TargetListEditor::addTarget);
    connect(m_remove, &QPushButton::clicked, this, &TargetListEditor::removeCurrent);
    connect(m_up, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveCurrent(1); });
    connect(m_table, &QTableWidget::currentCellChanged, this, &TargetListEditor::updateButtons);
    setWeightsVisible(false);
    updateButtons();
}

TargetListEditor::~TargetListEditor() = default;

void TargetListEditor::setNames(const QStringList &models, const QStringList &routes)
{
    if (models == m_models && routes == m_routes) {
        return;
    }
    m_models = models;
    m_routes = routes;
    rebuild(m_table->currentRow());
}

void TargetListEditor::setWeightsVisible(bool visible)
{
    m_weights = visible;
    m_table->setColumnHidden(WeightColumn, !visible);
    m_table->setColumnHidden(ShareColumn, !visible);
}

void TargetListEditor::setTargets(const QList<Config::RouteTarget> &targets)
{
    m_targets = targets;
    rebuild(targets.isEmpty() ? -1 : 0);
}

QStringList TargetListEditor::targetNames() const
{
    QStringList out;
    for (const Config::RouteTarget &t : m_targets) {
        out.append(t.name);
    }
    return out;
}

QComboBox *TargetListEditor::targetCombo(int row) const
{
    return qobject_cast<QComboBox *>(m_table->cellWidget(row, TargetColumn));
}

void TargetListEditor::fillCombo(QComboBox *combo, const QString &current) const
{
    combo->addItems(m_models);
    if (!m_models.isEmpty() && !m_routes.isEmpty()) {
        combo->insertSeparator(combo->count());
    }
    for (const QString &route : m_routes) {
        combo->addItem(route);
        combo->setItemData(combo->count() - 1, Tr::tr("Route %1").arg(route), Qt::ToolTipRole);
    }
    if (combo->findText(current) < 0) {
        // Unknown names stay visible (and the validation says what is wrong with them).
        combo->addItem(current);
    }
    combo->setCurrentIndex(combo->findText(current));
}

void TargetListEditor::rebuild(int selectRow)
{
    m_table->setRowCount(0);
    m_table->setRowCount(int(m_targets.size()));
    for (int row = 0; row < m_targets.size(); ++row) {
        auto *combo = new QComboBox;
        combo->setObjectName(QStringLiteral("targetCombo_%1").arg(row));
        fillCombo(combo, m_targets.at(row).name);
        connect(combo, &QComboBox::currentTextChanged, this, [this, row](const QString &text) {
            m_targets[row].name = text;
            Q_EMIT changed();
        });
        m_table->setCellWidget(row, TargetColumn, combo);

        auto *spin = new QDoubleSpinBox;
        spin->setObjectName(QStringLiteral("targetWeight_%1").arg(row));
        spin->setRange(0, 1000);
        spin->setDecimals(2);
        spin->setValue(m_targets.at(row).weight);
        spin->setToolTip(Tr::tr("Share of requests, relative to the other targets' weights"));
        connect(spin, &QDoubleSpinBox::valueChanged, this, [this, row](double value) {
            m_targets[row].weight = value;
            updateShares();
            Q_EMIT changed();
        });
        m_table->setCellWidget(row, WeightColumn, spin);
        auto *share = new QTableWidgetItem;
        share->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        share->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(row, ShareColumn, share);
    }
    updateShares();
    if (selectRow >= 0 && selectRow < m_targets.size()) {
        m_table->setCurrentCell(selectRow, TargetColumn);
    }
    updateButtons();
}

void TargetListEditor::addTarget()
{
    const QStringList all = m_models + m_routes;
    const QStringList used = targetNames();
    QString name = all.value(0);
    for (const QString &candidate : all) {
        if (!used.contains(candidate)) {
            name = candidate;
            break;
        }
    }
    m_targets.append(Config::RouteTarget{name, 1});
    rebuild(int(m_targets.size()) - 1);
    if (QComboBox *combo = targetCombo(int(m_targets.size()) - 1)) {
        combo->setFocus();
    }
    Q_EMIT changed();
}

void TargetListEditor::removeCurrent()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_targets.size()) {
        return;
    }
    m_targets.removeAt(row);
    rebuild(std::min(row, int(m_targets.size()) - 1));
    Q_EMIT changed();
}

void TargetListEditor::moveCurrent(int delta)
{
    const int row = m_table->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_targets.size()) {
        return;
    }
    m_targets.move(row, to);
    rebuild(to);
    Q_EMIT changed();
}

void TargetListEditor::updateShares()
{
    double total = 0;
    for (const Config::RouteTarget &t : std::as_const(m_targets)) {
        total += t.weight > 0 ? t.weight : 0;
    }
    for (int row = 0; row < m_targets.size(); ++row) {
        QTableWidgetItem *item = m_table->item(row, ShareColumn);
        const double w = m_targets.at(row).weight;
        if (item) {
            item->setText(total > 0 && w > 0 ? Tr::tr("%1 %").arg(100.0 * w / total, 0, 'f', 1)
                                             : QStringLiteral("–"));
        }
    }
}

void TargetListEditor::updateButtons()
{
    const int row = m_table->currentRow();
    const bool valid = row >= 0 && row < m_targets.size();
    m_remove->setEnabled(valid);
    m_up->setEnabled(valid && row > 0);
    m_down->setEnabled(valid && row + 1 < m_targets.size());
}

} // namespace Switchyard::Ui
