// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/keys/virtualkey.h"

#include <QDialog>
#include <QString>

QT_BEGIN_NAMESPACE
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
QT_END_NAMESPACE

namespace Switchyard::Ui {

/// The form for a new virtual key: name (required), customer, project, allowed models (comma
/// list; empty = any), RPM/TPM limits and a monthly budget (0 = none). OK stays disabled and
/// the problem is shown until the form is valid. Holds no secret: the core makes one when the
/// owner passes settings() to CoreHost::issueKey(). GUI thread only.
class IssueKeyDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IssueKeyDialog)
public:
    explicit IssueKeyDialog(QWidget *parent = nullptr);

    void setName(const QString &name);
    void setCustomer(const QString &customer);
    void setProject(const QString &project);
    void setAllowedModels(const QString &commaList);
    void setLimits(qint64 requestsPerMinute, qint64 tokensPerMinute);
    void setMonthlyBudget(double usd);

    /// Empty when valid, else what is wrong (also shown in the dialog).
    QString validationError() const;
    bool isValid() const { return validationError().isEmpty(); }
    /// The key's settings (trimmed), ready for CoreHost::issueKey().
    Keys::VirtualKey settings() const;

private:
    void validate();

    QLineEdit *m_name = nullptr;
    QLineEdit *m_customer = nullptr;
    QLineEdit *m_project = nullptr;
    QLineEdit *m_models = nullptr;
    QSpinBox *m_rpm = nullptr;
    QSpinBox *m_tpm = nullptr;
    QDoubleSpinBox *m_budget = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Switchyard::Ui
