// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/translate/streamdecoder.h"

#include <QHash>
#include <QSet>

namespace Switchyard::Translate {

/// Anthropic Messages SSE → StreamEvents. Block indices (text and tool_use alike) become
/// tool-call indices counting tool_use blocks only; input_json_delta stays tool arguments;
/// a tool block whose arguments were only "" yields "{}" (LiteLLM#5063). Usage is merged
/// from message_start (input, cache) and the cumulative message_delta; each UsageUpdate
/// carries the whole picture. thinking blocks, pings and unknown events are skipped.
class AnthropicStreamDecoder final : public StreamDecoder
{
public:
    QList<StreamEvent> decode(const SseEvent &event) override;
    bool isComplete() const override { return m_complete; }

private:
    QHash<int, int> m_toolOfBlock; ///< content block index → tool-call index
    QSet<int> m_toolsWithArgs;
    Usage m_usage;
    bool m_complete = false;
};

} // namespace Switchyard::Translate
