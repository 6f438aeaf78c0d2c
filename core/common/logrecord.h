// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/routingdecision.h"
#include "core/common/usage.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Switchyard {

/// One completed request, as the log, the store and the window see it.
/// Produced only by the pipeline's record stage.
struct LogRecord
{
    qint64 sequence = 0;   ///< per-process order of completion, assigned by the record stage
    QString requestId;     ///< also sent to the client as x-switchyard-request-id
    QDateTime startedAt;   ///< UTC
    QString customer;
    QString project;
    QString feature;
    QStringList tags;
    QString app;           ///< calling application, when known
    QString keyId;         ///< virtual key id ("key_…"), empty for anonymous requests
    QString surface;       ///< "openai.chat", "openai.models", ...
    QString requestedModel;
    QString route;
    QString provider;      ///< provider id that served (or last failed)
    QString providerKind;  ///< "openai", "simulated", ...
    QString model;         ///< catalog model id
    QString upstreamModel; ///< model name the provider reported or was sent
    bool stream = false;
    int status = 0;        ///< HTTP status sent to the client
    QString errorType;     ///< empty on success
    QString errorMessage;
    int attempts = 0;
    bool fallback = false;
    double latencyMs = 0;  ///< request received → response complete
    double ttftMs = -1;    ///< request received → first content byte; -1 unknown
    Usage usage;
    bool costKnown = false;
    double costUsd = 0;
    QString priceVersion;  ///< which price the cost used (see Pipeline::priceVersion)
    qint64 requestBytes = 0;
    qint64 responseBytes = 0;
    // Request traits routing conditions match on; kept so a what-if replay can re-route.
    bool hasTools = false;
    bool hasImages = false;
    qint64 estimatedPromptTokens = 0;
    qint64 expectedOutputTokens = 0; ///< max_tokens as asked, 0 when not given
    RoutingDecision decision;

    bool isSimulated() const { return providerKind == QLatin1String("simulated"); }
};

using LogRecordList = QList<LogRecord>;

} // namespace Switchyard

Q_DECLARE_METATYPE(Switchyard::LogRecord)
Q_DECLARE_METATYPE(Switchyard::LogRecordList)
