// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/keys/peerprocess.h"
#include "core/keys/socketdiag.h"

#include <QFile>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Switchyard;
using namespace Switchyard::Keys;

class tst_PeerProcess final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void socketInode_data();
    void socketInode();
    void namesTheProgramOnTheOtherEnd();
    void kernelLookupMatchesTheTable_data();
    void kernelLookupMatchesTheTable();
    void answerIsKeptPerConnection();
    void nonLoopbackIsNotResolved();
    void socketsSeenInAWalkAreRechecked();
    void newestProcessIsCheckedFirstAcrossAPidWrap();
};

void tst_PeerProcess::socketInode_data()
{
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("remotePort");
    QTest::addColumn<quint64>("inode");
    // Ports are hex: 1CFC = 7420, 9C40 = 40000, 9C41 = 40001.
    QTest::newRow("client side of a connection") << 40000 << 7420 << quint64(111);
    QTest::newRow("server side of it") << 7420 << 40000 << quint64(222);
    QTest::newRow("other connection") << 40001 << 7420 << quint64(333);
    QTest::newRow("absent") << 40002 << 7420 << quint64(0);
    QTest::newRow("listening socket: remote port 0") << 7420 << 0 << quint64(444);
}

void tst_PeerProcess::socketInode()
{
    QFETCH(int, port);
    QFETCH(int, remotePort);
    QFETCH(quint64, inode);
    const QByteArray table =
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
        "   0: 0100007F:1CFC 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 444 1 0\n"
        "   1: 0100007F:9C40 0100007F:1CFC 01 00000000:00000000 00:00000000 00000000  1000        0 111 1 0\n"
        "   2: 0100007F:1CFC 0100007F:9C40 01 00000000:00000000 00:00000000 00000000  1000        0 222 1 0\n"
        "   3: 0100007F:9C41 0100007F:1CFC 01 00000000:00000000 00:00000000 00000000  1000        0 333 1 0\n";
    QCOMPARE(PeerProcessResolver::socketInode(table, quint16(port), quint16(remotePort)), inode);
}

void tst_PeerProcess::namesTheProgramOnTheOtherEnd()
{
#ifndef Q_OS_LINUX
    QSKIP("procfs attribution is Linux-only");
#endif
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QVERIFY(client.waitForConnected(5000));
    QTRY_VERIFY_WITH_TIMEOUT(server.hasPendingConnections(), 5000);
    QTcpSocket *accepted = server.nextPendingConnection();
    QVERIFY(accepted);

    // This test process is both ends: the client socket belongs to this executable.
    PeerProcessResolver resolver;
    const QString app = resolver.applicationFor(accepted->peerAddress(), accepted->peerPort(), server.serverPort());
    QCOMPARE(app, QFileInfo(QCoreApplication::applicationFilePath()).fileName());
}

void tst_PeerProcess::kernelLookupMatchesTheTable_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("table");
    QTest::newRow("IPv4") << QStringLiteral("127.0.0.1") << QStringLiteral("/proc/net/tcp");
    QTest::newRow("IPv6") << QStringLiteral("::1") << QStringLiteral("/proc/net/tcp6");
}

void tst_PeerProcess::kernelLookupMatchesTheTable()
{
#ifndef Q_OS_LINUX
    QSKIP("sock_diag is Linux-only");
#endif
    QFETCH(QString, address);
    QFETCH(QString, table);
    const QHostAddress host(address);
    QTcpServer server;
    if (!server.listen(host, 0))
        QSKIP("no loopback listener for this address family on this machine");
    QTcpSocket client;
    client.connectToHost(host, server.serverPort());
    QVERIFY(client.waitForConnected(5000));
    QTRY_VERIFY_WITH_TIMEOUT(server.hasPendingConnections(), 5000);
    QTcpSocket *accepted = server.nextPendingConnection();
    QVERIFY(accepted);

    QFile file(table);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const quint64 fromTable =
        PeerProcessResolver::socketInode(file.readAll(), accepted->peerPort(), server.serverPort());
    QVERIFY(fromTable != 0);
    // The client socket: bound to the peer port, connected to the server's port.
    QCOMPARE(tcpSocketInode(accepted->peerAddress(), accepted->peerPort(), host, server.serverPort()),
             fromTable);
    // A socket that does not exist is reported as 0, not as some other socket.
    QCOMPARE(tcpSocketInode(accepted->peerAddress(), quint16(accepted->peerPort() ^ 1), host,
                            server.serverPort()),
             quint64(0));
}

