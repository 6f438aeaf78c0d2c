// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/providers/http/upstreamclient.h"
#include "core/providers/providerfactory.h"
#include "core/providers/wire/httpwire.h"
#include "core/providers/wire/replybody.h"
#include "core/providers/providermetatypes.h"
#include "core/translate/usagecodec.h"
#include "tests/support/mockopenaiserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Switchyard;
using namespace Switchyard::Providers;
using Switchyard::Testing::MockOpenAiServer;
using Fault = MockOpenAiServer::Fault;

namespace {

const QString s_key = QStringLiteral("sk-provider-secret-0123456789");

struct Watched
{
    ProviderCall *call = nullptr;
    std::unique_ptr<QSignalSpy> started;
    std::unique_ptr<QSignalSpy> finished;
    std::unique_ptr<QSignalSpy> failed;
    QByteArrayList emissions;

    QByteArray relayed() const { return emissions.join(); }
    CallResult result() const { return finished->first().first().value<CallResult>(); }
    ProviderError error() const { return failed->first().first().value<ProviderError>(); }
};

std::unique_ptr<Watched> watch(ProviderCall *call)
{
    auto w = std::make_unique<Watched>();
    w->call = call;
    w->started = std::make_unique<QSignalSpy>(call, &ProviderCall::started);
    w->finished = std::make_unique<QSignalSpy>(call, &ProviderCall::finished);
    w->failed = std::make_unique<QSignalSpy>(call, &ProviderCall::failed);
    QObject::connect(call, &ProviderCall::data, call,
                     [raw = w.get()](const QByteArray &bytes) { raw->emissions.append(bytes); });
    return w;
}

bool waitDone(const Watched &w, int timeoutMs = 5000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (w.finished->isEmpty() && w.failed->isEmpty() && !deadline.hasExpired()) {
        QTest::qWait(5);
    }
    return w.finished->size() + w.failed->size() == 1;
}

ProviderRequest chatRequest(bool stream, bool wantsUsage = false)
{
    ProviderRequest request;
    request.requestId = QStringLiteral("req-1");
    request.body = QJsonObject{
        {QStringLiteral("model"), QStringLiteral("client-alias")},
        {QStringLiteral("messages"),
         QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                {QStringLiteral("content"), QStringLiteral("Say hi")}}}},
    };
    if (stream) {
        request.body.insert(QStringLiteral("stream"), true);
    }
    request.upstreamModel = QStringLiteral("gpt-upstream-1");
    request.stream = stream;
    request.clientWantsUsage = wantsUsage;
    return request;
}

/// The mock's SSE body without its usage-only chunk.
QByteArray withoutUsageChunk(const QByteArray &body)
{
    QByteArray out;
    for (const QByteArray &event : body.split('\n')) {
        if (!event.contains("\"choices\":[]") || !event.contains("\"usage\":{")) {
            out += event + '\n';
        }
    }
    out.chop(1);
    // split/join keeps every line; the usage event's empty separator line remains, drop it.
    return out.replace("\n\n\n", "\n\n");
}

} // namespace

class tst_OpenAiProvider final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void nonStreamIsByteExact();
    void upstreamRequestCarriesProviderKeyAndModel();
    void clientBytesAreRelayedWithModelSpliced_data();
    void clientBytesAreRelayedWithModelSpliced();
    void streamIsRelayedByteExact_data();
    void streamIsRelayedByteExact();
    void toolCallStreamIsRelayed();
    void httpErrors_data();
    void httpErrors();
    void errorEventMidStream();
    void droppedStreamIsMidStreamFailure();
    void hangTimesOut();
    void refusedConnectionIsRetryable();
    void cancelEmitsOnce();
    void neverEmitsInsideStartChat();
    void retryAfter_data();
    void retryAfter();
    void usageIsNormalised();

private:
    ProviderCall *start(const ProviderRequest &request, int firstByteTimeoutMs = 5000);

    std::unique_ptr<MockOpenAiServer> m_mock;
    std::unique_ptr<UpstreamClient> m_client;
    std::shared_ptr<IProvider> m_provider;
};

void tst_OpenAiProvider::initTestCase()
{
    registerProviderMetaTypes();
}

