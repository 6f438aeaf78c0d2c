// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/pipeline/parsestage.h"

#include "core/common/tr.h"
#include "core/translate/anthropiccodec.h"
#include "core/translate/openaicodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace Switchyard::Pipeline {

namespace {

StageResult invalid(const QString &code, const QString &message)
{
    return StageResult::respond(400, QStringLiteral("invalid_request_error"), code, message);
}

QString header(const Exchange &exchange, QByteArrayView name)
{
    return QString::fromUtf8(headerValue(exchange.request.headers, name)).trimmed();
}

} // namespace

StageResult ParseStage::onRequest(Exchange &exchange)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(exchange.request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (exchange.request.body.trimmed().isEmpty())
            return invalid(QStringLiteral("invalid_json"),
                           Tr::tr("the request body is empty; send a JSON object with \"model\" and \"messages\""));
        return invalid(QStringLiteral("invalid_json"),
                       Tr::tr("the request body is not valid JSON: %1 at byte %2")
                           .arg(parseError.errorString())
                           .arg(parseError.offset));
    }
    if (!document.isObject())
        return invalid(QStringLiteral("invalid_json"), Tr::tr("the request body must be a JSON object"));
    exchange.body = document.object();

    const QJsonValue model = exchange.body.value(QLatin1String("model"));
    if (!model.isUndefined() && !model.isString())
        return invalid(QStringLiteral("invalid_value"), Tr::tr("\"model\" must be a string"));
    exchange.requestedModel = model.toString();
    const QJsonValue messages = exchange.body.value(QLatin1String("messages"));
    if (!messages.isArray() || messages.toArray().isEmpty())
        return invalid(QStringLiteral("missing_required_parameter"),
                       Tr::tr("\"messages\" must be a non-empty array of chat messages"));
    const QJsonValue stream = exchange.body.value(QLatin1String("stream"));
    if (!stream.isUndefined() && !stream.isNull() && !stream.isBool())
        return invalid(QStringLiteral("invalid_value"), Tr::tr("\"stream\" must be true or false"));
    exchange.stream = stream.toBool();

    exchange.customer = header(exchange, "x-switchyard-customer");
    exchange.project = header(exchange, "x-switchyard-project");
    exchange.feature = header(exchange, "x-switchyard-feature");
    exchange.forcedRoute = header(exchange, "x-switchyard-route");
    const QString tags = header(exchange, "x-switchyard-tags");
    for (const QString &tag : tags.split(QLatin1Char(','), Qt::SkipEmptyParts))
        exchange.tags.append(tag.trimmed());

    return exchange.clientFormat == Translate::WireFormat::Anthropic ? parseAnthropic(exchange)
                                                                     : parseOpenAi(exchange);
}

StageResult ParseStage::parseOpenAi(Exchange &exchange)
{
    exchange.clientWantsUsage = exchange.stream
        && exchange.body.value(QLatin1String("stream_options")).toObject().value(QLatin1String("include_usage")).toBool();
    if (exchange.customer.isEmpty())
        exchange.customer = exchange.body.value(QLatin1String("user")).toString();
    return StageResult::proceed();
}

StageResult ParseStage::parseAnthropic(Exchange &exchange)
{
    // Anthropic streams always carry usage, so the client always "asks" for it.
    exchange.clientWantsUsage = true;
    if (exchange.customer.isEmpty())
        exchange.customer = exchange.body.value(QLatin1String("metadata")).toObject().value(QLatin1String("user_id")).toString();
    Result<Translate::ChatRequest> chat = Translate::AnthropicCodec::decodeRequest(exchange.body);
    if (!chat.ok())
        return invalid(QStringLiteral("invalid_request"), chat.error().message);
    exchange.chat = std::make_shared<const Translate::ChatRequest>(std::move(chat).value());
    return StageResult::proceed();
}

void ensureChat(Exchange &exchange)
{
    if (exchange.chat || !exchange.chatError.isEmpty())
        return;
    Result<Translate::ChatRequest> chat = Translate::OpenAiCodec::decodeRequest(exchange.body);
    if (chat.ok())
        exchange.chat = std::make_shared<const Translate::ChatRequest>(std::move(chat).value());
    else
        exchange.chatError = chat.error().message;
}

} // namespace Switchyard::Pipeline
