// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace Switchyard::Testing::Internal {

/// A 400 INVALID_ARGUMENT as the Generative Language API reports it.
struct GeminiRequestError
{
    QString message;
    QList<QPair<QString, QString>> fieldViolations; ///< (field path, description) for BadRequest
};

/// Checks a parsed generateContent body (wire-formats.md §4.2): known top-level fields,
/// non-empty `contents` with roles user/model and non-empty parts, object-valued
/// functionResponse.response, and only OpenAPI-subset keys in functionDeclarations parameters
/// (`additionalProperties`, `$schema`, … → "Unknown name"). Accepts camelCase and snake_case.
std::optional<GeminiRequestError> geminiRequestError(const QJsonObject &body);

/// Rough prompt-token count of systemInstruction + contents (≥ 1).
qint64 geminiPromptTokens(const QJsonObject &body);

} // namespace Switchyard::Testing::Internal
