// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/providers/simulated/simulatedtext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

namespace Switchyard::Providers::Internal {

namespace {

// Deliberately about the gateway itself, so a first-start user reads something useful. These
// are model output, not UI strings, so they are not translated.
const char *const s_sentences[] = {
    "Switchyard is answering from its built-in simulated provider, so no API key was needed.",
    "Add an OpenAI-compatible provider in the configuration file to route requests upstream.",
    "Every request is logged to a local SQLite database and shown in the live log.",
    "Routes can fail over between providers when one is slow, rate limited or down.",
    "Budgets are checked before a request leaves the machine and settled when usage arrives.",
    "Token usage is normalised into input, cached, output and reasoning tokens.",
    "Streaming replies are relayed chunk by chunk without buffering the whole answer.",
    "The gateway listens on 127.0.0.1 and speaks the OpenAI chat-completions format.",
    "A score-based route weighs price, latency and quality for each candidate model.",
    "Guards can redact secrets from prompts before they reach any provider.",
    "The same core runs headless as switchyard-server when no window is wanted.",
    "Simulated latency and token speed are set with latency_ms and tokens_per_second.",
    "A failure_rate on the simulated provider lets you watch failover happen.",
    "Retries honour retry-after headers and never repeat a request once streaming began.",
    "Configuration changes are validated first and applied between requests.",
    "Each log entry records the route, the chosen model, the attempts and the cost.",
};
constexpr quint32 s_sentenceCount = sizeof(s_sentences) / sizeof(s_sentences[0]);

QString contentText(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    QString text;
    for (const QJsonValue &part : content.toArray())
        text += part.toObject().value(QLatin1String("text")).toString();
    return text;
}

QJsonValue placeholderValue(const QJsonObject &schema)
{
    const QJsonArray choices = schema.value(QLatin1String("enum")).toArray();
    if (!choices.isEmpty())
        return choices.first();
    const QString type = schema.value(QLatin1String("type")).toString();
    if (type == QLatin1String("integer") || type == QLatin1String("number"))
        return 1;
    if (type == QLatin1String("boolean"))
        return true;
    if (type == QLatin1String("array"))
        return QJsonArray();
    if (type == QLatin1String("object")) {
        return QJsonDocument::fromJson(placeholderArguments(schema).toUtf8()).object();
    }
    return QStringLiteral("example");
}

} // namespace

quint32 stableHash(QByteArrayView bytes)
{
    quint32 hash = 2166136261u;
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 16777619u;
    }
    return hash;
}

QString lastUserText(const QJsonObject &body)
{
    const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
    for (qsizetype i = messages.size() - 1; i >= 0; --i) {
        const QJsonObject message = messages.at(i).toObject();
        if (message.value(QLatin1String("role")).toString() == QLatin1String("user"))
            return contentText(message.value(QLatin1String("content")));
    }
    return {};
}

qint64 estimateTokens(qsizetype chars)
{
    return chars <= 0 ? 0 : (chars + 3) / 4;
}

qint64 estimatePromptTokens(const QJsonObject &body)
{
    const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
    qsizetype chars = 0;
    for (const QJsonValue &message : messages)
        chars += contentText(message.toObject().value(QLatin1String("content"))).size();
    const QJsonArray tools = body.value(QLatin1String("tools")).toArray();
    if (!tools.isEmpty())
        chars += QJsonDocument(tools).toJson(QJsonDocument::Compact).size();
    return estimateTokens(chars) + 3 * messages.size() + 3;
}

qint64 maxOutputTokens(const QJsonObject &body)
{
    for (const QLatin1String key : {QLatin1String("max_completion_tokens"), QLatin1String("max_tokens")}) {
        const QJsonValue value = body.value(key);
        if (value.isDouble() && value.toDouble() >= 1)
            return value.toInteger();
    }
    return -1;
}

QString simulatedReply(quint32 seed, qint64 targetTokens, qint64 hardCapTokens, bool *truncated)
{
    // A small LCG walks the bank; consecutive picks differ because the step is never 0 mod n.
    quint32 state = seed;
    quint32 index = seed % s_sentenceCount;
    QString text;
    while (estimateTokens(text.size()) < targetTokens) {
        if (!text.isEmpty())
            text += QLatin1Char(' ');
        text += QLatin1String(s_sentences[index]);
        state = state * 1664525u + 1013904223u;
        index = (index + 1 + (state >> 16) % (s_sentenceCount - 1)) % s_sentenceCount;
    }
    *truncated = false;
    if (hardCapTokens >= 0 && estimateTokens(text.size()) > hardCapTokens) {
        *truncated = true;
        qsizetype cut = qMax<qsizetype>(1, hardCapTokens * 4);
        const qsizetype space = text.lastIndexOf(QLatin1Char(' '), cut);
        if (space > 0)
            cut = space;
        text.truncate(cut);
    }
    return text;
}

std::optional<SimulatedToolCall> forcedToolCall(const QJsonObject &body)
{
    const QJsonArray tools = body.value(QLatin1String("tools")).toArray();
    if (tools.isEmpty())
        return std::nullopt;
    const QJsonValue choice = body.value(QLatin1String("tool_choice"));
    QString wanted;
    if (choice.isObject()) {
        wanted = choice.toObject().value(QLatin1String("function")).toObject()
                     .value(QLatin1String("name")).toString();
        if (wanted.isEmpty())
            return std::nullopt;
    } else if (choice.toString() != QLatin1String("required")) {
        return std::nullopt;
    }
    for (const QJsonValue &tool : tools) {
        const QJsonObject function = tool.toObject().value(QLatin1String("function")).toObject();
        const QString name = function.value(QLatin1String("name")).toString();
        if (name.isEmpty() || (!wanted.isEmpty() && name != wanted))
            continue;
        return SimulatedToolCall{name, placeholderArguments(function.value(QLatin1String("parameters")).toObject())};
    }
    return std::nullopt;
}

QString placeholderArguments(const QJsonObject &schema)
{
    const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
    QJsonObject arguments;
    for (const QJsonValue &required : schema.value(QLatin1String("required")).toArray()) {
        const QString name = required.toString();
        arguments.insert(name, placeholderValue(properties.value(name).toObject()));
    }
    return QString::fromUtf8(QJsonDocument(arguments).toJson(QJsonDocument::Compact));
}

} // namespace Switchyard::Providers::Internal
