// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/providers/http/upstreamclient.h"
#include "core/providers/providerfactory.h"
#include "core/providers/providermetatypes.h"
#include "tests/providers/providertestutil.h"
#include "tests/support/mockembeddings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QtEndian>

using namespace Switchyard;
using namespace Switchyard::Providers;
using namespace Switchyard::Testing;

namespace {

QJsonArray floats(const QList<float> &values)
{
    QJsonArray out;
    for (float value : values)
        out.append(double(value));
    return out;
}

QList<float> fromBase64(const QString &text)
{
    const QByteArray bytes = QByteArray::fromBase64(text.toLatin1());
    QList<float> out;
    for (qsizetype i = 0; i + 4 <= bytes.size(); i += 4)
        out.append(qFromLittleEndian<float>(bytes.constData() + i));
    return out;
}

} // namespace

class tst_Embeddings final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void upstream_data();
    void upstream();
    void openAiRelaysBase64AndDimensions();
    void simulatedIsDeterministic();
    void anthropicHasNoEmbeddings();
    void geminiRefusesTokenArrays();
    void upstreamErrorsAreOpenAiShaped_data();
    void upstreamErrorsAreOpenAiShaped();

private:
    std::unique_ptr<Watched> run(const Config::ProviderSettings &settings, const QJsonObject &body,
                                 const QString &upstreamModel);

    Mocks m_mocks;
    std::unique_ptr<UpstreamClient> m_client;
    std::shared_ptr<IProvider> m_provider;
};

void tst_Embeddings::initTestCase()
{
    registerProviderMetaTypes();
    QVERIFY(m_mocks.listen());
    m_client = std::make_unique<UpstreamClient>();
}

void tst_Embeddings::init()
{
    m_mocks.reset();
}

std::unique_ptr<Watched> tst_Embeddings::run(const Config::ProviderSettings &settings,
                                             const QJsonObject &body, const QString &upstreamModel)
{
    m_provider = createProvider(settings, m_client.get());
    if (!m_provider || !m_provider->supportsEmbeddings())
        return {};
    ProviderCall *call = m_provider->startEmbeddings({QStringLiteral("req-emb"), body, upstreamModel}, this);
    if (!call)
        return {};
    auto w = watch(call);
    if (!waitDone(*w))
        return {};
    return w;
}

void tst_Embeddings::upstream_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QJsonValue>("input");
    QTest::addColumn<QStringList>("texts");
    const QJsonValue one = QStringLiteral("The quick brown fox");
    const QJsonValue many = QJsonArray{QStringLiteral("alpha"), QStringLiteral("beta gamma")};
    const QStringList oneText{QStringLiteral("The quick brown fox")};
    const QStringList manyTexts{QStringLiteral("alpha"), QStringLiteral("beta gamma")};
    QTest::newRow("openai / string") << QStringLiteral("openai") << one << oneText;
    QTest::newRow("openai / array") << QStringLiteral("openai") << many << manyTexts;
    QTest::newRow("gemini / string") << QStringLiteral("gemini") << one << oneText;
    QTest::newRow("gemini / array") << QStringLiteral("gemini") << many << manyTexts;
}

