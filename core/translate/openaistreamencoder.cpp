// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/translate/openaistreamencoder.h"

#include "core/translate/anthropicstreamencoder.h"
#include "core/translate/errorcodec.h"
#include "core/translate/stopreasons.h"
#include "core/translate/usagecodec.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Switchyard::Translate {

namespace {

QByteArray dataLine(const QJsonObject &object)
{
    return "data: " + QJsonDocument(object).toJson(QJsonDocument::Compact) + "\n\n";
}

} // namespace

std::unique_ptr<StreamEncoder> makeStreamEncoder(WireFormat surface,
                                                 const StreamEncoderOptions &options)
{
    switch (surface) {
    case WireFormat::OpenAi: return std::make_unique<OpenAiStreamEncoder>(options);
    case WireFormat::Anthropic: return std::make_unique<AnthropicStreamEncoder>(options);
    case WireFormat::Gemini: break;
    }
    return {};
}

OpenAiStreamEncoder::OpenAiStreamEncoder(const StreamEncoderOptions &options)
    : m_options(options)
{}

QByteArray OpenAiStreamEncoder::chunk(const QJsonObject &delta, const QJsonValue &finishReason)
{
    const QJsonObject choice{{QLatin1String("index"), 0},
                             {QLatin1String("delta"), delta},
                             {QLatin1String("logprobs"), QJsonValue()},
                             {QLatin1String("finish_reason"), finishReason}};
    QJsonObject object{{QLatin1String("id"), m_options.id},
                       {QLatin1String("object"), QLatin1String("chat.completion.chunk")},
                       {QLatin1String("created"), m_options.created},
                       {QLatin1String("model"), m_options.model},
                       {QLatin1String("choices"), QJsonArray{choice}}};
    if (m_options.includeUsage) {
        object.insert(QLatin1String("usage"), QJsonValue());
    }
    return dataLine(object);
}

QByteArray OpenAiStreamEncoder::start()
{
    if (m_started) {
        return {};
    }
    m_started = true;
    return chunk(QJsonObject{{QLatin1String("role"), QLatin1String("assistant")},
                             {QLatin1String("content"), QLatin1String("")}},
                 QJsonValue());
}

QByteArray OpenAiStreamEncoder::usageChunk()
{
    return dataLine(QJsonObject{{QLatin1String("id"), m_options.id},
                                {QLatin1String("object"), QLatin1String("chat.completion.chunk")},
                                {QLatin1String("created"), m_options.created},
                                {QLatin1String("model"), m_options.model},
                                {QLatin1String("choices"), QJsonArray()},
                                {QLatin1String("usage"), UsageCodec::toOpenAi(m_usage)}});
}

QByteArray OpenAiStreamEncoder::encode(const StreamEvent &event)
{
    if (m_closed) {
        return {};
    }
    using T = StreamEvent::Type;
    switch (event.type) {
    case T::MessageStart:
        if (m_options.id.isEmpty()) {
            m_options.id = event.id;
        }
        if (m_options.model.isEmpty()) {
            m_options.model = event.model;
        }
        return start();
    case T::TextDelta:
        return start() + chunk(QJsonObject{{QLatin1String("content"), event.text}}, QJsonValue());
    case T::ToolCallStart: {
        const QJsonObject call{{QLatin1String("index"), event.index},
                               {QLatin1String("id"), event.id},
                               {QLatin1String("type"), QLatin1String("function")},
                               {QLatin1String("function"),
                                QJsonObject{{QLatin1String("name"), event.name},
                                            {QLatin1String("arguments"), QLatin1String("")}}}};
        return start()
               + chunk(QJsonObject{{QLatin1String("tool_calls"), QJsonArray{call}}}, QJsonValue());
    }
    case T::ToolCallArgsDelta: {
        if (event.text.isEmpty()) {
            return {};
        }
        const QJsonObject call{{QLatin1String("index"), event.index},
                               {QLatin1String("function"),
                                QJsonObject{{QLatin1String("arguments"), event.text}}}};
        return start()
               + chunk(QJsonObject{{QLatin1String("tool_calls"), QJsonArray{call}}}, QJsonValue());
    }
    case T::ToolCallEnd: return {};
    case T::Finish:
        if (m_finishSent) {
            return {};
        }
        m_finishSent = true;
        return start() + chunk(QJsonObject(), StopReasons::toOpenAi(event.stopReason));
    case T::UsageUpdate: m_usage = event.usage; return {};
    case T::Error: return error(event.errorType, event.text);
    }
    return {};
}

QByteArray OpenAiStreamEncoder::finish()
{
    if (m_closed) {
        return {};
    }
    QByteArray out = start();
    if (!m_finishSent) {
        m_finishSent = true;
        out += chunk(QJsonObject(), QStringLiteral("stop"));
    }
    if (m_options.includeUsage && m_usage.known) {
        out += usageChunk();
    }
    m_closed = true;
    return out + "data: [DONE]\n\n";
}

QByteArray OpenAiStreamEncoder::error(const QString &type, const QString &message)
{
    if (m_closed) {
        return {};
    }
    m_closed = true;
    return "data: " + encodeError(WireFormat::OpenAi, 500, type, message) + "\n\n";
}

} // namespace Switchyard::Translate
