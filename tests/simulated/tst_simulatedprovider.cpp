// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/providers/providermetatypes.h"
#include "core/providers/simulated/simulatedcall.h"
#include "core/providers/simulated/simulatedprovider.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Switchyard::Providers;

namespace {

Switchyard::Config::ProviderSettings settings(double failureRate = 0, int latencyMs = 0)
{
    Switchyard::Config::ProviderSettings s;
    s.id = QStringLiteral("sim");
    s.kind = QStringLiteral("simulated");
    s.failureRate = failureRate;
    s.latencyMs = latencyMs;
    s.tokensPerSecond = 1'000'000;
    return s;
}

ProviderRequest chatRequest(bool stream, bool wantsUsage, const QString &prompt = QStringLiteral("What is Switchyard?"))
{
    ProviderRequest request;
    request.requestId = QStringLiteral("req-") + prompt;
    request.body = QJsonObject{
        {QStringLiteral("model"), QStringLiteral("demo")},
        {QStringLiteral("messages"),
         QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("system")}, {QStringLiteral("content"), QStringLiteral("Be brief.")}},
                    QJsonObject{{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), prompt}}}},
        {QStringLiteral("stream"), stream},
    };
    request.upstreamModel = QStringLiteral("sim-small");
    request.stream = stream;
    request.clientWantsUsage = wantsUsage;
    return request;
}

QJsonObject withForcedTool(QJsonObject body, const QJsonValue &toolChoice)
{
    const QJsonObject parameters{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("city"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
                     {QStringLiteral("days"), QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")}}},
                     {QStringLiteral("unit"), QJsonObject{{QStringLiteral("enum"), QJsonArray{QStringLiteral("C"), QStringLiteral("F")}}}}}},
        {QStringLiteral("required"), QJsonArray{QStringLiteral("city"), QStringLiteral("days"), QStringLiteral("unit")}},
    };
    body.insert(QStringLiteral("tools"),
                QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("function")},
                                       {QStringLiteral("function"), QJsonObject{{QStringLiteral("name"), QStringLiteral("weather")},
                                                                                {QStringLiteral("parameters"), parameters}}}}});
    body.insert(QStringLiteral("tool_choice"), toolChoice);
    return body;
}

/// The outcome of one call, collected from its signals.
struct Outcome
{
    QList<QByteArray> data;
    int startedStatus = 0;
    bool finished = false;
    CallResult result;
    std::optional<ProviderError> error;
};

Outcome run(SimulatedProvider &provider, const ProviderRequest &request)
{
    QObject owner;
    Outcome outcome;
    ProviderCall *call = provider.startChat(request, &owner);
    QObject::connect(call, &ProviderCall::started, call, [&](int status) { outcome.startedStatus = status; });
    QObject::connect(call, &ProviderCall::data, call, [&](const QByteArray &bytes) { outcome.data.append(bytes); });
    QObject::connect(call, &ProviderCall::finished, call, [&](const CallResult &result) {
        outcome.result = result;
        outcome.finished = true;
    });
    QObject::connect(call, &ProviderCall::failed, call, [&](const ProviderError &error) { outcome.error = error; });
    [[maybe_unused]] const bool done = QTest::qWaitFor([&] { return outcome.finished || outcome.error.has_value(); }, 5000);
    return outcome;
}

QList<QJsonObject> sseEvents(const QByteArray &bytes, bool *wellFormed)
{
    QList<QJsonObject> events;
    *wellFormed = bytes.endsWith("\n\n");
    for (const QByteArray &event : bytes.split('\n')) {
        if (event.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(event.mid(6), &error);
        *wellFormed = *wellFormed && event.startsWith("data: {") && error.error == QJsonParseError::NoError;
        events.append(document.object());
    }
    return events;
}

QJsonObject firstChoice(const QJsonObject &object)
{
    return object.value(QStringLiteral("choices")).toArray().first().toObject();
}

} // namespace

