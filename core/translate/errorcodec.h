// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/translate/chatmodel.h"

#include <QByteArray>
#include <QString>

namespace Switchyard::Translate {

/// A non-2xx upstream reply, read in any wire format. `type` uses one vocabulary (Anthropic's:
/// invalid_request_error, authentication_error, billing_error, permission_error,
/// not_found_error, request_too_large, rate_limit_error, api_error, timeout_error,
/// overloaded_error) whatever the upstream said; `upstreamType` keeps the original.
struct UpstreamError
{
    int status = 0;
    QString type;
    QString upstreamType;
    QString message;
    bool retryable = false;
    qint64 retryAfterMs = -1; ///< from the body (Gemini RetryInfo, OpenAI "try again in 1.2s")
};

/// Never fails: unreadable bodies give a message built from the status (and a body excerpt).
/// Understands OpenAI (+ OpenRouter numeric codes, Mistral's flat body, Ollama's
/// {"error":"text"}), Anthropic and Gemini (google.rpc status + RetryInfo) bodies.
UpstreamError decodeUpstreamError(WireFormat format, int httpStatus, const QByteArray &body);

/// An error body in the surface's shape: OpenAI `{"error":{"message","type","param","code"}}`,
/// Anthropic `{"type":"error","error":{"type","message"}}`. An empty type is derived from
/// the status.
QByteArray encodeError(WireFormat surface, int status, const QString &type, const QString &message);

/// 400 invalid_request_error, 401 authentication_error, 402 billing_error,
/// 403 permission_error, 404 not_found_error, 408/504 timeout_error, 413 request_too_large,
/// 429 rate_limit_error, 503/529 overloaded_error, other 5xx api_error.
QString errorTypeForStatus(int status);

/// The normalised type for an upstream's own type/status string (OpenAI "server_error",
/// "insufficient_quota", Gemini "RESOURCE_EXHAUSTED", ...); falls back to the status map.
QString normaliseErrorType(WireFormat format, const QString &upstreamType, int status);

} // namespace Switchyard::Translate
