// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/telemetry/logbus.h"

#include <QSignalSpy>
#include <QTest>

using namespace Switchyard;

/// The window's feed: however busy the gateway, records arrive once per interval, in order.
class tst_LogBus final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aBurstArrivesAtTheIntervalInBatches();
    void flushEmitsAtOnce();
};

namespace {

LogRecord record(int sequence)
{
    LogRecord r;
    r.sequence = sequence;
    r.requestId = QStringLiteral("req_%1").arg(sequence);
    return r;
}

} // namespace

void tst_LogBus::aBurstArrivesAtTheIntervalInBatches()
{
    Telemetry::LogBus bus(nullptr, 50, 256);
    QSignalSpy spy(&bus, &Telemetry::LogBus::recordsAppended);
    for (int i = 1; i <= 1000; ++i)
        bus.publish(record(i));
    QCOMPARE(spy.count(), 0); // nothing before the interval, however many records

    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.count(), 4); // 256 + 256 + 256 + 232, back to back
    qint64 expected = 1;
    for (const QList<QVariant> &arguments : std::as_const(spy)) {
        const LogRecordList batch = arguments.at(0).value<LogRecordList>();
        QVERIFY(batch.size() <= 256);
        for (const LogRecord &r : batch)
            QCOMPARE(r.sequence, expected++);
    }
    QCOMPARE(expected, 1001);
}

void tst_LogBus::flushEmitsAtOnce()
{
    Telemetry::LogBus bus(nullptr, 60'000, 256);
    QSignalSpy spy(&bus, &Telemetry::LogBus::recordsAppended);
    bus.publish(record(1));
    bus.publish(record(2));
    bus.flush();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<LogRecordList>().size(), 2);
    bus.flush(); // nothing left
    QCOMPARE(spy.count(), 1);
}

QTEST_GUILESS_MAIN(tst_LogBus)
#include "tst_logbus.moc"
