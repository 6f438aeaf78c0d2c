// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/config/gatewayconfig.h"

#include <QList>
#include <QStringList>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QPushButton;
class QTableWidget;
QT_END_NAMESPACE

namespace Switchyard::Ui {

/// An ordered list of route targets (models or routes, each picked from a combo box) with an
/// optional weight column, and Add / Remove / Move up / Move down. Used for fallback and
/// loadbalance targets and for score candidates. GUI thread only.
class TargetListEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TargetListEditor)
public:
    explicit TargetListEditor(QWidget *parent = nullptr);
    ~TargetListEditor() override;

    /// The choices offered: models first, then routes, with a separator between them.
    void setNames(const QStringList &models, const QStringList &routes);
    void setWeightsVisible(bool visible);
    void setTargets(const QList<Config::RouteTarget> &targets);
    QList<Config::RouteTarget> targets() const { return m_targets; }
    QStringList targetNames() const;

    QTableWidget *table() const { return m_table; }
    /// The combo box of `row` (column 0), or null.
    QComboBox *targetCombo(int row) const;
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *upButton() const { return m_up; }
    QPushButton *downButton() const { return m_down; }

public Q_SLOTS:
    /// Appends the first name not in the list yet (or the first name) and selects it.
    void addTarget();
    void removeCurrent();
    /// Moves the selected row by `delta` rows (-1 up, +1 down).
    void moveCurrent(int delta);

Q_SIGNALS:
    /// The list, an entry or a weight changed through the widget.
    void changed();

private:
    void rebuild(int selectRow);
    void fillCombo(QComboBox *combo, const QString &current) const;
    void updateButtons();
    void updateShares();

    QList<Config::RouteTarget> m_targets;
    QStringList m_models;
    QStringList m_routes;
    QTableWidget *m_table = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_up = nullptr;
    QPushButton *m_down = nullptr;
    bool m_weights = false;
};

} // namespace Switchyard::Ui
