// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/keys/keyspage.h"

#include "core/budget/budgetledger.h"
#include "core/corehost.h"
#include "ui/keys/issuekeydialog.h"
#include "ui/keys/keysecretdialog.h"
#include "ui/tr.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Switchyard::Ui {

namespace {

QString limitText(qint64 value)
{
    return value > 0 ? QLocale().toString(value) : Tr::tr("\u2013");
}

QString timeText(const QDateTime &utc)
{
    return utc.isValid() ? utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

} // namespace

KeysPage::KeysPage(QWidget *parent)
    : QWidget(parent)
{
    auto *intro = new QLabel(Tr::tr("Virtual keys (sy-\u2026) tie a client to a customer and project, "
                                    "and may restrict its models, rate and monthly spend. Only a "
                                    "hash of each secret is stored."));
    intro->setWordWrap(true);

    m_issueButton = new QPushButton(Tr::tr("Issue key\u2026"));
    m_issueButton->setObjectName(QStringLiteral("issueButton"));
    m_revokeButton = new QPushButton(Tr::tr("Revoke\u2026"));
    m_revokeButton->setObjectName(QStringLiteral("revokeButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(intro, 1);
    buttons->addWidget(m_issueButton);
    buttons->addWidget(m_revokeButton);

    m_table = new QTableWidget(0, ColumnCount);
    m_table->setObjectName(QStringLiteral("keyTable"));
    m_table->setHorizontalHeaderLabels({Tr::tr("ID"), Tr::tr("Name"), Tr::tr("Customer"),
                                        Tr::tr("Project"), Tr::tr("Allowed models"), Tr::tr("RPM"),
                                        Tr::tr("TPM"), Tr::tr("Monthly budget"), Tr::tr("Created"),
                                        Tr::tr("Revoked")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ModelsColumn, QHeaderView::Stretch);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);

    connect(m_issueButton, &QPushButton::clicked, this, &KeysPage::openIssueDialog);
    connect(m_revokeButton, &QPushButton::clicked, this, &KeysPage::confirmRevoke);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &KeysPage::updateButtons);
    showKeys({});
}

KeysPage::~KeysPage() = default;

void KeysPage::attachCore(CoreHost *core)
{
    m_core = core;
    if (!core)
        return;
    connect(this, &KeysPage::issueRequested, core, &CoreHost::issueKey);
    connect(this, &KeysPage::revokeRequested, core, &CoreHost::revokeKey);
    connect(core, &CoreHost::keysListed, this, &KeysPage::showKeys);
    connect(core, &CoreHost::keyIssued, this, [this](const Keys::IssuedKey &issued) {
        showIssued(issued);
        refresh();
    });
    connect(core, &CoreHost::keyRevoked, this, [this](const QString &id) {
        setStatus(Tr::tr("Revoked %1. Requests with it are refused from now on.").arg(id));
        refresh();
    });
    connect(core, &CoreHost::keyOperationFailed, this,
            [this](const QString &message) { setStatus(message, true); });
    auto onStarted = [this] {
        m_started = true;
        refresh();
    };
    connect(core, &CoreHost::started, this, onStarted);
    if (core->listenUrl().isValid())
        onStarted();
}

void KeysPage::refresh()
{
    if (m_core && m_started)
        m_core->requestKeys();
}

QString KeysPage::statusText() const
{
    return m_status->text();
}

void KeysPage::setStatus(const QString &text, bool isError)
{
    m_status->setText(text);
    m_status->setStyleSheet(isError ? QStringLiteral("color: #c62828;") : QString());
}

QString KeysPage::selectedId() const
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    return selected.isEmpty() ? QString() : m_table->item(selected.first()->row(), IdColumn)->text();
}

void KeysPage::selectKey(const QString &id)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, IdColumn)->text() == id) {
            m_table->selectRow(row);
            return;
        }
    }
}

void KeysPage::showKeys(const QList<Keys::VirtualKey> &keys)
{
    const QString selected = selectedId();
    m_keys = keys;
    m_table->setRowCount(int(keys.size()));
    for (int row = 0; row < keys.size(); ++row) {
        const Keys::VirtualKey &k = keys.at(row);
        const QStringList cells = {
            k.id, k.name, k.customer, k.project,
            k.allowedModels.isEmpty() ? Tr::tr("any") : k.allowedModels.join(QStringLiteral(", ")),
            limitText(k.limits.requestsPerMinute), limitText(k.limits.tokensPerMinute),
            k.monthlyBudgetUsd > 0 ? Budget::formatUsd(k.monthlyBudgetUsd) : Tr::tr("\u2013"),
            timeText(k.createdAt), k.isRevoked() ? timeText(k.revokedAt) : QString()};
        for (int column = 0; column < cells.size(); ++column) {
            auto *cell = new QTableWidgetItem(cells.at(column));
            cell->setToolTip(column == IdColumn ? Tr::tr("Hint: %1").arg(k.hint) : cells.at(column));
            if (k.isRevoked())
                cell->setForeground(QColor(0x9e, 0x9e, 0x9e));
            if (column >= RpmColumn && column <= BudgetColumn)
                cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, column, cell);
        }
    }
    selectKey(selected);
    updateButtons();
}

void KeysPage::updateButtons()
{
    const QString id = selectedId();
    bool active = false;
    for (const Keys::VirtualKey &k : std::as_const(m_keys)) {
        if (k.id == id)
            active = !k.isRevoked();
    }
    m_revokeButton->setEnabled(active);
}

IssueKeyDialog *KeysPage::openIssueDialog()
{
    auto *dialog = new IssueKeyDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        setStatus(Tr::tr("Issuing %1\u2026").arg(dialog->settings().name));
        Q_EMIT issueRequested(dialog->settings());
    });
    dialog->open();
    return dialog;
}

QMessageBox *KeysPage::confirmRevoke()
{
    const QString id = selectedId();
    QString name;
    bool active = false;
    for (const Keys::VirtualKey &k : std::as_const(m_keys)) {
        if (k.id == id) {
            name = k.name;
            active = !k.isRevoked();
        }
    }
    if (!active)
        return nullptr;
    auto *box = new QMessageBox(QMessageBox::Warning, Tr::tr("Revoke key"),
                                Tr::tr("Revoke %1 (%2)? Clients using it are refused from their "
                                       "next request. This cannot be undone.")
                                    .arg(id, name),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("revokeConfirm"));
    QPushButton *revoke = box->addButton(Tr::tr("Revoke"), QMessageBox::DestructiveRole);
    revoke->setObjectName(QStringLiteral("confirmRevokeButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(revoke, &QPushButton::clicked, this, [this, id] { Q_EMIT revokeRequested(id); });
    box->open();
    return box;
}

KeySecretDialog *KeysPage::showIssued(const Keys::IssuedKey &issued)
{
    setStatus(Tr::tr("Issued %1 (%2).").arg(issued.key.id, issued.key.name));
    auto *dialog = new KeySecretDialog(issued, this);
    dialog->open();
    return dialog;
}

} // namespace Switchyard::Ui