void tst_Embeddings::upstream()
{
    QFETCH(QString, kind);
    QFETCH(QJsonValue, input);
    QFETCH(QStringList, texts);
    const QString model = kind == QLatin1String("openai") ? QStringLiteral("text-embedding-3-small")
                                                          : QStringLiteral("text-embedding-004");
    const QJsonObject body{{QStringLiteral("model"), QStringLiteral("client-alias")},
                           {QStringLiteral("input"), input}};
    const auto w = run(m_mocks.settings(kind), body, model);
    QVERIFY(w);
    QCOMPARE(w->failed->size(), 0);
    QCOMPARE(w->started->size(), 1);
    QCOMPARE(w->started->first().first().toInt(), 200);

    // The exact upstream request.
    const Mocks::Request sent = m_mocks.lastRequest(kind);
    if (kind == QLatin1String("openai")) {
        QCOMPARE(sent.path, QByteArray("/v1/embeddings"));
        QCOMPARE(headerValue(sent.headers, "authorization"), "Bearer " + s_providerKey.toUtf8());
        QJsonObject expected = body;
        expected.insert(QStringLiteral("model"), model);
        QCOMPARE(sent.body, expected);
    } else {
        QCOMPARE(sent.path, QByteArray("/v1beta/models/text-embedding-004:batchEmbedContents"));
        QCOMPARE(headerValue(sent.headers, "x-goog-api-key"), s_providerKey.toUtf8());
        QVERIFY(!sent.path.contains("key="));
        QJsonArray requests;
        for (const QString &text : texts) {
            requests.append(QJsonObject{
                {QStringLiteral("model"), QStringLiteral("models/text-embedding-004")},
                {QStringLiteral("content"),
                 QJsonObject{{QStringLiteral("parts"), QJsonArray{QJsonObject{{QStringLiteral("text"), text}}}}}}});
        }
        QCOMPARE(sent.body, (QJsonObject{{QStringLiteral("requests"), requests}}));
    }

    // The OpenAI-shaped reply with the mock's deterministic vectors.
    const CallResult result = w->result();
    const QJsonObject reply = QJsonDocument::fromJson(result.tail).object();
    QCOMPARE(reply.value(QLatin1String("object")).toString(), QStringLiteral("list"));
    QCOMPARE(reply.value(QLatin1String("model")).toString(), model);
    const QJsonArray data = reply.value(QLatin1String("data")).toArray();
    QCOMPARE(data.size(), texts.size());
    for (qsizetype i = 0; i < texts.size(); ++i) {
        const QJsonObject item = data.at(i).toObject();
        QCOMPARE(item.value(QLatin1String("object")).toString(), QStringLiteral("embedding"));
        QCOMPARE(item.value(QLatin1String("index")).toInt(), int(i));
        QCOMPARE(item.value(QLatin1String("embedding")).toArray(), floats(Testing::Internal::mockEmbedding(texts.at(i))));
    }
    const QJsonObject usage = reply.value(QLatin1String("usage")).toObject();
    QVERIFY(usage.value(QLatin1String("prompt_tokens")).toInt() > 0);
    QCOMPARE(usage.value(QLatin1String("total_tokens")), usage.value(QLatin1String("prompt_tokens")));
    if (kind == QLatin1String("openai")) {
        QCOMPARE(result.tail, m_mocks.lastResponseBody(kind)); // relayed byte-exact
        QVERIFY(result.usage.known);
        QCOMPARE(result.usage.inputTokens, qint64(usage.value(QLatin1String("prompt_tokens")).toInt()));
    } else {
        QVERIFY(!result.usage.known); // Gemini reports none: the client's numbers are an estimate
    }
}

void tst_Embeddings::openAiRelaysBase64AndDimensions()
{
    const QJsonObject body{{QStringLiteral("model"), QStringLiteral("alias")},
                           {QStringLiteral("input"), QJsonArray{QJsonArray{1, 2, 3}}},
                           {QStringLiteral("encoding_format"), QStringLiteral("base64")},
                           {QStringLiteral("dimensions"), 8}};
    const auto w = run(m_mocks.settings(QStringLiteral("openai")), body, QStringLiteral("text-embedding-3-large"));
    QVERIFY(w);
    QCOMPARE(w->finished->size(), 1);
    const QJsonObject sent = m_mocks.lastRequest(QStringLiteral("openai")).body;
    QCOMPARE(sent.value(QLatin1String("encoding_format")).toString(), QStringLiteral("base64"));
    QCOMPARE(sent.value(QLatin1String("dimensions")).toInt(), 8);
    QCOMPARE(sent.value(QLatin1String("input")), QJsonValue(QJsonArray{QJsonArray{1, 2, 3}}));
    const QJsonObject reply = QJsonDocument::fromJson(w->result().tail).object();
    const QString encoded = reply.value(QLatin1String("data")).toArray().at(0).toObject()
                                .value(QLatin1String("embedding")).toString();
    QCOMPARE(fromBase64(encoded), Testing::Internal::mockEmbedding(QStringLiteral("1 2 3"), 8));
}

