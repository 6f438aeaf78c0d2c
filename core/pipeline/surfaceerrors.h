// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/httptypes.h"
#include "core/pipeline/exchange.h"
#include "core/translate/chatmodel.h"

#include <QByteArray>
#include <QString>

namespace Switchyard::Pipeline {

/// An error body in the calling surface's shape: OpenAI `{"error":{"message","type","param",
/// "code"}}` with our type and code, or Anthropic `{"type":"error","error":{"type","message"}}`
/// with Anthropic's type vocabulary.
QByteArray surfaceErrorBody(Translate::WireFormat surface, int status, const QString &type,
                            const QString &code, const QString &message);
/// The same error as one SSE event, for failures after a stream has started.
QByteArray surfaceErrorEvent(Translate::WireFormat surface, int status, const QString &type,
                             const QString &message);
/// True when `bytes` begin with an error event of either surface.
bool isErrorEvent(const QByteArray &bytes);

/// The x-switchyard-* response headers of DESIGN §2 for the exchange as it stands;
/// `attemptInProgress` counts the attempt whose stream is starting, not yet recorded.
HttpHeaders switchyardHeaders(const Exchange &exchange, bool withCost, bool attemptInProgress = false);

} // namespace Switchyard::Pipeline
