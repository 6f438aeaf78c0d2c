// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/net/tcpstream.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <sys/socket.h>

#include <memory>

using namespace Switchyard::Net;

namespace {

constexpr int kWaitMs = 5000;

/// Records what a stream reports, and whether a report came from inside the test's own call.
struct Recorder final : TcpStreamHandler
{
    void streamConnected(TcpStream *) override { ++connected; }
    void streamData(TcpStream *, QByteArrayView data) override { received.append(data); }
    void streamDrained(TcpStream *) override { ++drained; }
    void streamClosed(TcpStream *stream) override
    {
        ++closed;
        closedInsideCall = closedInsideCall || insideCall;
        lastError = stream->error();
    }

    int connected = 0;
    int drained = 0;
    int closed = 0;
    bool insideCall = false;
    bool closedInsideCall = false;
    TcpStream::Error lastError = TcpStream::Error::None;
    QByteArray received;
};

/// Keeps accepted descriptors for the test to adopt instead of making QTcpSockets of them.
class DescriptorServer final : public QTcpServer
{
public:
    QList<qintptr> descriptors;

protected:
    void incomingConnection(qintptr descriptor) override { descriptors.append(descriptor); }
};

/// A QTcpSocket client and, on the accepting side, a TcpStream adopting the descriptor.
struct AdoptedPair
{
    DescriptorServer server;
    QTcpSocket client;
    Recorder recorder;
    std::unique_ptr<TcpStream> stream;

    bool open()
    {
        if (!server.listen(QHostAddress::LocalHost))
            return false;
        client.connectToHost(QHostAddress::LocalHost, server.serverPort());
        if (!client.waitForConnected(kWaitMs))
            return false;
        QDeadlineTimer deadline(kWaitMs);
        while (server.descriptors.isEmpty() && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        if (server.descriptors.isEmpty())
            return false;
        stream = std::make_unique<TcpStream>(server.descriptors.first(), &recorder);
        return true;
    }
};

QByteArray pattern(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char('a' + (i * 7 + i / 4096) % 26);
    return bytes;
}

} // namespace

class TcpStreamTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connectsWritesQueuedBytesAndReads();
    void refusedConnectIsReportedFromTheEventLoop();
    void keepsWhatTheKernelRefusesAndDrainsItInOrder();
    void shutdownWriteSendsTheRestThenFin();
    void adoptedSocketReportsPeerCloseAndPausesReading();
    void failedWriteIsReportedLaterAndAbortCancelsIt_data();
    void failedWriteIsReportedLaterAndAbortCancelsIt();
};

void TcpStreamTest::connectsWritesQueuedBytesAndReads()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    Recorder recorder;
    std::unique_ptr<TcpStream> stream(TcpStream::connectTo(QHostAddress::LocalHost, server.serverPort(), &recorder));
    QCOMPARE(stream->state(), TcpStream::State::Connecting);
    stream->write("hello ", "upstream"); // kept until connected

    QVERIFY(server.waitForNewConnection(kWaitMs));
    std::unique_ptr<QTcpSocket> peer(server.nextPendingConnection());
    QTRY_COMPARE_WITH_TIMEOUT(recorder.connected, 1, kWaitMs);
    QCOMPARE(stream->state(), TcpStream::State::Connected);
    QCOMPARE(stream->peerPort(), server.serverPort());
    QCOMPARE(stream->peerAddress(), QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(stream->localPort(), peer->peerPort());

    QByteArray atPeer;
    QTRY_VERIFY_WITH_TIMEOUT((atPeer += peer->readAll()) == "hello upstream", kWaitMs);
    peer->write("and back");
    QTRY_COMPARE_WITH_TIMEOUT(recorder.received, QByteArray("and back"), kWaitMs);
    QCOMPARE(recorder.closed, 0);
}

