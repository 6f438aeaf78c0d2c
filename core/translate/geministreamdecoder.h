// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/translate/streamdecoder.h"

namespace Switchyard::Translate {

/// Gemini `streamGenerateContent?alt=sse` → StreamEvents. Each function call arrives whole:
/// ToolCallStart (id minted by GeminiCodec::toolCallId when absent), one ToolCallArgsDelta
/// with the complete arguments, ToolCallEnd. finishReason STOP after a function call →
/// ToolUse; MALFORMED_FUNCTION_CALL / UNEXPECTED_TOOL_CALL → Error, never a clean stop.
/// usageMetadata holds running totals: each UsageUpdate replaces the last.
class GeminiStreamDecoder final : public StreamDecoder
{
public:
    QList<StreamEvent> decode(const SseEvent &event) override;
    bool isComplete() const override { return m_complete; }

private:
    QString m_responseId;
    int m_toolCount = 0;
    bool m_started = false;
    bool m_complete = false;
};

} // namespace Switchyard::Translate
