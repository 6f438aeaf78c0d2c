// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
// Connect / first-byte / first-token / total timeouts on an injected timer source (FakeClock),
// through the real dispatcher, upstream provider and HTTP client: the error each timeout
// produces, the failover to the next target, and the circuit breaker's state. The timeouts
// are minutes long, so only the fake clock can fire them: nothing waits on the wall clock.
#include "core/pipeline/dispatcher.h"
#include "core/pipeline/providerregistry.h"
#include "core/pipeline/requestrecorder.h"
#include "core/providers/http/upstreamclient.h"
#include "core/providers/providerfactory.h"
#include "core/routing/circuitbreaker.h"
#include "tests/support/fakeclock.h"
#include "tests/support/stallingupstream.h"
#include "tests/support/recordingwriter.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Switchyard;
using namespace Switchyard::Pipeline;
using Switchyard::Testing::FakeClock;
using Switchyard::Testing::StallingUpstream;

namespace {

constexpr int s_connectMs = 30'000;
constexpr int s_firstByteMs = 60'000;
constexpr int s_firstTokenMs = 45'000;
constexpr int s_totalMs = 600'000;
constexpr qint64 s_coolDownMs = 30'000;

/// A request log that commits each record from the event loop.
class QueuedLog final : public IRequestLog
{
public:
    void append(LogRecord record, QObject *context,
                std::function<void(bool, const QString &)> committed) override
    {
        records.append(record);
        QMetaObject::invokeMethod(context, [committed] { committed(true, {}); },
                                  Qt::QueuedConnection);
    }
    LogRecordList records;
};

} // namespace

class tst_TimeoutFailover final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timeouts_data();
    void timeouts();
};

void tst_TimeoutFailover::timeouts_data()
{
    QTest::addColumn<bool>("stream");
    QTest::addColumn<StallingUpstream::Mode>("mode");
    QTest::addColumn<bool>("waitForRequest"); ///< let p0 receive the request before advancing
    QTest::addColumn<int>("armedMs");         ///< the next timer due once p0 stalled: advance by it
    QTest::addColumn<QString>("error");       ///< in the first attempt's error
    QTest::addColumn<int>("targets");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<bool>("failedOver");

    using Mode = StallingUpstream::Mode;
    const QString connect = QStringLiteral("Timed out connecting");
    const QString firstByte = QStringLiteral("start its response");
    const QString firstToken = QStringLiteral("first_token_timeout_ms");
    const QString total = QStringLiteral("Timed out waiting for the upstream response");
    // Connect: the clock moves before the event loop could complete the TCP connect.
    QTest::newRow("connect timeout, fails over") << false << Mode::Answer << false << s_connectMs
                                                 << connect << 2 << 200 << 2 << true;
    QTest::newRow("connect timeout, stream, fails over") << true << Mode::Answer << false << s_connectMs
                                                         << connect << 2 << 200 << 2 << true;
    QTest::newRow("never answers: first-byte timeout, fails over")
        << false << Mode::Silent << true << s_firstByteMs << firstByte << 2 << 200 << 2 << true;
    QTest::newRow("never answers, stream: first-byte timeout, fails over")
        << true << Mode::Silent << true << s_firstByteMs << firstByte << 2 << 200 << 2 << true;
    QTest::newRow("never answers, last target: 504")
        << false << Mode::Silent << true << s_firstByteMs << firstByte << 1 << 504 << 1 << false;
    QTest::newRow("stream head, no event: first-token timeout, fails over")
        << true << Mode::HeadersOnly << true << s_firstTokenMs << firstToken << 2 << 200 << 2 << true;
    QTest::newRow("head, no body: total timeout, fails over")
        << false << Mode::HeadersOnly << true << s_totalMs << total << 2 << 200 << 2 << true;
    // The role chunk reached the client: the stream has begun, so there is no failover.
    QTest::newRow("role chunk, then nothing: total timeout mid-stream, no failover")
        << true << Mode::RoleChunk << true << s_totalMs << total << 2 << 200 << 1 << false;
}