void tst_Embeddings::simulatedIsDeterministic()
{
    Config::ProviderSettings settings;
    settings.id = QStringLiteral("sim");
    settings.kind = QStringLiteral("simulated");
    const QJsonObject body{{QStringLiteral("model"), QStringLiteral("x")},
                           {QStringLiteral("input"), QJsonArray{QStringLiteral("same"), QStringLiteral("other")}}};
    const auto first = run(settings, body, QStringLiteral("sim-embed"));
    QVERIFY(first);
    QCOMPARE(first->finished->size(), 1);
    const auto second = run(settings, body, QStringLiteral("sim-embed"));
    QVERIFY(second);
    QCOMPARE(first->result().tail, second->result().tail);
    const QJsonArray data = QJsonDocument::fromJson(first->result().tail).object().value(QLatin1String("data")).toArray();
    QCOMPARE(data.size(), 2);
    const QJsonArray a = data.at(0).toObject().value(QLatin1String("embedding")).toArray();
    const QJsonArray b = data.at(1).toObject().value(QLatin1String("embedding")).toArray();
    QCOMPARE(a.size(), 256);
    QVERIFY(a != b);
    double norm = 0;
    for (const QJsonValue &v : a)
        norm += v.toDouble() * v.toDouble();
    QVERIFY(qAbs(norm - 1.0) < 1e-4);
    QVERIFY(first->result().usage.known);

    // base64 + dimensions are honoured locally too.
    QJsonObject asked = body;
    asked.insert(QStringLiteral("encoding_format"), QStringLiteral("base64"));
    asked.insert(QStringLiteral("dimensions"), 32);
    const auto third = run(settings, asked, QStringLiteral("sim-embed"));
    QVERIFY(third);
    const QString encoded = QJsonDocument::fromJson(third->result().tail).object().value(QLatin1String("data"))
                                .toArray().at(0).toObject().value(QLatin1String("embedding")).toString();
    QCOMPARE(fromBase64(encoded).size(), 32);
}

void tst_Embeddings::anthropicHasNoEmbeddings()
{
    m_provider = createProvider(m_mocks.settings(QStringLiteral("anthropic")), m_client.get());
    QVERIFY(m_provider);
    QVERIFY(!m_provider->supportsEmbeddings());
    QCOMPARE(m_provider->startEmbeddings({QStringLiteral("r"), {}, QStringLiteral("m")}, this), nullptr);
    QCOMPARE(m_mocks.requestCount(QStringLiteral("anthropic")), 0);
}

void tst_Embeddings::geminiRefusesTokenArrays()
{
    const QJsonObject body{{QStringLiteral("model"), QStringLiteral("alias")},
                           {QStringLiteral("input"), QJsonArray{5, 6}}};
    const auto w = run(m_mocks.settings(QStringLiteral("gemini")), body, QStringLiteral("text-embedding-004"));
    QVERIFY(w);
    QCOMPARE(w->failed->size(), 1);
    QCOMPARE(w->error().httpStatus, 400);
    QVERIFY(!w->error().retryable);
    QVERIFY(w->error().clientBody.contains("\"invalid_request_error\""));
    QCOMPARE(m_mocks.requestCount(QStringLiteral("gemini")), 0);
}

void tst_Embeddings::upstreamErrorsAreOpenAiShaped_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("retryable");
    QTest::newRow("openai 429") << QStringLiteral("openai") << 429 << true;
    QTest::newRow("gemini 503") << QStringLiteral("gemini") << 503 << true;
}

void tst_Embeddings::upstreamErrorsAreOpenAiShaped()
{
    QFETCH(QString, kind);
    QFETCH(int, status);
    QFETCH(bool, retryable);
    m_mocks.openai.setFault(MockOpenAiServer::Fault::RateLimited429);
    m_mocks.gemini.setFault(MockGeminiServer::Fault::Overloaded503);
    const QJsonObject body{{QStringLiteral("model"), QStringLiteral("alias")},
                           {QStringLiteral("input"), QStringLiteral("hello")}};
    const auto w = run(m_mocks.settings(kind), body, QStringLiteral("text-embedding-004"));
    QVERIFY(w);
    QCOMPARE(w->failed->size(), 1);
    const ProviderError error = w->error();
    QCOMPARE(error.kind, ProviderError::Kind::Http);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.retryable, retryable);
    const QJsonObject client = QJsonDocument::fromJson(error.clientBody).object();
    QVERIFY(client.value(QLatin1String("error")).toObject().contains(QLatin1String("message")));
    QVERIFY(!error.message.contains(s_providerKey));
}

QTEST_GUILESS_MAIN(tst_Embeddings)
#include "tst_embeddings.moc"
