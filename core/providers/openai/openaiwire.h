// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/httptypes.h"
#include "core/common/usage.h"
#include "core/providers/iprovider.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Switchyard::Providers::Internal {

/// OpenAI `usage` → disjoint token classes (prompt_tokens includes cached_tokens,
/// completion_tokens includes reasoning_tokens). Also reads DeepSeek's prompt_cache_hit_tokens.
Usage parseOpenAiUsage(const QJsonObject &usage);

/// From retry-after-ms (milliseconds), else retry-after (seconds or HTTP-date); -1 if absent.
qint64 parseRetryAfterMs(const HttpHeaders &headers, const QDateTime &now);

/// Status codes the OpenAI SDKs retry: 408, 409, 429, 500, 502, 503, 504, 529.
bool isRetryableStatus(int status);

/// Headers worth relaying on success: content-type, x-ratelimit-*, and x-request-id renamed
/// to x-upstream-request-id.
HttpHeaders relayHeaders(const HttpHeaders &upstream);

/// Headers worth relaying with an error: retry-after, retry-after-ms, x-ratelimit-*.
HttpHeaders errorRelayHeaders(const HttpHeaders &upstream);

/// A non-2xx upstream reply as a ProviderError of kind Http: clientBody in the OpenAI error
/// shape (the upstream body when it already is one), retryAfterMs and retryable set
/// (429 insufficient_quota is not retryable; x-should-retry overrides).
ProviderError httpError(const QString &providerId, int status, const HttpHeaders &headers,
                        const QByteArray &body, const QDateTime &now);

/// `{"error":{"message":...,"type":...,"param":null,"code":null}}`.
QByteArray openAiErrorBody(const QString &message, const QString &type);

/// True when `data` looks like it holds `"key": {` (or `"key": "` when allowString) at any
/// depth: a cheap pre-check before parsing an SSE chunk as JSON.
bool mentionsObjectKey(const QByteArray &data, QByteArrayView key, bool allowString = false);

} // namespace Switchyard::Providers::Internal
