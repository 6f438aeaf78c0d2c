// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Switchyard::Testing::Internal {

/// Everything needed to render one Gemini GenerateContentResponse, streamed or not (§4.3–4.4).
struct GeminiSpec
{
    QByteArray responseId;
    QByteArray modelVersion;
    QString text;               ///< text part; omitted when empty and a function call is set
    QString toolName;           ///< non-empty: a functionCall part (no id) after the text
    QString toolArgs;           ///< JSON text of the args object ("" → {})
    qint64 promptTokens = 0;
    qint64 cachedTokens = 0;    ///< cachedContentTokenCount, a subset of promptTokens
    qint64 thoughtsTokens = 0;  ///< thoughtsTokenCount, outside candidatesTokenCount
    qint64 candidatesTokens = 0;
};

/// The non-streamed response object.
QByteArray geminiResponseBody(const GeminiSpec &spec);
/// The streamed response objects: delta text parts, running usageMetadata, finishReason
/// "STOP" (also for function calls) on the last one only.
QList<QByteArray> geminiStreamChunks(const GeminiSpec &spec);
/// `alt=sse` framing: `data: <json>\r\n\r\n` each, no terminator.
QList<QByteArray> geminiSseEvents(const QList<QByteArray> &chunks);
/// No `alt`: one JSON array written incrementally: `[` first, `,\r\n` between, `]` last.
QList<QByteArray> geminiJsonArrayEvents(const QList<QByteArray> &chunks);
/// google.rpc error: `{"error":{"code","message","status","details"?}}`; `details` is a JSON
/// array text, omitted when empty.
QByteArray geminiErrorBody(int code, const QByteArray &status, const QString &message,
                           const QByteArray &details = {});

} // namespace Switchyard::Testing::Internal
