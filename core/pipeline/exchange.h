// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/budget/budgethold.h"
#include "core/common/logrecord.h"
#include "core/common/routingdecision.h"
#include "core/common/usage.h"
#include "core/config/gatewayconfig.h"
#include "core/routing/router.h"
#include "core/server/irequesthandler.h"
#include "core/translate/chatmodel.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace Switchyard::Pipeline {

struct GuardState;

/// One request's context, passed by reference through the stages and owned by the
/// Dispatcher for the request's life (Envoy's per-stream state, in Qt types).
struct Exchange
{
    QString requestId;
    Server::HttpRequest request;
    std::shared_ptr<Server::ResponseWriter> writer;
    Config::ConfigSnapshot config; ///< the snapshot in force when the request arrived
    QString surface;               ///< "openai.chat" or "anthropic.messages"
    Translate::WireFormat clientFormat = Translate::WireFormat::OpenAi;
    QDateTime startedAt;           ///< UTC
    qint64 startNs = 0;            ///< steadyNowNs() at arrival, for latencies

    // Filled by the parse stage.
    QJsonObject body;
    QString requestedModel;
    /// The request in the internal model: decoded at parse time for Anthropic clients, and for
    /// OpenAI clients only when a provider needs translation (see ensureChat()).
    std::shared_ptr<const Translate::ChatRequest> chat;
    QString chatError;
    bool stream = false;
    bool clientWantsUsage = false;
    QString customer;
    QString project;
    QString feature;
    QStringList tags;
    QString app;
    QString forcedRoute;
    QString keyId; ///< virtual key the request authenticated with, if any
    bool hasTools = false;
    bool hasImages = false;
    qint64 estimatedPromptTokens = 0;
    qint64 expectedOutputTokens = 0; ///< max_tokens / max_completion_tokens, 0 when absent

    // Filled by the guard stage (null when no guard stage ran) and, for egress, the dispatcher.
    std::shared_ptr<GuardState> guard;
    EgressRecord egress;

    // Filled by the route stage.
    RoutingDecision decision;
    QList<Routing::Candidate> candidates;

    // Filled by the budget stage: the worst-case cost held until the request completes.
    std::shared_ptr<Budget::BudgetHold> budgetHold;
    /// Extra headers for every answer (x-ratelimit-*), and work to run once the outcome and
    /// usage are final, before the request is recorded (settling budgets and token limits).
    HttpHeaders responseHeaders;
    QList<std::function<void(Exchange &)>> onComplete;

    // Filled by the dispatcher.
    int status = 0;
    QString errorType;
    QString errorMessage;
    QString provider;
    QString providerKind;
    QString model;
    QString upstreamModel;
    Usage usage;
    bool costKnown = false;
    double costUsd = 0;
    QString priceVersion;
    double ttftMs = -1;
    qint64 responseBytes = 0;
    bool fallback = false;
};

} // namespace Switchyard::Pipeline
