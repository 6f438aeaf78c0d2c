// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/support/mockopenaibodies.h"

#include <QRandomGenerator>
#include <QStringList>

namespace Switchyard::Testing::Internal {

namespace {

// Hand-built JSON keeps OpenAI's key order (id, object, created, model, choices, …), which
// QJsonDocument would sort, and is several times faster for the benchmark.
QByteArray chunkPrefix(const CompletionSpec &spec)
{
    return "{\"id\":\"" + spec.id + "\",\"object\":\"chat.completion.chunk\",\"created\":"
           + QByteArray::number(spec.created) + ",\"model\":\"" + spec.model
           + "\",\"system_fingerprint\":\"" + spec.systemFingerprint + "\",\"choices\":[";
}

QByteArray choiceEvent(const CompletionSpec &spec, const QByteArray &prefix, const QByteArray &delta,
                       const QByteArray &finishReason)
{
    QByteArray event = "data: " + prefix + "{\"index\":0,\"delta\":" + delta
                       + ",\"logprobs\":null,\"finish_reason\":"
                       + (finishReason.isEmpty() ? QByteArray("null") : '"' + finishReason + '"')
                       + "}]";
    if (spec.includeUsage)
        event += ",\"usage\":null";
    event += "}\n\n";
    return event;
}

QStringList argumentPieces(const QString &arguments)
{
    // Three roughly equal fragments, as real streams cut arguments mid-token.
    QStringList pieces;
    const qsizetype step = qMax<qsizetype>(1, (arguments.size() + 2) / 3);
    for (qsizetype i = 0; i < arguments.size(); i += step)
        pieces.append(arguments.mid(i, step));
    return pieces;
}

} // namespace

QByteArray jsonString(QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out += '"';
    for (const char c : utf8) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += "\\u00";
                out += QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0');
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

QByteArray usageJson(const CompletionSpec &spec)
{
    return "{\"prompt_tokens\":" + QByteArray::number(spec.promptTokens)
           + ",\"completion_tokens\":" + QByteArray::number(spec.completionTokens)
           + ",\"total_tokens\":" + QByteArray::number(spec.promptTokens + spec.completionTokens)
           + ",\"prompt_tokens_details\":{\"cached_tokens\":" + QByteArray::number(spec.cachedTokens)
           + ",\"audio_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":"
           + QByteArray::number(spec.reasoningTokens)
           + ",\"audio_tokens\":0,\"accepted_prediction_tokens\":0,"
             "\"rejected_prediction_tokens\":0}}";
}

QByteArray completionBody(const CompletionSpec &spec)
{
    const bool tool = !spec.toolName.isEmpty();
    QByteArray message = "{\"role\":\"assistant\",\"content\":";
    if (tool) {
        message += "null,\"tool_calls\":[{\"id\":\"" + spec.toolCallId
                   + "\",\"type\":\"function\",\"function\":{\"name\":" + jsonString(spec.toolName)
                   + ",\"arguments\":" + jsonString(spec.toolArguments) + "}}]";
    } else {
        message += jsonString(spec.text);
    }
    message += ",\"refusal\":null,\"annotations\":[]}";
    return "{\"id\":\"" + spec.id + "\",\"object\":\"chat.completion\",\"created\":"
           + QByteArray::number(spec.created) + ",\"model\":\"" + spec.model
           + "\",\"choices\":[{\"index\":0,\"message\":" + message
           + ",\"logprobs\":null,\"finish_reason\":\"" + (tool ? "tool_calls" : "stop")
           + "\"}],\"usage\":" + usageJson(spec)
           + ",\"service_tier\":\"default\",\"system_fingerprint\":\"" + spec.systemFingerprint
           + "\"}";
}

QList<QByteArray> streamEvents(const CompletionSpec &spec)
{
    const QByteArray prefix = chunkPrefix(spec);
    QList<QByteArray> events;
    if (!spec.toolName.isEmpty()) {
        events.append(choiceEvent(spec, prefix,
                                  "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,"
                                  "\"id\":\"" + spec.toolCallId
                                      + "\",\"type\":\"function\",\"function\":{\"name\":"
                                      + jsonString(spec.toolName) + ",\"arguments\":\"\"}}]}",
                                  {}));
        const QStringList pieces = argumentPieces(spec.toolArguments);
        for (const QString &piece : pieces) {
            events.append(choiceEvent(spec, prefix,
                                      "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":"
                                          + jsonString(piece) + "}}]}",
                                      {}));
        }
        events.append(choiceEvent(spec, prefix, "{}", "tool_calls"));
    } else {
        events.append(choiceEvent(spec, prefix,
                                  "{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", {}));
        const QStringList pieces = textPieces(spec.text);
        for (const QString &piece : pieces)
            events.append(choiceEvent(spec, prefix, "{\"content\":" + jsonString(piece) + '}', {}));
        events.append(choiceEvent(spec, prefix, "{}", "stop"));
    }
    if (spec.includeUsage)
        events.append("data: " + prefix + "],\"usage\":" + usageJson(spec) + "}\n\n");
    events.append(QByteArrayLiteral("data: [DONE]\n\n"));
    return events;
}

QByteArray errorBody(const QString &message, const QByteArray &type, const QByteArray &code)
{
    return "{\"error\":{\"message\":" + jsonString(message) + ",\"type\":\"" + type
           + "\",\"param\":null,\"code\":"
           + (code.isEmpty() ? QByteArray("null") : '"' + code + '"') + "}}";
}

QByteArray modelsBody(const QByteArray &id)
{
    static const QList<QPair<QByteArray, qint64>> s_models = {
        {"gpt-4o-mini", 1721172741},   {"gpt-4o", 1715367049},
        {"gpt-4.1-mini", 1744318173},  {"o3-mini", 1737146383},
        {"text-embedding-3-small", 1705948997},
    };
    auto model = [](const QPair<QByteArray, qint64> &m) -> QByteArray {
        return "{\"id\":\"" + m.first + "\",\"object\":\"model\",\"created\":"
               + QByteArray::number(m.second) + ",\"owned_by\":\"system\"}";
    };
    if (!id.isEmpty()) {
        for (const auto &m : s_models) {
            if (m.first == id)
                return model(m);
        }
        return {};
    }
    QByteArray out = "{\"object\":\"list\",\"data\":[";
    for (qsizetype i = 0; i < s_models.size(); ++i)
        out += (i ? QByteArray(",") : QByteArray()) + model(s_models.at(i));
    out += "]}";
    return out;
}

QStringList textPieces(const QString &text)
{
    QStringList pieces;
    qsizetype start = 0;
    for (qsizetype i = 1; i <= text.size(); ++i) {
        if (i == text.size() || text.at(i).isSpace()) {
            pieces.append(text.mid(start, i - start));
            start = i;
        }
    }
    return pieces;
}

QByteArray randomToken(int length)
{
    static const char s_alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QByteArray out(length, Qt::Uninitialized);
    for (int i = 0; i < length; ++i)
        out[i] = s_alphabet[QRandomGenerator::global()->bounded(62)];
    return out;
}

qint64 estimateTokens(qsizetype chars)
{
    return chars <= 0 ? 0 : (chars + 3) / 4;
}

} // namespace Switchyard::Testing::Internal
