// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/pipeline/openaisurface.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Switchyard::Pipeline {

QByteArray openAiErrorBody(const QString &message, const QString &type, const QString &code)
{
    const QJsonObject error{{QStringLiteral("message"), message},
                            {QStringLiteral("type"), type},
                            {QStringLiteral("param"), QJsonValue::Null},
                            {QStringLiteral("code"), code.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(code)}};
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}).toJson(QJsonDocument::Compact);
}

QByteArray openAiErrorEvent(const QString &message, const QString &type, const QString &code)
{
    return "data: " + openAiErrorBody(message, type, code) + "\n\n";
}

HttpHeaders switchyardHeaders(const Exchange &exchange, bool withCost, bool attemptInProgress)
{
    const int attempts = int(exchange.decision.attempts.size()) + (attemptInProgress ? 1 : 0);
    HttpHeaders headers{
        {"x-switchyard-request-id", exchange.requestId.toUtf8()},
        {"x-switchyard-provider", exchange.provider.toUtf8()},
        {"x-switchyard-model", exchange.model.toUtf8()},
        {"x-switchyard-route", exchange.decision.route.toUtf8()},
        {"x-switchyard-attempts", QByteArray::number(attempts)},
        {"x-switchyard-fallback", exchange.fallback ? QByteArrayLiteral("true") : QByteArrayLiteral("false")},
    };
    if (withCost && exchange.costKnown)
        headers.append({"x-switchyard-cost-usd", QByteArray::number(exchange.costUsd, 'f', 8)});
    return headers;
}

} // namespace Switchyard::Pipeline
