// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace Switchyard {

/// One Server-Sent Events block, up to and including its terminating blank line.
struct SseEvent
{
    QByteArray event; ///< value of the last `event:` field; empty when absent (WHATWG: "message")
    QByteArray data;  ///< `data:` fields joined by '\n' (no trailing '\n')
    QByteArray id;    ///< value of the last `id:` field in this block
    QByteArray raw;   ///< exact bytes of the block, terminating blank line included
    /// The block carried no `data:` field: keep-alive comments (`: keep-alive`,
    /// `: OPENROUTER PROCESSING`), stray blank lines, or lone `event:`/`id:` fields.
    /// Not an event per WHATWG, but surfaced so a relay can forward `raw` untouched.
    bool comment = false;
};

/// Incremental SSE decoder following the WHATWG parsing rules (line ends \n, \r\n or \r,
/// a \r\n split across feeds, leading BOM, comments, fields without a colon, one leading
/// space stripped from values). The concatenation of every event's `raw` equals the input
/// up to the last complete block. Not thread-safe; one instance per stream.
///
/// A line ending in a lone \r at the very end of the fed bytes is held back until the next
/// byte shows whether it is \r\n, so `raw` never depends on how the input was split.
class SseDecoder final
{
public:
    void feed(QByteArrayView bytes);
    /// Events completed so far, in order; clears the internal list.
    QList<SseEvent> takeEvents();
    bool hasEvents() const { return !m_events.isEmpty(); }
    /// Bytes fed but not yet part of a complete block.
    qsizetype pendingBytes() const { return m_buffer.size() - m_eventStart; }
    void reset();

private:
    void processLine(QByteArrayView line, qsizetype lineEnd);
    void dispatch(qsizetype end);

    QByteArray m_buffer;        ///< bytes from the start of the current block
    qsizetype m_eventStart = 0; ///< start of the current block in m_buffer
    qsizetype m_lineStart = 0;  ///< start of the current, unterminated line
    qsizetype m_scanPos = 0;    ///< where the search for the next line end resumes
    bool m_firstLine = true;    ///< BOM is only stripped from the stream's first line
    bool m_hasData = false;
    SseEvent m_current;
    QList<SseEvent> m_events;
};

} // namespace Switchyard
