// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/support/mockgeminiserver.h"
#include "tests/support/mockservertest.h"
#include "tests/support/rawhttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpSocket>
#include <QTest>

using Switchyard::HttpHeaders;
using Switchyard::Testing::MockGeminiServer;
namespace MockServerTest = Switchyard::Testing::MockServerTest;
namespace RawHttp = Switchyard::Testing::RawHttp;
using Fault = MockGeminiServer::Fault;

namespace {

constexpr char s_generate[] = "/v1beta/models/gemini-2.5-flash:generateContent";
constexpr char s_streamSse[] = "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse";
constexpr char s_streamArray[] = "/v1beta/models/gemini-2.5-flash:streamGenerateContent";

QJsonObject json(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

QJsonObject obj(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toObject();
}

QJsonArray arr(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toArray();
}

int num(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toInt(-1);
}

QByteArray helloBody()
{
    return R"({"contents":[{"role":"user","parts":[{"text":"Say hello to the nice people"}]}]})";
}

QByteArray generate(const QByteArray &path, const QByteArray &body = helloBody(),
                    const HttpHeaders &headers = {{"x-goog-api-key", "AIza-test"}})
{
    return RawHttp::request("POST", path, headers, body);
}

QJsonObject candidate(const QJsonObject &response)
{
    return arr(response, "candidates").first().toObject();
}

QJsonArray parts(const QJsonObject &response)
{
    return arr(obj(candidate(response), "content"), "parts");
}

/// Each HTTP chunk must be exactly one `data: <json>\r\n\r\n` event.
QList<QJsonObject> sseChunks(const RawHttp::Response &response, bool *wellFramed)
{
    QList<QJsonObject> chunks;
    *wellFramed = !response.chunks.isEmpty();
    for (const QByteArray &chunk : response.chunks) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(chunk.mid(6).chopped(4), &error);
        if (!chunk.startsWith("data: ") || !chunk.endsWith("}\r\n\r\n") || chunk.count('\n') != 2
            || error.error != QJsonParseError::NoError) {
            *wellFramed = false;
        }
        chunks.append(document.object());
    }
    return chunks;
}

} // namespace

class tst_MockGeminiServer : public QObject
{
    Q_OBJECT

private:
    RawHttp::Response exchange(const QByteArray &request)
    {
        return RawHttp::exchange(m_server->port(), request);
    }

