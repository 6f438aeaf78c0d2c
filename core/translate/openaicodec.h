// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/result.h"
#include "core/translate/chatmodel.h"

#include <QJsonObject>

/// OpenAI Chat Completions JSON ↔ the internal model. Pure functions, any thread.
namespace Switchyard::Translate::OpenAiCodec {

struct RequestOptions
{
    /// Send `max_completion_tokens` (OpenAI o-series, GPT-5) instead of the legacy
    /// `max_tokens` that compatible servers (Ollama, Groq, DeepSeek, Mistral) understand.
    bool useMaxCompletionTokens = false;
    /// Rewrite tool-call ids that are not 9 alphanumerics (Mistral's rule) with
    /// mistralToolId(): deterministic, so calls and results still match, no map needed.
    bool mistralToolIds = false;
};

/// `id` when it already is 9 characters [a-zA-Z0-9], else 9 such characters from its hash.
QString mistralToolId(const QString &id);

/// Client request → ChatRequest. system/developer messages (anywhere) are hoisted into
/// `system`; `tool` messages become User messages of ToolResult parts; legacy
/// `function_call`/`role:"function"` are mapped to tool calls. Errors name the field.
Result<ChatRequest> decodeRequest(const QJsonObject &body);

/// ChatRequest → upstream body. Tool results become `tool` messages placed before the rest
/// of their user turn (images inside a result move to that user message); at most 4 stop
/// strings; streaming always asks for stream_options.include_usage.
Result<QJsonObject> encodeRequest(const ChatRequest &request, const RequestOptions &options = {});

/// A `chat.completion` body → ChatResponse (first choice). Fails without `choices`.
Result<ChatResponse> decodeResponse(const QJsonObject &body);

/// ChatResponse → `chat.completion` body; `created` in seconds since the epoch.
QJsonObject encodeResponse(const ChatResponse &response, qint64 created);

} // namespace Switchyard::Translate::OpenAiCodec
