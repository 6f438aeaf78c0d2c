// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/common/tr.h"
#include "core/translate/anthropiccodec.h"
#include "core/translate/codechelpers.h"

#include <QJsonArray>

#include <algorithm>
#include <iterator>

namespace Switchyard::Translate::AnthropicCodec {

using namespace Internal;
using Kind = ContentPart::Kind;

namespace {

const QLatin1String s_mappedKeys[] = {
    QLatin1String("model"),       QLatin1String("messages"),    QLatin1String("system"),
    QLatin1String("tools"),       QLatin1String("tool_choice"), QLatin1String("max_tokens"),
    QLatin1String("temperature"), QLatin1String("top_p"),       QLatin1String("stop_sequences"),
    QLatin1String("stream"),
};

Result<ContentPart> decodeImage(const QJsonObject &block, const QString &path)
{
    const QJsonObject source = block.value(QLatin1String("source")).toObject();
    const QString type = source.value(QLatin1String("type")).toString();
    ContentPart image;
    image.kind = Kind::Image;
    if (type == QLatin1String("base64")) {
        image.mediaType = source.value(QLatin1String("media_type")).toString();
        image.data = source.value(QLatin1String("data")).toString();
        // Some clients leave the data: prefix in (livekit/agents#3867).
        if (image.data.startsWith(QLatin1String("data:"))) {
            splitDataUrl(image.data, image);
        }
    } else if (type == QLatin1String("url")) {
        image.url = source.value(QLatin1String("url")).toString();
    } else {
        return fieldError(path + QLatin1String(".source.type"),
                          Tr::tr("unknown image source type '%1'").arg(type));
    }
    return image;
}

Result<QList<ContentPart>> decodeBlocks(const QJsonValue &content, const QString &path,
                                        bool inToolResult);

Result<ContentPart> decodeBlock(const QJsonObject &block, const QString &path, bool inToolResult)
{
    const QString type = block.value(QLatin1String("type")).toString();
    if (type == QLatin1String("text")) {
        return ContentPart::makeText(block.value(QLatin1String("text")).toString());
    }
    if (type == QLatin1String("image")) {
        return decodeImage(block, path);
    }
    if (!inToolResult && type == QLatin1String("tool_use")) {
        return ContentPart::makeToolUse(block.value(QLatin1String("id")).toString(),
                                        block.value(QLatin1String("name")).toString(),
                                        block.value(QLatin1String("input")).toObject());
    }
    if (!inToolResult && type == QLatin1String("tool_result")) {
        ContentPart result;
        result.kind = Kind::ToolResult;
        result.toolId = block.value(QLatin1String("tool_use_id")).toString();
        result.isError = block.value(QLatin1String("is_error")).toBool();
        if (result.toolId.isEmpty()) {
            return fieldError(path + QLatin1String(".tool_use_id"), Tr::tr("missing"));
        }
        auto children = decodeBlocks(block.value(QLatin1String("content")),
                                     path + QLatin1String(".content"), true);
        if (!children) {
            return children.error();
        }
        result.children = children.value();
        return result;
    }
    return fieldError(path + QLatin1String(".type"), Tr::tr("unknown part type '%1'").arg(type));
}

Result<QList<ContentPart>> decodeBlocks(const QJsonValue &content, const QString &path,
                                        bool inToolResult)
{
    QList<ContentPart> parts;
    if (content.isString()) {
        if (!content.toString().isEmpty() || !inToolResult) {
            parts.append(ContentPart::makeText(content.toString()));
        }
        return parts;
    }
    if (content.isUndefined() && inToolResult) {
        return parts;
    }
    if (!content.isArray()) {
        return fieldError(path, Tr::tr("expected a string or an array of blocks"));
    }
    const QJsonArray array = content.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject block = array.at(i).toObject();
        const QString type = block.value(QLatin1String("type")).toString();
        if (type == QLatin1String("thinking") || type == QLatin1String("redacted_thinking")) {
            continue;
        }
        Result<ContentPart> part = decodeBlock(block, QStringLiteral("%1[%2]").arg(path).arg(i),
                                               inToolResult);
        if (!part) {
            return part.error();
        }
        parts.append(part.value());
    }
    return parts;
}

Result<bool> decodeTools(const QJsonObject &body, ChatRequest &request)
{
    const QJsonArray tools = body.value(QLatin1String("tools")).toArray();
    for (qsizetype i = 0; i < tools.size(); ++i) {
        const QJsonObject tool = tools.at(i).toObject();
        const QString type = tool.value(QLatin1String("type")).toString();
        if (!type.isEmpty() && type != QLatin1String("custom")) {
            return fieldError(QStringLiteral("tools[%1].type").arg(i),
                              Tr::tr("unsupported tool type '%1'").arg(type));
        }
        request.tools.append(ToolSpec{tool.value(QLatin1String("name")).toString(),
                                      tool.value(QLatin1String("description")).toString(),
                                      tool.value(QLatin1String("input_schema")).toObject()});
    }
    const QJsonObject choice = body.value(QLatin1String("tool_choice")).toObject();
    if (choice.isEmpty()) {
        return true;
    }
    using Mode = ToolChoice::Mode;
    const QString type = choice.value(QLatin1String("type")).toString();
    if (type == QLatin1String("auto")) {
        request.toolChoice.mode = Mode::Auto;
    } else if (type == QLatin1String("any")) {
        request.toolChoice.mode = Mode::Required;
    } else if (type == QLatin1String("none")) {
        request.toolChoice.mode = Mode::None;
    } else if (type == QLatin1String("tool")) {
        request.toolChoice = ToolChoice{Mode::Named, choice.value(QLatin1String("name")).toString()};
    } else {
        return fieldError(QStringLiteral("tool_choice.type"),
                          Tr::tr("unknown value '%1'").arg(type));
    }
    if (choice.value(QLatin1String("disable_parallel_tool_use")).toBool()) {
        request.parallelToolCalls = false;
    }
    return true;
}

} // namespace

