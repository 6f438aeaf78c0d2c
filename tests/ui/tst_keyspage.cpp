// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/corehost.h"
#include "ui/keys/issuekeydialog.h"
#include "ui/keys/keysecretdialog.h"
#include "ui/keys/keyspage.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Switchyard;
using Switchyard::Ui::IssueKeyDialog;
using Switchyard::Ui::KeySecretDialog;
using Switchyard::Ui::KeysPage;

class tst_KeysPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void formValidation_data();
    void formValidation();
    void issueShowsSecretOnceAndRevokeMarksRevoked();
};

void tst_KeysPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("OPENAI_API_KEY", QByteArray());
}

void tst_KeysPage::formValidation_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("customer");
    QTest::addColumn<QString>("models");
    QTest::addColumn<bool>("valid");
    QTest::newRow("name only") << QStringLiteral("ci bot") << QString() << QString() << true;
    QTest::newRow("no name") << QString() << QStringLiteral("acme") << QString() << false;
    QTest::newRow("blank name") << QStringLiteral("   ") << QString() << QString() << false;
    QTest::newRow("model list") << QStringLiteral("k") << QString() << QStringLiteral("gpt-4o-mini, auto") << true;
    QTest::newRow("space in a model") << QStringLiteral("k") << QString() << QStringLiteral("gpt 4o") << false;
    QTest::newRow("comma in customer") << QStringLiteral("k") << QStringLiteral("a,b") << QString() << false;
}

void tst_KeysPage::formValidation()
{
    QFETCH(QString, name);
    QFETCH(QString, customer);
    QFETCH(QString, models);
    QFETCH(bool, valid);
    IssueKeyDialog dialog;
    dialog.setName(name);
    dialog.setCustomer(customer);
    dialog.setAllowedModels(models);
    QCOMPARE(dialog.isValid(), valid);
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QCOMPARE(ok->isEnabled(), valid);
}

void tst_KeysPage::issueShowsSecretOnceAndRevokeMarksRevoked()
{
    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    CoreOptions options;
    options.port = 0;
    options.dataDir = dataDir.path();
    CoreHost core(options);
    KeysPage page;
    page.attachCore(&core);
    page.show();
    QSignalSpy listed(&core, &CoreHost::keysListed);
    QSignalSpy started(&core, &CoreHost::started);
    core.start();
    QVERIFY(started.wait(10000));
    QVERIFY(listed.wait(5000));
    QCOMPARE(page.keyTable()->rowCount(), 0);

    QSignalSpy issued(&core, &CoreHost::keyIssued);
    IssueKeyDialog *form = page.openIssueDialog();
    QVERIFY(form);
    form->setName(QStringLiteral("ci bot"));
    form->setCustomer(QStringLiteral("acme"));
    form->setProject(QStringLiteral("web"));
    form->setAllowedModels(QStringLiteral("gpt-4o-mini, auto"));
    form->setLimits(60, 100000);
    form->setMonthlyBudget(25);
    form->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QVERIFY(issued.wait(5000));
    const auto key = issued.first().first().value<Keys::IssuedKey>();

    // The secret is shown once, in its own dialog, with a warning and a Copy button.
    auto *secret = page.findChild<KeySecretDialog *>();
    QVERIFY(secret);
    QCOMPARE(secret->keyId(), key.key.id);
    QVERIFY(secret->shownSecret().startsWith(QLatin1String("sy-")));
    QCOMPARE(secret->shownSecret(), key.secret);
    QVERIFY(secret->findChild<QLabel *>(QStringLiteral("warningLabel"))->text().contains(
        QLatin1String("will not be shown again")));
    secret->findChild<QPushButton *>(QStringLiteral("copyButton"))->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), key.secret);

    // Listed, without the secret anywhere in the table.
    QTRY_COMPARE_WITH_TIMEOUT(page.keyTable()->rowCount(), 1, 5000);
    const QTableWidget *table = page.keyTable();
    QCOMPARE(table->item(0, KeysPage::IdColumn)->text(), key.key.id);
    QCOMPARE(table->item(0, KeysPage::NameColumn)->text(), QStringLiteral("ci bot"));
    QCOMPARE(table->item(0, KeysPage::CustomerColumn)->text(), QStringLiteral("acme"));
    QCOMPARE(table->item(0, KeysPage::ProjectColumn)->text(), QStringLiteral("web"));
    QCOMPARE(table->item(0, KeysPage::ModelsColumn)->text(), QStringLiteral("gpt-4o-mini, auto"));
    QCOMPARE(table->item(0, KeysPage::RpmColumn)->text(), QStringLiteral("60"));
    QCOMPARE(table->item(0, KeysPage::BudgetColumn)->text(), QStringLiteral("$25.00"));
    QVERIFY(table->item(0, KeysPage::RevokedColumn)->text().isEmpty());
    for (int column = 0; column < table->columnCount(); ++column) {
        QVERIFY(!table->item(0, column)->text().contains(key.secret));
        QVERIFY(!table->item(0, column)->toolTip().contains(key.secret));
    }

    // Closing the dialog drops the only copy the window had.
    QPointer<KeySecretDialog> guard(secret);
    secret->close();
    QTRY_VERIFY(guard.isNull());
    QVERIFY(!page.findChild<KeySecretDialog *>());

    // Revoke asks first; confirming revokes and the list shows it.
    QSignalSpy revoked(&core, &CoreHost::keyRevoked);
    page.selectKey(key.key.id);
    QMessageBox *confirm = page.confirmRevoke();
    QVERIFY(confirm);
    QCOMPARE(revoked.size(), 0);
    confirm->findChild<QPushButton *>(QStringLiteral("confirmRevokeButton"))->click();
    QVERIFY(revoked.wait(5000));
    QCOMPARE(revoked.first().first().toString(), key.key.id);
    QTRY_VERIFY_WITH_TIMEOUT(!page.keyTable()->item(0, KeysPage::RevokedColumn)->text().isEmpty(), 5000);
    QVERIFY(page.keys().first().isRevoked());
    page.selectKey(key.key.id);
    QVERIFY(!page.confirmRevoke()); // already revoked: nothing to confirm
    core.shutdown();
}

QTEST_MAIN(tst_KeysPage)
#include "tst_keyspage.moc"
