// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/providers/http/upstreamclient.h"
#include "core/providers/providerfactory.h"
#include "core/providers/providermetatypes.h"
#include "core/translate/anthropiccodec.h"
#include "core/translate/openaicodec.h"
#include "tests/providers/providertestutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Switchyard;
using namespace Switchyard::Providers;
using namespace Switchyard::Testing;
using Translate::WireFormat;

namespace {

ProviderRequest makeRequest(WireFormat client, const QString &kind, bool stream)
{
    ProviderRequest request;
    request.requestId = QStringLiteral("req-faults");
    request.clientFormat = client;
    const QJsonArray messages{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                          {QStringLiteral("content"), QStringLiteral("Say hi")}}};
    request.body = QJsonObject{{QStringLiteral("model"), QStringLiteral("client-alias")},
                               {QStringLiteral("max_tokens"), 64},
                               {QStringLiteral("messages"), messages}};
    if (stream) {
        request.body.insert(QStringLiteral("stream"), true);
    }
    Result<Translate::ChatRequest> chat = client == WireFormat::Anthropic
                                              ? Translate::AnthropicCodec::decodeRequest(request.body)
                                              : Translate::OpenAiCodec::decodeRequest(request.body);
    if (chat) {
        request.chat = std::make_shared<const Translate::ChatRequest>(chat.value());
    }
    request.upstreamModel = Mocks::upstreamModel(kind);
    request.stream = stream;
    return request;
}

void addClientKindRows(const QStringList &kinds)
{
    QTest::addColumn<WireFormat>("client");
    QTest::addColumn<QString>("kind");
    for (const WireFormat client : {WireFormat::OpenAi, WireFormat::Anthropic}) {
        for (const QString &kind : kinds) {
            const QString name = QStringLiteral("%1 client / %2")
                                     .arg(client == WireFormat::OpenAi ? QStringLiteral("openai")
                                                                       : QStringLiteral("anthropic"),
                                          kind);
            QTest::newRow(qPrintable(name)) << client << kind;
        }
    }
}

const QStringList s_kinds{QStringLiteral("openai"), QStringLiteral("anthropic"), QStringLiteral("gemini")};

} // namespace

class tst_ProviderFaults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void midStreamDeath_data();
    void midStreamDeath();
    void upstreamErrorEvent_data();
    void upstreamErrorEvent();
    void httpErrors_data();
    void httpErrors();
    void anthropicRelayIsByteExact_data();
    void anthropicRelayIsByteExact();
    void untranslatableRequestFails();
    void simulatedAnswersBothSurfaces_data();
    void simulatedAnswersBothSurfaces();
    void unknownKindHasNoProvider();
    void firstTokenTimeout_data();
    void firstTokenTimeout();
    void anthropicBetaForwardedOnRelay();

private:
    std::unique_ptr<Watched> run(const QString &kind, const ProviderRequest &request);

    Mocks m_mocks;
    std::unique_ptr<UpstreamClient> m_client;
    std::shared_ptr<IProvider> m_provider;
};

void tst_ProviderFaults::initTestCase()
{
    registerProviderMetaTypes();
    QVERIFY(m_mocks.listen());
    m_client = std::make_unique<UpstreamClient>();
}

void tst_ProviderFaults::init()
{
    m_mocks.reset();
    m_mocks.setReplyText(QStringLiteral("A reply long enough to arrive in several stream events."));
}

std::unique_ptr<Watched> tst_ProviderFaults::run(const QString &kind, const ProviderRequest &request)
{
    m_provider = createProvider(m_mocks.settings(kind), m_client.get());
    if (!m_provider) {
        return {};
    }
    auto w = watch(m_provider->startChat(request, this));
    if (!waitDone(*w)) {
        return {};
    }
    return w;
}

void tst_ProviderFaults::midStreamDeath_data()
{
    addClientKindRows(s_kinds);
}

