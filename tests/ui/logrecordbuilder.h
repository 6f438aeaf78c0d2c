// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/logrecord.h"

#include <QDateTime>
#include <QString>

namespace Switchyard::UiTest {

/// A plausible completed request for the ui tests; tweak the fields a test cares about.
inline LogRecord makeRecord(qint64 sequence, int status = 200,
                            const QString &provider = QStringLiteral("openai"),
                            const QString &providerKind = QStringLiteral("openai"))
{
    LogRecord r;
    r.sequence = sequence;
    r.requestId = QStringLiteral("req-%1").arg(sequence);
    r.startedAt = QDateTime::fromMSecsSinceEpoch(1'767'225'600'000 + sequence * 1000, Qt::UTC);
    r.customer = QStringLiteral("acme");
    r.project = QStringLiteral("website");
    r.app = QStringLiteral("curl");
    r.surface = QStringLiteral("openai.chat");
    r.requestedModel = QStringLiteral("auto");
    r.route = QStringLiteral("auto");
    r.provider = provider;
    r.providerKind = providerKind;
    r.model = QStringLiteral("gpt-4o-mini");
    r.upstreamModel = QStringLiteral("gpt-4o-mini-2024-07-18");
    r.status = status;
    if (status >= 400) {
        r.errorType = QStringLiteral("upstream_error");
        r.errorMessage = QStringLiteral("provider '%1' answered %2").arg(provider).arg(status);
    }
    r.attempts = 1;
    r.latencyMs = 123.456;
    r.ttftMs = 45.0;
    r.usage.inputTokens = 100;
    r.usage.cacheReadTokens = 20;
    r.usage.cacheWriteTokens = 5;
    r.usage.outputTokens = 50;
    r.usage.reasoningTokens = 10;
    r.usage.known = true;
    r.costKnown = true;
    r.costUsd = 0.000123;
    r.decision.requestedModel = r.requestedModel;
    r.decision.route = r.route;
    r.decision.strategy = QStringLiteral("fallback");
    r.decision.winner = r.model;
    return r;
}

} // namespace Switchyard::UiTest
