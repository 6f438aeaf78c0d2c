// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/common/tr.h"
#include "core/translate/codechelpers.h"
#include "core/translate/openaicodec.h"

#include <QJsonArray>

#include <algorithm>
#include <iterator>

namespace Switchyard::Translate::OpenAiCodec {

using namespace Internal;
using Kind = ContentPart::Kind;

namespace {

// Keys decodeRequest maps itself; everything else lands in extras.
const QLatin1String s_mappedKeys[] = {
    QLatin1String("model"),
    QLatin1String("messages"),
    QLatin1String("tools"),
    QLatin1String("tool_choice"),
    QLatin1String("parallel_tool_calls"),
    QLatin1String("max_tokens"),
    QLatin1String("max_completion_tokens"),
    QLatin1String("temperature"),
    QLatin1String("top_p"),
    QLatin1String("stop"),
    QLatin1String("stream"),
    QLatin1String("stream_options"),
    QLatin1String("user"),
    QLatin1String("functions"),
    QLatin1String("function_call"),
};

// Text of a system/tool message: a string or an array of text parts.
Result<QString> textContent(const QJsonValue &content, const QString &path)
{
    if (content.isString() || content.isNull() || content.isUndefined()) {
        return content.toString();
    }
    if (!content.isArray()) {
        return fieldError(path, Tr::tr("expected a string or an array of parts"));
    }
    QStringList texts;
    const QJsonArray parts = content.toArray();
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QJsonObject part = parts.at(i).toObject();
        const QString type = part.value(QLatin1String("type")).toString();
        if (type != QLatin1String("text") && type != QLatin1String("refusal")) {
            return fieldError(QStringLiteral("%1[%2].type").arg(path).arg(i),
                              Tr::tr("unknown part type '%1'").arg(type));
        }
        texts.append(part.value(type).toString());
    }
    return texts.join(QString());
}

Result<QList<ContentPart>> userContent(const QJsonValue &content, const QString &path)
{
    QList<ContentPart> parts;
    if (content.isString()) {
        parts.append(ContentPart::makeText(content.toString()));
        return parts;
    }
    if (!content.isArray()) {
        return fieldError(path, Tr::tr("expected a string or an array of parts"));
    }
    const QJsonArray array = content.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString partPath = QStringLiteral("%1[%2]").arg(path).arg(i);
        const QJsonObject part = array.at(i).toObject();
        const QString type = part.value(QLatin1String("type")).toString();
        if (type == QLatin1String("text")) {
            parts.append(ContentPart::makeText(part.value(QLatin1String("text")).toString()));
        } else if (type == QLatin1String("image_url")) {
            const QJsonValue iu = part.value(QLatin1String("image_url"));
            const QString url = iu.isString()
                                    ? iu.toString()
                                    : iu.toObject().value(QLatin1String("url")).toString();
            if (url.isEmpty()) {
                return fieldError(partPath + QLatin1String(".image_url.url"), Tr::tr("missing"));
            }
            ContentPart image;
            image.kind = Kind::Image;
            image.detail = iu.toObject().value(QLatin1String("detail")).toString();
            if (!splitDataUrl(url, image)) {
                image.url = url;
            }
            parts.append(image);
        } else {
            return fieldError(partPath + QLatin1String(".type"),
                              Tr::tr("unknown part type '%1'").arg(type));
        }
    }
    return parts;
}

// Appends `part` to the last message when it has `role`, else starts a new message.
void appendTo(QList<ChatMessage> &messages, Role role, const ContentPart &part)
{
    if (messages.isEmpty() || messages.last().role != role) {
        messages.append(ChatMessage{role, {}});
    }
    messages.last().parts.append(part);
}

