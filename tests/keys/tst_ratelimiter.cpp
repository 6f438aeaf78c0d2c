// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/keys/ratelimiter.h"
#include "tests/support/fakeclock.h"

#include <QTest>

using namespace Switchyard;
using namespace Switchyard::Keys;

class tst_RateLimiter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unlimitedAlwaysPasses();
    void requestsPerMinute();
    void refillIsContinuous();
    void tokensPerMinuteWithCorrection();
    void headers();
    void formatDuration_data();
    void formatDuration();
};

void tst_RateLimiter::unlimitedAlwaysPasses()
{
    Testing::FakeClock clock;
    RateLimiter limiter(&clock);
    for (int i = 0; i < 1000; ++i)
        QVERIFY(limiter.admit(QStringLiteral("k"), {}, 1'000'000).allowed);
    QVERIFY(limiter.admit(QStringLiteral("k"), {}, 0).headers().isEmpty());
}

void tst_RateLimiter::requestsPerMinute()
{
    Testing::FakeClock clock;
    RateLimiter limiter(&clock);
    const RateLimits limits{3, 0};
    for (int i = 0; i < 3; ++i) {
        const RateDecision d = limiter.admit(QStringLiteral("k"), limits, 10);
        QVERIFY(d.allowed);
        QCOMPARE(d.remainingRequests, 2 - i);
    }
    const RateDecision refused = limiter.admit(QStringLiteral("k"), limits, 10);
    QVERIFY(!refused.allowed);
    QCOMPARE(refused.exceeded, QStringLiteral("requests"));
    QCOMPARE(refused.retryAfterMs, 20'000); // one request every 20 s at 3 RPM
    // Another key has its own bucket.
    QVERIFY(limiter.admit(QStringLiteral("other"), limits, 10).allowed);
}

void tst_RateLimiter::refillIsContinuous()
{
    Testing::FakeClock clock;
    RateLimiter limiter(&clock);
    const RateLimits limits{60, 0};
    for (int i = 0; i < 60; ++i)
        QVERIFY(limiter.admit(QStringLiteral("k"), limits, 0).allowed);
    QVERIFY(!limiter.admit(QStringLiteral("k"), limits, 0).allowed);
    clock.advance(999);
    QVERIFY(!limiter.admit(QStringLiteral("k"), limits, 0).allowed);
    clock.advance(1);
    QVERIFY(limiter.admit(QStringLiteral("k"), limits, 0).allowed);
    clock.advance(3'600'000); // never more than the limit after a long pause
    QCOMPARE(limiter.admit(QStringLiteral("k"), limits, 0).remainingRequests, 59);
}

void tst_RateLimiter::tokensPerMinuteWithCorrection()
{
    Testing::FakeClock clock;
    RateLimiter limiter(&clock);
    const RateLimits limits{0, 1000};
    QVERIFY(limiter.admit(QStringLiteral("k"), limits, 600).allowed);
    const RateDecision refused = limiter.admit(QStringLiteral("k"), limits, 600);
    QVERIFY(!refused.allowed);
    QCOMPARE(refused.exceeded, QStringLiteral("tokens"));
    QCOMPARE(refused.remainingTokens, 400);
    QCOMPARE(refused.retryAfterMs, 12'000); // 200 tokens at 1000/min
    // The first request used only 100 tokens: 500 come back.
    limiter.correct(QStringLiteral("k"), limits, 600, 100);
    QVERIFY(limiter.admit(QStringLiteral("k"), limits, 600).allowed);
    // A request larger than the whole minute's budget takes the full bucket, not a refusal forever.
    clock.advance(60'000);
    QVERIFY(limiter.admit(QStringLiteral("k"), limits, 5000).allowed);
}

void tst_RateLimiter::headers()
{
    Testing::FakeClock clock;
    RateLimiter limiter(&clock);
    const RateLimits limits{2, 100};
    limiter.admit(QStringLiteral("k"), limits, 50);
    limiter.admit(QStringLiteral("k"), limits, 50);
    const RateDecision d = limiter.admit(QStringLiteral("k"), limits, 50);
    const HttpHeaders h = d.headers();
    QCOMPARE(headerValue(h, "x-ratelimit-limit-requests"), QByteArray("2"));
    QCOMPARE(headerValue(h, "x-ratelimit-remaining-requests"), QByteArray("0"));
    QCOMPARE(headerValue(h, "x-ratelimit-reset-requests"), QByteArray("1m0s"));
    QCOMPARE(headerValue(h, "x-ratelimit-limit-tokens"), QByteArray("100"));
    QCOMPARE(headerValue(h, "x-ratelimit-remaining-tokens"), QByteArray("0"));
    QCOMPARE(headerValue(h, "retry-after"), QByteArray("30"));
    QCOMPARE(headerValue(h, "retry-after-ms"), QByteArray("30000"));
}

void tst_RateLimiter::formatDuration_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("zero") << qint64(0) << QByteArray("0ms");
    QTest::newRow("ms") << qint64(20) << QByteArray("20ms");
    QTest::newRow("rounds up to s") << qint64(1001) << QByteArray("2s");
    QTest::newRow("minutes") << qint64(360'000) << QByteArray("6m0s");
    QTest::newRow("minutes and seconds") << qint64(61'500) << QByteArray("1m2s");
}

void tst_RateLimiter::formatDuration()
{
    QFETCH(qint64, ms);
    QFETCH(QByteArray, text);
    QCOMPARE(RateLimiter::formatDuration(ms), text);
}

QTEST_GUILESS_MAIN(tst_RateLimiter)
#include "tst_ratelimiter.moc"
