// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/logrecord.h"

#include <QJsonObject>
#include <QMap>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace Switchyard::Ui {

class EgressView;

/// The Guards screen: DLP detector toggles and actions per class, injection settings, custom
/// patterns with live regex validation, and a test panel that runs the guards library on
/// pasted text (no gateway needed). "Apply" emits guardsEdited() with the edited `guards`
/// section; the owner applies it (Core::applyEditedConfig with the section replaced).
/// A second tab, "Egress", shows the egress ledger of the live records (appendRecords).
class GuardsPage final : public QWidget
{
    Q_OBJECT
public:
    explicit GuardsPage(QWidget *parent = nullptr);

    /// Shows `guards` (the config's section as written).
    void setGuards(const QJsonObject &guards);
    /// The section as edited; keys the page does not edit (profiles, entropy) are kept.
    QJsonObject guards() const;

    /// Runs the test panel on its text; returns the report it shows (for tests).
    QString runTest();
    QPlainTextEdit *testInput() const { return m_testInput; }
    QPlainTextEdit *testOutput() const { return m_testOutput; }
    QTableWidget *customPatterns() const { return m_custom; }
    QLabel *patternStatus() const { return m_patternStatus; }
    EgressView *egressView() const { return m_egress; }

public Q_SLOTS:
    /// Live records for the Egress tab (connect CoreHost::recordsAppended here).
    void appendRecords(const Switchyard::LogRecordList &records);

Q_SIGNALS:
    void guardsEdited(const QJsonObject &guards);

private:
    void addPatternRow(const QString &name, const QString &pattern, const QString &action);
    /// Checks every custom pattern; false (and a message) for the first bad one.
    bool validatePatterns();

    QJsonObject m_original;
    QCheckBox *m_dlpEnabled = nullptr;
    QMap<QString, QCheckBox *> m_detectors;
    QMap<QString, QComboBox *> m_actions;
    QCheckBox *m_scanResponses = nullptr;
    QCheckBox *m_injectionEnabled = nullptr;
    QComboBox *m_injectionAction = nullptr;
    QTableWidget *m_custom = nullptr;
    QLabel *m_patternStatus = nullptr;
    QPushButton *m_apply = nullptr;
    QPlainTextEdit *m_testInput = nullptr;
    QPlainTextEdit *m_testOutput = nullptr;
    EgressView *m_egress = nullptr;
};

} // namespace Switchyard::Ui
