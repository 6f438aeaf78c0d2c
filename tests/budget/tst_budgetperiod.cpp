// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/budget/budgetperiod.h"

#include <QTest>

using namespace Switchyard;
using Period = Config::BudgetSettings::Period;

Q_DECLARE_METATYPE(Period)

class tst_BudgetPeriod final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void window_data();
    void window();
    void everyInstantHasExactlyOneWindow();
};

void tst_BudgetPeriod::window_data()
{
    QTest::addColumn<Period>("period");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("now");
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("end");

    QTest::newRow("day, UTC") << Period::Day << "UTC" << "2026-03-10T15:00:00Z"
                              << "2026-03-10T00:00:00Z" << "2026-03-11T00:00:00Z";
    QTest::newRow("day, Berlin winter: local midnight is 23:00 UTC")
        << Period::Day << "Europe/Berlin" << "2026-01-15T23:30:00Z"
        << "2026-01-15T23:00:00Z" << "2026-01-16T23:00:00Z";
    QTest::newRow("day, Berlin before local midnight")
        << Period::Day << "Europe/Berlin" << "2026-01-15T22:59:59Z"
        << "2026-01-14T23:00:00Z" << "2026-01-15T23:00:00Z";
    QTest::newRow("day, Berlin DST start is 23 hours")
        << Period::Day << "Europe/Berlin" << "2026-03-29T12:00:00Z"
        << "2026-03-28T23:00:00Z" << "2026-03-29T22:00:00Z";
    QTest::newRow("day, New York DST end is 25 hours")
        << Period::Day << "America/New_York" << "2026-11-01T12:00:00Z"
        << "2026-11-01T04:00:00Z" << "2026-11-02T05:00:00Z";
    QTest::newRow("week starts Monday (Wed)") << Period::Week << "UTC" << "2026-11-25T10:00:00Z"
                                              << "2026-11-23T00:00:00Z" << "2026-11-30T00:00:00Z";
    QTest::newRow("week, Sunday belongs to the week before")
        << Period::Week << "UTC" << "2026-11-29T23:59:59Z"
        << "2026-11-23T00:00:00Z" << "2026-11-30T00:00:00Z";
    QTest::newRow("week, Monday 00:00 starts a new one")
        << Period::Week << "UTC" << "2026-11-30T00:00:00Z"
        << "2026-11-30T00:00:00Z" << "2026-12-07T00:00:00Z";
    QTest::newRow("month, November") << Period::Month << "UTC" << "2026-11-25T10:00:00Z"
                                     << "2026-11-01T00:00:00Z" << "2026-12-01T00:00:00Z";
    QTest::newRow("month, December rolls into next year")
        << Period::Month << "UTC" << "2026-12-31T23:59:59Z"
        << "2026-12-01T00:00:00Z" << "2027-01-01T00:00:00Z";
    QTest::newRow("month, February in a non-leap year")
        << Period::Month << "UTC" << "2027-02-14T00:00:00Z"
        << "2027-02-01T00:00:00Z" << "2027-03-01T00:00:00Z";
    QTest::newRow("month, Tokyo: already March locally")
        << Period::Month << "Asia/Tokyo" << "2026-02-28T16:00:00Z"
        << "2026-02-28T15:00:00Z" << "2026-03-31T15:00:00Z";
}

void tst_BudgetPeriod::window()
{
    QFETCH(Period, period);
    QFETCH(QString, zone);
    QFETCH(QString, now);
    QFETCH(QString, start);
    QFETCH(QString, end);

    const QTimeZone tz(zone.toUtf8());
    QVERIFY(tz.isValid());
    const Budget::PeriodWindow w = Budget::periodWindow(period, QDateTime::fromString(now, Qt::ISODate), tz);
    QCOMPARE(w.start, QDateTime::fromString(start, Qt::ISODate));
    QCOMPARE(w.end, QDateTime::fromString(end, Qt::ISODate));
    QVERIFY(w.contains(QDateTime::fromString(now, Qt::ISODate)));
}

void tst_BudgetPeriod::everyInstantHasExactlyOneWindow()
{
    // Walk a year in 7-hour steps across DST changes: windows tile time without gaps.
    const QTimeZone tz("Europe/Berlin");
    QDateTime t = QDateTime::fromString(QStringLiteral("2026-01-01T00:00:00Z"), Qt::ISODate);
    for (int i = 0; i < 52 * 24; ++i, t = t.addSecs(7 * 3600)) {
        for (Period p : {Period::Day, Period::Week, Period::Month}) {
            const Budget::PeriodWindow w = Budget::periodWindow(p, t, tz);
            QVERIFY2(w.contains(t), qPrintable(t.toString(Qt::ISODate)));
            QCOMPARE(Budget::periodWindow(p, w.end, tz).start, w.end);
            QCOMPARE(Budget::periodWindow(p, w.start, tz).start, w.start);
        }
    }
}

QTEST_GUILESS_MAIN(tst_BudgetPeriod)
#include "tst_budgetperiod.moc"