void tst_PeerProcess::answerIsKeptPerConnection()
{
#ifndef Q_OS_LINUX
    QSKIP("procfs attribution is Linux-only");
#endif
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    auto client = std::make_unique<QTcpSocket>();
    client->connectToHost(QHostAddress::LocalHost, server.serverPort());
    QVERIFY(client->waitForConnected(5000));
    QTRY_VERIFY_WITH_TIMEOUT(server.hasPendingConnections(), 5000);
    QTcpSocket *accepted = server.nextPendingConnection();
    QVERIFY(accepted);
    const QHostAddress peer = accepted->peerAddress();
    const quint16 peerPort = accepted->peerPort();
    const QString self = QFileInfo(QCoreApplication::applicationFilePath()).fileName();

    PeerProcessResolver resolver;
    QCOMPARE(resolver.applicationFor(peer, peerPort, server.serverPort(), 7), self);
    // Once the client socket is gone only the connection's cached answer can still name it...
    client.reset();
    accepted->abort();
    QCOMPARE(resolver.applicationFor(peer, peerPort, server.serverPort(), 7), self);
    // ...and another connection on the same (now free) port is looked up afresh.
    QCOMPARE(resolver.applicationFor(peer, peerPort, server.serverPort(), 8), QString());
}

void tst_PeerProcess::nonLoopbackIsNotResolved()
{
    PeerProcessResolver resolver;
    QVERIFY(resolver.applicationFor(QHostAddress(QStringLiteral("192.0.2.7")), 40000, 7420).isEmpty());
}

namespace {

/// A fixture /proc in a temporary directory: directories, files and symbolic links by path.
struct FakeProc
{
    QTemporaryDir dir;
    QString root = dir.path();

    bool makeDir(const QString &relative) const { return QDir(root).mkpath(relative); }
    bool write(const QString &relative, const QByteArray &text) const
    {
        QFile file(root + QLatin1Char('/') + relative);
        return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
    }
    bool link(const QString &target, const QString &relative) const
    {
        QFile::remove(root + QLatin1Char('/') + relative);
        return QFile::link(target, root + QLatin1Char('/') + relative);
    }
};

} // namespace

// A fixture /proc: a walk that finds one client socket remembers the owner's other sockets;
// a remembered socket whose fd has since been reused must not be attributed to its old owner.
void tst_PeerProcess::socketsSeenInAWalkAreRechecked()
{
#ifndef Q_OS_UNIX
    QSKIP("the fixture uses symbolic links");
#endif
    FakeProc proc;
    QVERIFY(proc.dir.isValid());
    QVERIFY(proc.makeDir(QStringLiteral("net")) && proc.makeDir(QStringLiteral("100/fd"))
            && proc.makeDir(QStringLiteral("200/fd")));
    // Two clients on ports 0x9C40 and 0x9C41 connected to 0x1CFC (7420): sockets 111 and 222.
    QVERIFY(proc.write(QStringLiteral("net/tcp"),
                       "  sl  local_address rem_address   st tx_queue:rx_queue tr:tm->when retrnsmt   uid  timeout inode\n"
                       "   1: 0100007F:9C40 0100007F:1CFC 01 00000000:00000000 00:00000000 00000000  1000        0 111 1 0\n"
                       "   2: 0100007F:9C41 0100007F:1CFC 01 00000000:00000000 00:00000000 00000000  1000        0 222 1 0\n"));
    QVERIFY(proc.link(QStringLiteral("/usr/bin/alpha"), QStringLiteral("100/exe")));
    QVERIFY(proc.link(QStringLiteral("socket:[111]"), QStringLiteral("100/fd/3")));
    QVERIFY(proc.link(QStringLiteral("socket:[222]"), QStringLiteral("100/fd/4")));
    // An executable replaced since the process started reads "… (deleted)": named without it.
    QVERIFY(proc.link(QStringLiteral("/usr/bin/beta (deleted)"), QStringLiteral("200/exe")));
    QVERIFY(proc.link(QStringLiteral("pipe:[7]"), QStringLiteral("200/fd/3")));

    PeerProcessResolver resolver(proc.root);
    const QHostAddress loopback(QHostAddress::LocalHost);
    QCOMPARE(resolver.applicationFor(loopback, 0x9C40, 0x1CFC), QStringLiteral("alpha"));
    // Socket 222 was seen in that walk; its fd now holds another socket, and 222 belongs to
    // process 200: the remembered place is checked, not trusted.
    QVERIFY(proc.link(QStringLiteral("socket:[999]"), QStringLiteral("100/fd/4")));
    QVERIFY(proc.link(QStringLiteral("socket:[222]"), QStringLiteral("200/fd/5")));
    QCOMPARE(resolver.applicationFor(loopback, 0x9C41, 0x1CFC), QStringLiteral("beta"));
}

