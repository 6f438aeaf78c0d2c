// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/common/routingdecision.h"

#include "core/common/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>

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

QByteArray RoutingDecision::toJsonBytes() const
{
    // Keys in QJsonObject's (sorted) order, so both serialisations give the same text.
    QByteArray out;
    out.reserve(256 + 160 * (candidates.size() + attempts.size()));
    JsonWriter json(out);
    json.beginObject();
    json.key(QLatin1StringView("attempts"));
    json.beginArray();
    for (const AttemptRecord &a : attempts) {
        json.beginObject();
        json.key(QLatin1StringView("error"));
        json.value(a.error);
        json.key(QLatin1StringView("latency_ms"));
        json.value(a.latencyMs);
        json.key(QLatin1StringView("model"));
        json.value(a.model);
        json.key(QLatin1StringView("provider"));
        json.value(a.provider);
        json.key(QLatin1StringView("retryable"));
        json.value(a.retryable);
        json.key(QLatin1StringView("status"));
        json.value(a.httpStatus);
        json.key(QLatin1StringView("upstream_model"));
        json.value(a.upstreamModel);
        json.endObject();
    }
    json.endArray();
    json.key(QLatin1StringView("candidates"));
    json.beginArray();
    for (const CandidateRecord &c : candidates) {
        json.beginObject();
        json.key(QLatin1StringView("eligible"));
        json.value(c.eligible);
        json.key(QLatin1StringView("model"));
        json.value(c.model);
        json.key(QLatin1StringView("provider"));
        json.value(c.provider);
        json.key(QLatin1StringView("reason"));
        json.value(c.reason);
        json.endObject();
    }
    json.endArray();
    json.key(QLatin1StringView("reasons"));
    json.beginArray();
    for (const QString &reason : reasons)
        json.value(reason);
    json.endArray();
    json.key(QLatin1StringView("requested_model"));
    json.value(requestedModel);
    json.key(QLatin1StringView("route"));
    json.value(route);
    json.key(QLatin1StringView("scores"));
    json.rawValue(scores.isEmpty() ? QByteArrayLiteral("[]")
                                   : QJsonDocument(scores).toJson(QJsonDocument::Compact));
    json.key(QLatin1StringView("strategy"));
    json.value(strategy);
    json.key(QLatin1StringView("winner"));
    json.value(winner);
    json.endObject();
    return out;
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