class tst_SimulatedProvider : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        registerProviderMetaTypes();
    }

    void identity()
    {
        SimulatedProvider provider(settings());
        QCOMPARE(provider.id(), QStringLiteral("sim"));
        QCOMPARE(provider.kind(), QStringLiteral("simulated"));
    }

    void noSignalsInsideStartChat()
    {
        SimulatedProvider provider(settings());
        QObject owner;
        ProviderCall *call = provider.startChat(chatRequest(false, false), &owner);
        QSignalSpy started(call, &ProviderCall::started);
        QSignalSpy finished(call, &ProviderCall::finished);
        QCOMPARE(started.count(), 0);
        QVERIFY(finished.wait(5000));
        QCOMPARE(started.count(), 1);
        QCOMPARE(call->parent(), &owner);
    }

    void nonStream()
    {
        SimulatedProvider provider(settings());
        const Outcome outcome = run(provider, chatRequest(false, false));
        QVERIFY(outcome.finished);
        QCOMPARE(outcome.startedStatus, 200);
        QVERIFY(outcome.data.isEmpty());
        QJsonParseError parseError;
        const QJsonObject body = QJsonDocument::fromJson(outcome.result.tail, &parseError).object();
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QVERIFY(body.value(QStringLiteral("id")).toString().startsWith(QStringLiteral("chatcmpl-")));
        QCOMPARE(body.value(QStringLiteral("object")).toString(), QStringLiteral("chat.completion"));
        QCOMPARE(body.value(QStringLiteral("model")).toString(), QStringLiteral("sim-small"));
        QCOMPARE(body.value(QStringLiteral("system_fingerprint")).toString(), QStringLiteral("switchyard-simulated"));
        const QJsonObject choice = firstChoice(body);
        QCOMPARE(choice.value(QStringLiteral("finish_reason")).toString(), QStringLiteral("stop"));
        const QString text = choice.value(QStringLiteral("message")).toObject().value(QStringLiteral("content")).toString();
        QVERIFY(text.size() >= 40 * 4 - 4);
        QVERIFY(text.size() <= 81 * 4 + 200); // one sentence of overshoot at most

        const Switchyard::Usage usage = outcome.result.usage;
        QVERIFY(usage.known);
        QVERIFY(usage.inputTokens > 0);
        QCOMPARE(usage.outputTokens, (text.size() + 3) / 4);
        QCOMPARE(outcome.result.upstreamModel, QStringLiteral("sim-small"));
        const QJsonObject jsonUsage = body.value(QStringLiteral("usage")).toObject();
        QCOMPARE(jsonUsage.value(QStringLiteral("prompt_tokens")).toInteger(), usage.promptTokens());
        QCOMPARE(jsonUsage.value(QStringLiteral("completion_tokens")).toInteger(), usage.outputTokens);
        QCOMPARE(jsonUsage.value(QStringLiteral("total_tokens")).toInteger(), usage.totalTokens());

        // Deterministic per prompt.
        const Outcome again = run(provider, chatRequest(false, false));
        QCOMPARE(firstChoice(QJsonDocument::fromJson(again.result.tail).object())
                     .value(QStringLiteral("message")).toObject().value(QStringLiteral("content")).toString(),
                 text);
    }

    void maxTokensCapsTheReply()
    {
        SimulatedProvider provider(settings());
        ProviderRequest request = chatRequest(false, false);
        request.body.insert(QStringLiteral("max_completion_tokens"), 6);
        const Outcome outcome = run(provider, request);
        QVERIFY(outcome.finished);
        const QJsonObject choice = firstChoice(QJsonDocument::fromJson(outcome.result.tail).object());
        QCOMPARE(choice.value(QStringLiteral("finish_reason")).toString(), QStringLiteral("length"));
        QVERIFY(outcome.result.usage.outputTokens <= 6);
        QVERIFY(!choice.value(QStringLiteral("message")).toObject().value(QStringLiteral("content")).toString().isEmpty());
    }

    void stream_data()
    {
        QTest::addColumn<bool>("wantsUsage");
        QTest::newRow("client wants usage") << true;
        QTest::newRow("client does not want usage") << false;
    }

    void stream()
    {
        QFETCH(bool, wantsUsage);
        SimulatedProvider provider(settings());
        const Outcome outcome = run(provider, chatRequest(true, wantsUsage));
        QVERIFY(outcome.finished);
        QCOMPARE(outcome.startedStatus, 200);
        QCOMPARE(outcome.result.tail, QByteArray("data: [DONE]\n\n"));
        QVERIFY(outcome.result.usage.known);
        QVERIFY(outcome.result.usage.outputTokens > 0);
        for (const QByteArray &bytes : outcome.data) {
            QVERIFY(bytes.endsWith("\n\n")); // whole events per data()
            QVERIFY(!bytes.contains("[DONE]"));
        }
        bool wellFormed = false;
        const QList<QJsonObject> events = sseEvents(outcome.data.join(), &wellFormed);
        QVERIFY(wellFormed);
        QVERIFY(events.size() >= 4);
        const QJsonValue id = events.first().value(QStringLiteral("id"));
        const QJsonObject roleDelta = firstChoice(events.first()).value(QStringLiteral("delta")).toObject();
        QCOMPARE(roleDelta.value(QStringLiteral("role")).toString(), QStringLiteral("assistant"));
        QVERIFY(roleDelta.value(QStringLiteral("content")).isString());
        QString text;
        int usageChunks = 0;
        int finishIndex = -1;
        for (int i = 0; i < events.size(); ++i) {
            const QJsonObject &event = events.at(i);
            QCOMPARE(event.value(QStringLiteral("id")), id);
            QCOMPARE(event.value(QStringLiteral("created")), events.first().value(QStringLiteral("created")));
            QCOMPARE(event.value(QStringLiteral("model")).toString(), QStringLiteral("sim-small"));
            QCOMPARE(event.value(QStringLiteral("object")).toString(), QStringLiteral("chat.completion.chunk"));
            if (event.value(QStringLiteral("choices")).toArray().isEmpty()) {
                ++usageChunks;
                QCOMPARE(i, events.size() - 1);
                QCOMPARE(event.value(QStringLiteral("usage")).toObject().value(QStringLiteral("completion_tokens")).toInteger(),
                         outcome.result.usage.outputTokens);
                continue;
            }
            const QJsonObject choice = firstChoice(event);
            if (!choice.value(QStringLiteral("finish_reason")).isNull()) {
                QCOMPARE(finishIndex, -1);
                finishIndex = i;
                QVERIFY(choice.value(QStringLiteral("delta")).toObject().isEmpty());
            }
            text += choice.value(QStringLiteral("delta")).toObject().value(QStringLiteral("content")).toString();
        }
        QCOMPARE(usageChunks, wantsUsage ? 1 : 0);
        QCOMPARE(finishIndex, int(events.size()) - 1 - usageChunks);

        // The streamed text is the same text the non-streamed reply carries.
        const Outcome plain = run(provider, chatRequest(false, false));
        QCOMPARE(text, firstChoice(QJsonDocument::fromJson(plain.result.tail).object())
                           .value(QStringLiteral("message")).toObject().value(QStringLiteral("content")).toString());
    }

    void pacingSpreadsTheStream()
    {
        Switchyard::Config::ProviderSettings s = settings();
        s.tokensPerSecond = 2000; // ~2 ms per chunk: several data() calls, still fast
        SimulatedProvider provider(s);
        const Outcome outcome = run(provider, chatRequest(true, false));
        QVERIFY(outcome.finished);
        QVERIFY(outcome.data.size() >= 5);
    }

    void failureRate()
    {
        SimulatedProvider provider(settings(1.0));
        const Outcome outcome = run(provider, chatRequest(true, true));
        QVERIFY(outcome.error.has_value());
        QVERIFY(!outcome.finished);
        QCOMPARE(outcome.startedStatus, 0);
        QVERIFY(outcome.data.isEmpty());
        QCOMPARE(outcome.error->kind, ProviderError::Kind::Http);
        QCOMPARE(outcome.error->httpStatus, 503);
        QVERIFY(outcome.error->retryable);
        QVERIFY(!outcome.error->midStream);
        QVERIFY(outcome.error->message.contains(QStringLiteral("failure_rate")));
        const QJsonObject error = QJsonDocument::fromJson(outcome.error->clientBody).object().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("type")).toString(), QStringLiteral("server_error"));
        QVERIFY(error.value(QStringLiteral("message")).toString().contains(QStringLiteral("failure_rate")));
    }

    void failureRateIsDeterministicAndProportional()
    {
        int failures = 0;
        for (int i = 0; i < 1000; ++i) {
            const QString id = QStringLiteral("request-%1").arg(i);
            const bool fails = SimulatedCall::failsFor(id, QStringLiteral("sim-gpt"), 0.3);
            QCOMPARE(SimulatedCall::failsFor(id, QStringLiteral("sim-gpt"), 0.3), fails);
            failures += fails ? 1 : 0;
        }
        QVERIFY2(failures > 200 && failures < 400, QByteArray::number(failures).constData());
        QVERIFY(!SimulatedCall::failsFor(QStringLiteral("x"), QStringLiteral("m"), 0));
        QVERIFY(SimulatedCall::failsFor(QStringLiteral("x"), QStringLiteral("m"), 1));
    }

    // A fallback route over several simulated models must be able to recover: the draws of one
    // request's models are independent (they were one draw per request: 2 % of requests of
    // the default "auto" route failed on every target).
    void failureDrawsDifferPerModel()
    {
        int bothFail = 0;
        int firstOnly = 0;
        for (int i = 0; i < 1000; ++i) {
            const QString id = QStringLiteral("request-%1").arg(i);
            const bool first = SimulatedCall::failsFor(id, QStringLiteral("sim-gpt-mini"), 0.3);
            const bool second = SimulatedCall::failsFor(id, QStringLiteral("sim-claude"), 0.3);
            bothFail += first && second ? 1 : 0;
            firstOnly += first && !second ? 1 : 0;
        }
        // Independent draws at 0.3: about 90 both, about 210 the first only.
        QVERIFY2(bothFail > 40 && bothFail < 150, QByteArray::number(bothFail).constData());
        QVERIFY2(firstOnly > 140, QByteArray::number(firstOnly).constData());
    }

    void cancel()
    {
        SimulatedProvider provider(settings(0, 60'000));
        QObject owner;
        ProviderCall *call = provider.startChat(chatRequest(true, true), &owner);
        QSignalSpy failed(call, &ProviderCall::failed);
        QSignalSpy started(call, &ProviderCall::started);
        call->cancel();
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().first().value<ProviderError>().kind, ProviderError::Kind::Cancelled);
        call->cancel(); // idempotent
        QCOMPARE(failed.count(), 1);
        QCOMPARE(started.count(), 0);
    }

    void cancelMidStream()
    {
        Switchyard::Config::ProviderSettings s = settings();
        s.tokensPerSecond = 100; // slow enough to cancel between chunks
        SimulatedProvider provider(s);
        QObject owner;
        ProviderCall *call = provider.startChat(chatRequest(true, false), &owner);
        QSignalSpy data(call, &ProviderCall::data);
        QSignalSpy finished(call, &ProviderCall::finished);
        QSignalSpy failed(call, &ProviderCall::failed);
        QVERIFY(data.wait(5000));
        call->cancel();
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.first().first().value<ProviderError>().midStream);
        const int chunks = int(data.count());
        QVERIFY(!finished.wait(300)); // the stopped timer must not deliver anything more
        QCOMPARE(data.count(), chunks);
    }

    void toolCall_data()
    {
        QTest::addColumn<QJsonValue>("toolChoice");
        QTest::addColumn<bool>("expectCall");
        QTest::newRow("required") << QJsonValue(QStringLiteral("required")) << true;
        QTest::newRow("named") << QJsonValue(QJsonObject{{QStringLiteral("type"), QStringLiteral("function")},
                                                         {QStringLiteral("function"), QJsonObject{{QStringLiteral("name"), QStringLiteral("weather")}}}})
                               << true;
        QTest::newRow("auto") << QJsonValue(QStringLiteral("auto")) << false;
    }

    void toolCall()
    {
        QFETCH(QJsonValue, toolChoice);
        QFETCH(bool, expectCall);
        SimulatedProvider provider(settings());
        ProviderRequest request = chatRequest(false, false);
        request.body = withForcedTool(request.body, toolChoice);
        const QJsonObject choice = firstChoice(QJsonDocument::fromJson(run(provider, request).result.tail).object());
        QCOMPARE(choice.value(QStringLiteral("finish_reason")).toString(),
                 expectCall ? QStringLiteral("tool_calls") : QStringLiteral("stop"));
        if (!expectCall)
            return;
        const QJsonObject call = choice.value(QStringLiteral("message")).toObject().value(QStringLiteral("tool_calls")).toArray().first().toObject();
        QCOMPARE(call.value(QStringLiteral("function")).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("weather"));
        const QJsonObject arguments = QJsonDocument::fromJson(
            call.value(QStringLiteral("function")).toObject().value(QStringLiteral("arguments")).toString().toUtf8()).object();
        QCOMPARE(arguments.value(QStringLiteral("city")).toString(), QStringLiteral("example"));
        QCOMPARE(arguments.value(QStringLiteral("days")).toInt(), 1);
        QCOMPARE(arguments.value(QStringLiteral("unit")).toString(), QStringLiteral("C"));

        // Streamed: first fragment names the call, later fragments carry the arguments.
        ProviderRequest streamed = chatRequest(true, false);
        streamed.body = withForcedTool(streamed.body, toolChoice);
        const Outcome outcome = run(provider, streamed);
        bool wellFormed = false;
        const QList<QJsonObject> events = sseEvents(outcome.data.join(), &wellFormed);
        QVERIFY(wellFormed);
        const auto fragment = [&](int i) {
            return firstChoice(events.at(i)).value(QStringLiteral("delta")).toObject()
                .value(QStringLiteral("tool_calls")).toArray().first().toObject();
        };
        QVERIFY(fragment(0).value(QStringLiteral("id")).toString().startsWith(QStringLiteral("call_")));
        QCOMPARE(fragment(0).value(QStringLiteral("index")).toInt(-1), 0);
        QCOMPARE(fragment(0).value(QStringLiteral("function")).toObject().value(QStringLiteral("arguments")).toString(), QString());
        QString streamedArguments;
        for (int i = 1; i < events.size() - 1; ++i)
            streamedArguments += fragment(i).value(QStringLiteral("function")).toObject().value(QStringLiteral("arguments")).toString();
        QCOMPARE(QJsonDocument::fromJson(streamedArguments.toUtf8()).object(), arguments);
        QCOMPARE(firstChoice(events.last()).value(QStringLiteral("finish_reason")).toString(), QStringLiteral("tool_calls"));
    }
};

QTEST_GUILESS_MAIN(tst_SimulatedProvider)
#include "tst_simulatedprovider.moc"
