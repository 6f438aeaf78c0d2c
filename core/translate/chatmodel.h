// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/usage.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Switchyard::Translate {

/// The wire formats the codecs speak. Inbound surfaces: OpenAi, Anthropic. Outbound: all three.
enum class WireFormat {
    OpenAi,
    Anthropic,
    Gemini
};

/// One piece of message content. Which fields matter depends on kind; the rest stay empty.
/// Tool results are parts of a User message (Anthropic's model): OpenAI `tool` messages
/// decode to a User message holding ToolResult parts, and encode back the same way.
struct ContentPart
{
    enum class Kind {
        Text,       ///< text
        Image,      ///< url (http/https) or mediaType + base64 data
        ToolUse,    ///< toolId, toolName, arguments (assistant turns)
        ToolResult, ///< toolId (the tool_use id answered), children (Text/Image), isError
    };
    Kind kind = Kind::Text;
    QString text;
    QString url;       ///< Image from a remote URL (never a data: URL; those are split)
    QString mediaType; ///< Image inline: "image/png", ...
    QString data;      ///< Image inline: raw base64, no "data:" prefix
    QString detail;    ///< OpenAI image detail, kept for OpenAI re-encoding
    QString toolId;
    QString toolName;
    QJsonObject arguments;       ///< ToolUse input; "" or invalid JSON arguments decode to {}
    QList<ContentPart> children; ///< ToolResult content
    QString signature; ///< Gemini thoughtSignature of a ToolUse, echoed back on the next turn
    bool isError = false;

    static ContentPart makeText(const QString &text);
    static ContentPart makeToolUse(const QString &id, const QString &name, const QJsonObject &args);
    static ContentPart makeToolResult(const QString &toolUseId, const QString &text, bool isError);
};

enum class Role {
    User,
    Assistant
};

struct ChatMessage
{
    Role role = Role::User;
    QList<ContentPart> parts;
};

struct ToolSpec
{
    QString name;
    QString description;
    QJsonObject schema; ///< JSON Schema of the arguments; may be empty
};

struct ToolChoice
{
    enum class Mode {
        Unset,
        Auto,
        None,
        Required,
        Named
    };
    Mode mode = Mode::Unset;
    QString name; ///< Named only
};

/// A chat request in no particular wire format.
struct ChatRequest
{
    QString model;
    QStringList system; ///< system/developer texts, in order (mid-conversation ones are hoisted)
    QList<ChatMessage> messages;
    QList<ToolSpec> tools;
    ToolChoice toolChoice;
    std::optional<bool> parallelToolCalls;
    std::optional<qint64> maxTokens;
    std::optional<double> temperature;
    std::optional<double> topP;
    QStringList stop;
    bool stream = false;
    bool includeUsage = false; ///< OpenAI stream_options.include_usage asked by the client
    QString user;              ///< OpenAI `user` / Anthropic `metadata.user_id`
    /// Fields no codec maps (seed, response_format, metadata, top_k, thinking, ...). They are
    /// re-emitted only when encoding to extrasFormat, never across formats.
    QJsonObject extras;
    WireFormat extrasFormat = WireFormat::OpenAi;
};

enum class StopReason {
    EndTurn,
    MaxTokens,
    ToolUse,
    StopSequence,
    ContentFilter,
    Other
};

struct ChatResponse
{
    QString id;
    QString model;
    QList<ContentPart> content; ///< Text and ToolUse parts only
    StopReason stopReason = StopReason::EndTurn;
    QString stopSequence;  ///< the matched stop string when known
    QString rawStopReason; ///< the upstream's own value, for logs
    Usage usage;
};

/// One step of a streamed reply. Tool call `index` counts tool calls only (0, 1, ...), never
/// text blocks. UsageUpdate carries the whole usage known so far (replace, do not add).
struct StreamEvent
{
    enum class Type {
        MessageStart,      ///< id, model
        TextDelta,         ///< text
        ToolCallStart,     ///< index, id, name
        ToolCallArgsDelta, ///< index, text (a fragment of the JSON arguments)
        ToolCallEnd,       ///< index
        Finish,            ///< stopReason (+ stopSequence in text when known)
        UsageUpdate,       ///< usage
        Error,             ///< errorType, text (message); the stream is over
    };
    Type type = Type::TextDelta;
    QString id;
    QString model;
    QString name;
    QString text;
    QString errorType;
    int index = -1;
    StopReason stopReason = StopReason::EndTurn;
    Usage usage;

    static StreamEvent messageStart(const QString &id, const QString &model);
    static StreamEvent textDelta(const QString &text);
    static StreamEvent toolCallStart(int index, const QString &id, const QString &name);
    static StreamEvent toolCallArgsDelta(int index, const QString &fragment);
    static StreamEvent toolCallEnd(int index);
    static StreamEvent finish(StopReason reason, const QString &stopSequence = {});
    static StreamEvent usageUpdate(const Usage &usage);
    static StreamEvent error(const QString &type, const QString &message);

    bool operator==(const StreamEvent &other) const;
};

/// Readable one-line form for test failure output and logs.
QString describe(const StreamEvent &event);

} // namespace Switchyard::Translate
