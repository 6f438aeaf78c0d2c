// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/common/tr.h"
#include "core/translate/codechelpers.h"
#include "core/translate/openaicodec.h"
#include "core/translate/stopreasons.h"
#include "core/translate/usagecodec.h"

#include <QJsonArray>

namespace Switchyard::Translate::OpenAiCodec {

using namespace Internal;
using Kind = ContentPart::Kind;

Result<ChatResponse> decodeResponse(const QJsonObject &body)
{
    const QJsonArray choices = body.value(QLatin1String("choices")).toArray();
    if (choices.isEmpty()) {
        return fieldError(QStringLiteral("choices"), Tr::tr("missing or empty"));
    }
    const QJsonObject choice = choices.first().toObject();
    const QJsonObject message = choice.value(QLatin1String("message")).toObject();
    ChatResponse response;
    response.id = body.value(QLatin1String("id")).toString();
    response.model = body.value(QLatin1String("model")).toString();
    const QJsonValue content = message.value(QLatin1String("content"));
    QString text = content.toString();
    if (content.isArray()) {
        for (const QJsonValue &p : content.toArray()) {
            text += p.toObject().value(QLatin1String("text")).toString();
        }
    }
    if (!text.isEmpty()) {
        response.content.append(ContentPart::makeText(text));
    }
    const QJsonArray calls = message.value(QLatin1String("tool_calls")).toArray();
    for (const QJsonValue &c : calls) {
        const QJsonObject call = c.toObject();
        const QJsonObject fn = call.value(QLatin1String("function")).toObject();
        const QJsonValue args = fn.value(QLatin1String("arguments"));
        response.content.append(ContentPart::makeToolUse(call.value(QLatin1String("id")).toString(),
                                                         fn.value(QLatin1String("name")).toString(),
                                                         args.isObject()
                                                             ? args.toObject()
                                                             : parseArguments(args.toString())));
    }
    response.rawStopReason = choice.value(QLatin1String("finish_reason")).toString();
    response.stopReason = StopReasons::fromOpenAi(response.rawStopReason);
    if (response.stopReason == StopReason::EndTurn && !calls.isEmpty()) {
        response.stopReason = StopReason::ToolUse; // Gemini's OpenAI surface says "stop"
    }
    response.usage = UsageCodec::fromOpenAi(body.value(QLatin1String("usage")).toObject());
    return response;
}

QJsonObject encodeResponse(const ChatResponse &response, qint64 created)
{
    QString text;
    QJsonArray calls;
    for (const ContentPart &p : response.content) {
        if (p.kind == Kind::Text) {
            text += p.text;
        } else if (p.kind == Kind::ToolUse) {
            calls.append(
                QJsonObject{{QLatin1String("id"), p.toolId},
                            {QLatin1String("type"), QLatin1String("function")},
                            {QLatin1String("function"),
                             QJsonObject{{QLatin1String("name"), p.toolName},
                                         {QLatin1String("arguments"), compactJson(p.arguments)}}}});
        }
    }
    QJsonObject message{{QLatin1String("role"), QLatin1String("assistant")},
                        {QLatin1String("content"),
                         text.isEmpty() && !calls.isEmpty() ? QJsonValue() : QJsonValue(text)}};
    if (!calls.isEmpty()) {
        message.insert(QLatin1String("tool_calls"), calls);
    }
    const QJsonObject choice{{QLatin1String("index"), 0},
                             {QLatin1String("message"), message},
                             {QLatin1String("logprobs"), QJsonValue()},
                             {QLatin1String("finish_reason"),
                              StopReasons::toOpenAi(response.stopReason)}};
    QJsonObject body{{QLatin1String("id"), response.id},
                     {QLatin1String("object"), QLatin1String("chat.completion")},
                     {QLatin1String("created"), created},
                     {QLatin1String("model"), response.model},
                     {QLatin1String("choices"), QJsonArray{choice}}};
    if (response.usage.known) {
        body.insert(QLatin1String("usage"), UsageCodec::toOpenAi(response.usage));
    }
    return body;
}

} // namespace Switchyard::Translate::OpenAiCodec
