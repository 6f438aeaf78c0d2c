// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/support/mockanthropicvalidator.h"

#include "tests/support/mockopenaibodies.h"

#include <QJsonArray>
#include <QStringList>

namespace Switchyard::Testing::Internal {

namespace {

QString typeOf(const QJsonObject &block)
{
    return block.value(QLatin1String("type")).toString();
}

/// Ids of the tool_use blocks (assistant) or tool_result blocks (user) of one message.
QStringList blockIds(const QJsonObject &message, QLatin1String type, QLatin1String idKey)
{
    QStringList ids;
    const QJsonArray content = message.value(QLatin1String("content")).toArray();
    for (const QJsonValue &block : content) {
        if (typeOf(block.toObject()) == type)
            ids.append(block.toObject().value(idKey).toString());
    }
    return ids;
}

std::optional<QString> checkContent(const QJsonObject &message, qsizetype index, bool last)
{
    const QJsonValue content = message.value(QLatin1String("content"));
    const QString role = message.value(QLatin1String("role")).toString();
    const bool emptyAllowed = last && role == QLatin1String("assistant");
    if (content.isString()) {
        if (content.toString().isEmpty() && !emptyAllowed) {
            return QStringLiteral("messages.%1: all messages must have non-empty content except "
                                  "for the optional final assistant message").arg(index);
        }
        return std::nullopt;
    }
    if (!content.isArray())
        return QStringLiteral("messages.%1.content: Input should be a valid list").arg(index);
    const QJsonArray blocks = content.toArray();
    if (blocks.isEmpty() && !emptyAllowed) {
        return QStringLiteral("messages.%1: all messages must have non-empty content except "
                              "for the optional final assistant message").arg(index);
    }
    for (const QJsonValue &value : blocks) {
        const QJsonObject block = value.toObject();
        if (typeOf(block) == QLatin1String("text")
            && block.value(QLatin1String("text")).toString().isEmpty()) {
            return QStringLiteral("messages: text content blocks must be non-empty");
        }
        if (typeOf(block) == QLatin1String("tool_use") && role != QLatin1String("assistant")) {
            return QStringLiteral("messages.%1.content: tool_use blocks can only be in assistant "
                                  "messages").arg(index);
        }
    }
    return std::nullopt;
}

/// tool_result blocks of message `i` whose ids no tool_use of message i - 1 issued.
std::optional<QString> orphanedResult(const QJsonArray &messages, qsizetype i)
{
    const QStringList results = blockIds(messages.at(i).toObject(), QLatin1String("tool_result"),
                                         QLatin1String("tool_use_id"));
    const QStringList uses = i > 0 ? blockIds(messages.at(i - 1).toObject(),
                                              QLatin1String("tool_use"), QLatin1String("id"))
                                   : QStringList();
    for (qsizetype b = 0; b < results.size(); ++b) {
        if (!uses.contains(results.at(b))) {
            return QStringLiteral("messages.%1.content.%2: unexpected `tool_use_id` found in "
                                  "`tool_result` blocks: %3. Each `tool_result` block must have "
                                  "a corresponding `tool_use` block in the previous message.")
                .arg(i).arg(b).arg(results.at(b));
        }
    }
    return std::nullopt;
}

std::optional<QString> checkToolAdjacency(const QJsonArray &messages)
{
    if (messages.isEmpty())
        return std::nullopt;
    if (auto error = orphanedResult(messages, 0))
        return error;
    for (qsizetype i = 0; i + 1 < messages.size(); ++i) {
        // A mismatched id in the very next turn reads as an orphaned result first.
        if (auto error = orphanedResult(messages, i + 1))
            return error;
        const QStringList issued =
            blockIds(messages.at(i).toObject(), QLatin1String("tool_use"), QLatin1String("id"));
        const QStringList answered = blockIds(messages.at(i + 1).toObject(),
                                              QLatin1String("tool_result"), QLatin1String("tool_use_id"));
        QStringList missing;
        for (const QString &id : issued) {
            if (!answered.contains(id))
                missing.append(id);
        }
        if (!missing.isEmpty()) {
            return QStringLiteral("messages.%1: `tool_use` ids were found without `tool_result` "
                                  "blocks immediately after: %2. Each `tool_use` block must have a "
                                  "corresponding `tool_result` block in the next message.")
                .arg(i).arg(missing.join(QStringLiteral(", ")));
        }
    }
    // A trailing tool_use turn is a prefill the client has not answered yet: accepted.
    return std::nullopt;
}

qsizetype textChars(const QJsonValue &content)
{
    if (content.isString())
        return content.toString().size();
    qsizetype chars = 0;
    const QJsonArray blocks = content.toArray();
    for (const QJsonValue &block : blocks) {
        const QJsonObject object = block.toObject();
        chars += object.value(QLatin1String("text")).toString().size();
        chars += textChars(object.value(QLatin1String("content")));
    }
    return chars;
}

} // namespace

std::optional<QString> anthropicRequestError(const QJsonObject &body)
{
    if (!body.value(QLatin1String("model")).isString())
        return QStringLiteral("model: Field required");
    const QJsonValue maxTokens = body.value(QLatin1String("max_tokens"));
    if (maxTokens.isUndefined())
        return QStringLiteral("max_tokens: Field required");
    if (!maxTokens.isDouble() || maxTokens.toDouble() < 0
        || maxTokens.toDouble() != double(maxTokens.toInteger())) {
        return QStringLiteral("max_tokens: Input should be a valid integer");
    }
    const QJsonValue messagesValue = body.value(QLatin1String("messages"));
    if (messagesValue.isUndefined())
        return QStringLiteral("messages: Field required");
    if (!messagesValue.isArray())
        return QStringLiteral("messages: Input should be a valid list");
    const QJsonArray messages = messagesValue.toArray();
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QJsonObject message = messages.at(i).toObject();
        const QString role = message.value(QLatin1String("role")).toString();
        if (role == QLatin1String("system")) {
            return QStringLiteral("messages: Unexpected role \"system\". The Messages API accepts "
                                  "a top-level `system` parameter, not \"system\" as an input "
                                  "message role.");
        }
        if (role != QLatin1String("user") && role != QLatin1String("assistant")) {
            return QStringLiteral("messages.%1.role: Input should be 'user' or 'assistant'").arg(i);
        }
        if (auto error = checkContent(message, i, i + 1 == messages.size()))
            return error;
    }
    const QJsonValue system = body.value(QLatin1String("system"));
    if (system.isArray()) {
        const QJsonArray blocks = system.toArray();
        for (const QJsonValue &block : blocks) {
            if (block.toObject().value(QLatin1String("text")).toString().isEmpty())
                return QStringLiteral("system: text content blocks must be non-empty");
        }
    }
    return checkToolAdjacency(messages);
}

qint64 anthropicInputTokens(const QJsonObject &body)
{
    qsizetype chars = textChars(body.value(QLatin1String("system")));
    const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
    for (const QJsonValue &message : messages)
        chars += textChars(message.toObject().value(QLatin1String("content")));
    return estimateTokens(chars) + 4 * messages.size() + 4;
}

} // namespace Switchyard::Testing::Internal
