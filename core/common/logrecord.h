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

/// The egress ledger of one request (issue 6): what left for which provider and what the
/// guards did. Classes and counts only: a matched value is never stored.
struct EgressRecord
{
    qint64 bytesSent = 0;     ///< request body bytes sent upstream, summed over attempts
    QString region;           ///< `region` of the provider that served (or was last tried)
    QString policy;           ///< effective policy names, least specific first, comma-joined
    QStringList dlpClasses;   ///< data classes found ("email", "secret", a custom name)
    int dlpFindings = 0;      ///< findings in the request and the response
    QString dlpAction;        ///< strongest action taken: "block", "redact" or "log"; empty: none
    double injectionScore = -1; ///< 0..1; -1 when not evaluated
    bool injectionFlagged = false; ///< the score reached the threshold
};

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
    EgressRecord egress;

    bool isSimulated() const { return providerKind == QLatin1String("simulated"); }
};

using LogRecordList = QList<LogRecord>;

} // namespace Switchyard

Q_DECLARE_METATYPE(Switchyard::LogRecord)
Q_DECLARE_METATYPE(Switchyard::LogRecordList)
