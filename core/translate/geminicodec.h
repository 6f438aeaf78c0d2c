// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/result.h"
#include "core/translate/chatmodel.h"

#include <QJsonObject>

/// Gemini generateContent JSON ↔ the internal model (outbound only). Pure functions.
namespace Switchyard::Translate::GeminiCodec {

/// ChatRequest → generateContent body (the model and streaming go in the URL). Roles
/// user/model, consecutive same-role turns merged, functionResponse matched to its call by
/// name (looked up from the tool_use id), non-object results wrapped as {"result": text},
/// schemas cleaned. Fails for http image URLs (Gemini fetches no URLs), unknown tool ids, n > 1.
Result<QJsonObject> encodeRequest(const ChatRequest &request);

/// A GenerateContentResponse → ChatResponse. STOP with a functionCall → ToolUse; a blocked
/// prompt (promptFeedback.blockReason, no candidates) → ContentFilter with no content.
Result<ChatResponse> decodeResponse(const QJsonObject &body);

/// Keeps the OpenAPI subset Gemini accepts: drops $schema, additionalProperties, exclusive
/// bounds, unknown formats and other keys; inlines local $ref; const → enum; oneOf → anyOf;
/// allOf merged; ["T","null"] → T + nullable.
QJsonObject cleanSchema(const QJsonObject &schema);

/// Gemini function calls usually carry no id: "call_<index>_<8 hex of responseId+name>",
/// stable for the same reply whether streamed or not.
QString toolCallId(const QString &responseId, int index, const QString &name);

} // namespace Switchyard::Translate::GeminiCodec
