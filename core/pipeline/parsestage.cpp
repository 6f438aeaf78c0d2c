// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/pipeline/parsestage.h"

#include "core/common/jsonreader.h"
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

/// Rough prompt cost of one image, in tokens (OpenAI high detail ≈ 765–1105 for 1024², Anthropic
/// up to ≈ 1600); its base64 bytes are not text and would otherwise count as ~¼ token each.
constexpr qint64 s_tokensPerImage = 1000;

/// Bytes of the image payload (URL or base64) of an OpenAI `image_url` / `input_image` part or
/// an Anthropic `image` block; -1 when `part` is not an image.
qint64 imagePayload(const QJsonObject &part)
{
    const QString type = part.value(QLatin1String("type")).toString();
    if (type == QLatin1String("image_url") || type == QLatin1String("input_image")) {
        const QJsonValue url = part.value(QLatin1String("image_url"));
        return url.isObject() ? url.toObject().value(QLatin1String("url")).toString().size() : url.toString().size();
    }
    if (type == QLatin1String("image"))
        return part.value(QLatin1String("source")).toObject().value(QLatin1String("data")).toString().size();
    return -1;
}

/// Counts the images of a message's content (and of Anthropic tool_result blocks inside it).
void countImages(const QJsonValue &content, qint64 &images, qint64 &payloadBytes)
{
    if (!content.isArray())
        return;
    const QJsonArray parts = content.toArray(); // const: iterating does not detach
    for (const QJsonValue &value : parts) {
        const QJsonObject part = value.toObject();
        if (const qint64 bytes = imagePayload(part); bytes >= 0) {
            ++images;
            payloadBytes += bytes;
        } else if (part.value(QLatin1String("type")).toString() == QLatin1String("tool_result")) {
            countImages(part.value(QLatin1String("content")), images, payloadBytes);
        }
    }
}

/// The request traits routing conditions and filters use (DESIGN §4).
void readTraits(Exchange &exchange)
{
    const QJsonObject &body = exchange.body;
    exchange.hasTools = !body.value(QLatin1String("tools")).toArray().isEmpty()
        || !body.value(QLatin1String("functions")).toArray().isEmpty();
    qint64 images = 0;
    qint64 payloadBytes = 0;
    const QJsonArray messages = body.value(QLatin1String("messages")).toArray(); // const: no detach
    for (const QJsonValue &message : messages)
        countImages(message.toObject().value(QLatin1String("content")), images, payloadBytes);
    exchange.hasImages = images > 0;
    // About four bytes per token of JSON text; images count by the picture, not the bytes.
    const qint64 textBytes = qMax<qint64>(0, exchange.request.body.size() - payloadBytes);
    exchange.estimatedPromptTokens = textBytes / 4 + images * s_tokensPerImage;
    exchange.expectedOutputTokens = 0;
    for (const char *field : {"max_completion_tokens", "max_tokens"}) {
        const qint64 cap = body.value(QLatin1String(field)).toInteger(0);
        if (cap > 0) {
            exchange.expectedOutputTokens = cap;
            break;
        }
    }
}

} // namespace

StageResult parseJsonBody(Exchange &exchange, QString (*expectedFields)())
{
    QJsonParseError parseError;
    const QJsonDocument document = JsonReader::fromJson(exchange.request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (exchange.request.body.trimmed().isEmpty())
            return invalid(QStringLiteral("invalid_json"),
                           Tr::tr("the request body is empty; send a JSON object with %1").arg(expectedFields()));
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
    return StageResult::proceed();
}

void readAttribution(Exchange &exchange)
{
    exchange.customer = header(exchange, "x-switchyard-customer");
    exchange.project = header(exchange, "x-switchyard-project");
    exchange.feature = header(exchange, "x-switchyard-feature");
    exchange.forcedRoute = header(exchange, "x-switchyard-route");
    const QString tags = header(exchange, "x-switchyard-tags");
    for (const QString &tag : tags.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty())
            exchange.tags.append(tag.trimmed());
    }
    if (const QString app = header(exchange, "x-switchyard-app"); !app.isEmpty())
        exchange.app = app;
}

StageResult ParseStage::onRequest(Exchange &exchange)
{
    if (StageResult parsed = parseJsonBody(exchange, [] { return Tr::tr("\"model\" and \"messages\""); });
        parsed.status != StageResult::Status::Continue)
        return parsed;
    const QJsonValue messages = exchange.body.value(QLatin1String("messages"));
    if (!messages.isArray() || messages.toArray().isEmpty())
        return invalid(QStringLiteral("missing_required_parameter"),
                       Tr::tr("\"messages\" must be a non-empty array of chat messages"));
    const QJsonValue stream = exchange.body.value(QLatin1String("stream"));
    if (!stream.isUndefined() && !stream.isNull() && !stream.isBool())
        return invalid(QStringLiteral("invalid_value"), Tr::tr("\"stream\" must be true or false"));
    exchange.stream = stream.toBool();

    readAttribution(exchange);
    readTraits(exchange);

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
