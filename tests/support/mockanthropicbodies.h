// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Switchyard::Testing::Internal {

/// Everything needed to render one Anthropic message, streamed or not (wire-formats.md §3).
struct AnthropicSpec
{
    QByteArray id;            ///< msg_…
    QByteArray model;
    QString text;             ///< text block; omitted when empty
    QString toolName;         ///< non-empty: a tool_use block after the text block
    QString toolInput;        ///< JSON text of the tool input object ("" → {})
    QByteArray toolUseId;     ///< toolu_…
    qint64 inputTokens = 0;   ///< excludes the cache fields (they are disjoint)
    qint64 cacheReadTokens = 0;
    qint64 cacheWriteTokens = 0;
    qint64 outputTokens = 0;
};

/// The non-streamed `message` body.
QByteArray anthropicMessageBody(const AnthropicSpec &spec);
/// The streamed events, each a complete `event: …\ndata: …\n\n`, message_start … message_stop.
QList<QByteArray> anthropicStreamEvents(const AnthropicSpec &spec);
/// Number of leading events a mid-stream fault lets through (never the end of the stream).
qsizetype anthropicEventsBeforeFault(const AnthropicSpec &spec);
/// One SSE event: `event: <name>\ndata: <json>\n\n`.
QByteArray anthropicSseEvent(const QByteArray &name, const QByteArray &json);
/// `{"type":"error","error":{"type","message"},"request_id"}`; no request_id when empty.
QByteArray anthropicErrorBody(const QByteArray &type, const QString &message,
                              const QByteArray &requestId = {});

} // namespace Switchyard::Testing::Internal
