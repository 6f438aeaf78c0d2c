// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Switchyard::Testing::Internal {

/// Dimensions of a mock embedding when the request asks for none.
constexpr int s_mockEmbeddingDimensions = 16;

/// A deterministic vector for `text` (SHA-256 based), so tests can predict every value.
QList<float> mockEmbedding(const QString &text, int dimensions = s_mockEmbeddingDimensions);

/// An OpenAI `/v1/embeddings` request checked like the real API: the error message, or
/// nullopt when valid. On success `texts` holds one entry per input (token arrays as their
/// ids joined by spaces), `dimensions` (0 = default) and `base64`.
struct MockEmbeddingsInput
{
    QList<QString> texts;
    int dimensions = 0;
    bool base64 = false;
};
std::optional<QString> openAiEmbeddingsError(const QJsonObject &body, MockEmbeddingsInput &out);

/// The OpenAI reply body for `input` (usage ≈ chars/4 per input, at least 1).
QByteArray openAiEmbeddingsBody(const MockEmbeddingsInput &input, const QString &model);

/// Gemini `content` → its text parts joined, or nullopt when there is no text part.
std::optional<QString> geminiContentText(const QJsonObject &content);
/// `{"values":[…]}` for `text`.
QJsonObject geminiEmbedding(const QString &text, int dimensions);

} // namespace Switchyard::Testing::Internal
