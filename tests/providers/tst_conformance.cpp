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
using Translate::StopReason;
using Translate::WireFormat;

namespace {

const QString s_system = QStringLiteral("Be brief.");
const QString s_png = QStringLiteral("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
const QJsonObject s_args{{QStringLiteral("from"), QStringLiteral("USD")},
                         {QStringLiteral("to"), QStringLiteral("EUR")}};
const QJsonObject s_result{{QStringLiteral("rate"), 0.91}};

QJsonObject parse(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject schema()
{
    return parse(QStringLiteral(R"({"type":"object","properties":{"from":{"type":"string"},)"
                                R"("to":{"type":"string"}},"required":["from","to"]})"));
}

/// The client's request body for one scenario, in the client's own format.
QJsonObject clientBody(WireFormat client, const QString &scenario, bool stream)
{
    const bool anthropic = client == WireFormat::Anthropic;
    const QString toolId = anthropic ? QStringLiteral("toolu_fx_1") : QStringLiteral("call_fx_1");
    QJsonArray messages;
    if (!anthropic) {
        messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                                    {QStringLiteral("content"), s_system}});
    }
    const auto user = [](const QJsonValue &content) {
        return QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                           {QStringLiteral("content"), content}};
    };
    if (scenario == QLatin1String("plain text")) {
        messages.append(user(QStringLiteral("Say hi")));
    } else if (scenario == QLatin1String("tool call")) {
        messages.append(user(QStringLiteral("Convert 18.20 USD to EUR.")));
    } else if (scenario == QLatin1String("tool result")) {
        messages.append(user(QStringLiteral("Convert 18.20 USD to EUR.")));
        if (anthropic) {
            messages.append(parse(QStringLiteral(
                R"({"role":"assistant","content":[{"type":"tool_use","id":"%1","name":"fx_rate","input":%2}]})")
                .arg(toolId, compact(s_args))));
            messages.append(user(QJsonArray{QJsonObject{
                {QStringLiteral("type"), QStringLiteral("tool_result")},
                {QStringLiteral("tool_use_id"), toolId},
                {QStringLiteral("content"), compact(s_result)}}}));
        } else {
            QJsonObject call = parse(QStringLiteral(
                R"({"id":"%1","type":"function","function":{"name":"fx_rate"}})").arg(toolId));
            QJsonObject fn = call.value(QStringLiteral("function")).toObject();
            fn.insert(QStringLiteral("arguments"), compact(s_args));
            call.insert(QStringLiteral("function"), fn);
            messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                        {QStringLiteral("content"), QJsonValue::Null},
                                        {QStringLiteral("tool_calls"), QJsonArray{call}}});
            messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("tool")},
                                        {QStringLiteral("tool_call_id"), toolId},
                                        {QStringLiteral("content"), compact(s_result)}});
        }
    } else { // image
        const QJsonObject text{{QStringLiteral("type"), QStringLiteral("text")},
                               {QStringLiteral("text"), QStringLiteral("What is in this image?")}};
        const QJsonObject image = anthropic
            ? parse(QStringLiteral(R"({"type":"image","source":{"type":"base64","media_type":"image/png","data":"%1"}})").arg(s_png))
            : parse(QStringLiteral(R"({"type":"image_url","image_url":{"url":"data:image/png;base64,%1"}})").arg(s_png));
        messages.append(user(QJsonArray{text, image}));
    }
    QJsonObject body{{QStringLiteral("model"), QStringLiteral("client-alias")},
                     {QStringLiteral("max_tokens"), 100},
                     {QStringLiteral("messages"), messages}};
    if (anthropic) {
        body.insert(QStringLiteral("system"), s_system);
    }
    if (scenario.startsWith(QLatin1String("tool"))) {
        const QJsonObject tool = anthropic
            ? QJsonObject{{QStringLiteral("name"), QStringLiteral("fx_rate")},
                          {QStringLiteral("description"), QStringLiteral("Exchange rate lookup")},
                          {QStringLiteral("input_schema"), schema()}}
            : QJsonObject{{QStringLiteral("type"), QStringLiteral("function")},
                          {QStringLiteral("function"),
                           QJsonObject{{QStringLiteral("name"), QStringLiteral("fx_rate")},
                                       {QStringLiteral("description"), QStringLiteral("Exchange rate lookup")},
                                       {QStringLiteral("parameters"), schema()}}}};
        body.insert(QStringLiteral("tools"), QJsonArray{tool});
    }
    if (stream) {
        body.insert(QStringLiteral("stream"), true);
        if (!anthropic) {
            body.insert(QStringLiteral("stream_options"),
                        QJsonObject{{QStringLiteral("include_usage"), true}});
        }
    }
    return body;
}

