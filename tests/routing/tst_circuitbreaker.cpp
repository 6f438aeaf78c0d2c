// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/routing/circuitbreaker.h"
#include "tests/support/fakeclock.h"

#include <QTest>

using namespace Switchyard;
using namespace Switchyard::Routing;

Q_DECLARE_METATYPE(BreakerState)

namespace {

const QString P = QStringLiteral("openai");

CircuitBreakerSettings defaults()
{
    CircuitBreakerSettings s;
    s.consecutiveFailures = 5;
    s.windowSize = 10;
    s.minWindowSamples = 10;
    s.failureRatio = 0.5;
    s.coolDownMs = 30'000;
    s.backoffFactor = 2;
    s.maxCoolDownMs = 100'000;
    s.probeTimeoutMs = 60'000;
    return s;
}

void trip(CircuitBreaker &breaker)
{
    for (int i = 0; i < 5; ++i) {
        breaker.onFailure(P);
    }
}

} // namespace

class tst_CircuitBreaker final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opening_data();
    void opening();
    void coolDownThenSingleProbe();
    void probeSuccessCloses();
    void probeFailureReopensWithBackoff();
    void retryAfter_data();
    void retryAfter();
    void retryAfterExtendsOpenCircuit();
    void lostProbeFreesTheSlot();
    void lateSuccessDoesNotCloseEarly();
    void reasons();
    void providersAreSeparate();
};

void tst_CircuitBreaker::opening_data()
{
    QTest::addColumn<QString>("outcomes"); ///< F = failure, S = success, in order
    QTest::addColumn<BreakerState>("expected");

    QTest::newRow("no traffic stays closed") << QString() << BreakerState::Closed;
    QTest::newRow("4 failures stay closed") << QStringLiteral("FFFF") << BreakerState::Closed;
    QTest::newRow("5 consecutive failures open") << QStringLiteral("FFFFF") << BreakerState::Open;
    QTest::newRow("a success resets the run") << QStringLiteral("FFFFSFFFF")
                                              << BreakerState::Closed;
    QTest::newRow("ratio over a full window opens") << QStringLiteral("SFSFSFSSFF")
                                                    << BreakerState::Open;
    QTest::newRow("ratio below threshold stays closed") << QStringLiteral("FSSFSSFSSFSS")
                                                        << BreakerState::Closed;
    QTest::newRow("ratio needs a full window") << QStringLiteral("FSFSF") << BreakerState::Closed;
}

void tst_CircuitBreaker::opening()
{
    QFETCH(QString, outcomes);
    QFETCH(BreakerState, expected);

    Testing::FakeClock clock;
    CircuitBreaker breaker(clock, defaults());
    for (const QChar c : std::as_const(outcomes)) {
        QVERIFY(breaker.allow(P));
        if (c == u'F') {
            breaker.onFailure(P);
        } else {
            breaker.onSuccess(P);
        }
        clock.advance(100);
    }
    QCOMPARE(breaker.state(P), expected);
    QCOMPARE(breaker.allow(P), expected != BreakerState::Open);
}

