// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/keys/keyregistry.h"
#include "core/store/keystore.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Switchyard;

class tst_KeyStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void issueListRevoke();
    void onlyTheHashIsStored();
    void revocationByAnotherConnectionIsSeenAtOnce();
    void revokeUnknownKey();

private:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("switchyard.sqlite")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_KeyStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_KeyStore::issueListRevoke()
{
    Store::KeyStore store;
    QVERIFY(store.open(dbPath()).ok());
    Keys::IssuedKey issued = Keys::issueKey(QStringLiteral("ci bot"), QDateTime::currentDateTimeUtc());
    issued.key.customer = QStringLiteral("acme");
    issued.key.project = QStringLiteral("web");
    issued.key.allowedModels = {QStringLiteral("sim-fast"), QStringLiteral("auto")};
    issued.key.limits = {60, 10'000};
    issued.key.monthlyBudgetUsd = 25;
    QVERIFY(store.insert(issued.key).ok());

    const Result<QList<Keys::VirtualKey>> keys = store.list();
    QVERIFY(keys.ok());
    QCOMPARE(keys.value().size(), 1);
    const Keys::VirtualKey &k = keys.value().first();
    QCOMPARE(k.id, issued.key.id);
    QCOMPARE(k.name, QStringLiteral("ci bot"));
    QCOMPARE(k.customer, QStringLiteral("acme"));
    QCOMPARE(k.allowedModels, issued.key.allowedModels);
    QCOMPARE(k.limits.requestsPerMinute, 60);
    QCOMPARE(k.limits.tokensPerMinute, 10'000);
    QCOMPARE(k.monthlyBudgetUsd, 25.0);
    QVERIFY(!k.isRevoked());

    QVERIFY(store.revoke(k.id, QDateTime::currentDateTimeUtc()).ok());
    QVERIFY(store.list().value().first().isRevoked());
    QVERIFY(store.revoke(k.id, QDateTime::currentDateTimeUtc()).ok()); // twice is fine
}

void tst_KeyStore::onlyTheHashIsStored()
{
    const Keys::IssuedKey issued = Keys::issueKey(QStringLiteral("a"), QDateTime::currentDateTimeUtc());
    {
        Store::KeyStore store;
        QVERIFY(store.open(dbPath()).ok());
        QVERIFY(store.insert(issued.key).ok());
    }
    QFile file(dbPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray all = file.readAll();
    QFile wal(dbPath() + QStringLiteral("-wal"));
    if (wal.open(QIODevice::ReadOnly))
        all += wal.readAll();
    QVERIFY(!all.contains(issued.secret.toLatin1()));
    QVERIFY(all.contains(issued.key.hash));
}

void tst_KeyStore::revocationByAnotherConnectionIsSeenAtOnce()
{
    Store::KeyStore gateway;
    QVERIFY(gateway.open(dbPath()).ok());
    const Keys::IssuedKey issued = Keys::issueKey(QStringLiteral("a"), QDateTime::currentDateTimeUtc());
    QVERIFY(gateway.insert(issued.key).ok());
    Keys::KeyRegistry registry(&gateway);
    QCOMPARE(registry.lookup(issued.secret.toLatin1()).status, Keys::KeyRegistry::Lookup::Valid);

    // `switchyard-server keys revoke` in another process: its own connection.
    Store::KeyStore cli;
    QVERIFY(cli.open(dbPath()).ok());
    QVERIFY(cli.revoke(issued.key.id, QDateTime::currentDateTimeUtc()).ok());
    QCOMPARE(registry.lookup(issued.secret.toLatin1()).status, Keys::KeyRegistry::Lookup::Revoked);

    // A key issued elsewhere is accepted on its first use.
    const Keys::IssuedKey second = Keys::issueKey(QStringLiteral("b"), QDateTime::currentDateTimeUtc());
    QVERIFY(cli.insert(second.key).ok());
    QCOMPARE(registry.lookup(second.secret.toLatin1()).status, Keys::KeyRegistry::Lookup::Valid);
}

void tst_KeyStore::revokeUnknownKey()
{
    Store::KeyStore store;
    QVERIFY(store.open(dbPath()).ok());
    const Result<bool> result = store.revoke(QStringLiteral("key_nothere"), QDateTime::currentDateTimeUtc());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, QStringLiteral("keys.unknown"));
}

QTEST_GUILESS_MAIN(tst_KeyStore)
#include "tst_keystore.moc"
