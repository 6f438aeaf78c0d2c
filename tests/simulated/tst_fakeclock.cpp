// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/support/fakeclock.h"

#include <QTest>
#include <QTimeZone>

using Switchyard::Testing::FakeClock;

class tst_FakeClock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsAtAFixedInstant()
    {
        const FakeClock clock;
        QCOMPARE(clock.now(), QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc()));
        QCOMPARE(clock.monotonicMs(), 0);
    }

    void advanceMovesBothClocks()
    {
        FakeClock clock;
        clock.advance(1500);
        QCOMPARE(clock.monotonicMs(), 1500);
        QCOMPARE(clock.now(), QDateTime(QDate(2026, 1, 1), QTime(0, 0, 1, 500), QTimeZone::utc()));
        clock.advance(-10); // monotonic time never goes backwards
        QCOMPARE(clock.monotonicMs(), 1500);
    }

    void setNowCrossesDayEdgesWithoutTouchingMonotonic()
    {
        FakeClock clock;
        clock.advance(20);
        clock.setNow(QDateTime(QDate(2026, 1, 31), QTime(23, 59, 59), QTimeZone::utc()));
        clock.advance(1000);
        QCOMPARE(clock.now().date(), QDate(2026, 2, 1));
        QCOMPARE(clock.now().timeSpec(), Qt::UTC);
        QCOMPARE(clock.monotonicMs(), 1020);
    }
};

QTEST_GUILESS_MAIN(tst_FakeClock)
#include "tst_fakeclock.moc"
