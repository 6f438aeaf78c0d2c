// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QProcess;
class QTcpSocket;
QT_END_NAMESPACE

namespace Switchyard::Testing::Internal {
class MockServerBase;
}

/// Checks the OpenAI, Anthropic and Gemini mock tests share. Each one reports through QVERIFY/
/// QCOMPARE, so call it from a test function (or init()); a failure is recorded there.
namespace Switchyard::Testing::MockServerTest {

/// Listens on a free 127.0.0.1 port and checks baseUrl() is `http://127.0.0.1:<port><basePath>`.
void verifyListening(Internal::MockServerBase &server, const QString &basePath = {});
/// Connects `socket` to `server`, sends `request`, and checks the server received it yet sent
/// nothing back within 200 ms (the Hang fault).
void verifyNoAnswer(Internal::MockServerBase &server, QTcpSocket &socket, const QByteArray &request);
/// Checks that connecting to 127.0.0.1:`port` is refused (the RefuseConnection fault).
void verifyRefused(quint16 port);
/// Starts `program --port 0 <extraArguments>` and reads its first line, which must be
/// `<name> listening on http://127.0.0.1:<port>\n`; `*port` gets the port (0 on failure).
void startExecutable(QProcess &process, const QString &program, const QStringList &extraArguments,
                     const QByteArray &name, quint16 *port);
/// Terminates a process started by startExecutable() and checks it exits cleanly.
void stopExecutable(QProcess &process);

} // namespace Switchyard::Testing::MockServerTest
