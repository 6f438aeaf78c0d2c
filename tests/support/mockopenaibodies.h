// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

namespace Switchyard::Testing::Internal {

/// Everything needed to render one OpenAI chat completion, streamed or not.
struct CompletionSpec
{
    QByteArray id;          ///< chatcmpl-…
    qint64 created = 0;     ///< epoch seconds
    QByteArray model;       ///< dated snapshot name
    QString text;           ///< reply text (ignored when toolName is set)
    QString toolName;       ///< non-empty: reply with one tool call
    QString toolArguments;  ///< JSON string of the tool call's arguments
    QByteArray toolCallId;  ///< call_…
    qint64 promptTokens = 0;
    qint64 cachedTokens = 0;
    qint64 completionTokens = 0;
    qint64 reasoningTokens = 0;
    bool includeUsage = false; ///< stream_options.include_usage
    QByteArray systemFingerprint = "fp_5ca1ab1e00";
};

/// `"…"` with JSON escaping, UTF-8.
QByteArray jsonString(QStringView text);
/// The `usage` object of a chat completion.
QByteArray usageJson(const CompletionSpec &spec);
/// The non-streamed `chat.completion` body.
QByteArray completionBody(const CompletionSpec &spec);
/// The streamed events, each a complete `data: …\n\n`, ending with `data: [DONE]\n\n`.
QList<QByteArray> streamEvents(const CompletionSpec &spec);
/// `{"error":{"message","type","param","code"}}`; empty code → null.
QByteArray errorBody(const QString &message, const QByteArray &type, const QByteArray &code);
/// `GET /v1/models` list, or one model when id is non-empty (empty result: unknown id).
QByteArray modelsBody(const QByteArray &id = {});
/// Splits text into token-sized pieces (a word with its leading space).
QStringList textPieces(const QString &text);
/// Random [A-Za-z0-9] string of the given length.
QByteArray randomToken(int length);
/// Rough token estimate: ceil(chars / 4), at least 1 for non-empty text.
qint64 estimateTokens(qsizetype chars);

} // namespace Switchyard::Testing::Internal
