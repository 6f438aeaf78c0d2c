// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/common/tr.h"
#include "core/translate/anthropiccodec.h"
#include "core/translate/codechelpers.h"

#include <QJsonArray>

#include <algorithm>

namespace Switchyard::Translate::AnthropicCodec {

using namespace Internal;
using Kind = ContentPart::Kind;

namespace {

QJsonObject textBlock(const QString &text)
{
    return QJsonObject{{QLatin1String("type"), QLatin1String("text")},
                       {QLatin1String("text"), text}};
}

QJsonObject imageBlock(const ContentPart &image)
{
    QJsonObject source;
    if (!image.url.isEmpty()) {
        source = QJsonObject{{QLatin1String("type"), QLatin1String("url")},
                             {QLatin1String("url"), image.url}};
    } else {
        source = QJsonObject{{QLatin1String("type"), QLatin1String("base64")},
                             {QLatin1String("media_type"), image.mediaType},
                             {QLatin1String("data"), image.data}};
    }
    return QJsonObject{{QLatin1String("type"), QLatin1String("image")},
                       {QLatin1String("source"), source}};
}

QJsonObject toolResultBlock(const ContentPart &result)
{
    QJsonObject block{{QLatin1String("type"), QLatin1String("tool_result")},
                      {QLatin1String("tool_use_id"), result.toolId}};
    const bool onlyText = std::all_of(result.children.cbegin(), result.children.cend(),
                                      [](const ContentPart &c) { return c.kind == Kind::Text; });
    if (onlyText) {
        const QString text = joinedText(result.children);
        if (!text.isEmpty()) {
            block.insert(QLatin1String("content"), text);
        }
    } else {
        QJsonArray content;
        for (const ContentPart &c : result.children) {
            if (c.kind == Kind::Image) {
                content.append(imageBlock(c));
            } else if (c.kind == Kind::Text && !c.text.isEmpty()) {
                content.append(textBlock(c.text));
            }
        }
        block.insert(QLatin1String("content"), content);
    }
    if (result.isError) {
        block.insert(QLatin1String("is_error"), true);
    }
    return block;
}

// Blocks of one message; empty text blocks are dropped (the API rejects them).
QJsonArray blocksOf(const ChatMessage &message)
{
    QJsonArray blocks;
    for (const ContentPart &p : message.parts) {
        switch (p.kind) {
        case Kind::Text:
            if (!p.text.isEmpty()) {
                blocks.append(textBlock(p.text));
            }
            break;
        case Kind::Image: blocks.append(imageBlock(p)); break;
        case Kind::ToolUse:
            blocks.append(QJsonObject{{QLatin1String("type"), QLatin1String("tool_use")},
                                      {QLatin1String("id"), p.toolId},
                                      {QLatin1String("name"), p.toolName},
                                      {QLatin1String("input"), p.arguments}});
            break;
        case Kind::ToolResult: blocks.append(toolResultBlock(p)); break;
        }
    }
    return blocks;
}

// Merges consecutive same-role turns and puts tool_result blocks first in each user turn,
// so results sit right after the assistant turn that issued the tool_use (LiteLLM#16525).
QJsonArray encodeMessages(const QList<ChatMessage> &messages)
{
    QList<QPair<Role, QJsonArray>> turns;
    for (const ChatMessage &m : messages) {
        const QJsonArray blocks = blocksOf(m);
        if (blocks.isEmpty()) {
            continue;
        }
        if (!turns.isEmpty() && turns.last().first == m.role) {
            for (const QJsonValue &b : blocks) {
                turns.last().second.append(b);
            }
        } else {
            turns.append({m.role, blocks});
        }
    }
    QJsonArray out;
    for (const auto &[role, blocks] : std::as_const(turns)) {
        QJsonArray ordered;
        const auto isResult = [](const QJsonValue &b) {
            return b.toObject().value(QLatin1String("type")) == QLatin1String("tool_result");
        };
        for (const QJsonValue &b : blocks) {
            if (isResult(b)) {
                ordered.append(b);
            }
        }
        for (const QJsonValue &b : blocks) {
            if (!isResult(b)) {
                ordered.append(b);
            }
        }
        const QJsonObject first = ordered.first().toObject();
        const bool plainText = ordered.size() == 1
                               && first.value(QLatin1String("type")) == QLatin1String("text");
        out.append(
            QJsonObject{{QLatin1String("role"),
                         role == Role::User ? QLatin1String("user") : QLatin1String("assistant")},
                        {QLatin1String("content"),
                         plainText ? first.value(QLatin1String("text")) : QJsonValue(ordered)}});
    }
    return out;
}

QJsonObject toolChoiceObject(const ChatRequest &request)
{
    QJsonObject choice;
    switch (request.toolChoice.mode) {
    case ToolChoice::Mode::Auto: choice.insert(QLatin1String("type"), QLatin1String("auto")); break;
    case ToolChoice::Mode::None: choice.insert(QLatin1String("type"), QLatin1String("none")); break;
    case ToolChoice::Mode::Required:
        choice.insert(QLatin1String("type"), QLatin1String("any"));
        break;
    case ToolChoice::Mode::Named:
        choice.insert(QLatin1String("type"), QLatin1String("tool"));
        choice.insert(QLatin1String("name"), request.toolChoice.name);
        break;
    case ToolChoice::Mode::Unset: break;
    }
    if (request.parallelToolCalls == false && !request.tools.isEmpty()
        && request.toolChoice.mode != ToolChoice::Mode::None) {
        if (choice.isEmpty()) {
            choice.insert(QLatin1String("type"), QLatin1String("auto"));
        }
        choice.insert(QLatin1String("disable_parallel_tool_use"), true);
    }
    return choice;
}

} // namespace

Result<QJsonObject> encodeRequest(const ChatRequest &request, const RequestOptions &options)
{
    if (request.extrasFormat == WireFormat::OpenAi
        && request.extras.value(QLatin1String("n")).toInt(1) > 1) {
        return fieldError(QStringLiteral("n"), Tr::tr("more than one choice is not supported "
                                                      "by this provider"));
    }
    QJsonObject body{{QLatin1String("model"), request.model},
                     {QLatin1String("messages"), encodeMessages(request.messages)},
                     {QLatin1String("max_tokens"),
                      request.maxTokens.value_or(options.defaultMaxTokens)}};
    QJsonArray system;
    for (const QString &s : request.system) {
        if (!s.isEmpty()) {
            system.append(textBlock(s));
        }
    }
    if (!system.isEmpty()) {
        body.insert(QLatin1String("system"), system);
    }
    if (!request.tools.isEmpty()) {
        QJsonArray tools;
        for (const ToolSpec &t : request.tools) {
            QJsonObject tool{{QLatin1String("name"), t.name},
                             {QLatin1String("input_schema"),
                              t.schema.isEmpty()
                                  ? QJsonObject{{QLatin1String("type"), QLatin1String("object")},
                                                {QLatin1String("properties"), QJsonObject()}}
                                  : t.schema}};
            if (!t.description.isEmpty()) {
                tool.insert(QLatin1String("description"), t.description);
            }
            tools.append(tool);
        }
        body.insert(QLatin1String("tools"), tools);
    }
    if (const QJsonObject choice = toolChoiceObject(request); !choice.isEmpty()) {
        body.insert(QLatin1String("tool_choice"), choice);
    }
    if (request.temperature) {
        body.insert(QLatin1String("temperature"), std::clamp(*request.temperature, 0.0, 1.0));
    }
    if (request.topP) {
        body.insert(QLatin1String("top_p"), *request.topP);
    }
    if (!request.stop.isEmpty()) {
        body.insert(QLatin1String("stop_sequences"), QJsonArray::fromStringList(request.stop));
    }
    if (request.stream) {
        body.insert(QLatin1String("stream"), true);
    }
    QJsonObject metadata;
    if (request.extrasFormat == WireFormat::Anthropic) {
        metadata = request.extras.value(QLatin1String("metadata")).toObject();
    }
    if (!request.user.isEmpty()) {
        metadata.insert(QLatin1String("user_id"), request.user);
    }
    if (!metadata.isEmpty()) {
        body.insert(QLatin1String("metadata"), metadata);
    }
    mergeExtras(body, request, WireFormat::Anthropic);
    return body;
}

} // namespace Switchyard::Translate::AnthropicCodec