void tst_OpenAiProvider::init()
{
    m_provider.reset();
    m_client = std::make_unique<UpstreamClient>();
    m_mock = std::make_unique<MockOpenAiServer>();
    QVERIFY(m_mock->listen());
    m_mock->setReplyText(QStringLiteral("Hello there, this is a streamed reply."));
}

ProviderCall *tst_OpenAiProvider::start(const ProviderRequest &request, int firstByteTimeoutMs)
{
    Config::ProviderSettings settings;
    settings.id = QStringLiteral("mockai");
    settings.kind = QStringLiteral("openai");
    settings.baseUrl = m_mock->baseUrl().toString() + QLatin1Char('/');
    settings.apiKey = s_key;
    settings.firstByteTimeoutMs = firstByteTimeoutMs;
    m_provider = createProvider(settings, m_client.get());
    return m_provider->startChat(request, this);
}

void tst_OpenAiProvider::nonStreamIsByteExact()
{
    m_mock->setCachedTokens(3);
    auto w = watch(start(chatRequest(false)));
    QVERIFY(waitDone(*w));
    QCOMPARE(w->failed->size(), 0);
    QCOMPARE(w->started->size(), 1);
    QCOMPARE(w->started->first().at(0).toInt(), 200);
    const auto headers = w->started->first().at(1).value<HttpHeaders>();
    QVERIFY(headerValue(headers, "content-type").startsWith("application/json"));
    QVERIFY(headerValue(headers, "x-upstream-request-id").startsWith("req_"));
    QVERIFY(!headerValue(headers, "x-ratelimit-limit-requests").isEmpty());
    QVERIFY(w->emissions.isEmpty());

    const CallResult result = w->result();
    QCOMPARE(result.tail, m_mock->lastResponseBody());
    const QJsonObject body = QJsonDocument::fromJson(result.tail).object();
    const QJsonObject usage = body.value(QStringLiteral("usage")).toObject();
    QVERIFY(result.usage.known);
    QCOMPARE(result.usage.cacheReadTokens, 3);
    QCOMPARE(result.usage.inputTokens, usage.value(QStringLiteral("prompt_tokens")).toInteger() - 3);
    QCOMPARE(result.usage.outputTokens, usage.value(QStringLiteral("completion_tokens")).toInteger());
    QCOMPARE(result.upstreamModel, body.value(QStringLiteral("model")).toString());
}

void tst_OpenAiProvider::upstreamRequestCarriesProviderKeyAndModel()
{
    auto w = watch(start(chatRequest(true)));
    QVERIFY(waitDone(*w));
    QCOMPARE(m_mock->requests().size(), 1);
    const auto request = m_mock->requests().first();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QByteArray("/v1/chat/completions"));
    QCOMPARE(headerValue(request.headers, "authorization"), "Bearer " + s_key.toUtf8());
    QCOMPARE(headerValue(request.headers, "accept"), QByteArray("text/event-stream"));
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    QCOMPARE(body.value(QStringLiteral("model")).toString(), QStringLiteral("gpt-upstream-1"));
    QCOMPARE(body.value(QStringLiteral("stream")).toBool(), true);
    QVERIFY(body.value(QStringLiteral("stream_options")).toObject()
                .value(QStringLiteral("include_usage")).toBool());
    QCOMPARE(body.value(QStringLiteral("messages")).toArray().size(), 1);
}

void tst_OpenAiProvider::clientBytesAreRelayedWithModelSpliced_data()
{
    QTest::addColumn<QByteArray>("clientBytes");
    QTest::addColumn<QByteArray>("upstreamBytes"); // empty: re-serialised from the parsed body

    // The client's key order, spacing and escapes survive; only the model's value changes.
    QTest::newRow("spacing and order kept")
        << QByteArray(R"({ "messages" : [{"role":"user","content":"Say \u0068i"}], "model" : "client-alias", "temperature": 0.5 })")
        << QByteArray(R"({ "messages" : [{"role":"user","content":"Say \u0068i"}], "model" : "gpt-upstream-1", "temperature": 0.5 })");
    QTest::newRow("model first")
        << QByteArray(R"({"model":"client-alias","messages":[{"role":"user","content":"Say hi"}]})")
        << QByteArray(R"({"model":"gpt-upstream-1","messages":[{"role":"user","content":"Say hi"}]})");
    QTest::newRow("escaped quotes around model in the text")
        << QByteArray(R"({"model":"client-alias","messages":[{"role":"user","content":"the \"model\" key"}]})")
        << QByteArray(R"({"model":"gpt-upstream-1","messages":[{"role":"user","content":"the \"model\" key"}]})");
    // A second "model" (a nested key, or a duplicate) is not spliced: the body is re-serialised.
    QTest::newRow("nested model key")
        << QByteArray(R"({"model":"client-alias","metadata":{"model":"x"},"messages":[]})") << QByteArray();
    QTest::newRow("duplicate model key")
        << QByteArray(R"({"model":"client-alias","model":"other","messages":[]})") << QByteArray();
}