void tst_ProviderFaults::midStreamDeath()
{
    QFETCH(WireFormat, client);
    QFETCH(QString, kind);
    m_mocks.openai.setFault(MockOpenAiServer::Fault::DropMidStream);
    m_mocks.anthropic.setFault(MockAnthropicServer::Fault::DropMidStream);
    m_mocks.gemini.setFault(MockGeminiServer::Fault::DropMidStream);
    const auto w = run(kind, makeRequest(client, kind, true));
    QVERIFY(w);
    QCOMPARE(w->started->size(), 1);
    QCOMPARE(w->failed->size(), 1);
    const ProviderError error = w->error();
    QVERIFY(error.midStream);
    QVERIFY(!error.retryable);
    QVERIFY(error.message.contains(QStringLiteral("mock-") + kind));
    QVERIFY(!error.message.contains(s_providerKey));
    // The client got some content, then an error event in its own format, and no clean end.
    const ClientView seen = viewOfStream(client, w->relayed());
    QVERIFY(seen.decoded);
    QVERIFY(seen.sawError);
    QVERIFY(!seen.errorMessage.isEmpty());
    QVERIFY(!seen.complete);
    QVERIFY(!w->relayed().contains("[DONE]"));
    QVERIFY(!w->relayed().contains("message_stop"));
}

void tst_ProviderFaults::upstreamErrorEvent_data()
{
    addClientKindRows(s_kinds);
}

void tst_ProviderFaults::upstreamErrorEvent()
{
    QFETCH(WireFormat, client);
    QFETCH(QString, kind);
    m_mocks.openai.setFault(MockOpenAiServer::Fault::ErrorEventMidStream);
    m_mocks.anthropic.setFault(MockAnthropicServer::Fault::ErrorEventMidStream);
    m_mocks.gemini.setFault(MockGeminiServer::Fault::ErrorEventMidStream);
    const auto w = run(kind, makeRequest(client, kind, true));
    QVERIFY(w);
    QCOMPARE(w->failed->size(), 1);
    const ProviderError error = w->error();
    QCOMPARE(error.kind, ProviderError::Kind::Http);
    QVERIFY(error.midStream);
    QVERIFY(!error.retryable);
    const ClientView seen = viewOfStream(client, w->relayed());
    QVERIFY(seen.sawError);
    QVERIFY(!seen.complete);
    QVERIFY(w->relayed().endsWith("\n\n"));
    if (client == WireFormat::Anthropic) {
        QVERIFY(w->relayed().contains("event: error\ndata: {"));
    } else {
        QVERIFY(w->relayed().contains("data: {\"error\":{"));
    }
    if (kind != QLatin1String("openai")) { // the Anthropic and Gemini mocks say "overloaded"
        QCOMPARE(seen.errorType, QStringLiteral("overloaded_error"));
    }
}

void tst_ProviderFaults::httpErrors_data()
{
    QTest::addColumn<WireFormat>("client");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("fault");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("retryable");
    QTest::addColumn<qint64>("retryAfterMs");
    QTest::addColumn<QString>("type"); ///< Anthropic-vocabulary type the client sees

    struct Row { const char *name; const char *kind; int fault; int status; bool retryable;
                 qint64 retryAfter; const char *type; };
    const Row rows[] = {
        {"anthropic 429", "anthropic", int(MockAnthropicServer::Fault::RateLimited429), 429, true, 1000, "rate_limit_error"},
        {"anthropic 529", "anthropic", int(MockAnthropicServer::Fault::Overloaded529), 529, true, -1, "overloaded_error"},
        {"anthropic 500", "anthropic", int(MockAnthropicServer::Fault::ServerError500), 500, true, -1, "api_error"},
        {"gemini 429", "gemini", int(MockGeminiServer::Fault::RateLimited429), 429, true, 1000, "rate_limit_error"},
        {"gemini 503", "gemini", int(MockGeminiServer::Fault::Overloaded503), 503, true, -1, "overloaded_error"},
        {"openai 429", "openai", int(MockOpenAiServer::Fault::RateLimited429), 429, true, 1000, "rate_limit_error"},
        {"openai 429 quota", "openai", int(MockOpenAiServer::Fault::InsufficientQuota429), 429, false, -1, "billing_error"},
    };
    for (const WireFormat client : {WireFormat::OpenAi, WireFormat::Anthropic}) {
        for (const Row &row : rows) {
            const QString name = QStringLiteral("%1 client / %2")
                                     .arg(client == WireFormat::OpenAi ? QStringLiteral("openai")
                                                                       : QStringLiteral("anthropic"),
                                          QLatin1String(row.name));
            QTest::newRow(qPrintable(name)) << client << QString::fromLatin1(row.kind) << row.fault
                                            << row.status << row.retryable << row.retryAfter
                                            << QString::fromLatin1(row.type);
        }
    }
}