/// What the upstream received, read back from its own format.
struct UpstreamSummary
{
    QString system;
    QStringList toolNames;
    ToolSeen call;           ///< the assistant's earlier tool call (tool-result turn)
    QString resultId;        ///< OpenAI tool_call_id / Anthropic tool_use_id / Gemini name
    QJsonObject result;
    QString imageType;
    QString imageData;
    qint64 maxTokens = -1;
};

QString textOf(const QJsonValue &content)
{
    if (content.isString()) {
        return content.toString();
    }
    QString text;
    for (const QJsonValue &part : content.toArray()) {
        text += part.toObject().value(QStringLiteral("text")).toString();
    }
    return text;
}

UpstreamSummary summarise(WireFormat format, const QJsonObject &body)
{
    UpstreamSummary s;
    const auto str = [](const QJsonObject &o, const char *key) {
        return o.value(QLatin1String(key)).toString();
    };
    if (format == WireFormat::OpenAi) {
        s.maxTokens = body.value(QStringLiteral("max_tokens"))
                          .toInteger(body.value(QStringLiteral("max_completion_tokens")).toInteger(-1));
        for (const QJsonValue &t : body.value(QStringLiteral("tools")).toArray()) {
            s.toolNames.append(str(t.toObject().value(QStringLiteral("function")).toObject(), "name"));
        }
        for (const QJsonValue &v : body.value(QStringLiteral("messages")).toArray()) {
            const QJsonObject m = v.toObject();
            const QString role = str(m, "role");
            if (role == QLatin1String("system")) {
                s.system += textOf(m.value(QStringLiteral("content")));
            } else if (role == QLatin1String("tool")) {
                s.resultId = str(m, "tool_call_id");
                s.result = parse(textOf(m.value(QStringLiteral("content"))));
            } else if (role == QLatin1String("assistant")) {
                const QJsonObject call = m.value(QStringLiteral("tool_calls")).toArray().first().toObject();
                const QJsonObject fn = call.value(QStringLiteral("function")).toObject();
                s.call = {str(call, "id"), str(fn, "name"), parse(str(fn, "arguments"))};
            }
            for (const QJsonValue &p : m.value(QStringLiteral("content")).toArray()) {
                const QString url = str(p.toObject().value(QStringLiteral("image_url")).toObject(), "url");
                if (url.startsWith(QLatin1String("data:"))) {
                    s.imageType = url.mid(5, url.indexOf(QLatin1Char(';')) - 5);
                    s.imageData = url.mid(url.indexOf(QLatin1Char(',')) + 1);
                }
            }
        }
    } else if (format == WireFormat::Anthropic) {
        s.maxTokens = body.value(QStringLiteral("max_tokens")).toInteger(-1);
        s.system = textOf(body.value(QStringLiteral("system")));
        for (const QJsonValue &t : body.value(QStringLiteral("tools")).toArray()) {
            s.toolNames.append(str(t.toObject(), "name"));
        }
        for (const QJsonValue &v : body.value(QStringLiteral("messages")).toArray()) {
            for (const QJsonValue &b : v.toObject().value(QStringLiteral("content")).toArray()) {
                const QJsonObject block = b.toObject();
                const QString type = str(block, "type");
                if (type == QLatin1String("tool_use")) {
                    s.call = {str(block, "id"), str(block, "name"),
                              block.value(QStringLiteral("input")).toObject()};
                } else if (type == QLatin1String("tool_result")) {
                    s.resultId = str(block, "tool_use_id");
                    s.result = parse(textOf(block.value(QStringLiteral("content"))));
                } else if (type == QLatin1String("image")) {
                    const QJsonObject source = block.value(QStringLiteral("source")).toObject();
                    s.imageType = str(source, "media_type");
                    s.imageData = str(source, "data");
                }
            }
        }
    } else {
        s.maxTokens = body.value(QStringLiteral("generationConfig")).toObject()
                          .value(QStringLiteral("maxOutputTokens")).toInteger(-1);
        s.system = textOf(body.value(QStringLiteral("systemInstruction")).toObject()
                              .value(QStringLiteral("parts")));
        for (const QJsonValue &t : body.value(QStringLiteral("tools")).toArray()) {
            for (const QJsonValue &d : t.toObject().value(QStringLiteral("functionDeclarations")).toArray()) {
                s.toolNames.append(str(d.toObject(), "name"));
            }
        }
        for (const QJsonValue &v : body.value(QStringLiteral("contents")).toArray()) {
            for (const QJsonValue &p : v.toObject().value(QStringLiteral("parts")).toArray()) {
                const QJsonObject part = p.toObject();
                if (part.contains(QStringLiteral("functionCall"))) {
                    const QJsonObject fc = part.value(QStringLiteral("functionCall")).toObject();
                    s.call = {str(fc, "id"), str(fc, "name"), fc.value(QStringLiteral("args")).toObject()};
                } else if (part.contains(QStringLiteral("functionResponse"))) {
                    const QJsonObject fr = part.value(QStringLiteral("functionResponse")).toObject();
                    s.resultId = str(fr, "name");
                    s.result = fr.value(QStringLiteral("response")).toObject();
                } else if (part.contains(QStringLiteral("inlineData"))) {
                    const QJsonObject data = part.value(QStringLiteral("inlineData")).toObject();
                    s.imageType = str(data, "mimeType");
                    s.imageData = str(data, "data");
                }
            }
        }
    }
    return s;
}

} // namespace

