// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/sse.h"
#include "core/guards/streamscanner.h"
#include "core/translate/chatmodel.h"

#include <QByteArray>
#include <QJsonObject>

namespace Switchyard::Pipeline {

/// DLP on a streamed reply in the client's wire format. Decodes the SSE events, runs the text
/// deltas (OpenAI `choices[0].delta.content`, Anthropic `text_delta`) through one
/// Guards::StreamScanner and re-encodes them with the text the scanner released; every other
/// event is forwarded as it came, after the held-back text is flushed in an extra delta event.
/// After a block finding nothing more is forwarded; the caller ends the stream with
/// blockReason(). Only used when a response guard is on: otherwise the dispatcher relays the
/// bytes untouched. One per stream; core thread only.
class StreamGuard final
{
public:
    /// The scanner's arguments (see Guards::StreamScanner); `placeholders` is not owned.
    StreamGuard(Translate::WireFormat format, Guards::DlpScannerPtr scanner, Guards::PlaceholderMap *placeholders,
                bool restorePlaceholders);
    Q_DISABLE_COPY_MOVE(StreamGuard)

    /// Bytes from upstream in; bytes safe to send to the client out.
    QByteArray feed(QByteArrayView bytes);
    /// The end of the upstream stream: flushes what the scanner still holds.
    QByteArray finish();

    bool blocked() const { return m_scanner.blocked(); }
    QString blockReason() const { return m_scanner.blockReason(); }
    const QList<Guards::FindingRecord> &findings() const { return m_scanner.findings(); }

private:
    void handle(const SseEvent &event, QByteArray &out);
    /// The scanner's held-back text as one delta event (empty when nothing is held).
    QByteArray flush();
    QByteArray textEvent(const QString &text) const;

    Translate::WireFormat m_format;
    Guards::StreamScanner m_scanner;
    SseDecoder m_decoder;
    QJsonObject m_template; ///< the last text delta event, for synthetic flush events
    bool m_pendingText = false; ///< text was fed since the last flush
};

} // namespace Switchyard::Pipeline
