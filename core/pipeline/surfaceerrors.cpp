// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/pipeline/surfaceerrors.h"

#include "core/translate/errorcodec.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <charconv>

namespace Switchyard::Pipeline {

namespace {

QByteArray openAiErrorBody(const QString &message, const QString &type, const QString &code)
{
    const QJsonObject error{{QStringLiteral("message"), message},
                            {QStringLiteral("type"), type},
                            {QStringLiteral("param"), QJsonValue::Null},
                            {QStringLiteral("code"), code.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(code)}};
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}).toJson(QJsonDocument::Compact);
}

QString anthropicType(int status, const QString &type)
{
    // Anthropic clients branch on their own vocabulary; ours maps onto it by status.
    if (type == QLatin1String("invalid_request_error") && status == 400)
        return type;
    if (type == QLatin1String("budget_exceeded"))
        return type; // ours, named by the budget contract (DESIGN §6)
    return Translate::errorTypeForStatus(status);
}

} // namespace

QByteArray surfaceErrorBody(Translate::WireFormat surface, int status, const QString &type,
                            const QString &code, const QString &message)
{
    if (surface == Translate::WireFormat::Anthropic)
        return Translate::encodeError(surface, status, anthropicType(status, type), message);
    return openAiErrorBody(message, type, code);
}

QByteArray surfaceErrorEvent(Translate::WireFormat surface, int status, const QString &type,
                             const QString &message)
{
    const QByteArray body = surfaceErrorBody(surface, status, type, {}, message);
    if (surface == Translate::WireFormat::Anthropic)
        return "event: error\ndata: " + body + "\n\n";
    return "data: " + body + "\n\n";
}

bool isErrorEvent(const QByteArray &bytes)
{
    return bytes.startsWith("data: {\"error\"") || bytes.startsWith("event: error");
}

HttpHeaders switchyardHeaders(const Exchange &exchange, bool withCost, bool attemptInProgress)
{
    const int attempts = int(exchange.decision.attempts.size()) + (attemptInProgress ? 1 : 0);
    // Literal names: no allocation for them on every response; one allocation for the list.
    HttpHeaders headers;
    headers.reserve(7 + exchange.responseHeaders.size());
    headers.append({QByteArrayLiteral("x-switchyard-request-id"), exchange.requestId.toUtf8()});
    headers.append({QByteArrayLiteral("x-switchyard-provider"), exchange.provider.toUtf8()});
    headers.append({QByteArrayLiteral("x-switchyard-model"), exchange.model.toUtf8()});
    headers.append({QByteArrayLiteral("x-switchyard-route"), exchange.decision.route.toUtf8()});
    headers.append({QByteArrayLiteral("x-switchyard-attempts"), QByteArray::number(attempts)});
    headers.append({QByteArrayLiteral("x-switchyard-fallback"),
                    exchange.fallback ? QByteArrayLiteral("true") : QByteArrayLiteral("false")});
    if (withCost && exchange.costKnown) {
        char text[48]; // 'f' with 8 decimals, as QByteArray::number(cost, 'f', 8), without its locale layer
        const auto result = std::to_chars(text, text + sizeof text, exchange.costUsd,
                                          std::chars_format::fixed, 8);
        headers.append({QByteArrayLiteral("x-switchyard-cost-usd"),
                         result.ec == std::errc() ? QByteArray(text, result.ptr - text)
                                                  : QByteArray::number(exchange.costUsd, 'f', 8)});
    }
    headers.append(exchange.responseHeaders);
    return headers;
}

} // namespace Switchyard::Pipeline
