// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/translate/geminicodec.h"

#include "core/common/tr.h"
#include "core/translate/codechelpers.h"
#include "core/translate/stopreasons.h"
#include "core/translate/usagecodec.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace Switchyard::Translate::GeminiCodec {

using namespace Internal;
using Kind = ContentPart::Kind;

namespace {

// functionResponse.response must be an object: parsed JSON object, else {"result": text}.
QJsonObject responseObject(const ContentPart &result)
{
    const QString text = joinedText(result.children);
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    if (result.isError) {
        return QJsonObject{
            {QLatin1String("error"), doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(text)}};
    }
    return doc.isObject() ? doc.object() : QJsonObject{{QLatin1String("result"), text}};
}

Result<QJsonArray> partsOf(const ChatMessage &message, const QString &path,
                           const QHash<QString, QString> &toolNames)
{
    QJsonArray parts;
    for (qsizetype i = 0; i < message.parts.size(); ++i) {
        const ContentPart &p = message.parts.at(i);
        switch (p.kind) {
        case Kind::Text:
            if (!p.text.isEmpty()) {
                parts.append(QJsonObject{{QLatin1String("text"), p.text}});
            }
            break;
        case Kind::Image:
            if (!p.url.isEmpty()) {
                return fieldError(QStringLiteral("%1[%2]").arg(path).arg(i),
                                  Tr::tr("image URLs are not supported by Gemini; send the "
                                         "image as a base64 data URL"));
            }
            parts.append(QJsonObject{
                {QLatin1String("inlineData"), QJsonObject{{QLatin1String("mimeType"), p.mediaType},
                                                          {QLatin1String("data"), p.data}}}});
            break;
        case Kind::ToolUse: {
            QJsonObject call{
                {QLatin1String("functionCall"), QJsonObject{{QLatin1String("name"), p.toolName},
                                                            {QLatin1String("args"), p.arguments}}}};
            if (!p.signature.isEmpty()) { // Gemini 3 rejects tool history without it
                call.insert(QLatin1String("thoughtSignature"), p.signature);
            }
            parts.append(call);
            break;
        }
        case Kind::ToolResult: {
            const QString name = toolNames.value(p.toolId);
            if (name.isEmpty()) {
                return fieldError(QStringLiteral("%1[%2].tool_use_id").arg(path).arg(i),
                                  Tr::tr("no earlier tool call has id '%1'").arg(p.toolId));
            }
            parts.append(QJsonObject{{QLatin1String("functionResponse"),
                                      QJsonObject{{QLatin1String("name"), name},
                                                  {QLatin1String("response"), responseObject(p)}}}});
            break;
        }
        }
    }
    return parts;
}

QJsonObject toolConfig(const ToolChoice &choice)
{
    QJsonObject config;
    switch (choice.mode) {
    case ToolChoice::Mode::Auto: config.insert(QLatin1String("mode"), QLatin1String("AUTO")); break;
    case ToolChoice::Mode::None: config.insert(QLatin1String("mode"), QLatin1String("NONE")); break;
    case ToolChoice::Mode::Required:
        config.insert(QLatin1String("mode"), QLatin1String("ANY"));
        break;
    case ToolChoice::Mode::Named:
        config.insert(QLatin1String("mode"), QLatin1String("ANY"));
        config.insert(QLatin1String("allowedFunctionNames"), QJsonArray{choice.name});
        break;
    case ToolChoice::Mode::Unset: return {};
    }
    return QJsonObject{{QLatin1String("functionCallingConfig"), config}};
}

QJsonObject functionDeclaration(const ToolSpec &tool)
{
    QJsonObject decl{{QLatin1String("name"), tool.name}};
    if (!tool.description.isEmpty()) {
        decl.insert(QLatin1String("description"), tool.description);
    }
    const QJsonObject params = cleanSchema(tool.schema);
    // Gemini rejects an OBJECT schema with no properties: send no parameters instead.
    if (!params.value(QLatin1String("properties")).toObject().isEmpty()) {
        decl.insert(QLatin1String("parameters"), params);
    }
    return decl;
}

} // namespace

