// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/translate/chatmodel.h"

#include <QString>

/// Stop/finish reasons per wire format ↔ StopReason. Encoders never leak another format's
/// raw value (strict OpenAI clients reject unknown finish_reason values).
namespace Switchyard::Translate::StopReasons {

/// stop→EndTurn, length→MaxTokens, tool_calls/function_call→ToolUse, content_filter.
StopReason fromOpenAi(const QString &finishReason);
/// EndTurn/StopSequence/Other→stop, MaxTokens→length, ToolUse→tool_calls, content_filter.
QString toOpenAi(StopReason reason);

/// end_turn, max_tokens (+model_context_window_exceeded), stop_sequence, tool_use,
/// refusal→ContentFilter, pause_turn and unknown→Other.
StopReason fromAnthropic(const QString &stopReason);
/// ContentFilter→refusal, Other→end_turn.
QString toAnthropic(StopReason reason);

/// STOP→EndTurn (ToolUse when the reply holds a functionCall), MAX_TOKENS, SAFETY family →
/// ContentFilter, anything else → Other.
StopReason fromGemini(const QString &finishReason, bool sawFunctionCall);
/// MALFORMED_FUNCTION_CALL / UNEXPECTED_TOOL_CALL: must surface as an error, not a clean stop.
bool isGeminiToolFailure(const QString &finishReason);

} // namespace Switchyard::Translate::StopReasons
