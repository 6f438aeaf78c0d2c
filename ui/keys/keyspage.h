// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/keys/virtualkey.h"

#include <QList>
#include <QString>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QMessageBox;
class QPushButton;
class QTableWidget;
QT_END_NAMESPACE

namespace Switchyard {
class CoreHost;
}

namespace Switchyard::Ui {

class IssueKeyDialog;
class KeySecretDialog;

/// The "Keys" tab: every virtual key (id, name, customer, project, allowed models, RPM/TPM,
/// budget, created, revoked), "Issue key…" (IssueKeyDialog, then the secret once in a
/// KeySecretDialog) and "Revoke" after a confirmation. All through CoreHost's key API
/// (issueKey/revokeKey/requestKeys and their answer signals); never blocks, never keeps a
/// secret. GUI thread only.
class KeysPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeysPage)
public:
    enum Column { IdColumn, NameColumn, CustomerColumn, ProjectColumn, ModelsColumn, RpmColumn,
                  TpmColumn, BudgetColumn, CreatedColumn, RevokedColumn, ColumnCount };

    explicit KeysPage(QWidget *parent = nullptr);
    ~KeysPage() override;

    /// Connects to `core` (not owned); lists the keys once it has started.
    void attachCore(Switchyard::CoreHost *core);

    QTableWidget *keyTable() const { return m_table; }
    const QList<Keys::VirtualKey> &keys() const { return m_keys; }
    QString statusText() const;
    void selectKey(const QString &id);

public Q_SLOTS:
    void showKeys(const QList<Switchyard::Keys::VirtualKey> &keys);
    /// Asks the core for the list (no-op before it started).
    void refresh();
    /// Opens the issue form (window-modal, not blocking); accepting it asks the core.
    IssueKeyDialog *openIssueDialog();
    /// Asks to confirm revoking the selected key (nullptr when none or already revoked).
    QMessageBox *confirmRevoke();
    /// Shows the secret of a key the core just issued.
    KeySecretDialog *showIssued(const Switchyard::Keys::IssuedKey &issued);

Q_SIGNALS:
    void issueRequested(const Switchyard::Keys::VirtualKey &settings);
    void revokeRequested(const QString &id);

private:
    void updateButtons();
    void setStatus(const QString &text, bool isError = false);
    QString selectedId() const;

    Switchyard::CoreHost *m_core = nullptr;
    bool m_started = false;
    QList<Keys::VirtualKey> m_keys;
    QTableWidget *m_table = nullptr;
    QPushButton *m_issueButton = nullptr;
    QPushButton *m_revokeButton = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace Switchyard::Ui
