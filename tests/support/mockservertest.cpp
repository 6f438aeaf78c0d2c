// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/support/mockservertest.h"

#include "tests/support/mockserverbase.h"

#include <QHostAddress>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

namespace Switchyard::Testing::MockServerTest {

void verifyListening(Internal::MockServerBase &server, const QString &basePath)
{
    QVERIFY(server.listen());
    QVERIFY(server.port() != 0);
    QCOMPARE(server.baseUrl().toString(),
             QStringLiteral("http://127.0.0.1:%1").arg(server.port()) + basePath);
}

void verifyNoAnswer(Internal::MockServerBase &server, QTcpSocket &socket, const QByteArray &request)
{
    QSignalSpy received(&server, &Internal::MockServerBase::requestReceived);
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    socket.write(request);
    QVERIFY(received.wait(5000));
    // Nothing may arrive: a bounded wait is the only way to observe silence.
    QVERIFY(!QTest::qWaitFor([&] { return socket.bytesAvailable() > 0; }, 200));
}

void verifyRefused(quint16 port)
{
    QTcpSocket refused;
    QSignalSpy errors(&refused, &QTcpSocket::errorOccurred);
    refused.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(errors.wait(5000));
    QCOMPARE(refused.error(), QAbstractSocket::ConnectionRefusedError);
}

void startExecutable(QProcess &process, const QString &program, const QStringList &extraArguments,
                     const QByteArray &name, quint16 *port)
{
    *port = 0;
    process.start(program, QStringList{QStringLiteral("--port"), QStringLiteral("0")} + extraArguments);
    QVERIFY(process.waitForStarted(5000));
    QVERIFY(QTest::qWaitFor([&] { return process.canReadLine(); }, 10000));
    const QByteArray line = process.readLine();
    QVERIFY2(line.startsWith(QByteArray(name + " listening on http://127.0.0.1:")), line.constData());
    QVERIFY(line.endsWith("\n"));
    *port = line.mid(line.lastIndexOf(':') + 1).trimmed().toUShort();
    QVERIFY(*port != 0);
}

void stopExecutable(QProcess &process)
{
    process.terminate();
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitCode(), 0);
}

} // namespace Switchyard::Testing::MockServerTest