void tst_ProviderFaults::httpErrors()
{
    QFETCH(WireFormat, client);
    QFETCH(QString, kind);
    QFETCH(int, fault);
    QFETCH(int, status);
    QFETCH(bool, retryable);
    QFETCH(qint64, retryAfterMs);
    QFETCH(QString, type);
    if (kind == QLatin1String("openai")) {
        m_mocks.openai.setFault(MockOpenAiServer::Fault(fault));
    } else if (kind == QLatin1String("anthropic")) {
        m_mocks.anthropic.setFault(MockAnthropicServer::Fault(fault));
    } else {
        m_mocks.gemini.setFault(MockGeminiServer::Fault(fault));
    }
    for (const bool stream : {false, true}) {
        const auto w = run(kind, makeRequest(client, kind, stream));
        QVERIFY(w);
        QCOMPARE(w->started->size(), 0);
        QVERIFY(w->emissions.isEmpty());
        const ProviderError error = w->error();
        QCOMPARE(error.kind, ProviderError::Kind::Http);
        QCOMPARE(error.httpStatus, status);
        QCOMPARE(error.retryable, retryable);
        QVERIFY(!error.midStream);
        QCOMPARE(error.retryAfterMs, retryAfterMs);
        if (retryAfterMs >= 0) {
            QCOMPARE(headerValue(error.clientHeaders, "retry-after"), QByteArray("1"));
        }
        QVERIFY(error.message.contains(QString::number(status)));
        QVERIFY(!error.message.contains(s_providerKey));
        const QJsonObject body = QJsonDocument::fromJson(error.clientBody).object();
        const QJsonObject inner = body.value(QStringLiteral("error")).toObject();
        QVERIFY2(!inner.value(QStringLiteral("message")).toString().isEmpty(), error.clientBody.constData());
        if (client == WireFormat::Anthropic) {
            QCOMPARE(body.value(QStringLiteral("type")).toString(), QStringLiteral("error"));
            QCOMPARE(inner.value(QStringLiteral("type")).toString(), type);
        } else {
            QVERIFY(inner.contains(QStringLiteral("type")));
            QVERIFY(!body.contains(QStringLiteral("type")));
        }
    }
}

void tst_ProviderFaults::anthropicRelayIsByteExact_data()
{
    QTest::addColumn<bool>("stream");
    QTest::newRow("json") << false;
    QTest::newRow("stream") << true;
}

void tst_ProviderFaults::anthropicRelayIsByteExact()
{
    QFETCH(bool, stream);
    m_mocks.anthropic.setCacheTokens(5, 7);
    m_mocks.anthropic.setChunkDelayMs(1);
    const QString kind = QStringLiteral("anthropic");
    ProviderRequest request = makeRequest(WireFormat::Anthropic, kind, stream);
    request.body.insert(QStringLiteral("top_k"), 5); // an Anthropic-only field survives the relay
    const auto w = run(kind, request);
    QVERIFY(w);
    QCOMPARE(w->failed->size(), 0);
    const CallResult result = w->result();
    const QByteArray upstream = m_mocks.anthropic.lastResponseBody();
    if (stream) {
        QCOMPARE(result.tail, QByteArray("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"));
        QCOMPARE(w->relayed() + result.tail, upstream);
        QVERIFY(w->relayed().contains("event: ping"));
    } else {
        QCOMPARE(result.tail, upstream);
        QVERIFY(w->emissions.isEmpty());
    }
    QVERIFY(result.usage.known);
    QCOMPARE(result.usage.cacheReadTokens, 5);
    QCOMPARE(result.usage.cacheWriteTokens, 7);
    QVERIFY(result.usage.outputTokens > 0);
    QCOMPARE(result.upstreamModel, Mocks::upstreamModel(kind));
    const QJsonObject sent = m_mocks.lastRequest(kind).body;
    QCOMPARE(sent.value(QStringLiteral("top_k")).toInt(), 5);
    QCOMPARE(sent.value(QStringLiteral("max_tokens")).toInt(), 64);
    QCOMPARE(sent.value(QStringLiteral("model")).toString(), Mocks::upstreamModel(kind));
}