// A socket inherited across fork() is in two processes' fd tables; the walk takes the first
// it checks, newest first. After pids wrap, the newest process has the smaller number.
void tst_PeerProcess::newestProcessIsCheckedFirstAcrossAPidWrap()
{
#ifndef Q_OS_UNIX
    QSKIP("the fixture uses symbolic links");
#endif
    FakeProc proc;
    QVERIFY(proc.dir.isValid());
    QVERIFY(proc.makeDir(QStringLiteral("net")) && proc.makeDir(QStringLiteral("sys/kernel"))
            && proc.makeDir(QStringLiteral("120/fd")) && proc.makeDir(QStringLiteral("30000/fd")));
    QVERIFY(proc.write(QStringLiteral("net/tcp"),
                  "  sl  local_address rem_address   st tx_queue:rx_queue tr:tm->when retrnsmt   uid  timeout inode\n"
                  "   1: 0100007F:9C40 0100007F:1CFC 01 00000000:00000000 00:00000000 00000000  1000        0 111 1 0\n"));
    QVERIFY(proc.link(QStringLiteral("/usr/bin/old-parent"), QStringLiteral("30000/exe")));
    QVERIFY(proc.link(QStringLiteral("socket:[111]"), QStringLiteral("30000/fd/7")));
    QVERIFY(proc.link(QStringLiteral("/usr/bin/new-client"), QStringLiteral("120/exe")));
    QVERIFY(proc.link(QStringLiteral("socket:[111]"), QStringLiteral("120/fd/3")));
    QVERIFY(proc.write(QStringLiteral("sys/kernel/pid_max"), "32768\n"));
    const QHostAddress loopback(QHostAddress::LocalHost);

    // Without loadavg the largest pid counts as the newest.
    QCOMPARE(PeerProcessResolver(proc.root).applicationFor(loopback, 0x9C40, 0x1CFC),
             QStringLiteral("old-parent"));
    // The last pid handed out was 150: 120 came after the wrap, 30000 long before it.
    QVERIFY(proc.write(QStringLiteral("loadavg"), "0.05 0.01 0.16 1/87 150\n"));
    QCOMPARE(PeerProcessResolver(proc.root).applicationFor(loopback, 0x9C40, 0x1CFC),
             QStringLiteral("new-client"));
    // Before any wrap (last pid 30010) the larger number is the newer process again.
    QVERIFY(proc.write(QStringLiteral("loadavg"), "0.05 0.01 0.16 1/87 30010\n"));
    QCOMPARE(PeerProcessResolver(proc.root).applicationFor(loopback, 0x9C40, 0x1CFC),
             QStringLiteral("old-parent"));
}

QTEST_GUILESS_MAIN(tst_PeerProcess)
#include "tst_peerprocess.moc"