Result<bool> decodeAssistant(const QJsonObject &m, const QString &path, ChatRequest &request,
                             int &legacyCalls)
{
    ChatMessage msg{Role::Assistant, {}};
    Result<QString> text = textContent(m.value(QLatin1String("content")),
                                       path + QLatin1String(".content"));
    if (!text) {
        return text.error();
    }
    if (!text.value().isEmpty()) {
        msg.parts.append(ContentPart::makeText(text.value()));
    }
    const QJsonArray calls = m.value(QLatin1String("tool_calls")).toArray();
    for (qsizetype j = 0; j < calls.size(); ++j) {
        const QJsonObject call = calls.at(j).toObject();
        const QJsonObject fn = call.value(QLatin1String("function")).toObject();
        const QString name = fn.value(QLatin1String("name")).toString();
        if (name.isEmpty()) {
            return fieldError(QStringLiteral("%1.tool_calls[%2].function.name").arg(path).arg(j),
                              Tr::tr("missing"));
        }
        const QJsonValue args = fn.value(QLatin1String("arguments"));
        msg.parts.append(ContentPart::makeToolUse(call.value(QLatin1String("id")).toString(), name,
                                                  args.isObject()
                                                      ? args.toObject()
                                                      : parseArguments(args.toString())));
    }
    const QJsonObject legacy = m.value(QLatin1String("function_call")).toObject();
    if (!legacy.isEmpty()) {
        msg.parts.append(
            ContentPart::makeToolUse(QStringLiteral("call_fn_%1").arg(legacyCalls++),
                                     legacy.value(QLatin1String("name")).toString(),
                                     parseArguments(
                                         legacy.value(QLatin1String("arguments")).toString())));
    }
    request.messages.append(msg);
    return true;
}

// role:"function" answers the most recent legacy call with that name.
QString legacyCallId(const QList<ChatMessage> &messages, const QString &name)
{
    for (auto m = messages.crbegin(); m != messages.crend(); ++m) {
        for (auto p = m->parts.crbegin(); p != m->parts.crend(); ++p) {
            if (p->kind == Kind::ToolUse && p->toolName == name) {
                return p->toolId;
            }
        }
    }
    return QStringLiteral("call_fn_%1").arg(name);
}

Result<bool> decodeMessages(const QJsonArray &array, ChatRequest &request)
{
    int legacyCalls = 0;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = QStringLiteral("messages[%1]").arg(i);
        const QJsonObject m = array.at(i).toObject();
        const QString role = m.value(QLatin1String("role")).toString();
        const QJsonValue content = m.value(QLatin1String("content"));
        if (role == QLatin1String("system") || role == QLatin1String("developer")) {
            Result<QString> text = textContent(content, path + QLatin1String(".content"));
            if (!text) {
                return text.error();
            }
            request.system.append(text.value());
        } else if (role == QLatin1String("user")) {
            auto parts = userContent(content, path + QLatin1String(".content"));
            if (!parts) {
                return parts.error();
            }
            request.messages.append(ChatMessage{Role::User, parts.value()});
        } else if (role == QLatin1String("assistant")) {
            Result<bool> ok = decodeAssistant(m, path, request, legacyCalls);
            if (!ok) {
                return ok;
            }
        } else if (role == QLatin1String("tool") || role == QLatin1String("function")) {
            Result<QString> text = textContent(content, path + QLatin1String(".content"));
            if (!text) {
                return text.error();
            }
            QString id = m.value(QLatin1String("tool_call_id")).toString();
            if (role == QLatin1String("function")) {
                id = legacyCallId(request.messages, m.value(QLatin1String("name")).toString());
            } else if (id.isEmpty()) {
                return fieldError(path + QLatin1String(".tool_call_id"), Tr::tr("missing"));
            }
            appendTo(request.messages, Role::User,
                     ContentPart::makeToolResult(id, text.value(), false));
        } else {
            return fieldError(path + QLatin1String(".role"), Tr::tr("unknown role '%1'").arg(role));
        }
    }
    return true;
}