void tst_ProviderFaults::untranslatableRequestFails()
{
    ProviderRequest request = makeRequest(WireFormat::OpenAi, QStringLiteral("anthropic"), false);
    request.chat.reset();
    request.chatError = QStringLiteral("messages[0].content[1]: unknown part type 'input_audio'");
    const auto w = run(QStringLiteral("anthropic"), request);
    QVERIFY(w);
    const ProviderError error = w->error();
    QCOMPARE(error.kind, ProviderError::Kind::Http);
    QCOMPARE(error.httpStatus, 400);
    QVERIFY(!error.retryable);
    QCOMPARE(error.message, request.chatError);
    QCOMPARE(QJsonDocument::fromJson(error.clientBody).object().value(QStringLiteral("error"))
                 .toObject().value(QStringLiteral("message")).toString(), request.chatError);
    QCOMPARE(m_mocks.anthropic.requestCount(), 0);

    // The same request relays fine to a provider speaking the client's format.
    request.upstreamModel = Mocks::upstreamModel(QStringLiteral("openai"));
    const auto relayed = run(QStringLiteral("openai"), request);
    QVERIFY(relayed);
    QCOMPARE(relayed->finished->size(), 1);
}

void tst_ProviderFaults::simulatedAnswersBothSurfaces_data()
{
    QTest::addColumn<WireFormat>("client");
    QTest::addColumn<bool>("stream");
    QTest::newRow("anthropic client / json") << WireFormat::Anthropic << false;
    QTest::newRow("anthropic client / stream") << WireFormat::Anthropic << true;
    QTest::newRow("openai client / json") << WireFormat::OpenAi << false;
    QTest::newRow("openai client / stream") << WireFormat::OpenAi << true;
}

void tst_ProviderFaults::simulatedAnswersBothSurfaces()
{
    QFETCH(WireFormat, client);
    QFETCH(bool, stream);
    Config::ProviderSettings settings;
    settings.id = QStringLiteral("sim");
    settings.kind = QStringLiteral("simulated");
    settings.latencyMs = 0;
    settings.tokensPerSecond = 0;
    m_provider = createProvider(settings, nullptr);
    QVERIFY(m_provider);
    QCOMPARE(m_provider->kind(), QStringLiteral("simulated"));
    auto w = watch(m_provider->startChat(makeRequest(client, QStringLiteral("openai"), stream), this));
    QCOMPARE(w->started->size() + w->finished->size() + w->failed->size(), 0); // never inside startChat
    QVERIFY(waitDone(*w));
    QCOMPARE(w->finished->size(), 1);
    const CallResult result = w->result();
    const ClientView seen = stream ? viewOfStream(client, w->relayed() + result.tail)
                                   : viewOfBody(client, result.tail);
    QVERIFY2(seen.decoded, qPrintable(seen.errorMessage));
    QVERIFY(!seen.text.isEmpty());
    QVERIFY(seen.sawStop);
    QVERIFY(seen.complete);
    QVERIFY(result.usage.known);
    if (client == WireFormat::Anthropic) {
        QCOMPARE(seen.usage.outputTokens, result.usage.outputTokens);
        QVERIFY(stream ? result.tail.endsWith("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n")
                       : result.tail.contains("\"type\":\"message\""));
    } else {
        QVERIFY(!stream || result.tail == "data: [DONE]\n\n");
    }
}