Result<QJsonObject> encodeRequest(const ChatRequest &request)
{
    if (request.extrasFormat == WireFormat::OpenAi
        && request.extras.value(QLatin1String("n")).toInt(1) > 1) {
        return fieldError(QStringLiteral("n"), Tr::tr("more than one choice is not supported "
                                                      "by this provider"));
    }
    QHash<QString, QString> toolNames;
    QJsonArray contents;
    for (qsizetype i = 0; i < request.messages.size(); ++i) {
        const ChatMessage &m = request.messages.at(i);
        for (const ContentPart &p : m.parts) {
            if (p.kind == Kind::ToolUse) {
                toolNames.insert(p.toolId, p.toolName);
            }
        }
        auto parts = partsOf(m, QStringLiteral("messages[%1].content").arg(i), toolNames);
        if (!parts) {
            return parts.error();
        }
        if (parts.value().isEmpty()) {
            continue;
        }
        const QString role = m.role == Role::User ? QStringLiteral("user")
                                                  : QStringLiteral("model");
        if (!contents.isEmpty()
            && contents.last().toObject().value(QLatin1String("role")).toString() == role) {
            QJsonObject last = contents.last().toObject();
            QJsonArray merged = last.value(QLatin1String("parts")).toArray();
            for (const QJsonValue &v : parts.value()) {
                merged.append(v);
            }
            last.insert(QLatin1String("parts"), merged);
            contents.replace(contents.size() - 1, last);
        } else {
            contents.append(QJsonObject{{QLatin1String("role"), role},
                                        {QLatin1String("parts"), parts.value()}});
        }
    }
    QJsonObject body{{QLatin1String("contents"), contents}};
    if (!request.system.isEmpty()) {
        QJsonArray parts;
        for (const QString &s : request.system) {
            parts.append(QJsonObject{{QLatin1String("text"), s}});
        }
        body.insert(QLatin1String("systemInstruction"),
                    QJsonObject{{QLatin1String("parts"), parts}});
    }
    if (!request.tools.isEmpty()) {
        QJsonArray decls;
        for (const ToolSpec &t : request.tools) {
            decls.append(functionDeclaration(t));
        }
        body.insert(QLatin1String("tools"),
                    QJsonArray{QJsonObject{{QLatin1String("functionDeclarations"), decls}}});
    }
    if (const QJsonObject config = toolConfig(request.toolChoice); !config.isEmpty()) {
        body.insert(QLatin1String("toolConfig"), config);
    }
    QJsonObject generation;
    if (request.maxTokens) {
        generation.insert(QLatin1String("maxOutputTokens"), *request.maxTokens);
    }
    if (request.temperature) {
        generation.insert(QLatin1String("temperature"), *request.temperature);
    }
    if (request.topP) {
        generation.insert(QLatin1String("topP"), *request.topP);
    }
    if (!request.stop.isEmpty()) {
        generation.insert(QLatin1String("stopSequences"), QJsonArray::fromStringList(request.stop));
    }
    if (request.extrasFormat == WireFormat::OpenAi) {
        if (request.extras.value(QLatin1String("seed")).isDouble()) {
            generation.insert(QLatin1String("seed"), request.extras.value(QLatin1String("seed")));
        }
        const QString format = request.extras.value(QLatin1String("response_format"))
                                   .toObject()
                                   .value(QLatin1String("type"))
                                   .toString();
        if (format == QLatin1String("json_object") || format == QLatin1String("json_schema")) {
            generation.insert(QLatin1String("responseMimeType"), QLatin1String("application/json"));
        }
    }
    if (!generation.isEmpty()) {
        body.insert(QLatin1String("generationConfig"), generation);
    }
    return body;
}

Result<ChatResponse> decodeResponse(const QJsonObject &body)
{
    ChatResponse response;
    response.id = body.value(QLatin1String("responseId")).toString();
    response.model = body.value(QLatin1String("modelVersion")).toString();
    response.usage = UsageCodec::fromGemini(body.value(QLatin1String("usageMetadata")).toObject());
    const QJsonArray candidates = body.value(QLatin1String("candidates")).toArray();
    if (candidates.isEmpty()) {
        const QString blocked = body.value(QLatin1String("promptFeedback"))
                                    .toObject()
                                    .value(QLatin1String("blockReason"))
                                    .toString();
        if (blocked.isEmpty()) {
            return fieldError(QStringLiteral("candidates"), Tr::tr("missing or empty"));
        }
        response.stopReason = StopReason::ContentFilter;
        response.rawStopReason = blocked;
        return response;
    }
    const QJsonObject candidate = candidates.first().toObject();
    const QJsonArray parts = candidate.value(QLatin1String("content"))
                                 .toObject()
                                 .value(QLatin1String("parts"))
                                 .toArray();
    QString text;
    int calls = 0;
    for (const QJsonValue &v : parts) {
        const QJsonObject part = v.toObject();
        if (part.contains(QLatin1String("functionCall"))) {
            const QJsonObject call = part.value(QLatin1String("functionCall")).toObject();
            const QString name = call.value(QLatin1String("name")).toString();
            QString id = call.value(QLatin1String("id")).toString();
            if (id.isEmpty()) {
                id = toolCallId(response.id, calls, name);
            }
            ContentPart use = ContentPart::makeToolUse(id, name,
                                                       call.value(QLatin1String("args")).toObject());
            use.signature = part.value(QLatin1String("thoughtSignature")).toString();
            response.content.append(use);
            ++calls;
        } else if (!part.value(QLatin1String("thought")).toBool()) {
            text += part.value(QLatin1String("text")).toString();
        }
    }
    if (!text.isEmpty()) {
        response.content.prepend(ContentPart::makeText(text));
    }
    response.rawStopReason = candidate.value(QLatin1String("finishReason")).toString();
    response.stopReason = StopReasons::fromGemini(response.rawStopReason, calls > 0);
    return response;
}

} // namespace Switchyard::Translate::GeminiCodec
