// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/common/routingdecision.h"

#include <QJsonArray>

namespace Switchyard {

QJsonObject RoutingDecision::toJson() const
{
    QJsonArray candidateArray;
    for (const CandidateRecord &c : candidates) {
        candidateArray.append(QJsonObject{{QStringLiteral("model"), c.model},
                                          {QStringLiteral("provider"), c.provider},
                                          {QStringLiteral("eligible"), c.eligible},
                                          {QStringLiteral("reason"), c.reason}});
    }
    QJsonArray attemptArray;
    for (const AttemptRecord &a : attempts) {
        attemptArray.append(QJsonObject{{QStringLiteral("model"), a.model},
                                        {QStringLiteral("provider"), a.provider},
                                        {QStringLiteral("upstream_model"), a.upstreamModel},
                                        {QStringLiteral("status"), a.httpStatus},
                                        {QStringLiteral("error"), a.error},
                                        {QStringLiteral("retryable"), a.retryable},
                                        {QStringLiteral("latency_ms"), a.latencyMs}});
    }
    return QJsonObject{{QStringLiteral("requested_model"), requestedModel},
                       {QStringLiteral("route"), route},
                       {QStringLiteral("strategy"), strategy},
                       {QStringLiteral("candidates"), candidateArray},
                       {QStringLiteral("reasons"), QJsonArray::fromStringList(reasons)},
                       {QStringLiteral("winner"), winner},
                       {QStringLiteral("attempts"), attemptArray},
                       {QStringLiteral("scores"), scores}};
}

RoutingDecision RoutingDecision::fromJson(const QJsonObject &json)
{
    RoutingDecision d;
    d.requestedModel = json.value(QLatin1String("requested_model")).toString();
    d.route = json.value(QLatin1String("route")).toString();
    d.strategy = json.value(QLatin1String("strategy")).toString();
    d.winner = json.value(QLatin1String("winner")).toString();
    d.scores = json.value(QLatin1String("scores")).toArray();
    for (const QJsonValue &v : json.value(QLatin1String("reasons")).toArray())
        d.reasons.append(v.toString());
    for (const QJsonValue &v : json.value(QLatin1String("candidates")).toArray()) {
        const QJsonObject o = v.toObject();
        d.candidates.append({o.value(QLatin1String("model")).toString(),
                             o.value(QLatin1String("provider")).toString(),
                             o.value(QLatin1String("eligible")).toBool(true),
                             o.value(QLatin1String("reason")).toString()});
    }
    for (const QJsonValue &v : json.value(QLatin1String("attempts")).toArray()) {
        const QJsonObject o = v.toObject();
        d.attempts.append({o.value(QLatin1String("model")).toString(),
                           o.value(QLatin1String("provider")).toString(),
                           o.value(QLatin1String("upstream_model")).toString(),
                           o.value(QLatin1String("status")).toInt(),
                           o.value(QLatin1String("error")).toString(),
                           o.value(QLatin1String("retryable")).toBool(),
                           o.value(QLatin1String("latency_ms")).toDouble()});
    }
    return d;
}

} // namespace Switchyard
