// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/keys/keysecretdialog.h"

#include "ui/tr.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Switchyard::Ui {

KeySecretDialog::KeySecretDialog(const Keys::IssuedKey &issued, QWidget *parent)
    : QDialog(parent)
    , m_keyId(issued.key.id)
{
    setWindowTitle(Tr::tr("Key issued"));
    setObjectName(QStringLiteral("keySecretDialog"));
    setAttribute(Qt::WA_DeleteOnClose);

    auto *intro = new QLabel(Tr::tr("Key <b>%1</b> (%2) was issued. Clients send it as "
                                    "<tt>Authorization: Bearer &lt;key&gt;</tt> or "
                                    "<tt>x-api-key: &lt;key&gt;</tt>.")
                                 .arg(issued.key.id.toHtmlEscaped(), issued.key.name.toHtmlEscaped()));
    intro->setWordWrap(true);

    m_secret = new QLineEdit(issued.secret);
    m_secret->setObjectName(QStringLiteral("secretEdit"));
    m_secret->setReadOnly(true);
    m_secret->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_secret->setMinimumWidth(m_secret->fontMetrics().horizontalAdvance(issued.secret) + 24);
    m_copy = new QPushButton(Tr::tr("Copy"));
    m_copy->setObjectName(QStringLiteral("copyButton"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_secret, 1);
    row->addWidget(m_copy);

    auto *warning = new QLabel(Tr::tr("Store this secret now: it will not be shown again. "
                                      "Switchyard keeps only a hash of it; if it is lost, revoke "
                                      "the key and issue a new one."));
    warning->setObjectName(QStringLiteral("warningLabel"));
    warning->setWordWrap(true);
    warning->setStyleSheet(QStringLiteral(
        "QLabel { background: #fff8e1; border: 1px solid #ffb300; border-radius: 4px; padding: 6px; }"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->button(QDialogButtonBox::Close)->setText(Tr::tr("I have stored it"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_copy, &QPushButton::clicked, this, &KeySecretDialog::copySecret);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(row);
    layout->addWidget(warning);
    layout->addWidget(buttons);
}

QString KeySecretDialog::shownSecret() const
{
    return m_secret->text();
}

void KeySecretDialog::copySecret()
{
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(m_secret->text());
    m_copy->setText(Tr::tr("Copied"));
}

} // namespace Switchyard::Ui
