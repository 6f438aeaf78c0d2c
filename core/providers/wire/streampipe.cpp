// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/providers/wire/streampipe.h"

#include "core/providers/wire/httpwire.h"
#include "core/translate/errorcodec.h"
#include "core/translate/streamdecoder.h"
#include "core/translate/streamencoder.h"
#include "core/translate/usagecodec.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

namespace Switchyard::Providers::Internal {

namespace {

using Translate::WireFormat;

QString errorMessageOf(const QJsonObject &root)
{
    const QJsonValue error = root.value(QLatin1String("error"));
    const QString message = error.toObject().value(QLatin1String("message")).toString();
    return message.isEmpty() ? error.toString() : message;
}

/// OpenAI → OpenAI. Only the first chunk (model) and usage/error chunks are parsed.
class OpenAiRelay final : public StreamPipe
{
public:
    explicit OpenAiRelay(bool clientWantsUsage) : m_clientWantsUsage(clientWantsUsage) {}

    QByteArray feed(const SseEvent &event) override
    {
        if (event.comment) {
            return event.raw;
        }
        if (event.data == "[DONE]") {
            m_tail = event.raw;
            return {};
        }
        const bool hasUsage = mentionsObjectKey(event.data, "\"usage\"");
        const bool hasError = mentionsObjectKey(event.data, "\"error\"", true);
        if (!m_model.isEmpty() && !hasUsage && !hasError) {
            return event.raw;
        }
        const QJsonObject chunk = QJsonDocument::fromJson(event.data).object();
        if (m_model.isEmpty()) {
            m_model = chunk.value(QLatin1String("model")).toString();
        }
        if (hasError && chunk.contains(QLatin1String("error"))) {
            m_failed = true;
            m_errorMessage = errorMessageOf(chunk);
            return event.raw;
        }
        const QJsonValue usage = chunk.value(QLatin1String("usage"));
        if (usage.isObject()) {
            m_usage = Translate::UsageCodec::fromOpenAi(usage.toObject());
            const QJsonValue choices = chunk.value(QLatin1String("choices"));
            const bool usageOnly = !choices.isArray() || choices.toArray().isEmpty();
            if (usageOnly && !m_clientWantsUsage) {
                return {}; // include_usage was forced on; the client did not ask for it
            }
        }
        return event.raw;
    }
    QByteArray finish() override
    {
        return m_tail.isEmpty() ? QByteArrayLiteral("data: [DONE]\n\n") : m_tail;
    }
    QByteArray error(const QString &type, const QString &message) override
    {
        return "data: " + Translate::encodeError(WireFormat::OpenAi, 502, type, message) + "\n\n";
    }
    // Some compatible servers end without [DONE]; the relay has always accepted that.
    bool complete() const override { return true; }

private:
    QByteArray m_tail;
    bool m_clientWantsUsage = false;
};

/// Anthropic → Anthropic. Deltas and pings pass unparsed; message_stop is the tail.
class AnthropicRelay final : public StreamPipe
{
public:
    QByteArray feed(const SseEvent &event) override
    {
        if (event.comment || event.event == "content_block_delta" || event.event == "ping"
            || event.event == "content_block_start" || event.event == "content_block_stop") {
            return event.raw;
        }
        const QJsonObject data = QJsonDocument::fromJson(event.data).object();
        const QString type = data.value(QLatin1String("type")).toString();
        if (type == QLatin1String("message_stop")) {
            m_tail = event.raw;
            m_complete = true;
            return {};
        }
        if (type == QLatin1String("message_start")) {
            const QJsonObject message = data.value(QLatin1String("message")).toObject();
            m_model = message.value(QLatin1String("model")).toString();
            m_usage = Translate::UsageCodec::fromAnthropic(
                message.value(QLatin1String("usage")).toObject());
        } else if (type == QLatin1String("message_delta")) {
            Translate::UsageCodec::mergeAnthropic(m_usage,
                                                  data.value(QLatin1String("usage")).toObject());
            m_sawDelta = true;
        } else if (type == QLatin1String("error")) {
            m_failed = true;
            m_errorMessage = errorMessageOf(data);
        }
        return event.raw;
    }
    QByteArray finish() override
    {
        return m_tail.isEmpty()
                   ? QByteArrayLiteral("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n")
                   : m_tail;
    }
    QByteArray error(const QString &type, const QString &message) override
    {
        return "event: error\ndata: "
               + Translate::encodeError(WireFormat::Anthropic, 502, type, message) + "\n\n";
    }
    bool complete() const override { return m_complete || m_sawDelta; }

private:
    QByteArray m_tail;
    bool m_complete = false;
    bool m_sawDelta = false;
};

/// Any upstream → another client surface, through the internal StreamEvents.
class TranslatePipe final : public StreamPipe
{
public:
    explicit TranslatePipe(const StreamPipeOptions &options)
        : m_decoder(Translate::makeStreamDecoder(options.upstream))
    {
        Translate::StreamEncoderOptions encoderOptions;
        encoderOptions.created = QDateTime::currentSecsSinceEpoch();
        encoderOptions.includeUsage = options.clientWantsUsage;
        m_encoder = Translate::makeStreamEncoder(options.client, encoderOptions);
    }

