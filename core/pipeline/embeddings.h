// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/pipeline/stage.h"

namespace Switchyard::Pipeline {

class ProviderRegistry;

/// Parses an OpenAI `POST /v1/embeddings` body (model, input, encoding_format, dimensions)
/// and the attribution headers into the Exchange; a 400 in the OpenAI shape when invalid.
/// Sets estimatedPromptTokens (≈ 4 bytes per token).
StageResult parseEmbeddings(Exchange &exchange);

/// Drops the routed candidates whose provider has no embeddings endpoint (anthropic kind),
/// noting each in the decision's reasons; a 400 naming the provider when none is left.
StageResult keepEmbeddingCandidates(Exchange &exchange, const ProviderRegistry &providers);

/// The `anthropic-beta` values of an Anthropic-surface request, joined; empty otherwise.
QByteArray anthropicBetaHeader(const Exchange &exchange);

} // namespace Switchyard::Pipeline