    std::unique_ptr<MockGeminiServer> m_server;

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<MockGeminiServer>();
        MockServerTest::verifyListening(*m_server);
    }

    void generateContent()
    {
        m_server->setReplyText(QStringLiteral("18.20 USD is about 16.56 EUR."));
        m_server->setThoughtsTokens(120);
        m_server->setCachedTokens(2);
        const RawHttp::Response response = exchange(generate(s_generate));
        QCOMPARE(response.status, 200);
        QVERIFY(response.header("content-type").startsWith("application/json"));
        QCOMPARE(response.body, m_server->lastResponseBody());
        const QJsonObject body = json(response.body);
        QCOMPARE(parts(body).size(), 1);
        QCOMPARE(parts(body).first().toObject().value(QStringLiteral("text")).toString(),
                 QStringLiteral("18.20 USD is about 16.56 EUR."));
        QCOMPARE(obj(candidate(body), "content").value(QStringLiteral("role")).toString(), QStringLiteral("model"));
        QCOMPARE(candidate(body).value(QStringLiteral("finishReason")).toString(), QStringLiteral("STOP"));
        const QJsonObject usage = obj(body, "usageMetadata");
        QVERIFY(num(usage, "promptTokenCount") > 0);
        QVERIFY(num(usage, "candidatesTokenCount") > 0);
        QCOMPARE(num(usage, "thoughtsTokenCount"), 120);
        QCOMPARE(num(usage, "cachedContentTokenCount"), 2);
        QCOMPARE(num(usage, "totalTokenCount"), num(usage, "promptTokenCount")
                                                    + num(usage, "candidatesTokenCount") + 120);
        QCOMPARE(body.value(QStringLiteral("modelVersion")).toString(), QStringLiteral("gemini-2.5-flash"));
        QVERIFY(!body.value(QStringLiteral("responseId")).toString().isEmpty());
        QCOMPARE(m_server->requests().first().body, helloBody());
    }

    void functionCallWithoutId()
    {
        m_server->setReplyText(QString());
        m_server->setToolCall(QStringLiteral("fx_rate"), QStringLiteral("{\"from\":\"USD\"}"));
        const QJsonObject body = json(exchange(generate(s_generate)).body);
        QCOMPARE(parts(body).size(), 1);
        const QJsonObject call = obj(parts(body).first().toObject(), "functionCall");
        QCOMPARE(call.value(QStringLiteral("name")).toString(), QStringLiteral("fx_rate"));
        QCOMPARE(obj(call, "args"), (QJsonObject{{QStringLiteral("from"), QStringLiteral("USD")}}));
        QVERIFY(!call.contains(QStringLiteral("id")));
        QCOMPARE(candidate(body).value(QStringLiteral("finishReason")).toString(), QStringLiteral("STOP"));
    }

    void sseStream_data()
    {
        QTest::addColumn<QString>("toolName");
        QTest::newRow("text") << QString();
        QTest::newRow("text then function call") << QStringLiteral("fx_rate");
    }

    void sseStream()
    {
        QFETCH(QString, toolName);
        m_server->setReplyText(QStringLiteral("Hello there, this is a longer reply in pieces."));
        m_server->setToolCall(toolName, QStringLiteral("{\"to\":\"EUR\"}"));
        m_server->setThoughtsTokens(30);
        const RawHttp::Response response = exchange(generate(s_streamSse));
        QCOMPARE(response.status, 200);
        QVERIFY(response.complete);
        QCOMPARE(response.header("content-type"), QByteArray("text/event-stream"));
        QCOMPARE(response.header("content-disposition"), QByteArray("attachment"));
        QVERIFY(!response.body.contains("[DONE]"));
        QVERIFY(!response.body.contains("event:"));
        QCOMPARE(response.body, m_server->lastResponseBody());
        bool wellFramed = false;
        const QList<QJsonObject> chunks = sseChunks(response, &wellFramed);
        QVERIFY(wellFramed);
        QVERIFY(chunks.size() >= 3);

        QString text;
        int lastCandidates = 0;
        for (qsizetype i = 0; i < chunks.size(); ++i) {
            const QJsonObject &chunk = chunks.at(i);
            const bool last = i + 1 == chunks.size();
            QCOMPARE(candidate(chunk).contains(QStringLiteral("finishReason")), last);
            const QJsonObject usage = obj(chunk, "usageMetadata");
            QVERIFY(num(usage, "promptTokenCount") > 0);
            QCOMPARE(num(usage, "thoughtsTokenCount"), 30);
            const int candidates = usage.value(QStringLiteral("candidatesTokenCount")).toInt(0);
            QVERIFY(candidates >= lastCandidates);
            lastCandidates = candidates;
            QCOMPARE(num(usage, "totalTokenCount"), num(usage, "promptTokenCount") + candidates + 30);
            for (const QJsonValue &part : parts(chunk))
                text += part.toObject().value(QStringLiteral("text")).toString();
        }
        QVERIFY(!obj(chunks.first(), "usageMetadata").contains(QStringLiteral("candidatesTokenCount")));
        QCOMPARE(text, QStringLiteral("Hello there, this is a longer reply in pieces."));
        QCOMPARE(candidate(chunks.last()).value(QStringLiteral("finishReason")).toString(), QStringLiteral("STOP"));
        const QJsonObject lastPart = parts(chunks.last()).last().toObject();
        QCOMPARE(lastPart.contains(QStringLiteral("functionCall")), !toolName.isEmpty());
        if (!toolName.isEmpty())
            QVERIFY(!obj(lastPart, "functionCall").contains(QStringLiteral("id")));
    }

    void jsonArrayStreamWithoutAlt()
    {
        const RawHttp::Response response = exchange(generate(s_streamArray));
        QCOMPARE(response.status, 200);
        QVERIFY(response.complete);
        QVERIFY(response.header("content-type").startsWith("application/json"));
        QVERIFY(response.chunks.size() >= 3);
        QVERIFY(response.chunks.first().startsWith("[{"));
        QVERIFY(response.chunks.at(1).startsWith(",\r\n{"));
        QCOMPARE(response.chunks.last(), QByteArray("]"));
        const QJsonDocument document = QJsonDocument::fromJson(response.body);
        QVERIFY(document.isArray());
        QCOMPARE(document.array().size(), response.chunks.size() - 1);
        QCOMPARE(candidate(document.array().last().toObject()).value(QStringLiteral("finishReason")).toString(),
                 QStringLiteral("STOP"));
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("statusText");
        QTest::addColumn<QString>("message");
        QTest::newRow("no key") << generate(s_generate, helloBody(), {}) << 403
                                << QStringLiteral("PERMISSION_DENIED") << QStringLiteral("Method doesn't allow unregistered callers");
        QTest::newRow("wrong header key") << generate(s_generate, helloBody(), {{"x-goog-api-key", "AIza-other"}})
                                          << 400 << QStringLiteral("INVALID_ARGUMENT") << QStringLiteral("API key not valid.");
        QTest::newRow("wrong query key") << generate(QByteArray(s_generate) + "?key=AIza-other", helloBody(), {})
                                         << 400 << QStringLiteral("INVALID_ARGUMENT") << QStringLiteral("API key not valid.");
        QTest::newRow("additionalProperties")
            << generate(s_generate, R"({"contents":[{"role":"user","parts":[{"text":"x"}]}],"tools":[{"functionDeclarations":[{"name":"f","parameters":{"type":"object","additionalProperties":false}}]}]})")
            << 400 << QStringLiteral("INVALID_ARGUMENT")
            << QStringLiteral("Invalid JSON payload received. Unknown name \"additionalProperties\" at 'tools[0].function_declarations[0].parameters': Cannot find field.");
        QTest::newRow("nested $schema")
            << generate(s_generate, R"({"contents":[{"role":"user","parts":[{"text":"x"}]}],"tools":[{"function_declarations":[{"name":"f","parameters":{"type":"object","properties":{"a":{"type":"array","items":{"$schema":"x"}}}}}]}]})")
            << 400 << QStringLiteral("INVALID_ARGUMENT")
            << QStringLiteral("Invalid JSON payload received. Unknown name \"$schema\" at 'tools[0].function_declarations[0].parameters.properties[0].value.items': Cannot find field.");
        QTest::newRow("OpenAI-style body")
            << generate(s_generate, R"({"messages":[{"role":"user","content":"x"}]})") << 400
            << QStringLiteral("INVALID_ARGUMENT") << QStringLiteral("Invalid JSON payload received. Unknown name \"messages\": Cannot find field.");
        QTest::newRow("no contents") << generate(s_generate, R"({"contents":[]})") << 400
                                     << QStringLiteral("INVALID_ARGUMENT") << QStringLiteral("* GenerateContentRequest.contents: contents is not specified");
        QTest::newRow("assistant role")
            << generate(s_generate, R"({"contents":[{"role":"assistant","parts":[{"text":"x"}]}]})") << 400
            << QStringLiteral("INVALID_ARGUMENT") << QStringLiteral("Please use a valid role: user, model.");
        QTest::newRow("scalar functionResponse")
            << generate(s_generate, R"({"contents":[{"role":"user","parts":[{"functionResponse":{"name":"f","response":"0.91"}}]}]})")
            << 400 << QStringLiteral("INVALID_ARGUMENT") << QStringLiteral("Invalid value at 'contents[0].parts[0].function_response.response'");
        QTest::newRow("unknown method") << generate("/v1beta/models/gemini-2.5-flash:predict") << 404
                                        << QStringLiteral("NOT_FOUND") << QStringLiteral("models/gemini-2.5-flash is not found");
    }

    void errors()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(QString, statusText);
        QFETCH(QString, message);
        m_server->setExpectedApiKey(QStringLiteral("AIza-test"));
        const RawHttp::Response response = exchange(request);
        QCOMPARE(response.status, status);
        const QJsonObject error = obj(json(response.body), "error");
        QCOMPARE(num(error, "code"), status);
        QCOMPARE(error.value(QStringLiteral("status")).toString(), statusText);
        const QString text = error.value(QStringLiteral("message")).toString();
        QVERIFY2(text.startsWith(message), qPrintable(text));
        QVERIFY(!response.body.contains("AIza"));
        if (text.contains(QStringLiteral("Unknown name"))) {
            const QJsonObject badRequest = arr(error, "details").first().toObject();
            QCOMPARE(badRequest.value(QStringLiteral("@type")).toString(),
                     QStringLiteral("type.googleapis.com/google.rpc.BadRequest"));
            QVERIFY(!arr(badRequest, "fieldViolations").isEmpty());
        }
    }

    void queryKeyAccepted()
    {
        m_server->setExpectedApiKey(QStringLiteral("AIza-test"));
        QCOMPARE(exchange(generate(QByteArray(s_streamSse) + "&key=AIza-test", helloBody(), {})).status, 200);
        QVERIFY(m_server->requests().last().path.contains("key="));
    }

    void httpFaults_data()
    {
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("statusText");
        QTest::newRow("500") << Fault::ServerError500 << 500 << QStringLiteral("INTERNAL");
        QTest::newRow("429") << Fault::RateLimited429 << 429 << QStringLiteral("RESOURCE_EXHAUSTED");
        QTest::newRow("503") << Fault::Overloaded503 << 503 << QStringLiteral("UNAVAILABLE");
        QTest::newRow("error event, non-stream") << Fault::ErrorEventMidStream << 503 << QStringLiteral("UNAVAILABLE");
    }

    void httpFaults()
    {
        QFETCH(Fault, fault);
        QFETCH(int, status);
        QFETCH(QString, statusText);
        m_server->setFault(fault, 1);
        const RawHttp::Response response = exchange(generate(s_generate));
        QCOMPARE(response.status, status);
        const QJsonObject error = obj(json(response.body), "error");
        QCOMPARE(error.value(QStringLiteral("status")).toString(), statusText);
        if (status == 429) {
            QString retryDelay;
            for (const QJsonValue &detail : arr(error, "details")) {
                if (detail.toObject().value(QStringLiteral("@type")).toString().endsWith(QLatin1String("RetryInfo")))
                    retryDelay = detail.toObject().value(QStringLiteral("retryDelay")).toString();
            }
            QCOMPARE(retryDelay, QStringLiteral("1s"));
        }
        QCOMPARE(exchange(generate(s_generate)).status, 200); // the count ran out
    }

    void midStreamFaults_data()
    {
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<bool>("sse");
        QTest::newRow("drop, sse") << Fault::DropMidStream << true;
        QTest::newRow("drop, array") << Fault::DropMidStream << false;
        QTest::newRow("error, sse") << Fault::ErrorEventMidStream << true;
        QTest::newRow("error, array") << Fault::ErrorEventMidStream << false;
    }

    void midStreamFaults()
    {
        QFETCH(Fault, fault);
        QFETCH(bool, sse);
        m_server->setFault(fault, 1);
        const RawHttp::Response response = exchange(generate(sse ? s_streamSse : s_streamArray));
        QCOMPARE(response.status, 200);
        QVERIFY(!response.body.contains("\"finishReason\""));
        QCOMPARE(response.body, m_server->lastResponseBody());
        if (fault == Fault::DropMidStream) {
            QVERIFY(!response.complete);
            QVERIFY(response.closed);
            QVERIFY(!response.chunks.isEmpty());
            return;
        }
        QVERIFY(response.complete);
        QJsonObject error;
        if (sse) {
            QVERIFY(response.chunks.last().startsWith("data: {\"error\""));
            QVERIFY(response.chunks.last().endsWith("\r\n\r\n"));
            error = obj(json(response.chunks.last().mid(6)), "error");
        } else {
            const QJsonDocument document = QJsonDocument::fromJson(response.body);
            QVERIFY(document.isArray());
            error = obj(document.array().last().toObject(), "error");
        }
        QCOMPARE(error.value(QStringLiteral("status")).toString(), QStringLiteral("UNAVAILABLE"));
    }

    void hang()
    {
        m_server->setFault(Fault::Hang, 1);
        QTcpSocket socket;
        MockServerTest::verifyNoAnswer(*m_server, socket, generate(s_generate));
        QCOMPARE(exchange(generate(s_generate)).status, 200);
    }

    void refuseConnection()
    {
        const quint16 port = m_server->port();
        m_server->setFault(Fault::RefuseConnection);
        MockServerTest::verifyRefused(port);
        m_server->setFault(Fault::None);
        QCOMPARE(exchange(generate(s_generate)).status, 200);
    }

    void faultNames()
    {
        QCOMPARE(MockGeminiServer::faultFromName(QStringLiteral("Overloaded503")), Fault::Overloaded503);
        QCOMPARE(MockGeminiServer::faultName(Fault::DropMidStream), QStringLiteral("DropMidStream"));
        QVERIFY(!MockGeminiServer::faultFromName(QStringLiteral("Overloaded529")));
    }

    void executablePrintsListeningLine()
    {
        QProcess process;
        quint16 port = 0;
        MockServerTest::startExecutable(process, QStringLiteral(MOCK_GEMINI_EXE),
                                        {QStringLiteral("--reply"), QStringLiteral("Pong.")}, "mock-gemini", &port);
        if (QTest::currentTestFailed())
            return;
        const RawHttp::Response response = RawHttp::exchange(port, generate(s_generate));
        QCOMPARE(parts(json(response.body)).first().toObject().value(QStringLiteral("text")).toString(),
                 QStringLiteral("Pong."));
        MockServerTest::stopExecutable(process);
    }
};

QTEST_GUILESS_MAIN(tst_MockGeminiServer)
#include "tst_mockgeminiserver.moc"
