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
        json.member(QLatin1StringView("error"), a.error);
        json.member(QLatin1StringView("latency_ms"), a.latencyMs);
        json.member(QLatin1StringView("model"), a.model);
        json.member(QLatin1StringView("provider"), a.provider);
        json.member(QLatin1StringView("retryable"), a.retryable);
        json.member(QLatin1StringView("status"), a.httpStatus);
        json.member(QLatin1StringView("upstream_model"), a.upstreamModel);
        json.endObject();
    }
    json.endArray();
    json.key(QLatin1StringView("candidates"));
    json.beginArray();
    for (const CandidateRecord &c : candidates) {
        json.beginObject();
        json.member(QLatin1StringView("eligible"), c.eligible);
        json.member(QLatin1StringView("model"), c.model);
        json.member(QLatin1StringView("provider"), c.provider);
        json.member(QLatin1StringView("reason"), c.reason);
        json.endObject();
    }
    json.endArray();
    json.key(QLatin1StringView("reasons"));
    json.beginArray();
    for (const QString &reason : reasons)
        json.value(reason);
    json.endArray();
    json.member(QLatin1StringView("requested_model"), requestedModel);
    json.member(QLatin1StringView("route"), route);
    json.key(QLatin1StringView("scores"));
    json.rawValue(scores.isEmpty() ? QByteArrayLiteral("[]")
                                   : QJsonDocument(scores).toJson(QJsonDocument::Compact));
    json.member(QLatin1StringView("strategy"), strategy);
    json.member(QLatin1StringView("winner"), winner);
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
