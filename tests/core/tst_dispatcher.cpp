// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
// The dispatcher against scripted providers: failover order, the no-failover-after-bytes
// rule, and "logged before the last byte".
#include "core/pipeline/dispatcher.h"
#include "core/pipeline/providerregistry.h"
#include "core/pipeline/requestrecorder.h"
#include "tests/support/recordingwriter.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Switchyard;
using namespace Switchyard::Pipeline;
using Providers::ProviderError;

namespace {

/// What a scripted attempt does.
enum class Script { Succeed, FailRetryable, FailFatal, StreamThenDie };

class ScriptedCall final : public Providers::ProviderCall
{
public:
    ScriptedCall(Script script, bool stream, QObject *parent) : ProviderCall(parent)
    {
        QTimer::singleShot(0, this, [this, script, stream] { run(script, stream); });
    }
    void cancel() override { m_cancelled = true; }

private:
    void run(Script script, bool stream)
    {
        if (m_cancelled)
            return;
        ProviderError error;
        switch (script) {
        case Script::FailRetryable:
        case Script::FailFatal:
            error.kind = ProviderError::Kind::Http;
            error.httpStatus = script == Script::FailRetryable ? 503 : 400;
            error.retryable = script == Script::FailRetryable;
            error.message = QStringLiteral("scripted %1").arg(error.httpStatus);
            error.clientBody = R"({"error":{"message":"scripted","type":"invalid_request_error","code":null}})";
            Q_EMIT failed(error);
            return;
        case Script::StreamThenDie:
            Q_EMIT started(200, {{"content-type", "text/event-stream"}});
            Q_EMIT data("data: {\"choices\":[{\"delta\":{\"content\":\"hi\"}}]}\n\n");
            error.kind = ProviderError::Kind::Connection;
            error.retryable = true;
            error.midStream = true;
            error.message = QStringLiteral("connection reset");
            Q_EMIT failed(error);
            return;
        case Script::Succeed:
            break;
        }
        Q_EMIT started(200, {{"content-type", stream ? "text/event-stream" : "application/json"}});
        Providers::CallResult result;
        result.usage.known = true;
        result.usage.inputTokens = 1000;
        result.usage.outputTokens = 500;
        if (stream) {
            Q_EMIT data("data: {\"choices\":[{\"delta\":{\"content\":\"hi\"}}]}\n\n");
            result.tail = "data: [DONE]\n\n";
        } else {
            result.tail = R"({"choices":[{"message":{"content":"hi"}}]})";
        }
        Q_EMIT finished(result);
    }
    bool m_cancelled = false;
};

class ScriptedProvider final : public Providers::IProvider
{
public:
    ScriptedProvider(QString id, Script script) : m_id(std::move(id)), m_script(script) {}
    QString id() const override { return m_id; }
    QString kind() const override { return QStringLiteral("scripted"); }
    Providers::ProviderCall *startChat(const Providers::ProviderRequest &request, QObject *parent) override
    {
        ++calls;
        return new ScriptedCall(m_script, request.stream, parent);
    }
    int calls = 0;

private:
    QString m_id;
    Script m_script;
};

/// A request log whose commits complete only when the test says so.
class ManualLog final : public IRequestLog
{
public:
    void append(LogRecord record, QObject *, std::function<void(bool, const QString &)> committed) override
    {
        records.append(record);
        pending.append(std::move(committed));
    }
    void commitAll()
    {
        const auto callbacks = std::exchange(pending, {});
        for (const auto &callback : callbacks)
            callback(true, {});
    }
    LogRecordList records;
    QList<std::function<void(bool, const QString &)>> pending;
};

} // namespace

class tst_Dispatcher final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void failover_data();
    void failover();
    void responseWaitsForTheLogCommit();
    void noFailoverOnceBytesReachedTheClient();
    void clientDisconnectCancelsAndIsLogged();
};

namespace {

struct Harness
{
    explicit Harness(const QList<QPair<QString, Script>> &providers, bool stream = false)
    {
        for (const auto &entry : providers) {
            auto provider = std::make_shared<ScriptedProvider>(entry.first, entry.second);
            scripted.append(provider);
            registry.add(provider);
        }
        auto exchange = std::make_unique<Exchange>();
        exchange->requestId = QStringLiteral("req_test");
        exchange->writer = writer;
        exchange->stream = stream;
        exchange->surface = QStringLiteral("openai.chat");
        for (const auto &entry : providers) {
            Config::Price price;
            price.known = true;
            price.input = 1;
            price.output = 2;
            exchange->candidates.append({entry.first + QStringLiteral("-model"), entry.first, QStringLiteral("up"), price});
        }
        dispatcher = std::make_unique<Dispatcher>(std::move(exchange), PipelineContext{&registry, &recorder});
    }

