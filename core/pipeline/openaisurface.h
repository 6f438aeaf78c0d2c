// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/httptypes.h"
#include "core/pipeline/exchange.h"

#include <QByteArray>
#include <QString>

namespace Switchyard::Pipeline {

/// `{"error":{"message","type","param":null,"code"}}`, the OpenAI error shape.
QByteArray openAiErrorBody(const QString &message, const QString &type, const QString &code);
/// The same error as one SSE event, for failures after a stream has started.
QByteArray openAiErrorEvent(const QString &message, const QString &type, const QString &code);

/// The x-switchyard-* response headers of DESIGN §2 for the exchange as it stands;
/// `attemptInProgress` counts the attempt whose stream is starting, not yet recorded.
HttpHeaders switchyardHeaders(const Exchange &exchange, bool withCost, bool attemptInProgress = false);

} // namespace Switchyard::Pipeline
