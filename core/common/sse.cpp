// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/common/sse.h"

#include <utility>

namespace Switchyard {

namespace {
constexpr char s_bom[] = "\xEF\xBB\xBF";
} // namespace

void SseDecoder::feed(QByteArrayView bytes)
{
    if (bytes.isEmpty()) {
        return;
    }
    m_buffer.append(bytes);
    const char *data = m_buffer.constData();
    const qsizetype size = m_buffer.size();

    qsizetype pos = m_scanPos;
    while (pos < size) {
        qsizetype end = pos;
        while (end < size && data[end] != '\n' && data[end] != '\r') {
            ++end;
        }
        if (end == size) {
            pos = size;
            break;
        }
        qsizetype next = end + 1;
        if (data[end] == '\r') {
            // A \r at the end of the input may be the first half of \r\n: wait for more.
            if (next == size) {
                pos = end;
                break;
            }
            if (data[next] == '\n') {
                ++next;
            }
        }
        processLine(QByteArrayView(data + m_lineStart, end - m_lineStart), next);
        m_lineStart = next;
        pos = next;
    }
    m_scanPos = pos;

    // Drop consumed blocks once per feed, not once per event.
    if (m_eventStart > 0) {
        m_buffer.remove(0, m_eventStart);
        m_lineStart -= m_eventStart;
        m_scanPos -= m_eventStart;
        m_eventStart = 0;
    }
}

QList<SseEvent> SseDecoder::takeEvents()
{
    return std::exchange(m_events, {});
}

void SseDecoder::reset()
{
    *this = SseDecoder();
}

void SseDecoder::processLine(QByteArrayView line, qsizetype lineEnd)
{
    if (m_firstLine) {
        m_firstLine = false;
        if (line.startsWith(QByteArrayView(s_bom, 3))) {
            line = line.sliced(3);
        }
    }
    if (line.isEmpty()) {
        dispatch(lineEnd);
        return;
    }
    if (line.front() == ':') {
        return; // comment: kept in raw only
    }
    QByteArrayView field = line;
    QByteArrayView value;
    const qsizetype colon = line.indexOf(':');
    if (colon >= 0) {
        field = line.first(colon);
        value = line.sliced(colon + 1);
        if (value.startsWith(' ')) {
            value = value.sliced(1);
        }
    }
    if (field == "data") {
        if (m_hasData) {
            m_current.data.append('\n');
        }
        m_current.data.append(value);
        m_hasData = true;
    } else if (field == "event") {
        m_current.event = value.toByteArray();
    } else if (field == "id") {
        if (!value.contains('\0')) {
            m_current.id = value.toByteArray();
        }
    }
    // "retry" and unknown fields are ignored, as the spec says.
}

void SseDecoder::dispatch(qsizetype end)
{
    m_current.raw = m_buffer.sliced(m_eventStart, end - m_eventStart);
    m_current.comment = !m_hasData;
    m_events.append(std::move(m_current));
    m_current = SseEvent();
    m_hasData = false;
    m_eventStart = end;
}

} // namespace Switchyard
