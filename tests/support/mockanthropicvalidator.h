// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Switchyard::Testing::Internal {

/// Checks a parsed `POST /v1/messages` body the way the real API does for the rules that
/// gateways get wrong (wire-formats.md §3.1 and §6.4): required `model`/`max_tokens`/`messages`,
/// roles, non-empty text blocks, and tool_use/tool_result adjacency. Returns the
/// invalid_request_error message, or nothing when the body is acceptable.
std::optional<QString> anthropicRequestError(const QJsonObject &body);

/// Rough input-token count of `system` + `messages` (≥ 1).
qint64 anthropicInputTokens(const QJsonObject &body);

} // namespace Switchyard::Testing::Internal