void tst_ProviderFaults::unknownKindHasNoProvider()
{
    Config::ProviderSettings settings;
    settings.id = QStringLiteral("x");
    settings.kind = QStringLiteral("bedrock");
    QVERIFY(!createProvider(settings, m_client.get()));
    settings.kind = QStringLiteral("gemini");
    QVERIFY(createProvider(settings, m_client.get()));
}

void tst_ProviderFaults::firstTokenTimeout_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("firstEventDelayMs");
    QTest::addColumn<bool>("timesOut");
    for (const QString &kind : s_kinds) {
        QTest::newRow(qPrintable(kind + QLatin1String(" / first event late"))) << kind << 3000 << true;
        QTest::newRow(qPrintable(kind + QLatin1String(" / first event in time"))) << kind << 0 << false;
    }
}

void tst_ProviderFaults::firstTokenTimeout()
{
    QFETCH(QString, kind);
    QFETCH(int, firstEventDelayMs);
    QFETCH(bool, timesOut);
    // Headers come at once; only the first stream event is held back by the mock.
    m_mocks.openai.setFirstEventDelayMs(firstEventDelayMs);
    m_mocks.anthropic.setFirstEventDelayMs(firstEventDelayMs);
    m_mocks.gemini.setFirstEventDelayMs(firstEventDelayMs);
    Config::ProviderSettings settings = m_mocks.settings(kind);
    settings.firstTokenTimeoutMs = 300;
    m_provider = createProvider(settings, m_client.get());
    QVERIFY(m_provider);
    const auto w = watch(m_provider->startChat(makeRequest(WireFormat::OpenAi, kind, true), this));
    QVERIFY(waitDone(*w, 2500)); // well before the late event would arrive
    QCOMPARE(w->started->size(), 1);
    if (!timesOut) {
        QCOMPARE(w->finished->size(), 1);
        QVERIFY(!w->relayed().isEmpty());
        return;
    }
    QCOMPARE(w->failed->size(), 1);
    const ProviderError error = w->error();
    QCOMPARE(error.kind, ProviderError::Kind::Timeout);
    QVERIFY(error.retryable);
    QVERIFY(!error.midStream);
    QVERIFY(error.message.contains(QStringLiteral("first_token_timeout_ms")));
    QVERIFY(w->relayed().isEmpty()); // nothing reached the client: the dispatcher can fail over
    QVERIFY(!error.clientBody.isEmpty());
}

void tst_ProviderFaults::anthropicBetaForwardedOnRelay()
{
    const QByteArray beta("prompt-caching-2024-07-31,output-128k-2025-02-19");
    m_provider = createProvider(m_mocks.settings(QStringLiteral("anthropic")), m_client.get());
    QVERIFY(m_provider);
    for (const WireFormat client : {WireFormat::Anthropic, WireFormat::OpenAi}) {
        ProviderRequest request = makeRequest(client, QStringLiteral("anthropic"), false);
        request.anthropicBeta = beta;
        const auto w = watch(m_provider->startChat(request, this));
        QVERIFY(waitDone(*w));
        QCOMPARE(w->finished->size(), 1);
        const HttpHeaders sent = m_mocks.lastRequest(QStringLiteral("anthropic")).headers;
        // Relayed for the Anthropic surface only; a translated request has no beta semantics.
        QCOMPARE(headerValue(sent, "anthropic-beta"), client == WireFormat::Anthropic ? beta : QByteArray());
    }
    // Other kinds never see it.
    m_provider = createProvider(m_mocks.settings(QStringLiteral("openai")), m_client.get());
    ProviderRequest request = makeRequest(WireFormat::Anthropic, QStringLiteral("openai"), false);
    request.anthropicBeta = beta;
    const auto w = watch(m_provider->startChat(request, this));
    QVERIFY(waitDone(*w));
    QVERIFY(headerValue(m_mocks.lastRequest(QStringLiteral("openai")).headers, "anthropic-beta").isEmpty());
}

QTEST_GUILESS_MAIN(tst_ProviderFaults)
#include "tst_providerfaults.moc"
