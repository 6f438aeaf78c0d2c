// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/support/mockgeminibodies.h"

#include "tests/support/mockopenaibodies.h"

#include <QJsonDocument>
#include <QStringList>

#include <optional>

namespace Switchyard::Testing::Internal {

namespace {

constexpr qsizetype s_textChunks = 3;

QByteArray usageJson(const GeminiSpec &spec, std::optional<qint64> candidates)
{
    const qint64 total = spec.promptTokens + candidates.value_or(0) + spec.thoughtsTokens;
    QByteArray out = "{\"promptTokenCount\":" + QByteArray::number(spec.promptTokens);
    if (candidates)
        out += ",\"candidatesTokenCount\":" + QByteArray::number(*candidates);
    out += ",\"totalTokenCount\":" + QByteArray::number(total);
    if (spec.cachedTokens > 0)
        out += ",\"cachedContentTokenCount\":" + QByteArray::number(spec.cachedTokens);
    out += ",\"promptTokensDetails\":[{\"modality\":\"TEXT\",\"tokenCount\":"
           + QByteArray::number(spec.promptTokens) + "}]";
    if (spec.thoughtsTokens > 0)
        out += ",\"thoughtsTokenCount\":" + QByteArray::number(spec.thoughtsTokens);
    return out + '}';
}

QByteArray functionCallPart(const GeminiSpec &spec)
{
    const QJsonDocument args = QJsonDocument::fromJson(spec.toolArgs.toUtf8());
    return "{\"functionCall\":{\"name\":" + jsonString(spec.toolName) + ",\"args\":"
           + (args.isObject() ? args.toJson(QJsonDocument::Compact) : QByteArray("{}")) + "}}";
}

QByteArray responseJson(const GeminiSpec &spec, const QList<QByteArray> &parts, bool final,
                        std::optional<qint64> candidates)
{
    QByteArray out = "{\"candidates\":[{\"content\":{\"parts\":[" + parts.join(',')
                     + "],\"role\":\"model\"}";
    if (final)
        out += ",\"finishReason\":\"STOP\"";
    out += ",\"index\":0}],\"usageMetadata\":" + usageJson(spec, candidates)
           + ",\"modelVersion\":\"" + spec.modelVersion + "\",\"responseId\":\"" + spec.responseId
           + "\"}";
    return out;
}

/// The text as up to s_textChunks deltas of whole words.
QStringList textChunks(const QString &text)
{
    const QStringList words = textPieces(text);
    QStringList chunks;
    const qsizetype per = qMax<qsizetype>(1, (words.size() + s_textChunks - 1) / s_textChunks);
    for (qsizetype i = 0; i < words.size(); i += per)
        chunks.append(words.mid(i, per).join(QString()));
    return chunks;
}

} // namespace

QByteArray geminiResponseBody(const GeminiSpec &spec)
{
    QList<QByteArray> parts;
    if (!spec.text.isEmpty() || spec.toolName.isEmpty())
        parts.append("{\"text\":" + jsonString(spec.text) + '}');
    if (!spec.toolName.isEmpty())
        parts.append(functionCallPart(spec));
    return responseJson(spec, parts, true, spec.candidatesTokens);
}

QList<QByteArray> geminiStreamChunks(const GeminiSpec &spec)
{
    QList<QByteArray> chunks;
    const QStringList pieces = textChunks(spec.text);
    qsizetype chars = 0;
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        chars += pieces.at(i).size();
        const bool last = i + 1 == pieces.size() && spec.toolName.isEmpty();
        // candidatesTokenCount is absent until text has been produced, then a running total.
        std::optional<qint64> candidates;
        if (last)
            candidates = spec.candidatesTokens;
        else if (i > 0)
            candidates = estimateTokens(chars);
        chunks.append(responseJson(spec, {"{\"text\":" + jsonString(pieces.at(i)) + '}'}, last,
                                   candidates));
    }
    if (!spec.toolName.isEmpty())
        chunks.append(responseJson(spec, {functionCallPart(spec)}, true, spec.candidatesTokens));
    else if (pieces.isEmpty())
        chunks.append(responseJson(spec, {"{\"text\":\"\"}"}, true, spec.candidatesTokens));
    return chunks;
}

QList<QByteArray> geminiSseEvents(const QList<QByteArray> &chunks)
{
    QList<QByteArray> events;
    for (const QByteArray &chunk : chunks)
        events.append("data: " + chunk + "\r\n\r\n");
    return events;
}

QList<QByteArray> geminiJsonArrayEvents(const QList<QByteArray> &chunks)
{
    QList<QByteArray> events;
    for (qsizetype i = 0; i < chunks.size(); ++i)
        events.append((i == 0 ? QByteArray("[") : QByteArray(",\r\n")) + chunks.at(i));
    events.append(chunks.isEmpty() ? QByteArray("[]") : QByteArray("]"));
    return events;
}

QByteArray geminiErrorBody(int code, const QByteArray &status, const QString &message,
                           const QByteArray &details)
{
    // Google pretty-prints its error bodies, in this key order.
    QByteArray out = "{\n  \"error\": {\n    \"code\": " + QByteArray::number(code)
                     + ",\n    \"message\": " + jsonString(message) + ",\n    \"status\": \""
                     + status + '"';
    if (!details.isEmpty())
        out += ",\n    \"details\": " + details;
    return out + "\n  }\n}\n";
}

} // namespace Switchyard::Testing::Internal