void tst_OpenAiProvider::clientBytesAreRelayedWithModelSpliced()
{
    QFETCH(QByteArray, clientBytes);
    QFETCH(QByteArray, upstreamBytes);
    ProviderRequest request = chatRequest(false);
    request.body = QJsonDocument::fromJson(clientBytes).object();
    request.bodyBytes = clientBytes;
    auto w = watch(start(request));
    QVERIFY(waitDone(*w));
    QCOMPARE(m_mock->requests().size(), 1);
    const QByteArray sent = m_mock->requests().first().body;
    if (!upstreamBytes.isEmpty()) {
        QCOMPARE(sent, upstreamBytes);
        return;
    }
    QJsonObject expected = request.body;
    expected.insert(QStringLiteral("model"), QStringLiteral("gpt-upstream-1"));
    QCOMPARE(sent, QJsonDocument(expected).toJson(QJsonDocument::Compact));
}

void tst_OpenAiProvider::streamIsRelayedByteExact_data()
{
    QTest::addColumn<bool>("wantsUsage");
    QTest::newRow("client asked for usage") << true;
    QTest::newRow("client did not ask for usage") << false;
}

void tst_OpenAiProvider::streamIsRelayedByteExact()
{
    QFETCH(bool, wantsUsage);
    m_mock->setChunkDelayMs(2);
    auto w = watch(start(chatRequest(true, wantsUsage)));
    QVERIFY(waitDone(*w));
    QCOMPARE(w->failed->size(), 0);
    QVERIFY(headerValue(w->started->first().at(1).value<HttpHeaders>(), "content-type")
                .startsWith("text/event-stream"));
    const CallResult result = w->result();
    QCOMPARE(result.tail, QByteArray("data: [DONE]\n\n"));
    for (const QByteArray &emission : w->emissions) {
        QVERIFY2(emission.endsWith("\n\n"), emission.constData()); // whole events only
    }
    const QByteArray upstream = m_mock->lastResponseBody();
    QVERIFY(upstream.contains("\"choices\":[],\"usage\":{"));
    const QByteArray expected = wantsUsage ? upstream : withoutUsageChunk(upstream);
    QCOMPARE(w->relayed() + result.tail, expected);
    QCOMPARE(w->relayed().contains("\"choices\":[],\"usage\":{"), wantsUsage);
    QVERIFY(wantsUsage || expected.size() < upstream.size());
    QVERIFY(result.usage.known);
    QVERIFY(result.usage.outputTokens > 0);
    QVERIFY(!result.upstreamModel.isEmpty());
}

void tst_OpenAiProvider::toolCallStreamIsRelayed()
{
    m_mock->setToolCall(QStringLiteral("fx_rate"), QStringLiteral("{\"from\":\"USD\",\"to\":\"EUR\"}"));
    auto w = watch(start(chatRequest(true, true)));
    QVERIFY(waitDone(*w));
    QCOMPARE(w->failed->size(), 0);
    const QByteArray relayed = w->relayed() + w->result().tail;
    QCOMPARE(relayed, m_mock->lastResponseBody());
    QVERIFY(relayed.contains("\"tool_calls\""));
    QVERIFY(relayed.contains("fx_rate"));
}

void tst_OpenAiProvider::httpErrors_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("retryable");
    QTest::addColumn<qint64>("retryAfterMs");

    QTest::newRow("500 server error") << Fault::ServerError500 << 500 << true << qint64(-1);
    QTest::newRow("429 rate limited") << Fault::RateLimited429 << 429 << true << qint64(1000);
    QTest::newRow("429 insufficient quota") << Fault::InsufficientQuota429 << 429 << false
                                            << qint64(-1);
    QTest::newRow("503 overloaded") << Fault::Overloaded503 << 503 << true << qint64(-2);
}

