// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/providers/iprovider.h"
#include "core/translate/embeddingscodec.h"

#include <QList>
#include <QString>

namespace Switchyard::Providers::Internal {

/// Dimensions of a simulated embedding when the request sets no "dimensions".
constexpr int s_simulatedEmbeddingDimensions = 256;

/// A deterministic unit vector derived from SHA-256 of `text` (same text, same vector, on
/// every machine and run). `dimensions` ≤ 0 means s_simulatedEmbeddingDimensions.
QList<float> simulatedEmbedding(const QString &text, int dimensions);

/// The whole OpenAI embeddings reply for `input` (usage ≈ 4 bytes per token, known).
CallResult simulatedEmbeddingsReply(const Translate::EmbeddingsInput &input, const QString &model);

} // namespace Switchyard::Providers::Internal