Result<ChatRequest> decodeRequest(const QJsonObject &body)
{
    ChatRequest request;
    request.extrasFormat = WireFormat::Anthropic;
    request.model = body.value(QLatin1String("model")).toString();
    if (request.model.isEmpty()) {
        return fieldError(QStringLiteral("model"), Tr::tr("required"));
    }
    const QJsonValue system = body.value(QLatin1String("system"));
    if (system.isString()) {
        request.system.append(system.toString());
    } else if (system.isArray()) {
        for (const QJsonValue &b : system.toArray()) {
            request.system.append(b.toObject().value(QLatin1String("text")).toString());
        }
    }
    const QJsonValue messages = body.value(QLatin1String("messages"));
    if (!messages.isArray() || messages.toArray().isEmpty()) {
        return fieldError(QStringLiteral("messages"), Tr::tr("must be a non-empty array"));
    }
    const QJsonArray array = messages.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = QStringLiteral("messages[%1]").arg(i);
        const QJsonObject m = array.at(i).toObject();
        const QString role = m.value(QLatin1String("role")).toString();
        if (role != QLatin1String("user") && role != QLatin1String("assistant")) {
            return fieldError(path + QLatin1String(".role"), Tr::tr("unknown role '%1'").arg(role));
        }
        auto parts = decodeBlocks(m.value(QLatin1String("content")),
                                  path + QLatin1String(".content"), false);
        if (!parts) {
            return parts.error();
        }
        request.messages.append(
            ChatMessage{role == QLatin1String("user") ? Role::User : Role::Assistant,
                        parts.value()});
    }
    if (Result<bool> ok = decodeTools(body, request); !ok) {
        return ok.error();
    }
    if (body.value(QLatin1String("max_tokens")).isDouble()) {
        request.maxTokens = body.value(QLatin1String("max_tokens")).toInteger();
    }
    if (body.value(QLatin1String("temperature")).isDouble()) {
        request.temperature = body.value(QLatin1String("temperature")).toDouble();
    }
    if (body.value(QLatin1String("top_p")).isDouble()) {
        request.topP = body.value(QLatin1String("top_p")).toDouble();
    }
    request.stop = stringList(body.value(QLatin1String("stop_sequences")));
    request.stream = body.value(QLatin1String("stream")).toBool();
    request.includeUsage = true; // Anthropic streams always carry usage
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (std::find(std::begin(s_mappedKeys), std::end(s_mappedKeys), it.key())
            == std::end(s_mappedKeys)) {
            request.extras.insert(it.key(), it.value());
        }
    }
    QJsonObject metadata = request.extras.value(QLatin1String("metadata")).toObject();
    request.user = metadata.take(QLatin1String("user_id")).toString();
    if (metadata.isEmpty()) {
        request.extras.remove(QLatin1String("metadata"));
    } else {
        request.extras.insert(QLatin1String("metadata"), metadata);
    }
    return request;
}

} // namespace Switchyard::Translate::AnthropicCodec