Result<bool> decodeTools(const QJsonObject &body, ChatRequest &request)
{
    const QJsonArray tools = body.value(QLatin1String("tools")).toArray();
    for (qsizetype i = 0; i < tools.size(); ++i) {
        const QJsonObject tool = tools.at(i).toObject();
        const QString type = tool.value(QLatin1String("type")).toString();
        if (type != QLatin1String("function")) {
            return fieldError(QStringLiteral("tools[%1].type").arg(i),
                              Tr::tr("unsupported tool type '%1'").arg(type));
        }
        const QJsonObject fn = tool.value(QLatin1String("function")).toObject();
        request.tools.append(ToolSpec{fn.value(QLatin1String("name")).toString(),
                                      fn.value(QLatin1String("description")).toString(),
                                      fn.value(QLatin1String("parameters")).toObject()});
    }
    const QJsonArray functions = body.value(QLatin1String("functions")).toArray();
    for (const QJsonValue &f : functions) {
        const QJsonObject fn = f.toObject();
        request.tools.append(ToolSpec{fn.value(QLatin1String("name")).toString(),
                                      fn.value(QLatin1String("description")).toString(),
                                      fn.value(QLatin1String("parameters")).toObject()});
    }
    const QJsonValue choice = body.contains(QLatin1String("tool_choice"))
                                  ? body.value(QLatin1String("tool_choice"))
                                  : body.value(QLatin1String("function_call"));
    using Mode = ToolChoice::Mode;
    if (choice.isString()) {
        const QString c = choice.toString();
        if (c == QLatin1String("auto")) {
            request.toolChoice.mode = Mode::Auto;
        } else if (c == QLatin1String("none")) {
            request.toolChoice.mode = Mode::None;
        } else if (c == QLatin1String("required")) {
            request.toolChoice.mode = Mode::Required;
        } else {
            return fieldError(QStringLiteral("tool_choice"), Tr::tr("unknown value '%1'").arg(c));
        }
    } else if (choice.isObject()) {
        const QJsonObject o = choice.toObject();
        QString name
            = o.value(QLatin1String("function")).toObject().value(QLatin1String("name")).toString();
        if (name.isEmpty()) {
            name = o.value(QLatin1String("name")).toString(); // legacy function_call {name}
        }
        if (name.isEmpty()) {
            return fieldError(QStringLiteral("tool_choice.function.name"), Tr::tr("missing"));
        }
        request.toolChoice = ToolChoice{Mode::Named, name};
    }
    return true;
}

} // namespace

Result<ChatRequest> decodeRequest(const QJsonObject &body)
{
    ChatRequest request;
    request.extrasFormat = WireFormat::OpenAi;
    request.model = body.value(QLatin1String("model")).toString();
    if (request.model.isEmpty()) {
        return fieldError(QStringLiteral("model"), Tr::tr("required"));
    }
    const QJsonValue messages = body.value(QLatin1String("messages"));
    if (!messages.isArray() || messages.toArray().isEmpty()) {
        return fieldError(QStringLiteral("messages"), Tr::tr("must be a non-empty array"));
    }
    if (Result<bool> ok = decodeMessages(messages.toArray(), request); !ok) {
        return ok.error();
    }
    if (Result<bool> ok = decodeTools(body, request); !ok) {
        return ok.error();
    }
    if (body.value(QLatin1String("parallel_tool_calls")).isBool()) {
        request.parallelToolCalls = body.value(QLatin1String("parallel_tool_calls")).toBool();
    }
    for (QLatin1String key :
         {QLatin1String("max_completion_tokens"), QLatin1String("max_tokens")}) {
        if (body.value(key).isDouble() && !request.maxTokens) {
            request.maxTokens = body.value(key).toInteger();
        }
    }
    if (body.value(QLatin1String("temperature")).isDouble()) {
        request.temperature = body.value(QLatin1String("temperature")).toDouble();
    }
    if (body.value(QLatin1String("top_p")).isDouble()) {
        request.topP = body.value(QLatin1String("top_p")).toDouble();
    }
    request.stop = stringList(body.value(QLatin1String("stop")));
    request.stream = body.value(QLatin1String("stream")).toBool();
    request.includeUsage = body.value(QLatin1String("stream_options"))
                               .toObject()
                               .value(QLatin1String("include_usage"))
                               .toBool();
    request.user = body.value(QLatin1String("user")).toString();
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (std::find(std::begin(s_mappedKeys), std::end(s_mappedKeys), it.key())
            == std::end(s_mappedKeys)) {
            request.extras.insert(it.key(), it.value());
        }
    }
    return request;
}

} // namespace Switchyard::Translate::OpenAiCodec
