// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/result.h"
#include "core/translate/chatmodel.h"

#include <QJsonObject>

/// Anthropic Messages JSON ↔ the internal model. Pure functions, any thread.
namespace Switchyard::Translate::AnthropicCodec {

struct RequestOptions
{
    /// Anthropic requires max_tokens; used when the client sent none.
    qint64 defaultMaxTokens = 4096;
};

/// Client /v1/messages body → ChatRequest. `thinking`/`redacted_thinking` blocks are
/// dropped; server tools and document blocks are rejected with the field named.
Result<ChatRequest> decodeRequest(const QJsonObject &body);

/// ChatRequest → upstream body: consecutive same-role turns merged, tool_result blocks first
/// in their user turn, empty text blocks dropped, temperature clamped to 0..1, max_tokens
/// always set, tool_choice none kept as {"type":"none"}. Fails for n > 1.
Result<QJsonObject> encodeRequest(const ChatRequest &request, const RequestOptions &options = {});

/// A `message` body → ChatResponse (thinking blocks dropped).
Result<ChatResponse> decodeResponse(const QJsonObject &body);

/// ChatResponse → `message` body.
QJsonObject encodeResponse(const ChatResponse &response);

} // namespace Switchyard::Translate::AnthropicCodec
