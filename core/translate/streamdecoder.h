// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/sse.h"
#include "core/translate/chatmodel.h"

#include <QList>

#include <memory>

namespace Switchyard::Translate {

/// Turns one upstream's SSE events into StreamEvents, event by event (the caller runs the
/// SseDecoder and feeds every event it yields, comments included). Never buffers the reply.
/// Not thread-safe; one instance per stream.
class StreamDecoder
{
public:
    virtual ~StreamDecoder() = default;
    /// Events for one SSE block; empty for keep-alives, pings and unknown event types.
    virtual QList<StreamEvent> decode(const SseEvent &event) = 0;
    /// The upstream ended cleanly (OpenAI `[DONE]`, Anthropic `message_stop`, Gemini
    /// finishReason). False at end of input means the stream was cut short.
    virtual bool isComplete() const = 0;
};

/// A decoder for `format`'s streaming replies.
std::unique_ptr<StreamDecoder> makeStreamDecoder(WireFormat format);

} // namespace Switchyard::Translate