void tst_OpenAiProvider::httpErrors()
{
    QFETCH(Fault, fault);
    QFETCH(int, status);
    QFETCH(bool, retryable);
    QFETCH(qint64, retryAfterMs);

    m_mock->setFault(fault);
    auto w = watch(start(chatRequest(false)));
    QVERIFY(waitDone(*w));
    QCOMPARE(w->started->size(), 0);
    QCOMPARE(w->failed->size(), 1);
    const ProviderError error = w->error();
    QCOMPARE(error.kind, ProviderError::Kind::Http);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.retryable, retryable);
    QCOMPARE(error.midStream, false);
    if (retryAfterMs != -2) { // -2: whatever the mock sends
        QCOMPARE(error.retryAfterMs, retryAfterMs);
    }
    if (error.retryAfterMs >= 0) {
        QVERIFY(!headerValue(error.clientHeaders, "retry-after").isEmpty());
    }
    QCOMPARE(error.clientBody, m_mock->lastResponseBody()); // already OpenAI-shaped
    QVERIFY(QJsonDocument::fromJson(error.clientBody)
                .object().value(QStringLiteral("error")).toObject()
                .value(QStringLiteral("message")).isString());
    QVERIFY(error.message.contains(QStringLiteral("mockai")));
    QVERIFY(error.message.contains(QString::number(status)));
    QVERIFY(!error.message.contains(s_key));
}

void tst_OpenAiProvider::errorEventMidStream()
{
    m_mock->setFault(Fault::ErrorEventMidStream);
    auto w = watch(start(chatRequest(true, true)));
    QVERIFY(waitDone(*w));
    QCOMPARE(w->started->size(), 1);
    QCOMPARE(w->failed->size(), 1);
    const ProviderError error = w->error();
    QVERIFY(error.midStream);
    QVERIFY(!error.retryable);
    QVERIFY(w->relayed().contains("data: {\"error\""));
    QVERIFY(w->relayed().endsWith("\n\n"));
    QVERIFY(!error.message.contains(s_key));
}

void tst_OpenAiProvider::droppedStreamIsMidStreamFailure()
{
    m_mock->setFault(Fault::DropMidStream);
    auto w = watch(start(chatRequest(true, true)));
    QVERIFY(waitDone(*w));
    QCOMPARE(w->started->size(), 1);
    QCOMPARE(w->failed->size(), 1);
    const ProviderError error = w->error();
    QCOMPARE(error.kind, ProviderError::Kind::Connection);
    QVERIFY(error.midStream);
    QVERIFY(!error.retryable);
    QVERIFY(!w->relayed().contains("[DONE]"));
}

void tst_OpenAiProvider::hangTimesOut()
{
    m_mock->setFault(Fault::Hang);
    auto w = watch(start(chatRequest(false), 200));
    QVERIFY(waitDone(*w));
    const ProviderError error = w->error();
    QCOMPARE(error.kind, ProviderError::Kind::Timeout);
    QVERIFY(error.retryable);
    QVERIFY(!error.midStream);
    QCOMPARE(w->started->size(), 0);
}

void tst_OpenAiProvider::refusedConnectionIsRetryable()
{
    m_mock->setFault(Fault::RefuseConnection);
    auto w = watch(start(chatRequest(true)));
    QVERIFY(waitDone(*w));
    const ProviderError error = w->error();
    QCOMPARE(error.kind, ProviderError::Kind::Connection);
    QVERIFY(error.retryable);
    QVERIFY(!error.midStream);
    QVERIFY(error.message.contains(QStringLiteral("mockai")));
}

void tst_OpenAiProvider::cancelEmitsOnce()
{
    m_mock->setFault(Fault::Hang);
    auto w = watch(start(chatRequest(false)));
    QTRY_COMPARE_WITH_TIMEOUT(m_mock->requestCount(), 1, 5000);
    w->call->cancel();
    w->call->cancel();
    QCOMPARE(w->failed->size(), 1);
    QCOMPARE(w->error().kind, ProviderError::Kind::Cancelled);
    QTest::qWait(50); // nothing may trail the cancellation
    QCOMPARE(w->failed->size() + w->finished->size(), 1);
}