    QByteArray feed(const SseEvent &event) override
    {
        QByteArray out;
        if (m_failed) {
            return out;
        }
        const QList<Translate::StreamEvent> events = m_decoder->decode(event);
        for (const Translate::StreamEvent &e : events) {
            using T = Translate::StreamEvent::Type;
            if (e.type == T::MessageStart && m_model.isEmpty()) {
                m_model = e.model;
            } else if (e.type == T::UsageUpdate) {
                m_usage = e.usage;
            } else if (e.type == T::Finish) {
                m_sawFinish = true;
            } else if (e.type == T::Error) {
                m_failed = true;
                m_errorMessage = e.text;
            }
            out += m_encoder->encode(e);
            if (m_failed) {
                break; // the encoder wrote its error event: the stream is over
            }
        }
        return out;
    }
    QByteArray finish() override { return m_encoder->finish(); }
    QByteArray error(const QString &type, const QString &message) override
    {
        return m_encoder->error(type, message);
    }
    bool complete() const override { return m_decoder->isComplete() || m_sawFinish; }

private:
    std::unique_ptr<Translate::StreamDecoder> m_decoder;
    std::unique_ptr<Translate::StreamEncoder> m_encoder;
    bool m_sawFinish = false;
};

} // namespace

std::unique_ptr<StreamPipe> makeStreamPipe(const StreamPipeOptions &options)
{
    if (options.upstream == options.client) {
        if (options.upstream == WireFormat::OpenAi) {
            return std::make_unique<OpenAiRelay>(options.clientWantsUsage);
        }
        if (options.upstream == WireFormat::Anthropic) {
            return std::make_unique<AnthropicRelay>();
        }
    }
    return std::make_unique<TranslatePipe>(options);
}

std::unique_ptr<StreamPipe> makeStreamPipe(WireFormat upstream, const ProviderRequest &request)
{
    if (!request.stream) {
        return nullptr;
    }
    StreamPipeOptions options;
    options.upstream = upstream;
    options.client = request.clientFormat;
    options.clientWantsUsage = request.clientWantsUsage;
    return makeStreamPipe(options);
}

QByteArray pumpEvents(SseDecoder &sse, StreamPipe &pipe)
{
    QByteArray out;
    const QList<SseEvent> events = sse.takeEvents();
    for (const SseEvent &event : events) {
        out += pipe.feed(event);
        if (pipe.upstreamFailed()) {
            break;
        }
    }
    return out;
}

bool emitData(ProviderCall *call, const QByteArray &bytes, const bool &done)
{
    const QPointer<ProviderCall> guard(call);
    Q_EMIT call->data(bytes);
    return guard && !done;
}

bool emitErrorEvent(ProviderCall *call, StreamPipe &pipe, const QString &type,
                    const QString &message, const bool &done)
{
    const QByteArray event = pipe.error(type, message);
    return event.isEmpty() || emitData(call, event, done);
}

} // namespace Switchyard::Providers::Internal
