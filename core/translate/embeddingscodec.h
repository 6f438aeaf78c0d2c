// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/result.h"
#include "core/common/usage.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Switchyard::Translate {

/// One OpenAI `/v1/embeddings` request, read and checked (wire-formats.md §2.2).
struct EmbeddingsInput
{
    /// One entry per input, in order. Token-array inputs are kept as their ids joined by
    /// spaces (only an OpenAI upstream, which gets the body relayed, sees the real arrays).
    QStringList texts;
    bool tokenArrays = false; ///< the input was token ids, not text
    bool base64 = false;      ///< encoding_format "base64"
    int dimensions = 0;       ///< "dimensions", 0 when absent
};

/// OpenAI embeddings ↔ Gemini batchEmbedContents. Pure functions; any thread.
namespace EmbeddingsCodec {

/// Reads `input` (string, array of strings, token array or array of token arrays),
/// `encoding_format` and `dimensions`; an error message for the client when invalid
/// (missing, empty, wrong types).
Result<EmbeddingsInput> decodeOpenAiRequest(const QJsonObject &body);

/// `{"requests":[{"model":"models/X","content":{"parts":[{"text":…}]}}…]}`, with
/// outputDimensionality when `dimensions` is set.
QJsonObject encodeGeminiBatch(const EmbeddingsInput &input, const QString &model);

/// The vectors of a batchEmbedContents (`{"embeddings":[{"values":[…]}]}`) or embedContent
/// (`{"embedding":{"values":[…]}}`) reply.
Result<QList<QList<float>>> decodeGeminiReply(const QByteArray &body);

/// The OpenAI response: `embedding` as float arrays, or base64 of little-endian float32s.
QByteArray encodeOpenAiReply(const QList<QList<float>> &vectors, const QString &model,
                             qint64 promptTokens, bool base64);

/// Usage of an OpenAI embeddings reply (`prompt_tokens`, `total_tokens`); unknown if absent.
Usage usageOfOpenAiReply(const QJsonObject &reply);

/// About four bytes of UTF-8 per token, at least one per input.
qint64 estimatePromptTokens(const QStringList &texts);

} // namespace EmbeddingsCodec

} // namespace Switchyard::Translate