void tst_CircuitBreaker::coolDownThenSingleProbe()
{
    Testing::FakeClock clock;
    CircuitBreaker breaker(clock, defaults());
    trip(breaker);
    QCOMPARE(breaker.state(P), BreakerState::Open);
    QCOMPARE(breaker.openUntilMs(P), 30'000);
    clock.advance(29'999);
    QVERIFY(!breaker.allow(P));
    clock.advance(1);
    QCOMPARE(breaker.state(P), BreakerState::HalfOpen);
    QVERIFY(breaker.allow(P));  // the probe
    QVERIFY(!breaker.allow(P)); // everyone else waits for it
    QVERIFY(!breaker.allow(P));
    QCOMPARE(breaker.state(P), BreakerState::HalfOpen);
}

void tst_CircuitBreaker::probeSuccessCloses()
{
    Testing::FakeClock clock;
    CircuitBreaker breaker(clock, defaults());
    trip(breaker);
    clock.advance(30'000);
    QVERIFY(breaker.allow(P));
    breaker.onSuccess(P);
    QCOMPARE(breaker.state(P), BreakerState::Closed);
    QVERIFY(breaker.allow(P));
    QVERIFY(breaker.allow(P));
    // The failure count started over: four more failures do not re-open it.
    for (int i = 0; i < 4; ++i) {
        breaker.onFailure(P);
    }
    QCOMPARE(breaker.state(P), BreakerState::Closed);
}

void tst_CircuitBreaker::probeFailureReopensWithBackoff()
{
    Testing::FakeClock clock;
    CircuitBreaker breaker(clock, defaults());
    trip(breaker);
    const QList<qint64> expectedCoolDowns{60'000, 100'000, 100'000}; // doubled, then capped
    clock.advance(30'000);
    for (const qint64 coolDown : expectedCoolDowns) {
        QVERIFY(breaker.allow(P));
        breaker.onFailure(P);
        QCOMPARE(breaker.state(P), BreakerState::Open);
        QCOMPARE(breaker.openUntilMs(P), clock.monotonicMs() + coolDown);
        clock.advance(coolDown - 1);
        QVERIFY(!breaker.allow(P));
        clock.advance(1);
        QCOMPARE(breaker.state(P), BreakerState::HalfOpen);
    }
    // A good probe resets the backoff: the next trip waits the base cool-down again.
    QVERIFY(breaker.allow(P));
    breaker.onSuccess(P);
    trip(breaker);
    QCOMPARE(breaker.openUntilMs(P), clock.monotonicMs() + 30'000);
}

void tst_CircuitBreaker::retryAfter_data()
{
    QTest::addColumn<int>("failuresBefore");
    QTest::addColumn<qint64>("retryAfterMs");
    QTest::addColumn<qint64>("openForMs");

    QTest::newRow("one 429 with retry-after opens at once") << 0 << qint64(45'000) << qint64(45'000);
    QTest::newRow("short retry-after is honoured exactly") << 2 << qint64(1'500) << qint64(1'500);
    QTest::newRow("retry-after longer than the cool-down wins") << 4 << qint64(90'000)
                                                                << qint64(90'000);
    QTest::newRow("cool-down longer than retry-after wins") << 4 << qint64(5'000)
                                                            << qint64(30'000);
    QTest::newRow("zero retry-after does not open") << 0 << qint64(0) << qint64(0);
}

void tst_CircuitBreaker::retryAfter()
{
    QFETCH(int, failuresBefore);
    QFETCH(qint64, retryAfterMs);
    QFETCH(qint64, openForMs);

    Testing::FakeClock clock;
    CircuitBreaker breaker(clock, defaults());
    for (int i = 0; i < failuresBefore; ++i) {
        breaker.onFailure(P);
    }
    breaker.onFailure(P, retryAfterMs);
    if (openForMs == 0) {
        QCOMPARE(breaker.state(P), BreakerState::Closed);
        return;
    }
    QCOMPARE(breaker.state(P), BreakerState::Open);
    clock.advance(openForMs - 1);
    QVERIFY(!breaker.allow(P));
    clock.advance(1);
    QVERIFY(breaker.allow(P));
    QCOMPARE(breaker.state(P), BreakerState::HalfOpen);
}

void tst_CircuitBreaker::retryAfterExtendsOpenCircuit()
{
    Testing::FakeClock clock;
    CircuitBreaker breaker(clock, defaults());
    trip(breaker);
    clock.advance(10'000);
    breaker.onFailure(P, 60'000); // an in-flight request came back with a longer retry-after
    QCOMPARE(breaker.openUntilMs(P), 70'000);
    breaker.onFailure(P, 1'000);  // a shorter one never shortens it
    QCOMPARE(breaker.openUntilMs(P), 70'000);
    QVERIFY(breaker.reason(P).contains(QLatin1String("retry")));
}

void tst_CircuitBreaker::lostProbeFreesTheSlot()
{
    Testing::FakeClock clock;
    CircuitBreaker breaker(clock, defaults());
    trip(breaker);
    clock.advance(30'000);
    QVERIFY(breaker.allow(P));
    clock.advance(59'999);
    QVERIFY(!breaker.allow(P));
    clock.advance(1);
    QVERIFY(breaker.allow(P)); // the first probe never reported; a new one may go
}

void tst_CircuitBreaker::lateSuccessDoesNotCloseEarly()
{
    Testing::FakeClock clock;
    CircuitBreaker breaker(clock, defaults());
    trip(breaker);
    breaker.onSuccess(P); // a request that started before the circuit opened
    QCOMPARE(breaker.state(P), BreakerState::Open);
}

void tst_CircuitBreaker::reasons()
{
    const QDateTime start(QDate(2026, 3, 4), QTime(12, 1, 3), Qt::UTC);
    Testing::FakeClock clock(start);
    CircuitBreaker breaker(clock, defaults());
    QCOMPARE(breaker.reason(P), QStringLiteral("circuit closed"));
    breaker.onFailure(P);
    QVERIFY(breaker.reason(P).contains(QLatin1String("1 consecutive")));
    for (int i = 0; i < 4; ++i) {
        breaker.onFailure(P);
    }
    clock.advance(18'000);
    const QString since = start.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
    QCOMPARE(breaker.reason(P),
             QStringLiteral("circuit open since %1 after 5 failures; half-opens in 12 s").arg(since));
    clock.advance(12'000);
    QVERIFY(breaker.reason(P).contains(QLatin1String("next request is a probe")));
    QVERIFY(breaker.allow(P));
    QVERIFY(breaker.reason(P).contains(QLatin1String("in flight")));
    breaker.onFailure(P);
    QVERIFY(breaker.reason(P).contains(QLatin1String("failed half-open probe")));
    QVERIFY(breaker.reason(P).contains(QLatin1String("half-opens in 60 s")));
    QCOMPARE(CircuitBreaker::stateName(breaker.state(P)), QStringLiteral("open"));
}

void tst_CircuitBreaker::providersAreSeparate()
{
    Testing::FakeClock clock;
    CircuitBreaker breaker(clock, defaults());
    trip(breaker);
    QVERIFY(!breaker.allow(P));
    QVERIFY(breaker.allow(QStringLiteral("anthropic")));
    QCOMPARE(breaker.state(QStringLiteral("anthropic")), BreakerState::Closed);
    breaker.reset(P);
    QVERIFY(breaker.allow(P));
}

QTEST_GUILESS_MAIN(tst_CircuitBreaker)
#include "tst_circuitbreaker.moc"
