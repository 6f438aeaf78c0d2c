// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/keys/keyregistry.h"

#include <QSet>
#include <QTest>

using namespace Switchyard;
using namespace Switchyard::Keys;

namespace {

class FakeSource final : public IKeySource
{
public:
    QList<VirtualKey> keys;
    bool changed = false;
    int loads = 0;
    QList<VirtualKey> loadKeys() override
    {
        ++loads;
        changed = false;
        return keys;
    }
    bool keysChanged() override { return changed; }
};

} // namespace

class tst_KeyRegistry final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void issuedKeysAreRandomAndHashed();
    void lookup();
    void revokedElsewhereIsRefusedAtOnce();
    void allowList();
};

void tst_KeyRegistry::issuedKeysAreRandomAndHashed()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSet<QString> secrets;
    for (int i = 0; i < 50; ++i) {
        const IssuedKey issued = issueKey(QStringLiteral("ci"), now);
        QVERIFY(issued.secret.startsWith(QLatin1String("sy-")));
        QCOMPARE(issued.secret.size(), 3 + 43);
        QVERIFY(isVirtualKey(issued.secret.toLatin1()));
        QCOMPARE(issued.key.hash, hashSecret(issued.secret.toLatin1()));
        QCOMPARE(issued.key.hash.size(), 64);
        QVERIFY(!issued.key.hash.contains(issued.secret.toLatin1()));
        QVERIFY(issued.key.id.startsWith(QLatin1String("key_")));
        QVERIFY(!issued.key.hint.contains(issued.secret.mid(7, 30)));
        secrets.insert(issued.secret);
    }
    QCOMPARE(secrets.size(), 50);
    QVERIFY(!isVirtualKey("sk-proj-abc"));
}

void tst_KeyRegistry::lookup()
{
    FakeSource source;
    const IssuedKey a = issueKey(QStringLiteral("a"), QDateTime::currentDateTimeUtc());
    source.keys = {a.key};
    KeyRegistry registry(&source);
    QCOMPARE(registry.lookup(a.secret.toLatin1()).status, KeyRegistry::Lookup::Valid);
    QCOMPARE(registry.lookup(a.secret.toLatin1()).key.id, a.key.id);
    QCOMPARE(registry.lookup("sy-not-a-key").status, KeyRegistry::Lookup::Unknown);
    QCOMPARE(source.loads, 1); // cached while the source is unchanged
}

void tst_KeyRegistry::revokedElsewhereIsRefusedAtOnce()
{
    FakeSource source;
    const IssuedKey a = issueKey(QStringLiteral("a"), QDateTime::currentDateTimeUtc());
    source.keys = {a.key};
    KeyRegistry registry(&source);
    QCOMPARE(registry.lookup(a.secret.toLatin1()).status, KeyRegistry::Lookup::Valid);
    source.keys.first().revokedAt = QDateTime::currentDateTimeUtc();
    source.changed = true; // another process wrote to the database
    QCOMPARE(registry.lookup(a.secret.toLatin1()).status, KeyRegistry::Lookup::Revoked);
}

void tst_KeyRegistry::allowList()
{
    VirtualKey key;
    QVERIFY(key.allowsModel(QStringLiteral("anything")));
    key.allowedModels = {QStringLiteral("sim-fast"), QStringLiteral("auto")};
    QVERIFY(key.allowsModel(QStringLiteral("auto")));
    QVERIFY(!key.allowsModel(QStringLiteral("sim-gpt")));
}

QTEST_GUILESS_MAIN(tst_KeyRegistry)
#include "tst_keyregistry.moc"
