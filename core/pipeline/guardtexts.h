// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/translate/chatmodel.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <variant>

namespace Switchyard::Pipeline {

/// The message texts of a chat request or reply in the client's wire format, with where each
/// one lives in the JSON, so the guard stage can scan them and write redacted texts back while
/// leaving the rest of the client's JSON as it was.
struct GuardTexts
{
    enum class Role {
        System,
        User,
        Assistant,
        ToolResult
    };
    using PathStep = std::variant<QString, qsizetype>;
    struct Slot
    {
        QList<PathStep> path;
        Role role = Role::User;
    };

    QStringList texts;
    QList<Slot> places;

    /// OpenAI `messages[].content` (string or text parts; role "tool" is a tool result);
    /// Anthropic `system` and `messages[].content` (string, text blocks, tool_result blocks).
    static GuardTexts fromRequest(const QJsonObject &body, Translate::WireFormat format);
    /// OpenAI `choices[].message.content`; Anthropic `content[]` text blocks.
    static GuardTexts fromResponse(const QJsonObject &body, Translate::WireFormat format);

    /// The texts of `roles` only (e.g. user messages for injection scoring).
    QStringList textsOf(std::initializer_list<Role> roles) const;
    /// Writes every text that differs from `original` back into `body`; returns how many.
    int writeBack(QJsonObject &body, const GuardTexts &original) const;
};

} // namespace Switchyard::Pipeline