class tst_Conformance final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void matrix_data();
    void matrix();

private:
    Mocks m_mocks;
    std::unique_ptr<UpstreamClient> m_client;
};

void tst_Conformance::initTestCase()
{
    registerProviderMetaTypes();
    QVERIFY(m_mocks.listen());
    m_client = std::make_unique<UpstreamClient>();
}

void tst_Conformance::init()
{
    m_mocks.reset();
}

void tst_Conformance::matrix_data()
{
    QTest::addColumn<WireFormat>("client");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QString>("scenario");
    const QList<QPair<WireFormat, const char *>> clients{{WireFormat::OpenAi, "openai client"},
                                                         {WireFormat::Anthropic, "anthropic client"}};
    const QStringList kinds{QStringLiteral("openai"), QStringLiteral("anthropic"), QStringLiteral("gemini")};
    const QStringList scenarios{QStringLiteral("plain text"), QStringLiteral("tool call"),
                                QStringLiteral("tool result"), QStringLiteral("image")};
    for (const auto &client : clients) {
        for (const QString &kind : kinds) {
            for (const bool stream : {false, true}) {
                for (const QString &scenario : scenarios) {
                    const QString name = QStringLiteral("%1 / %2 / %3 / %4")
                                             .arg(QLatin1String(client.second), kind,
                                                  stream ? QStringLiteral("stream") : QStringLiteral("json"),
                                                  scenario);
                    QTest::newRow(qPrintable(name)) << client.first << kind << stream << scenario;
                }
            }
        }
    }
}

