// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/providers/providertestutil.h"

#include "core/common/sse.h"
#include "core/translate/anthropiccodec.h"
#include "core/translate/geminicodec.h"
#include "core/translate/openaicodec.h"
#include "core/translate/streamdecoder.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QTest>

namespace Switchyard::Testing {

using Translate::WireFormat;

ClientView viewOfBody(WireFormat format, const QByteArray &body)
{
    ClientView view;
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    Result<Translate::ChatResponse> response =
        format == WireFormat::OpenAi      ? Translate::OpenAiCodec::decodeResponse(root)
        : format == WireFormat::Anthropic ? Translate::AnthropicCodec::decodeResponse(root)
                                          : Translate::GeminiCodec::decodeResponse(root);
    if (!response) {
        view.errorMessage = response.error().message;
        return view;
    }
    view.decoded = true;
    view.id = response.value().id;
    for (const Translate::ContentPart &part : response.value().content) {
        if (part.kind == Translate::ContentPart::Kind::Text) {
            view.text += part.text;
        } else if (part.kind == Translate::ContentPart::Kind::ToolUse) {
            view.tools.append({part.toolId, part.toolName, part.arguments});
        }
    }
    view.stop = response.value().stopReason;
    view.sawStop = true;
    view.usage = response.value().usage;
    view.complete = true;
    return view;
}

ClientView viewOfStream(WireFormat format, const QByteArray &sse)
{
    ClientView view;
    SseDecoder decoder;
    decoder.feed(sse);
    const std::unique_ptr<Translate::StreamDecoder> events = Translate::makeStreamDecoder(format);
    QStringList args;
    for (const SseEvent &event : decoder.takeEvents()) {
        for (const Translate::StreamEvent &e : events->decode(event)) {
            using T = Translate::StreamEvent::Type;
            switch (e.type) {
            case T::MessageStart:
                view.id = e.id;
                break;
            case T::TextDelta:
                view.text += e.text;
                break;
            case T::ToolCallStart:
                view.tools.append({e.id, e.name, {}});
                args.append(QString());
                break;
            case T::ToolCallArgsDelta:
                if (e.index >= 0 && e.index < args.size()) {
                    args[e.index] += e.text;
                }
                break;
            case T::ToolCallEnd:
                break;
            case T::Finish:
                view.stop = e.stopReason;
                view.sawStop = true;
                break;
            case T::UsageUpdate:
                view.usage = e.usage;
                break;
            case T::Error:
                view.sawError = true;
                view.errorType = e.errorType;
                view.errorMessage = e.text;
                break;
            }
        }
    }
    for (qsizetype i = 0; i < view.tools.size(); ++i) {
        view.tools[i].args = QJsonDocument::fromJson(args.at(i).toUtf8()).object();
    }
    view.complete = events->isComplete();
    view.decoded = decoder.pendingBytes() == 0;
    return view;
}

Providers::CallResult Watched::result() const
{
    return finished->first().first().value<Providers::CallResult>();
}

Providers::ProviderError Watched::error() const
{
    return failed->first().first().value<Providers::ProviderError>();
}

std::unique_ptr<Watched> watch(Providers::ProviderCall *call)
{
    using Providers::ProviderCall;
    auto w = std::make_unique<Watched>();
    w->call = call;
    w->started = std::make_unique<QSignalSpy>(call, &ProviderCall::started);
    w->finished = std::make_unique<QSignalSpy>(call, &ProviderCall::finished);
    w->failed = std::make_unique<QSignalSpy>(call, &ProviderCall::failed);
    QObject::connect(call, &ProviderCall::data, call,
                     [raw = w.get()](const QByteArray &bytes) { raw->emissions.append(bytes); });
    return w;
}

bool waitDone(const Watched &w, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (w.finished->isEmpty() && w.failed->isEmpty() && !deadline.hasExpired()) {
        QTest::qWait(5);
    }
    return w.finished->size() + w.failed->size() == 1;
}

bool Mocks::listen()
{
    return openai.listen() && anthropic.listen() && gemini.listen();
}

Config::ProviderSettings Mocks::settings(const QString &kind) const
{
    Config::ProviderSettings s;
    s.id = QStringLiteral("mock-") + kind;
    s.kind = kind;
    s.apiKey = s_providerKey;
    s.firstByteTimeoutMs = 5000;
    if (kind == QLatin1String("openai")) {
        s.baseUrl = openai.baseUrl().toString();
    } else if (kind == QLatin1String("anthropic")) {
        s.baseUrl = anthropic.baseUrl().toString() + QLatin1String("/v1/");
    } else {
        s.baseUrl = gemini.baseUrl().toString() + QLatin1String("/v1beta");
    }
    return s;
}

QString Mocks::upstreamModel(const QString &kind)
{
    if (kind == QLatin1String("openai")) {
        return QStringLiteral("gpt-upstream-1");
    }
    if (kind == QLatin1String("anthropic")) {
        return QStringLiteral("claude-upstream-1");
    }
    return QStringLiteral("gemini-2.5-flash");
}

WireFormat Mocks::formatOf(const QString &kind)
{
    if (kind == QLatin1String("anthropic")) {
        return WireFormat::Anthropic;
    }
    return kind == QLatin1String("gemini") ? WireFormat::Gemini : WireFormat::OpenAi;
}

void Mocks::reset()
{
    openai.setFault(MockOpenAiServer::Fault::None);
    anthropic.setFault(MockAnthropicServer::Fault::None);
    gemini.setFault(MockGeminiServer::Fault::None);
    openai.setFirstEventDelayMs(0);
    anthropic.setFirstEventDelayMs(0);
    gemini.setFirstEventDelayMs(0);
    setToolCall({}, {});
    setReplyText(QStringLiteral("Hello from the mock upstream."));
    openai.clearRequests();
    anthropic.clearRequests();
    gemini.clearRequests();
}

void Mocks::setReplyText(const QString &text)
{
    openai.setReplyText(text);
    anthropic.setReplyText(text);
    gemini.setReplyText(text);
}

void Mocks::setToolCall(const QString &name, const QString &argumentsJson)
{
    openai.setToolCall(name, argumentsJson);
    anthropic.setToolCall(name, argumentsJson);
    gemini.setToolCall(name, argumentsJson);
}

QByteArray Mocks::lastResponseBody(const QString &kind) const
{
    if (kind == QLatin1String("openai")) {
        return openai.lastResponseBody();
    }
    return kind == QLatin1String("anthropic") ? anthropic.lastResponseBody()
                                              : gemini.lastResponseBody();
}

int Mocks::requestCount(const QString &kind) const
{
    if (kind == QLatin1String("openai")) {
        return openai.requestCount();
    }
    return kind == QLatin1String("anthropic") ? anthropic.requestCount() : gemini.requestCount();
}

Mocks::Request Mocks::lastRequest(const QString &kind) const
{
    const auto convert = [](const auto &requests) {
        Request out;
        if (!requests.isEmpty()) {
            out.path = requests.last().path;
            out.headers = requests.last().headers;
            out.body = QJsonDocument::fromJson(requests.last().body).object();
        }
        return out;
    };
    if (kind == QLatin1String("openai")) {
        return convert(openai.requests());
    }
    return kind == QLatin1String("anthropic") ? convert(anthropic.requests())
                                              : convert(gemini.requests());
}

} // namespace Switchyard::Testing
