// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/keys/issuekeydialog.h"

#include "ui/tr.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Switchyard::Ui {

namespace {

QStringList modelList(const QString &text)
{
    QStringList models;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString model = part.trimmed();
        if (!model.isEmpty() && !models.contains(model))
            models.append(model);
    }
    return models;
}

} // namespace

IssueKeyDialog::IssueKeyDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(Tr::tr("Issue virtual key"));
    setObjectName(QStringLiteral("issueKeyDialog"));

    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setPlaceholderText(Tr::tr("e.g. ci bot"));
    m_name->setMaxLength(100);
    m_customer = new QLineEdit;
    m_customer->setObjectName(QStringLiteral("customerEdit"));
    m_customer->setPlaceholderText(Tr::tr("optional; requests are attributed to it"));
    m_project = new QLineEdit;
    m_project->setObjectName(QStringLiteral("projectEdit"));
    m_project->setPlaceholderText(Tr::tr("optional"));
    m_models = new QLineEdit;
    m_models->setObjectName(QStringLiteral("modelsEdit"));
    m_models->setPlaceholderText(Tr::tr("any model; or a comma list, e.g. gpt-4o-mini, auto"));
    m_rpm = new QSpinBox;
    m_rpm->setObjectName(QStringLiteral("rpmSpin"));
    m_rpm->setRange(0, 1'000'000);
    m_rpm->setSpecialValueText(Tr::tr("No limit"));
    m_rpm->setSuffix(Tr::tr(" requests/min"));
    m_tpm = new QSpinBox;
    m_tpm->setObjectName(QStringLiteral("tpmSpin"));
    m_tpm->setRange(0, 1'000'000'000);
    m_tpm->setSingleStep(1000);
    m_tpm->setSpecialValueText(Tr::tr("No limit"));
    m_tpm->setSuffix(Tr::tr(" tokens/min"));
    m_budget = new QDoubleSpinBox;
    m_budget->setObjectName(QStringLiteral("budgetSpin"));
    m_budget->setRange(0, 1'000'000);
    m_budget->setDecimals(2);
    m_budget->setPrefix(QStringLiteral("$"));
    m_budget->setSpecialValueText(Tr::tr("None"));
    m_budget->setToolTip(Tr::tr("A monthly budget that blocks the key's requests once spent"));

    auto *form = new QFormLayout;
    form->addRow(Tr::tr("&Name:"), m_name);
    form->addRow(Tr::tr("&Customer:"), m_customer);
    form->addRow(Tr::tr("&Project:"), m_project);
    form->addRow(Tr::tr("Allowed &models:"), m_models);
    form->addRow(Tr::tr("&Rate limit:"), m_rpm);
    form->addRow(Tr::tr("&Token limit:"), m_tpm);
    form->addRow(Tr::tr("Monthly &budget:"), m_budget);

    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(Tr::tr("Issue key"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isValid())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    for (QLineEdit *edit : {m_name, m_customer, m_project, m_models})
        connect(edit, &QLineEdit::textChanged, this, &IssueKeyDialog::validate);
    validate();
    resize(480, sizeHint().height());
}

void IssueKeyDialog::setName(const QString &name) { m_name->setText(name); }
void IssueKeyDialog::setCustomer(const QString &customer) { m_customer->setText(customer); }
void IssueKeyDialog::setProject(const QString &project) { m_project->setText(project); }
void IssueKeyDialog::setAllowedModels(const QString &commaList) { m_models->setText(commaList); }
void IssueKeyDialog::setMonthlyBudget(double usd) { m_budget->setValue(usd); }

void IssueKeyDialog::setLimits(qint64 requestsPerMinute, qint64 tokensPerMinute)
{
    m_rpm->setValue(int(requestsPerMinute));
    m_tpm->setValue(int(tokensPerMinute));
}

QString IssueKeyDialog::validationError() const
{
    if (m_name->text().trimmed().isEmpty())
        return Tr::tr("Give the key a name.");
    static const QRegularExpression spaces(QStringLiteral("\\s"));
    for (const QString &model : modelList(m_models->text())) {
        if (model.contains(spaces))
            return Tr::tr("Model \u201c%1\u201d contains a space; separate models with commas.").arg(model);
    }
    for (const QLineEdit *edit : {m_customer, m_project}) {
        if (edit->text().trimmed().contains(QLatin1Char(',')))
            return Tr::tr("Customer and project are single names, without commas.");
    }
    return {};
}

void IssueKeyDialog::validate()
{
    const QString error = validationError();
    // Nothing typed yet is not an error worth red text; the disabled button says enough.
    m_error->setText(m_name->text().isEmpty() && error == Tr::tr("Give the key a name.") ? QString() : error);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
}

Keys::VirtualKey IssueKeyDialog::settings() const
{
    Keys::VirtualKey key;
    key.name = m_name->text().trimmed();
    key.customer = m_customer->text().trimmed();
    key.project = m_project->text().trimmed();
    key.allowedModels = modelList(m_models->text());
    key.limits.requestsPerMinute = m_rpm->value();
    key.limits.tokensPerMinute = m_tpm->value();
    key.monthlyBudgetUsd = m_budget->value();
    return key;
}

} // namespace Switchyard::Ui
