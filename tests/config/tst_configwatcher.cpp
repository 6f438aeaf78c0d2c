// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/config/configwatcher.h"

#include <QFile>
#include <QSaveFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Switchyard::Config;

namespace {

constexpr int kWaitMs = 5000;

QByteArray configWithPort(int port)
{
    return QByteArray(R"({"server":{"port":)") + QByteArray::number(port)
           + R"(},"providers":[{"id":"sim","kind":"simulated"}],"models":[{"id":"m","provider":"sim"}],)"
             R"("routes":[{"name":"auto","strategy":"fallback","targets":["m"]}]})";
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return false;
    }
    const bool ok = file.write(content) == content.size();
    file.close();
    return ok;
}

ConfigSnapshot lastSnapshot(const QSignalSpy &spy)
{
    return spy.last().at(0).value<ConfigSnapshot>();
}

} // namespace

class tst_ConfigWatcher final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void modifyInPlace();
    void invalidThenFixed();
    void replaceByRename();
    void atomicSaveAndIdenticalContent();
    void fileCreatedLater();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void tst_ConfigWatcher::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("config.json"));
}

void tst_ConfigWatcher::modifyInPlace()
{
    QVERIFY(writeFile(m_path, configWithPort(1111)));
    ConfigWatcher watcher(m_path, QProcessEnvironment());
    QSignalSpy changed(&watcher, &ConfigWatcher::configChanged);
    watcher.start();

    QVERIFY(writeFile(m_path, configWithPort(2222)));
    QVERIFY(changed.wait(kWaitMs));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(lastSnapshot(changed)->server.port, quint16(2222));
    QCOMPARE(lastSnapshot(changed)->version, quint64(2));

    QVERIFY(writeFile(m_path, configWithPort(3333)));
    QVERIFY(changed.wait(kWaitMs));
    QCOMPARE(lastSnapshot(changed)->server.port, quint16(3333));
    QCOMPARE(lastSnapshot(changed)->version, quint64(3));
    QCOMPARE(watcher.version(), quint64(3));
}

void tst_ConfigWatcher::invalidThenFixed()
{
    QVERIFY(writeFile(m_path, configWithPort(1111)));
    ConfigWatcher watcher(m_path, QProcessEnvironment());
    QSignalSpy changed(&watcher, &ConfigWatcher::configChanged);
    QSignalSpy rejected(&watcher, &ConfigWatcher::configRejected);
    watcher.start();

    QVERIFY(writeFile(m_path, QByteArray("{\"server\": {\"port\": }")));
    QVERIFY(rejected.wait(kWaitMs));
    const QString message = rejected.last().at(0).toString();
    QVERIFY2(message.contains(QStringLiteral("config.json:1:")), qPrintable(message));
    QVERIFY(changed.isEmpty());

    QVERIFY(writeFile(m_path, configWithPort(70000)));
    QVERIFY(rejected.wait(kWaitMs));
    QVERIFY2(rejected.last().at(0).toString().contains(QStringLiteral("$.server.port")),
             qPrintable(rejected.last().at(0).toString()));

    QVERIFY(writeFile(m_path, configWithPort(4444)));
    QVERIFY(changed.wait(kWaitMs));
    QCOMPARE(lastSnapshot(changed)->server.port, quint16(4444));
    QCOMPARE(lastSnapshot(changed)->version, quint64(2));
    QCOMPARE(rejected.size(), 2);
}

void tst_ConfigWatcher::replaceByRename()
{
    QVERIFY(writeFile(m_path, configWithPort(1111)));
    ConfigWatcher watcher(m_path, QProcessEnvironment());
    QSignalSpy changed(&watcher, &ConfigWatcher::configChanged);
    watcher.start();

    // QFile::rename refuses to overwrite, so replace the way many editors do: remove, rename.
    const QString temp = m_dir->filePath(QStringLiteral("config.json.tmp"));
    QVERIFY(writeFile(temp, configWithPort(5555)));
    QVERIFY(QFile::remove(m_path));
    QVERIFY(QFile::rename(temp, m_path));
    QVERIFY(changed.wait(kWaitMs));
    QCOMPARE(lastSnapshot(changed)->server.port, quint16(5555));

    // The watch survives the replacement: a later in-place edit is still seen.
    QVERIFY(writeFile(m_path, configWithPort(6666)));
    QVERIFY(changed.wait(kWaitMs));
    QCOMPARE(lastSnapshot(changed)->server.port, quint16(6666));
}

void tst_ConfigWatcher::atomicSaveAndIdenticalContent()
{
    QVERIFY(writeFile(m_path, configWithPort(1111)));
    ConfigWatcher watcher(m_path, QProcessEnvironment());
    QSignalSpy changed(&watcher, &ConfigWatcher::configChanged);
    QSignalSpy rejected(&watcher, &ConfigWatcher::configRejected);
    watcher.start();

    // QSaveFile writes a temp file and rename(2)s it over the original in one step.
    QSaveFile save(m_path);
    QVERIFY(save.open(QIODevice::WriteOnly));
    save.write(configWithPort(7777));
    QVERIFY(save.commit());
    QVERIFY(changed.wait(kWaitMs));
    QCOMPARE(lastSnapshot(changed)->server.port, quint16(7777));

    // Rewriting identical bytes is not a change: nothing is emitted within the bounded wait.
    QVERIFY(writeFile(m_path, configWithPort(7777)));
    QVERIFY(!changed.wait(800));
    QCOMPARE(changed.size(), 1);
    QVERIFY(rejected.isEmpty());
}

void tst_ConfigWatcher::fileCreatedLater()
{
    ConfigWatcher watcher(m_path, QProcessEnvironment());
    QSignalSpy changed(&watcher, &ConfigWatcher::configChanged);
    watcher.start();

    QVERIFY(writeFile(m_path, configWithPort(8888)));
    QVERIFY(changed.wait(kWaitMs));
    QCOMPARE(lastSnapshot(changed)->server.port, quint16(8888));
    QCOMPARE(lastSnapshot(changed)->sourcePath, m_path);
}

QTEST_GUILESS_MAIN(tst_ConfigWatcher)
#include "tst_configwatcher.moc"
