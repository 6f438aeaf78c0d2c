// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/common/tr.h"
#include "core/translate/anthropiccodec.h"
#include "core/translate/codechelpers.h"
#include "core/translate/stopreasons.h"
#include "core/translate/usagecodec.h"

#include <QJsonArray>

namespace Switchyard::Translate::AnthropicCodec {

using namespace Internal;
using Kind = ContentPart::Kind;

Result<ChatResponse> decodeResponse(const QJsonObject &body)
{
    if (!body.value(QLatin1String("content")).isArray()) {
        return fieldError(QStringLiteral("content"), Tr::tr("missing"));
    }
    ChatResponse response;
    response.id = body.value(QLatin1String("id")).toString();
    response.model = body.value(QLatin1String("model")).toString();
    const QJsonArray content = body.value(QLatin1String("content")).toArray();
    for (const QJsonValue &v : content) {
        const QJsonObject block = v.toObject();
        const QString type = block.value(QLatin1String("type")).toString();
        if (type == QLatin1String("text")) {
            const QString text = block.value(QLatin1String("text")).toString();
            if (!response.content.isEmpty() && response.content.last().kind == Kind::Text) {
                response.content.last().text += text;
            } else {
                response.content.append(ContentPart::makeText(text));
            }
        } else if (type == QLatin1String("tool_use")) {
            response.content.append(
                ContentPart::makeToolUse(block.value(QLatin1String("id")).toString(),
                                         block.value(QLatin1String("name")).toString(),
                                         block.value(QLatin1String("input")).toObject()));
        }
    }
    response.rawStopReason = body.value(QLatin1String("stop_reason")).toString();
    response.stopReason = StopReasons::fromAnthropic(response.rawStopReason);
    response.stopSequence = body.value(QLatin1String("stop_sequence")).toString();
    response.usage = UsageCodec::fromAnthropic(body.value(QLatin1String("usage")).toObject());
    return response;
}

QJsonObject encodeResponse(const ChatResponse &response)
{
    QJsonArray content;
    for (const ContentPart &p : response.content) {
        if (p.kind == Kind::Text && !p.text.isEmpty()) {
            content.append(QJsonObject{{QLatin1String("type"), QLatin1String("text")},
                                       {QLatin1String("text"), p.text}});
        } else if (p.kind == Kind::ToolUse) {
            content.append(QJsonObject{{QLatin1String("type"), QLatin1String("tool_use")},
                                       {QLatin1String("id"), p.toolId},
                                       {QLatin1String("name"), p.toolName},
                                       {QLatin1String("input"), p.arguments}});
        }
    }
    return QJsonObject{
        {QLatin1String("id"), response.id},
        {QLatin1String("type"), QLatin1String("message")},
        {QLatin1String("role"), QLatin1String("assistant")},
        {QLatin1String("model"), response.model},
        {QLatin1String("content"), content},
        {QLatin1String("stop_reason"), StopReasons::toAnthropic(response.stopReason)},
        {QLatin1String("stop_sequence"),
         response.stopSequence.isEmpty() ? QJsonValue() : QJsonValue(response.stopSequence)},
        {QLatin1String("usage"), UsageCodec::toAnthropic(response.usage)},
    };
}

} // namespace Switchyard::Translate::AnthropicCodec
