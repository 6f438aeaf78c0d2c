// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/translate/stopreasons.h"

namespace Switchyard::Translate::StopReasons {

StopReason fromOpenAi(const QString &r)
{
    if (r == QLatin1String("length")) {
        return StopReason::MaxTokens;
    }
    if (r == QLatin1String("tool_calls") || r == QLatin1String("function_call")) {
        return StopReason::ToolUse;
    }
    if (r == QLatin1String("content_filter")) {
        return StopReason::ContentFilter;
    }
    if (r == QLatin1String("stop") || r.isEmpty()) {
        return StopReason::EndTurn;
    }
    return StopReason::Other;
}

QString toOpenAi(StopReason reason)
{
    switch (reason) {
    case StopReason::MaxTokens: return QStringLiteral("length");
    case StopReason::ToolUse: return QStringLiteral("tool_calls");
    case StopReason::ContentFilter: return QStringLiteral("content_filter");
    case StopReason::EndTurn:
    case StopReason::StopSequence:
    case StopReason::Other: break;
    }
    return QStringLiteral("stop");
}

StopReason fromAnthropic(const QString &r)
{
    if (r == QLatin1String("end_turn")) {
        return StopReason::EndTurn;
    }
    if (r == QLatin1String("max_tokens") || r == QLatin1String("model_context_window_exceeded")) {
        return StopReason::MaxTokens;
    }
    if (r == QLatin1String("stop_sequence")) {
        return StopReason::StopSequence;
    }
    if (r == QLatin1String("tool_use")) {
        return StopReason::ToolUse;
    }
    if (r == QLatin1String("refusal")) {
        return StopReason::ContentFilter;
    }
    return StopReason::Other;
}

QString toAnthropic(StopReason reason)
{
    switch (reason) {
    case StopReason::MaxTokens: return QStringLiteral("max_tokens");
    case StopReason::ToolUse: return QStringLiteral("tool_use");
    case StopReason::StopSequence: return QStringLiteral("stop_sequence");
    case StopReason::ContentFilter: return QStringLiteral("refusal");
    case StopReason::EndTurn:
    case StopReason::Other: break;
    }
    return QStringLiteral("end_turn");
}

StopReason fromGemini(const QString &r, bool sawFunctionCall)
{
    if (r == QLatin1String("STOP")) {
        return sawFunctionCall ? StopReason::ToolUse : StopReason::EndTurn;
    }
    if (r == QLatin1String("MAX_TOKENS")) {
        return StopReason::MaxTokens;
    }
    static const QLatin1String filtered[] = {
        QLatin1String("SAFETY"),    QLatin1String("RECITATION"),
        QLatin1String("BLOCKLIST"), QLatin1String("PROHIBITED_CONTENT"),
        QLatin1String("SPII"),      QLatin1String("IMAGE_SAFETY"),
    };
    for (QLatin1String f : filtered) {
        if (r == f) {
            return StopReason::ContentFilter;
        }
    }
    return StopReason::Other;
}

bool isGeminiToolFailure(const QString &r)
{
    return r == QLatin1String("MALFORMED_FUNCTION_CALL")
           || r == QLatin1String("UNEXPECTED_TOOL_CALL");
}

} // namespace Switchyard::Translate::StopReasons
