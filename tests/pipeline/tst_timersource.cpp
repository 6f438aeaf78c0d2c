// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
// The timer sources request timeouts run on: the real one (QBasicTimer on the event loop) and
// FakeClock, which runs its callbacks when advanced.
#include "core/common/timers.h"
#include "tests/support/fakeclock.h"

#include <QTest>

using namespace Switchyard;
using Switchyard::Testing::FakeClock;

class tst_TimerSource final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void systemFiresOnceFromTheEventLoop();
    void systemCancelledByDroppingTheHandle();
    void systemHandleMayBeDroppedByItsCallback();
    void fakeFiresInDueOrder_data();
    void fakeFiresInDueOrder();
    void fakeCancelAndReschedule();
};

void tst_TimerSource::systemFiresOnceFromTheEventLoop()
{
    int fired = 0;
    TimerHandle handle = SystemTimerSource::instance()->schedule(0, [&fired] { ++fired; });
    QCOMPARE(fired, 0); // never from inside schedule()
    QTRY_COMPARE_WITH_TIMEOUT(fired, 1, 5000);
    QCoreApplication::processEvents();
    QCOMPARE(fired, 1);
}

void tst_TimerSource::systemCancelledByDroppingTheHandle()
{
    int cancelled = 0;
    int sentinel = 0;
    TimerHandle handle = SystemTimerSource::instance()->schedule(0, [&cancelled] { ++cancelled; });
    handle.reset();
    // A later-scheduled timer firing proves the event loop ran past the cancelled one.
    TimerHandle later = SystemTimerSource::instance()->schedule(1, [&sentinel] { ++sentinel; });
    QTRY_COMPARE_WITH_TIMEOUT(sentinel, 1, 5000);
    QCOMPARE(cancelled, 0);
}

void tst_TimerSource::systemHandleMayBeDroppedByItsCallback()
{
    TimerHandle handle;
    bool fired = false;
    handle = SystemTimerSource::instance()->schedule(0, [&] {
        handle.reset();
        fired = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(fired, 5000);
    QVERIFY(!handle);
}

void tst_TimerSource::fakeFiresInDueOrder_data()
{
    QTest::addColumn<QList<int>>("dues");
    QTest::addColumn<int>("advanceMs");
    QTest::addColumn<QList<int>>("order"); ///< indexes into dues, in firing order
    QTest::newRow("none due yet") << QList<int>{100, 200} << 99 << QList<int>{};
    QTest::newRow("exactly due") << QList<int>{100, 200} << 100 << QList<int>{0};
    QTest::newRow("out of schedule order") << QList<int>{300, 100, 200} << 1000 << QList<int>{1, 2, 0};
    QTest::newRow("ties in schedule order") << QList<int>{50, 50, 10} << 50 << QList<int>{2, 0, 1};
    QTest::newRow("zero delay on advance(0)") << QList<int>{0, 1} << 0 << QList<int>{0};
}

void tst_TimerSource::fakeFiresInDueOrder()
{
    QFETCH(QList<int>, dues);
    QFETCH(int, advanceMs);
    QFETCH(QList<int>, order);
    FakeClock clock;
    QList<int> fired;
    QList<qint64> firedAt;
    std::vector<TimerHandle> handles;
    for (int i = 0; i < dues.size(); ++i) {
        handles.push_back(clock.schedule(dues[i], [&, i] {
            fired.append(i);
            firedAt.append(clock.monotonicMs());
        }));
    }
    QCOMPARE(clock.pendingTimers(), int(dues.size()));
    clock.advance(advanceMs);
    QCOMPARE(fired, order);
    for (int i = 0; i < fired.size(); ++i) {
        QCOMPARE(firedAt[i], qint64(dues[fired[i]])); // the clock reads the due time
    }
    QCOMPARE(clock.monotonicMs(), qint64(advanceMs));
    QCOMPARE(clock.pendingTimers(), int(dues.size() - order.size()));
}

void tst_TimerSource::fakeCancelAndReschedule()
{
    FakeClock clock;
    QStringList log;
    TimerHandle a = clock.schedule(10, [&] { log.append(QStringLiteral("a")); });
    TimerHandle b;
    TimerHandle c = clock.schedule(20, [&] {
        log.append(QStringLiteral("c"));
        // Scheduled from a callback and due within the same advance: runs too.
        b = clock.schedule(5, [&] { log.append(QStringLiteral("b@%1").arg(clock.monotonicMs())); });
    });
    a.reset();
    QCOMPARE(clock.pendingTimers(), 1);
    QCOMPARE(clock.msUntilNextTimer(), qint64(20));
    clock.advance(30);
    QCOMPARE(log, (QStringList{QStringLiteral("c"), QStringLiteral("b@25")}));
    QCOMPARE(clock.pendingTimers(), 0);
    QCOMPARE(clock.msUntilNextTimer(), qint64(-1));
    c.reset(); // dropping a fired handle is harmless
    b.reset();
    // A handle may outlive its clock.
    TimerHandle orphan;
    {
        FakeClock shortLived;
        orphan = shortLived.schedule(1, [] {});
    }
    orphan.reset();
}

QTEST_GUILESS_MAIN(tst_TimerSource)
#include "tst_timersource.moc"
