// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/guards/dlpscanner.h"
#include "core/guards/placeholdermap.h"
#include "core/guards/redactor.h"

#include <QList>
#include <QString>

namespace Switchyard::Guards {

/// DLP over a streamed response. feed() takes each text delta and returns the text that is
/// safe to forward now: everything that can no longer become part of a match, with findings
/// redacted. It holds back at most kHold characters (plus the chunk being processed), so
/// values split across chunk boundaries are still caught without buffering the stream.
/// A private-key block is replaced by one placeholder as soon as its header is seen, and its
/// body is dropped until the END line, whatever its length. finish() flushes the tail.
/// On a block action the scanner forwards the text before the finding and nothing after it;
/// the caller should then end the stream with blockReason(). One per stream; not thread-safe.
class StreamScanner final
{
public:
    /// `placeholders`: the request's map (shared numbering, and placeholders the request got
    /// are restored when `restorePlaceholders`), or nullptr for a private one. Not owned.
    explicit StreamScanner(DlpScannerPtr scanner, PlaceholderMap *placeholders = nullptr,
                           bool restorePlaceholders = false);

    QString feed(QStringView chunk);
    QString finish();

    bool blocked() const { return m_blocked; }
    QString blockReason() const { return m_blockReason; }
    const QList<FindingRecord> &findings() const { return m_findings; }
    /// Characters currently held back (bounded; for tests and metrics).
    qsizetype pendingSize() const { return m_pending.size(); }

    /// Hold-back window: the longest match plus room for look-ahead.
    static constexpr qsizetype kHold = DlpScanner::maxMatchLength() + 8;

private:
    QString process(bool final);
    QString emitPlain(bool final);
    QString swallowKey();
    bool handleKeyHeader(QString &out);

    DlpScannerPtr m_scanner;
    PlaceholderMap m_ownPlaceholders;
    PlaceholderMap *m_placeholders;
    bool m_restore;
    QString m_pending;
    QString m_context; ///< last few original characters already forwarded (look-behind context)
    qsizetype m_consumed = 0; ///< original characters fully processed, for finding offsets
    bool m_inKey = false;
    int m_keys = 0;
    bool m_blocked = false;
    QString m_blockReason;
    QList<FindingRecord> m_findings;
};

} // namespace Switchyard::Guards