    std::shared_ptr<Testing::RecordingWriter> writer = std::make_shared<Testing::RecordingWriter>();
    ManualLog log;
    RequestRecorder recorder{&log, nullptr, nullptr};
    ProviderRegistry registry{nullptr};
    QList<std::shared_ptr<ScriptedProvider>> scripted;
    std::unique_ptr<Dispatcher> dispatcher;
};

} // namespace

void tst_Dispatcher::failover_data()
{
    QTest::addColumn<QList<int>>("scripts");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<QString>("servedBy");
    QTest::newRow("first succeeds") << QList<int>{int(Script::Succeed), int(Script::Succeed)} << 200 << 1 << "p0";
    QTest::newRow("retryable then success") << QList<int>{int(Script::FailRetryable), int(Script::Succeed)} << 200 << 2 << "p1";
    QTest::newRow("two retryable then success") << QList<int>{int(Script::FailRetryable), int(Script::FailRetryable), int(Script::Succeed)} << 200 << 3 << "p2";
    QTest::newRow("fatal error stops failover") << QList<int>{int(Script::FailFatal), int(Script::Succeed)} << 400 << 1 << "p0";
    QTest::newRow("all retryable fail") << QList<int>{int(Script::FailRetryable), int(Script::FailRetryable)} << 503 << 2 << "p1";
}

void tst_Dispatcher::failover()
{
    QFETCH(QList<int>, scripts);
    QFETCH(int, status);
    QFETCH(int, attempts);
    QFETCH(QString, servedBy);
    QList<QPair<QString, Script>> providers;
    for (int i = 0; i < scripts.size(); ++i)
        providers.append({QStringLiteral("p%1").arg(i), Script(scripts[i])});
    Harness h(providers);
    QSignalSpy done(h.dispatcher.get(), &Dispatcher::done);
    h.dispatcher->start();
    QTRY_COMPARE_WITH_TIMEOUT(h.log.records.size(), 1, 5000);
    h.log.commitAll();
    QCOMPARE(done.size(), 1);
    QCOMPARE(h.writer->status, status);
    const LogRecord &record = h.log.records.constFirst();
    QCOMPARE(record.attempts, attempts);
    QCOMPARE(record.provider, servedBy);
    QCOMPARE(record.fallback, attempts > 1);
    QCOMPARE(headerValue(h.writer->headers, "x-switchyard-attempts"), QByteArray::number(attempts));
    if (status == 200) {
        QVERIFY(record.costKnown);
        QCOMPARE(record.costUsd, (1000 * 1.0 + 500 * 2.0) / 1e6);
        QCOMPARE(record.decision.winner, servedBy + QStringLiteral("-model"));
    } else {
        QVERIFY(!record.errorMessage.isEmpty());
    }
}

void tst_Dispatcher::responseWaitsForTheLogCommit()
{
    Harness h({{QStringLiteral("p0"), Script::Succeed}}, true);
    h.dispatcher->start();
    QTRY_COMPARE_WITH_TIMEOUT(h.log.records.size(), 1, 5000);
    QVERIFY(h.writer->started);
    QVERIFY(!h.writer->body.contains("[DONE]"));
    QVERIFY(!h.writer->ended);
    h.log.commitAll();
    QVERIFY(h.writer->body.endsWith("data: [DONE]\n\n"));
    QVERIFY(h.writer->ended);
}

void tst_Dispatcher::noFailoverOnceBytesReachedTheClient()
{
    Harness h({{QStringLiteral("p0"), Script::StreamThenDie}, {QStringLiteral("p1"), Script::Succeed}}, true);
    h.dispatcher->start();
    QTRY_COMPARE_WITH_TIMEOUT(h.log.records.size(), 1, 5000);
    h.log.commitAll();
    QCOMPARE(h.scripted[1]->calls, 0);
    QVERIFY(h.writer->aborted);
    QVERIFY(h.writer->body.contains("data: {\"error\""));
    QCOMPARE(h.log.records.constFirst().errorType, QStringLiteral("upstream_stream_error"));
}

void tst_Dispatcher::clientDisconnectCancelsAndIsLogged()
{
    Harness h({{QStringLiteral("p0"), Script::Succeed}});
    h.dispatcher->start();
    QVERIFY(h.writer->onDisconnect);
    h.writer->onDisconnect(); // before the scripted reply runs
    QCOMPARE(h.log.records.size(), 1);
    QCOMPARE(h.log.records.constFirst().status, 499);
    QCOMPARE(h.log.records.constFirst().errorType, QStringLiteral("client_closed"));
    h.log.commitAll();
    QTest::qWait(0);
    QCOMPARE(h.writer->status, 0);
}

QTEST_GUILESS_MAIN(tst_Dispatcher)
#include "tst_dispatcher.moc"