void tst_OpenAiProvider::neverEmitsInsideStartChat()
{
    // Even a call that fails at once (no client) reports from the event loop.
    Config::ProviderSettings settings;
    settings.id = QStringLiteral("orphan");
    settings.kind = QStringLiteral("openai");
    settings.baseUrl = QStringLiteral("http://127.0.0.1:1/v1");
    const std::shared_ptr<IProvider> provider = createProvider(settings, nullptr);
    ProviderCall *call = provider->startChat(chatRequest(false), this);
    auto w = watch(call);
    QVERIFY(w->failed->wait(5000));
    QVERIFY(w->error().retryable);

    Config::ProviderSettings ftp;
    ftp.id = QStringLiteral("bad");
    ftp.kind = QStringLiteral("openai");
    ftp.baseUrl = QStringLiteral("ftp://nowhere/v1");
    const std::shared_ptr<IProvider> invalid = createProvider(ftp, m_client.get());
    auto w2 = watch(invalid->startChat(chatRequest(false), this));
    QVERIFY(w2->failed->wait(5000));
}

void tst_OpenAiProvider::retryAfter_data()
{
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<QByteArray>("retryAfterMs");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("absent") << QByteArray() << QByteArray() << qint64(-1);
    QTest::newRow("seconds") << QByteArray("2") << QByteArray() << qint64(2000);
    QTest::newRow("fractional seconds") << QByteArray("1.5") << QByteArray() << qint64(1500);
    QTest::newRow("ms wins") << QByteArray("2") << QByteArray("1500") << qint64(1500);
    QTest::newRow("http-date") << QByteArray("Wed, 01 Jan 2025 00:00:30 GMT") << QByteArray()
                               << qint64(30000);
    QTest::newRow("date in the past") << QByteArray("Tue, 31 Dec 2024 23:00:00 GMT")
                                      << QByteArray() << qint64(0);
    QTest::newRow("garbage") << QByteArray("soon") << QByteArray() << qint64(-1);
}

void tst_OpenAiProvider::retryAfter()
{
    QFETCH(QByteArray, retryAfter);
    QFETCH(QByteArray, retryAfterMs);
    QFETCH(qint64, expected);
    HttpHeaders headers;
    if (!retryAfter.isEmpty()) {
        headers.append({"Retry-After", retryAfter});
    }
    if (!retryAfterMs.isEmpty()) {
        headers.append({"retry-after-ms", retryAfterMs});
    }
    const QDateTime now(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
    QCOMPARE(Internal::parseRetryAfterMs(headers, now), expected);
}

void tst_OpenAiProvider::usageIsNormalised()
{
    const QJsonObject usage = QJsonDocument::fromJson(
        "{\"prompt_tokens\":1207,\"completion_tokens\":14,\"total_tokens\":1221,"
        "\"prompt_tokens_details\":{\"cached_tokens\":1024},"
        "\"completion_tokens_details\":{\"reasoning_tokens\":6}}").object();
    const Usage result = Translate::UsageCodec::fromOpenAi(usage);
    QVERIFY(result.known);
    QCOMPARE(result.inputTokens, 183);
    QCOMPARE(result.cacheReadTokens, 1024);
    QCOMPARE(result.outputTokens, 14);
    QCOMPARE(result.reasoningTokens, 6);
    QCOMPARE(result.totalTokens(), 1221);

    // A non-OpenAI error body is wrapped in the OpenAI shape, naming provider and status.
    const ProviderError error = Internal::httpError(QStringLiteral("ollama"), Translate::WireFormat::OpenAi,
                                                    Translate::WireFormat::OpenAi, 502, {},
                                                    "{\"error\":\"model not loaded\"}",
                                                    QDateTime::currentDateTimeUtc());
    const QJsonObject wrapped = QJsonDocument::fromJson(error.clientBody).object()
                                    .value(QStringLiteral("error")).toObject();
    QVERIFY(wrapped.value(QStringLiteral("message")).toString().contains(QStringLiteral("ollama")));
    QVERIFY(wrapped.value(QStringLiteral("message")).toString().contains(QStringLiteral("502")));
    QVERIFY(error.retryable);
}

QTEST_GUILESS_MAIN(tst_OpenAiProvider)
#include "tst_openaiprovider.moc"
