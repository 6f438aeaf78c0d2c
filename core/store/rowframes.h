// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/logrecord.h"

#include <QByteArray>
#include <QByteArrayView>

namespace Switchyard::Store::Internal {

namespace LogRecordRow {
class RowSink;
}

/// One request-log row as bytes: the values LogRecordRow::writeRow() produces, typed, texts
/// already UTF-8. The core thread encodes each finished request once; the same bytes go to the
/// journal (one write() per event-loop pass) and to the store thread, which binds them to its
/// INSERT without converting anything again.
///
/// A frame is a 32-bit payload length, a 32-bit hash of the payload (FNV-1a over 64-bit
/// words) and the payload (little-endian). The hash lets recovery stop at a torn or zero-filled tail after a power
/// loss; a killed process never tears one, since each write() completes or does not happen.
namespace RowFrames {

/// Appends one frame holding \a record to \a out.
void append(QByteArray &out, const LogRecord &record);

/// Walks the frames of a buffer (a journal file, a batch) from its start.
class Reader final
{
public:
    /// \a verify: check each frame's hash (files); frames handed over in memory skip it.
    enum class Check { Hash, None };
    explicit Reader(QByteArrayView data, Check check = Check::Hash)
        : m_data(data)
        , m_verify(check == Check::Hash)
    {
    }
    /// The next frame's payload, or false at the end or at the first damaged frame.
    bool next(QByteArrayView *payload);
    /// True when next() stopped before the end of the data (a torn or damaged frame).
    bool damaged() const { return m_damaged; }

private:
    QByteArrayView m_data;
    qsizetype m_offset = 0;
    bool m_verify = true;
    bool m_damaged = false;
};

/// Feeds one payload's values to \a sink in column order. False (after feeding some values,
/// perhaps) when the payload is malformed or does not hold exactly one row's columns.
/// Text values are views into \a payload.
bool replay(QByteArrayView payload, LogRecordRow::RowSink &sink);

} // namespace RowFrames

} // namespace Switchyard::Store::Internal
