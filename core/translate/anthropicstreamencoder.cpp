// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/translate/anthropicstreamencoder.h"

#include "core/translate/errorcodec.h"
#include "core/translate/stopreasons.h"
#include "core/translate/usagecodec.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Switchyard::Translate {

namespace {

QByteArray sse(const char *name, const QJsonObject &data)
{
    return QByteArray("event: ") + name
           + "\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
}

} // namespace

AnthropicStreamEncoder::AnthropicStreamEncoder(const StreamEncoderOptions &options)
    : m_options(options)
{}

QByteArray AnthropicStreamEncoder::start()
{
    if (m_started) {
        return {};
    }
    m_started = true;
    const QJsonObject message{{QLatin1String("id"), m_options.id},
                              {QLatin1String("type"), QLatin1String("message")},
                              {QLatin1String("role"), QLatin1String("assistant")},
                              {QLatin1String("model"), m_options.model},
                              {QLatin1String("content"), QJsonArray()},
                              {QLatin1String("stop_reason"), QJsonValue()},
                              {QLatin1String("stop_sequence"), QJsonValue()},
                              {QLatin1String("usage"), UsageCodec::toAnthropic(m_usage)}};
    return sse("message_start", QJsonObject{{QLatin1String("type"), QLatin1String("message_start")},
                                            {QLatin1String("message"), message}});
}

QByteArray AnthropicStreamEncoder::closeBlock()
{
    if (m_openBlock < 0) {
        return {};
    }
    const int index = m_openBlock;
    m_openBlock = -1;
    return sse("content_block_stop",
               QJsonObject{{QLatin1String("type"), QLatin1String("content_block_stop")},
                           {QLatin1String("index"), index}});
}

QByteArray AnthropicStreamEncoder::openBlock(const QJsonObject &contentBlock, bool isText)
{
    QByteArray out = start() + closeBlock();
    m_openBlock = m_nextBlock++;
    m_openIsText = isText;
    return out
           + sse("content_block_start",
                 QJsonObject{{QLatin1String("type"), QLatin1String("content_block_start")},
                             {QLatin1String("index"), m_openBlock},
                             {QLatin1String("content_block"), contentBlock}});
}

QByteArray AnthropicStreamEncoder::encode(const StreamEvent &event)
{
    if (m_closed) {
        return {};
    }
    const auto delta = [](int index, const QJsonObject &d) {
        return sse("content_block_delta",
                   QJsonObject{{QLatin1String("type"), QLatin1String("content_block_delta")},
                               {QLatin1String("index"), index},
                               {QLatin1String("delta"), d}});
    };
    using T = StreamEvent::Type;
    switch (event.type) {
    case T::MessageStart:
        if (m_options.id.isEmpty()) {
            m_options.id = event.id;
        }
        if (m_options.model.isEmpty()) {
            m_options.model = event.model;
        }
        return {};
    case T::TextDelta: {
        QByteArray out;
        if (m_openBlock < 0 || !m_openIsText) {
            out = openBlock(QJsonObject{{QLatin1String("type"), QLatin1String("text")},
                                        {QLatin1String("text"), QLatin1String("")}},
                            true);
        }
        return out
               + delta(m_openBlock,
                       QJsonObject{{QLatin1String("type"), QLatin1String("text_delta")},
                                   {QLatin1String("text"), event.text}});
    }
    case T::ToolCallStart: {
        QByteArray out = openBlock(QJsonObject{{QLatin1String("type"), QLatin1String("tool_use")},
                                               {QLatin1String("id"), event.id},
                                               {QLatin1String("name"), event.name},
                                               {QLatin1String("input"), QJsonObject()}},
                                   false);
        m_blockOfTool.insert(event.index, m_openBlock);
        return out;
    }
    case T::ToolCallArgsDelta:
        if (event.text.isEmpty() || m_blockOfTool.value(event.index, -2) != m_openBlock) {
            return {};
        }
        return delta(m_openBlock,
                     QJsonObject{{QLatin1String("type"), QLatin1String("input_json_delta")},
                                 {QLatin1String("partial_json"), event.text}});
    case T::ToolCallEnd:
        if (m_blockOfTool.value(event.index, -2) == m_openBlock) {
            return closeBlock();
        }
        return {};
    case T::Finish:
        m_stopReason = event.stopReason;
        m_stopSequence = event.text;
        return start() + closeBlock();
    case T::UsageUpdate: m_usage = event.usage; return {};
    case T::Error: return error(event.errorType, event.text);
    }
    return {};
}

QByteArray AnthropicStreamEncoder::finish()
{
    if (m_closed) {
        return {};
    }
    QByteArray out = start() + closeBlock();
    m_closed = true;
    const QJsonObject messageDelta{{QLatin1String("type"), QLatin1String("message_delta")},
                                   {QLatin1String("delta"),
                                    QJsonObject{{QLatin1String("stop_reason"),
                                                 StopReasons::toAnthropic(m_stopReason)},
                                                {QLatin1String("stop_sequence"),
                                                 m_stopSequence.isEmpty()
                                                     ? QJsonValue()
                                                     : QJsonValue(m_stopSequence)}}},
                                   {QLatin1String("usage"), UsageCodec::toAnthropic(m_usage)}};
    return out + sse("message_delta", messageDelta)
           + sse("message_stop",
                 QJsonObject{{QLatin1String("type"), QLatin1String("message_stop")}});
}

QByteArray AnthropicStreamEncoder::error(const QString &type, const QString &message)
{
    if (m_closed) {
        return {};
    }
    m_closed = true;
    return "event: error\ndata: " + encodeError(WireFormat::Anthropic, 500, type, message) + "\n\n";
}

} // namespace Switchyard::Translate
