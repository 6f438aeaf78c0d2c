// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/httptypes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>

namespace Switchyard::Providers::Internal {

/// From retry-after-ms (milliseconds), else retry-after (seconds or HTTP-date); -1 if absent.
qint64 parseRetryAfterMs(const HttpHeaders &headers, const QDateTime &now);

/// Status codes the vendor SDKs retry: 408, 409, 429, 500, 502, 503, 504, 529.
bool isRetryableStatus(int status);

/// Headers worth relaying on success: content-type, x-ratelimit-*, anthropic-ratelimit-*,
/// and x-request-id / request-id renamed to x-upstream-request-id. `keepContentType` false
/// drops content-type (a translated reply has the client surface's own).
HttpHeaders relayHeaders(const HttpHeaders &upstream, bool keepContentType = true);

/// Headers worth relaying with an error: retry-after, retry-after-ms, x-ratelimit-*,
/// anthropic-ratelimit-*.
HttpHeaders errorRelayHeaders(const HttpHeaders &upstream);

/// True when `data` looks like it holds `"key": {` (or `"key": "` when allowString) at any
/// depth: a cheap pre-check before parsing an SSE chunk as JSON.
bool mentionsObjectKey(const QByteArray &data, QByteArrayView key, bool allowString = false);

} // namespace Switchyard::Providers::Internal
