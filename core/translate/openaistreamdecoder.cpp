// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/translate/openaistreamdecoder.h"

#include "core/common/tr.h"
#include "core/translate/anthropicstreamdecoder.h"
#include "core/translate/codechelpers.h"
#include "core/translate/errorcodec.h"
#include "core/translate/geministreamdecoder.h"
#include "core/translate/stopreasons.h"
#include "core/translate/usagecodec.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Switchyard::Translate {

std::unique_ptr<StreamDecoder> makeStreamDecoder(WireFormat format)
{
    switch (format) {
    case WireFormat::OpenAi: return std::make_unique<OpenAiStreamDecoder>();
    case WireFormat::Anthropic: return std::make_unique<AnthropicStreamDecoder>();
    case WireFormat::Gemini: return std::make_unique<GeminiStreamDecoder>();
    }
    return {};
}

QList<StreamEvent> OpenAiStreamDecoder::decode(const SseEvent &event)
{
    QList<StreamEvent> out;
    if (event.comment || event.data.isEmpty()) {
        return out;
    }
    if (event.data.trimmed() == "[DONE]") {
        m_complete = true;
        return out;
    }
    QJsonParseError parseError;
    const QJsonObject chunk = QJsonDocument::fromJson(event.data, &parseError).object();
    if (parseError.error != QJsonParseError::NoError) {
        out.append(StreamEvent::error(QStringLiteral("api_error"),
                                      Tr::tr("malformed upstream stream chunk")));
        return out;
    }
    if (chunk.contains(QLatin1String("error"))) {
        const QJsonObject error = chunk.value(QLatin1String("error")).toObject();
        const QString type = error.value(QLatin1String("type")).toString();
        out.append(StreamEvent::error(normaliseErrorType(WireFormat::OpenAi, type, 500),
                                      error.value(QLatin1String("message")).toString()));
        return out;
    }
    const QJsonArray choices = chunk.value(QLatin1String("choices")).toArray();
    const QString id = chunk.value(QLatin1String("id")).toString();
    if (!m_started && (!id.isEmpty() || !choices.isEmpty())) {
        m_started = true;
        out.append(StreamEvent::messageStart(id, chunk.value(QLatin1String("model")).toString()));
    }
    if (!choices.isEmpty()) {
        const QJsonObject choice = choices.first().toObject();
        const QJsonObject delta = choice.value(QLatin1String("delta")).toObject();
        const QString text = delta.value(QLatin1String("content")).toString();
        if (!text.isEmpty()) {
            out.append(StreamEvent::textDelta(text));
        }
        decodeToolCalls(delta.value(QLatin1String("tool_calls")).toArray(), out);
        const QString finish = choice.value(QLatin1String("finish_reason")).toString();
        if (!finish.isEmpty()) {
            for (int index : std::as_const(m_openTools)) {
                out.append(StreamEvent::toolCallEnd(index));
            }
            StopReason reason = StopReasons::fromOpenAi(finish);
            if (reason == StopReason::EndTurn && !m_toolOrdinal.isEmpty()) {
                reason = StopReason::ToolUse; // Gemini's OpenAI surface says "stop"
            }
            m_openTools.clear();
            out.append(StreamEvent::finish(reason));
        }
    }
    const QJsonValue usage = chunk.value(QLatin1String("usage"));
    if (usage.isObject()) {
        out.append(StreamEvent::usageUpdate(UsageCodec::fromOpenAi(usage.toObject())));
    }
    return out;
}

void OpenAiStreamDecoder::decodeToolCalls(const QJsonArray &calls, QList<StreamEvent> &out)
{
    for (qsizetype i = 0; i < calls.size(); ++i) {
        const QJsonObject call = calls.at(i).toObject();
        const int upstreamIndex = call.value(QLatin1String("index")).toInt(int(i));
        const QJsonObject fn = call.value(QLatin1String("function")).toObject();
        if (!m_toolOrdinal.contains(upstreamIndex)) {
            const int ordinal = int(m_toolOrdinal.size());
            m_toolOrdinal.insert(upstreamIndex, ordinal);
            m_openTools.append(ordinal);
            QString id = call.value(QLatin1String("id")).toString();
            if (id.isEmpty()) {
                id = QStringLiteral("call_%1").arg(ordinal);
            }
            out.append(StreamEvent::toolCallStart(ordinal, id,
                                                  fn.value(QLatin1String("name")).toString()));
        }
        const int ordinal = m_toolOrdinal.value(upstreamIndex);
        const QJsonValue args = fn.value(QLatin1String("arguments"));
        const QString fragment = args.isObject() ? Internal::compactJson(args.toObject())
                                                 : args.toString();
        if (!fragment.isEmpty()) {
            out.append(StreamEvent::toolCallArgsDelta(ordinal, fragment));
        }
    }
}

} // namespace Switchyard::Translate
