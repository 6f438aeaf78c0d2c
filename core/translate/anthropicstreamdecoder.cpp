// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/translate/anthropicstreamdecoder.h"

#include "core/common/tr.h"
#include "core/translate/codechelpers.h"
#include "core/translate/errorcodec.h"
#include "core/translate/stopreasons.h"
#include "core/translate/usagecodec.h"

#include <QJsonDocument>

namespace Switchyard::Translate {

QList<StreamEvent> AnthropicStreamDecoder::decode(const SseEvent &event)
{
    QList<StreamEvent> out;
    if (event.comment || event.data.isEmpty()) {
        return out;
    }
    QJsonParseError parseError;
    const QJsonObject data = QJsonDocument::fromJson(event.data, &parseError).object();
    if (parseError.error != QJsonParseError::NoError) {
        out.append(StreamEvent::error(QStringLiteral("api_error"),
                                      Tr::tr("malformed upstream stream event")));
        return out;
    }
    QString type = data.value(QLatin1String("type")).toString();
    if (type.isEmpty()) {
        type = QString::fromUtf8(event.event);
    }
    const int blockIndex = data.value(QLatin1String("index")).toInt(-1);
    if (type == QLatin1String("message_start")) {
        const QJsonObject message = data.value(QLatin1String("message")).toObject();
        out.append(StreamEvent::messageStart(message.value(QLatin1String("id")).toString(),
                                             message.value(QLatin1String("model")).toString()));
        UsageCodec::mergeAnthropic(m_usage, message.value(QLatin1String("usage")).toObject());
        if (m_usage.known) {
            out.append(StreamEvent::usageUpdate(m_usage));
        }
    } else if (type == QLatin1String("content_block_start")) {
        const QJsonObject block = data.value(QLatin1String("content_block")).toObject();
        const QString blockType = block.value(QLatin1String("type")).toString();
        if (blockType == QLatin1String("text")) {
            const QString text = block.value(QLatin1String("text")).toString();
            if (!text.isEmpty()) {
                out.append(StreamEvent::textDelta(text));
            }
        } else if (blockType == QLatin1String("tool_use")) {
            const int tool = int(m_toolOfBlock.size());
            m_toolOfBlock.insert(blockIndex, tool);
            out.append(StreamEvent::toolCallStart(tool, block.value(QLatin1String("id")).toString(),
                                                  block.value(QLatin1String("name")).toString()));
            const QJsonObject input = block.value(QLatin1String("input")).toObject();
            if (!input.isEmpty()) {
                m_toolsWithArgs.insert(tool);
                out.append(StreamEvent::toolCallArgsDelta(tool, Internal::compactJson(input)));
            }
        }
    } else if (type == QLatin1String("content_block_delta")) {
        const QJsonObject delta = data.value(QLatin1String("delta")).toObject();
        const QString deltaType = delta.value(QLatin1String("type")).toString();
        if (deltaType == QLatin1String("text_delta")) {
            const QString text = delta.value(QLatin1String("text")).toString();
            if (!text.isEmpty()) {
                out.append(StreamEvent::textDelta(text));
            }
        } else if (deltaType == QLatin1String("input_json_delta")
                   && m_toolOfBlock.contains(blockIndex)) {
            const int tool = m_toolOfBlock.value(blockIndex);
            const QString fragment = delta.value(QLatin1String("partial_json")).toString();
            if (!fragment.isEmpty()) {
                m_toolsWithArgs.insert(tool);
                out.append(StreamEvent::toolCallArgsDelta(tool, fragment));
            }
        }
    } else if (type == QLatin1String("content_block_stop")) {
        if (m_toolOfBlock.contains(blockIndex)) {
            const int tool = m_toolOfBlock.value(blockIndex);
            if (!m_toolsWithArgs.contains(tool)) {
                out.append(StreamEvent::toolCallArgsDelta(tool, QStringLiteral("{}")));
            }
            out.append(StreamEvent::toolCallEnd(tool));
        }
    } else if (type == QLatin1String("message_delta")) {
        const QJsonObject delta = data.value(QLatin1String("delta")).toObject();
        const QString stop = delta.value(QLatin1String("stop_reason")).toString();
        if (!stop.isEmpty()) {
            out.append(StreamEvent::finish(StopReasons::fromAnthropic(stop),
                                           delta.value(QLatin1String("stop_sequence")).toString()));
        }
        if (data.contains(QLatin1String("usage"))) {
            UsageCodec::mergeAnthropic(m_usage, data.value(QLatin1String("usage")).toObject());
            out.append(StreamEvent::usageUpdate(m_usage));
        }
    } else if (type == QLatin1String("message_stop")) {
        m_complete = true;
    } else if (type == QLatin1String("error")) {
        const QJsonObject error = data.value(QLatin1String("error")).toObject();
        out.append(
            StreamEvent::error(normaliseErrorType(WireFormat::Anthropic,
                                                  error.value(QLatin1String("type")).toString(),
                                                  500),
                               error.value(QLatin1String("message")).toString()));
    }
    return out;
}

} // namespace Switchyard::Translate
