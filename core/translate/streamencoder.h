// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/translate/chatmodel.h"

#include <QByteArray>

#include <memory>

namespace Switchyard::Translate {

struct StreamEncoderOptions
{
    QString id;                ///< reply id; empty: taken from MessageStart
    QString model;             ///< reported model; empty: taken from MessageStart
    qint64 created = 0;        ///< OpenAI `created` (seconds since the epoch)
    bool includeUsage = false; ///< OpenAI: client asked stream_options.include_usage
};

/// Writes StreamEvents as one client surface's SSE bytes, whole events only. Not
/// thread-safe; one instance per stream. After finish() or error() every call returns "".
class StreamEncoder
{
public:
    virtual ~StreamEncoder() = default;
    /// Bytes for one event; may be empty (usage is held for the end, ToolCallEnd may be
    /// silent). An Error event is the same as error().
    virtual QByteArray encode(const StreamEvent &event) = 0;
    /// The clean end: pending finish/usage, then `data: [DONE]` or `message_stop`.
    virtual QByteArray finish() = 0;
    /// The surface's mid-stream error event; the stream must then be closed.
    virtual QByteArray error(const QString &type, const QString &message) = 0;
};

/// An encoder for the `surface` the client speaks (OpenAi or Anthropic; Gemini → nullptr).
std::unique_ptr<StreamEncoder> makeStreamEncoder(WireFormat surface,
                                                 const StreamEncoderOptions &options);

} // namespace Switchyard::Translate