void tst_TimeoutFailover::timeouts()
{
    QFETCH(bool, stream);
    QFETCH(StallingUpstream::Mode, mode);
    QFETCH(bool, waitForRequest);
    QFETCH(int, armedMs);
    QFETCH(QString, error);
    QFETCH(int, targets);
    QFETCH(int, status);
    QFETCH(int, attempts);
    QFETCH(bool, failedOver);

    QElapsedTimer wall;
    wall.start();
    FakeClock clock;
    Providers::UpstreamClient client;
    client.setTimerSource(&clock);
    StallingUpstream upstreams[2];
    upstreams[0].setMode(mode);
    upstreams[1].setMode(StallingUpstream::Mode::Answer);
    ProviderRegistry registry(&client);
    auto exchange = std::make_unique<Exchange>();
    for (int i = 0; i < targets; ++i) {
        QVERIFY(upstreams[i].listen());
        Config::ProviderSettings settings;
        settings.id = QStringLiteral("p%1").arg(i);
        settings.kind = QStringLiteral("openai");
        settings.baseUrl = upstreams[i].baseUrl();
        settings.apiKey = QStringLiteral("sk-upstream-secret-%1").arg(i);
        settings.connectTimeoutMs = s_connectMs;
        settings.firstByteTimeoutMs = s_firstByteMs;
        settings.firstTokenTimeoutMs = s_firstTokenMs;
        settings.requestTimeoutMs = s_totalMs;
        registry.add(Providers::createProvider(settings, &client));
        exchange->candidates.append({settings.id + QStringLiteral("-model"), settings.id,
                                     QStringLiteral("stall-model"), Config::Price{}});
    }

    Routing::CircuitBreakerSettings breakerSettings;
    breakerSettings.consecutiveFailures = 1;
    breakerSettings.failureRatio = 0;
    breakerSettings.coolDownMs = s_coolDownMs;
    Routing::CircuitBreaker breaker(clock, breakerSettings);
    auto config = std::make_shared<Config::GatewayConfig>();
    config->resilience.breakerFailures = 1;
    config->resilience.breakerCooldownMs = int(s_coolDownMs);

    QueuedLog log;
    RequestRecorder recorder(&log, nullptr, nullptr);
    auto writer = std::make_shared<Testing::RecordingWriter>();
    exchange->requestId = QStringLiteral("req_timeout");
    exchange->writer = writer;
    exchange->config = config;
    exchange->surface = QStringLiteral("openai.chat");
    exchange->stream = stream;
    exchange->requestedModel = QStringLiteral("stall-model");
    exchange->body = QJsonObject{
        {QStringLiteral("model"), QStringLiteral("stall-model")},
        {QStringLiteral("stream"), stream},
        {QStringLiteral("messages"),
         QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                {QStringLiteral("content"), QStringLiteral("hi")}}}}};
    PipelineContext context;
    context.providers = &registry;
    context.recorder = &recorder;
    context.breaker = &breaker;
    Dispatcher dispatcher(std::move(exchange), context);
    QSignalSpy done(&dispatcher, &Dispatcher::done);

    dispatcher.start();
    if (waitForRequest) {
        // p0 got the request and stalled where the row says: the timer due next is the one
        // under test (e.g. the first-token timer replaces the first-byte one once the head is in).
        QTRY_COMPARE_WITH_TIMEOUT(upstreams[0].requestCount(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(clock.msUntilNextTimer(), qint64(armedMs), 5000);
    } else {
        QCOMPARE(clock.msUntilNextTimer(), qint64(armedMs));
    }
    QCOMPARE(log.records.size(), 0);
    QCOMPARE(breaker.state(QStringLiteral("p0")), Routing::BreakerState::Closed);
    clock.advance(armedMs);

    QVERIFY(done.wait(5000) || done.size() == 1);
    QCOMPARE(log.records.size(), 1);
    const LogRecord &record = log.records.constFirst();
    QCOMPARE(record.status, status);
    QCOMPARE(record.attempts, attempts);
    QCOMPARE(record.fallback, failedOver);
    QCOMPARE(record.provider, failedOver ? QStringLiteral("p1") : QStringLiteral("p0"));
    QVERIFY2(record.decision.attempts.constFirst().error.contains(error),
             qPrintable(record.decision.attempts.constFirst().error));
    QCOMPARE(upstreams[1].requestCount(), failedOver ? 1 : 0);
    QCOMPARE(writer->status, status);
    if (status == 504) {
        QCOMPARE(record.errorType, QStringLiteral("upstream_timeout"));
        QVERIFY(writer->body.contains(error.toUtf8()));
    } else if (failedOver) {
        QVERIFY(record.errorType.isEmpty());
        QVERIFY(writer->body.contains("hi"));
        QVERIFY(!writer->aborted);
    } else {
        // Mid-stream: the client saw the stream start, then an error event and a cut.
        QCOMPARE(record.errorType, QStringLiteral("upstream_stream_error"));
        QVERIFY(writer->started);
        QVERIFY(writer->aborted);
        QVERIFY(writer->body.contains("\"role\":\"assistant\""));
        QVERIFY(writer->body.contains("error"));
    }
    QVERIFY(!writer->body.contains("sk-upstream-secret"));

    // The timed-out target is benched by the breaker, on the same injected clock.
    QCOMPARE(breaker.state(QStringLiteral("p0")), Routing::BreakerState::Open);
    QCOMPARE(breaker.state(QStringLiteral("p1")), Routing::BreakerState::Closed);
    QCOMPARE(breaker.openUntilMs(QStringLiteral("p0")), clock.monotonicMs() + s_coolDownMs);
    clock.advance(s_coolDownMs - 1);
    QCOMPARE(breaker.state(QStringLiteral("p0")), Routing::BreakerState::Open);
    clock.advance(1);
    QCOMPARE(breaker.state(QStringLiteral("p0")), Routing::BreakerState::HalfOpen);
    QVERIFY(wall.elapsed() < s_connectMs); // no timeout waited on the wall clock
}

QTEST_GUILESS_MAIN(tst_TimeoutFailover)
#include "tst_timeoutfailover.moc"