void tst_Conformance::matrix()
{
    QFETCH(WireFormat, client);
    QFETCH(QString, kind);
    QFETCH(bool, stream);
    QFETCH(QString, scenario);

    const bool toolCall = scenario == QLatin1String("tool call");
    const QString expectedText = toolCall ? QString()
                                 : scenario == QLatin1String("image") ? QStringLiteral("I see a tiny PNG.")
                                 : scenario == QLatin1String("tool result")
                                     ? QStringLiteral("18.20 USD is about 16.56 EUR.")
                                     : QStringLiteral("Hello from the mock upstream, in several words.");
    m_mocks.setReplyText(expectedText);
    if (toolCall) {
        m_mocks.setToolCall(QStringLiteral("fx_rate"), compact(s_args));
    }

    ProviderRequest request;
    request.requestId = QStringLiteral("req-conformance");
    request.clientFormat = client;
    request.body = clientBody(client, scenario, stream);
    Result<Translate::ChatRequest> chat = client == WireFormat::Anthropic
                                              ? Translate::AnthropicCodec::decodeRequest(request.body)
                                              : Translate::OpenAiCodec::decodeRequest(request.body);
    QVERIFY2(chat.ok(), qPrintable(chat.ok() ? QString() : chat.error().message));
    request.chat = std::make_shared<const Translate::ChatRequest>(chat.value());
    request.upstreamModel = Mocks::upstreamModel(kind);
    request.stream = stream;
    request.clientWantsUsage = stream && client == WireFormat::OpenAi;

    const std::shared_ptr<IProvider> provider = createProvider(m_mocks.settings(kind), m_client.get());
    QVERIFY(provider);
    QCOMPARE(provider->kind(), kind);
    QCOMPARE(provider->wireFormat(), Mocks::formatOf(kind));
    auto w = watch(provider->startChat(request, this));
    QVERIFY(waitDone(*w));
    if (!w->failed->isEmpty()) {
        QFAIL(qPrintable(w->error().message + QLatin1Char(' ') + QString::fromUtf8(w->error().clientBody)));
    }
    QCOMPARE(w->started->size(), 1);
    QCOMPARE(w->started->first().at(0).toInt(), 200);
    const QByteArray contentType = headerValue(w->started->first().at(1).value<HttpHeaders>(), "content-type");
    QVERIFY2(contentType.startsWith(stream ? "text/event-stream" : "application/json"), contentType.constData());

    // The exact upstream request.
    const WireFormat upstream = Mocks::formatOf(kind);
    QCOMPARE(m_mocks.requestCount(kind), 1);
    const Mocks::Request sent = m_mocks.lastRequest(kind);
    if (kind == QLatin1String("openai")) {
        QCOMPARE(sent.path, QByteArray("/v1/chat/completions"));
        QCOMPARE(headerValue(sent.headers, "authorization"), "Bearer " + s_providerKey.toUtf8());
    } else if (kind == QLatin1String("anthropic")) {
        QCOMPARE(sent.path, QByteArray("/v1/messages"));
        QCOMPARE(headerValue(sent.headers, "x-api-key"), s_providerKey.toUtf8());
        QCOMPARE(headerValue(sent.headers, "anthropic-version"), QByteArray("2023-06-01"));
    } else {
        QCOMPARE(sent.path, stream ? QByteArray("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse")
                                   : QByteArray("/v1beta/models/gemini-2.5-flash:generateContent"));
        QCOMPARE(headerValue(sent.headers, "x-goog-api-key"), s_providerKey.toUtf8());
        QVERIFY(!sent.body.contains(QStringLiteral("model")));
    }
    QVERIFY(headerValue(sent.headers, "authorization").isEmpty() || kind == QLatin1String("openai"));
    if (upstream != WireFormat::Gemini) {
        QCOMPARE(sent.body.value(QStringLiteral("model")).toString(), Mocks::upstreamModel(kind));
        QCOMPARE(sent.body.value(QStringLiteral("stream")).toBool(), stream);
    }
    const UpstreamSummary summary = summarise(upstream, sent.body);
    QCOMPARE(summary.system, s_system);
    QCOMPARE(summary.maxTokens, qint64(100));
    if (scenario.startsWith(QLatin1String("tool"))) {
        QCOMPARE(summary.toolNames, QStringList{QStringLiteral("fx_rate")});
    }
    if (scenario == QLatin1String("tool result")) {
        const QString toolId = client == WireFormat::Anthropic ? QStringLiteral("toolu_fx_1")
                                                               : QStringLiteral("call_fx_1");
        QCOMPARE(summary.call.name, QStringLiteral("fx_rate"));
        QCOMPARE(summary.call.args, s_args);
        QCOMPARE(summary.result, s_result);
        if (upstream == WireFormat::Gemini) {
            QCOMPARE(summary.resultId, QStringLiteral("fx_rate")); // matched by name
        } else {
            QCOMPARE(summary.call.id, toolId);
            QCOMPARE(summary.resultId, toolId);
        }
    }
    if (scenario == QLatin1String("image")) {
        QCOMPARE(summary.imageType, QStringLiteral("image/png"));
        QCOMPARE(summary.imageData, s_png);
    }

    // What the client sees, against what the upstream said.
    const CallResult result = w->result();
    const QByteArray upstreamBytes = m_mocks.lastResponseBody(kind);
    const ClientView truth = stream ? viewOfStream(upstream, upstreamBytes) : viewOfBody(upstream, upstreamBytes);
    QVERIFY(truth.decoded);
    ClientView seen;
    if (stream) {
        for (const QByteArray &emission : w->emissions) {
            QVERIFY2(emission.endsWith("\n\n"), emission.constData()); // whole events only
        }
        seen = viewOfStream(client, w->relayed() + result.tail);
        QVERIFY(seen.complete);
        QVERIFY(!seen.sawError);
    } else {
        QVERIFY(w->emissions.isEmpty());
        seen = viewOfBody(client, result.tail);
    }
    QVERIFY2(seen.decoded, qPrintable(seen.errorMessage));
    QCOMPARE(seen.text, expectedText);
    QCOMPARE(truth.text, expectedText);
    QCOMPARE(seen.id, truth.id);
    QCOMPARE(seen.tools.size(), toolCall ? 1 : 0);
    QCOMPARE(truth.tools.size(), seen.tools.size());
    if (toolCall) {
        QCOMPARE(seen.tools.first().name, QStringLiteral("fx_rate"));
        QCOMPARE(seen.tools.first().args, s_args);
        QVERIFY(!seen.tools.first().id.isEmpty());
        QCOMPARE(seen.tools.first().id, truth.tools.first().id);
    }
    QVERIFY(seen.sawStop);
    QCOMPARE(seen.stop, toolCall ? StopReason::ToolUse : StopReason::EndTurn);
    QCOMPARE(truth.stop, seen.stop);
    QVERIFY(truth.usage.known);
    QVERIFY(truth.usage.outputTokens > 0);
    QVERIFY(seen.usage.known);
    QCOMPARE(seen.usage.inputTokens, truth.usage.inputTokens);
    QCOMPARE(seen.usage.cacheReadTokens, truth.usage.cacheReadTokens);
    QCOMPARE(seen.usage.outputTokens, truth.usage.outputTokens);
    QVERIFY(result.usage.known);
    QCOMPARE(result.usage.inputTokens, truth.usage.inputTokens);
    QCOMPARE(result.usage.outputTokens, truth.usage.outputTokens);
    QVERIFY(!result.upstreamModel.isEmpty());
}

QTEST_GUILESS_MAIN(tst_Conformance)
#include "tst_conformance.moc"
