// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/jsonscan.h"
#include "core/common/usage.h"

#include <QJsonObject>

/// Token usage per wire format ↔ the disjoint classes of Switchyard::Usage, in one place.
/// inputTokens excludes cache reads/writes; outputTokens includes reasoning.
namespace Switchyard::Translate::UsageCodec {

/// prompt_tokens includes cached_tokens (or DeepSeek prompt_cache_hit_tokens);
/// completion_tokens includes reasoning_tokens.
Usage fromOpenAi(const QJsonObject &usage);
/// The same read from the reply's text (the relay path), with the same results.
Usage fromOpenAi(const JsonScan::ObjectView &usage);
/// prompt_tokens = all input, prompt_tokens_details.cached_tokens = cache reads.
QJsonObject toOpenAi(const Usage &usage);

/// input_tokens, cache_read_input_tokens, cache_creation_input_tokens are disjoint.
Usage fromAnthropic(const QJsonObject &usage);
Usage fromAnthropic(const JsonScan::ObjectView &usage);
/// Overwrites only the fields present in `usage` (message_delta counts are cumulative).
void mergeAnthropic(Usage &into, const QJsonObject &usage);
QJsonObject toAnthropic(const Usage &usage);

/// promptTokenCount includes cachedContentTokenCount; candidatesTokenCount excludes
/// thoughtsTokenCount; toolUsePromptTokenCount counts as input.
Usage fromGemini(const QJsonObject &usageMetadata);
Usage fromGemini(const JsonScan::ObjectView &usageMetadata);

} // namespace Switchyard::Translate::UsageCodec
