// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Switchyard::Providers::Internal {

/// FNV-1a: stable across runs and platforms (qHash is seeded per process).
quint32 stableHash(QByteArrayView bytes);

/// Text of the last `user` message (string content or its text parts).
QString lastUserText(const QJsonObject &body);

/// Rough token estimate: ceil(chars / 4).
qint64 estimateTokens(qsizetype chars);

/// Prompt tokens of a chat-completions body: message text / 4 plus per-message overhead.
qint64 estimatePromptTokens(const QJsonObject &body);

/// The output cap from `max_completion_tokens` or `max_tokens`, or -1.
qint64 maxOutputTokens(const QJsonObject &body);

/// Sentences from the built-in bank, picked deterministically from `seed`, about
/// `targetTokens` long; cut at a word boundary when `hardCapTokens` >= 0 is smaller.
QString simulatedReply(quint32 seed, qint64 targetTokens, qint64 hardCapTokens, bool *truncated);

struct SimulatedToolCall
{
    QString name;
    QString arguments; ///< JSON text filling the schema's required properties
};

/// A tool call when the request has tools and `tool_choice` is "required" or names a function.
std::optional<SimulatedToolCall> forcedToolCall(const QJsonObject &body);

/// Compact JSON object with placeholder values for the schema's required properties.
QString placeholderArguments(const QJsonObject &schema);

} // namespace Switchyard::Providers::Internal
