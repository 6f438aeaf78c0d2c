// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/keys/virtualkey.h"

#include <QDialog>

QT_BEGIN_NAMESPACE
class QLineEdit;
class QPushButton;
QT_END_NAMESPACE

namespace Switchyard::Ui {

/// Shows a freshly issued key's secret once, with a Copy button and a warning that it cannot
/// be shown again. The dialog is the only holder of the secret in the window: it deletes
/// itself when closed. GUI thread only.
class KeySecretDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeySecretDialog)
public:
    explicit KeySecretDialog(const Keys::IssuedKey &issued, QWidget *parent = nullptr);

    QString keyId() const { return m_keyId; }
    /// The secret as shown, for tests.
    QString shownSecret() const;

public Q_SLOTS:
    void copySecret();

private:
    QString m_keyId;
    QLineEdit *m_secret = nullptr;
    QPushButton *m_copy = nullptr;
};

} // namespace Switchyard::Ui
