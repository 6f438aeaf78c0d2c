// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/translate/geministreamdecoder.h"

#include "core/common/tr.h"
#include "core/translate/codechelpers.h"
#include "core/translate/errorcodec.h"
#include "core/translate/geminicodec.h"
#include "core/translate/stopreasons.h"
#include "core/translate/usagecodec.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Switchyard::Translate {

QList<StreamEvent> GeminiStreamDecoder::decode(const SseEvent &event)
{
    QList<StreamEvent> out;
    if (event.comment || event.data.isEmpty()) {
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
        out.append(
            StreamEvent::error(normaliseErrorType(WireFormat::Gemini,
                                                  error.value(QLatin1String("status")).toString(),
                                                  error.value(QLatin1String("code")).toInt(500)),
                               error.value(QLatin1String("message")).toString()));
        return out;
    }
    if (!m_started) {
        m_started = true;
        m_responseId = chunk.value(QLatin1String("responseId")).toString();
        out.append(StreamEvent::messageStart(m_responseId,
                                             chunk.value(QLatin1String("modelVersion")).toString()));
    }
    const QJsonArray candidates = chunk.value(QLatin1String("candidates")).toArray();
    const QJsonObject candidate = candidates.first().toObject();
    const QJsonArray parts = candidate.value(QLatin1String("content"))
                                 .toObject()
                                 .value(QLatin1String("parts"))
                                 .toArray();
    for (const QJsonValue &v : parts) {
        const QJsonObject part = v.toObject();
        if (part.contains(QLatin1String("functionCall"))) {
            const QJsonObject call = part.value(QLatin1String("functionCall")).toObject();
            const QString name = call.value(QLatin1String("name")).toString();
            QString id = call.value(QLatin1String("id")).toString();
            if (id.isEmpty()) {
                id = GeminiCodec::toolCallId(m_responseId, m_toolCount, name);
            }
            out.append(StreamEvent::toolCallStart(m_toolCount, id, name));
            out.append(
                StreamEvent::toolCallArgsDelta(m_toolCount,
                                               Internal::compactJson(
                                                   call.value(QLatin1String("args")).toObject())));
            out.append(StreamEvent::toolCallEnd(m_toolCount));
            ++m_toolCount;
        } else if (!part.value(QLatin1String("thought")).toBool()) {
            const QString text = part.value(QLatin1String("text")).toString();
            if (!text.isEmpty()) {
                out.append(StreamEvent::textDelta(text));
            }
        }
    }
    QString finish = candidate.value(QLatin1String("finishReason")).toString();
    const QString blocked = chunk.value(QLatin1String("promptFeedback"))
                                .toObject()
                                .value(QLatin1String("blockReason"))
                                .toString();
    if (candidates.isEmpty() && !blocked.isEmpty()) {
        finish = QStringLiteral("SAFETY");
    }
    if (StopReasons::isGeminiToolFailure(finish)) {
        out.append(
            StreamEvent::error(QStringLiteral("api_error"),
                               Tr::tr("the model produced an invalid tool call (%1)").arg(finish)));
        return out;
    }
    if (!finish.isEmpty()) {
        m_complete = true;
        out.append(StreamEvent::finish(StopReasons::fromGemini(finish, m_toolCount > 0)));
    }
    if (chunk.contains(QLatin1String("usageMetadata"))) {
        out.append(StreamEvent::usageUpdate(
            UsageCodec::fromGemini(chunk.value(QLatin1String("usageMetadata")).toObject())));
    }
    return out;
}

} // namespace Switchyard::Translate