void TcpStreamTest::refusedConnectIsReportedFromTheEventLoop()
{
    quint16 port = 0;
    {
        QTcpServer probe; // a port that was free a moment ago and has no listener now
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    Recorder recorder;
    recorder.insideCall = true;
    std::unique_ptr<TcpStream> stream(TcpStream::connectTo(QHostAddress::LocalHost, port, &recorder));
    recorder.insideCall = false;
    QTRY_COMPARE_WITH_TIMEOUT(recorder.closed, 1, kWaitMs);
    QVERIFY(!recorder.closedInsideCall);
    QCOMPARE(recorder.lastError, TcpStream::Error::ConnectionRefused);
    QCOMPARE(stream->state(), TcpStream::State::Closed);
    QVERIFY(!stream->errorString().isEmpty());
    QCOMPARE(recorder.connected, 0);
}

void TcpStreamTest::keepsWhatTheKernelRefusesAndDrainsItInOrder()
{
    AdoptedPair pair;
    QVERIFY(pair.open());
    Recorder &recorder = pair.recorder;
    QTcpSocket &client = pair.client;
    TcpStream &stream = *pair.stream;

    // Far more than loopback's socket buffers hold while the client does not read.
    const QByteArray head = "HEAD|";
    const QByteArray body = pattern(16 * 1024 * 1024);
    stream.write(head, body);
    QVERIFY(stream.bytesToWrite() > 0);
    QCOMPARE(recorder.drained, 0);
    stream.write("|TAIL");

    const qsizetype total = head.size() + body.size() + 5;
    QByteArray atClient;
    QTRY_VERIFY_WITH_TIMEOUT((atClient += client.readAll()).size() == total, 4 * kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.drained, 1, kWaitMs);
    QCOMPARE(stream.bytesToWrite(), 0);
    QCOMPARE(QCryptographicHash::hash(atClient, QCryptographicHash::Sha256),
             QCryptographicHash::hash(QByteArray(head + body + "|TAIL"), QCryptographicHash::Sha256));
}

void TcpStreamTest::shutdownWriteSendsTheRestThenFin()
{
    AdoptedPair pair;
    QVERIFY(pair.open());
    Recorder &recorder = pair.recorder;
    QTcpSocket &client = pair.client;
    TcpStream &stream = *pair.stream;

    const QByteArray body = pattern(8 * 1024 * 1024);
    stream.write(body);
    QVERIFY(stream.bytesToWrite() > 0);
    stream.shutdownWrite();
    stream.write("ignored after shutdownWrite");

    QByteArray atClient;
    QTRY_VERIFY_WITH_TIMEOUT((atClient += client.readAll(), client.state() != QAbstractSocket::ConnectedState),
                             4 * kWaitMs);
    atClient += client.readAll();
    QCOMPARE(atClient.size(), body.size());
    QVERIFY(atClient == body);
    // Half-closed only: the stream went on reading and saw the client's own close (QTcpSocket
    // closes on EOF) as the peer's.
    QTRY_COMPARE_WITH_TIMEOUT(recorder.closed, 1, kWaitMs);
    QCOMPARE(recorder.lastError, TcpStream::Error::RemoteClosed);
}

void TcpStreamTest::adoptedSocketReportsPeerCloseAndPausesReading()
{
    AdoptedPair pair;
    QVERIFY(pair.open());
    Recorder &recorder = pair.recorder;
    QTcpSocket &client = pair.client;
    TcpStream &stream = *pair.stream;
    QCOMPARE(stream.peerPort(), client.localPort());
    QCOMPARE(stream.localPort(), pair.server.serverPort());

    stream.setReading(false);
    client.write("while paused");
    QVERIFY(client.waitForBytesWritten(kWaitMs));
    // The bytes are in the kernel; a paused stream must not take them. Run the loop a while.
    for (int i = 0; i < 20; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    QCOMPARE(recorder.received, QByteArray());
    stream.setReading(true);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.received, QByteArray("while paused"), kWaitMs);

    client.disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.closed, 1, kWaitMs);
    QCOMPARE(recorder.lastError, TcpStream::Error::RemoteClosed);
    QCOMPARE(stream.state(), TcpStream::State::Closed);
}

void TcpStreamTest::failedWriteIsReportedLaterAndAbortCancelsIt_data()
{
    QTest::addColumn<bool>("abortAfterFailure");
    QTest::newRow("reported") << false;
    QTest::newRow("aborted") << true;
}

void TcpStreamTest::failedWriteIsReportedLaterAndAbortCancelsIt()
{
    QFETCH(bool, abortAfterFailure);
    AdoptedPair pair;
    QVERIFY(pair.open());
    Recorder &recorder = pair.recorder;
    QTcpSocket &client = pair.client;
    TcpStream &stream = *pair.stream;
    stream.setReading(false); // the reset must be found by a write, not by a read

    // Linger 0: closing resets the connection instead of a FIN.
    const linger resetOnClose{1, 0};
    QCOMPARE(::setsockopt(int(client.socketDescriptor()), SOL_SOCKET, SO_LINGER, &resetOnClose, sizeof resetOnClose), 0);
    client.close();

    bool failedInWrite = false;
    for (int attempt = 0; attempt < 200 && !failedInWrite; ++attempt) {
        recorder.insideCall = true;
        stream.write("x");
        recorder.insideCall = false;
        failedInWrite = stream.state() == TcpStream::State::Closed;
        if (!failedInWrite)
            QTest::qWait(5); // the reset is on its way through loopback
    }
    QVERIFY(failedInWrite);
    QCOMPARE(recorder.closed, 0); // not from inside write()
    if (abortAfterFailure) {
        stream.abort();
        QCoreApplication::processEvents(); // runs the queued report, which abort() cancelled
        QCOMPARE(recorder.closed, 0);
        return;
    }
    QTRY_COMPARE_WITH_TIMEOUT(recorder.closed, 1, kWaitMs);
    QVERIFY(!recorder.closedInsideCall);
    QCOMPARE(recorder.lastError, TcpStream::Error::ConnectionReset);
}

QTEST_GUILESS_MAIN(TcpStreamTest)
#include "tst_tcpstream.moc"
