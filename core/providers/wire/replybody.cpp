// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/providers/wire/replybody.h"

#include "core/common/jsonreader.h"
#include "core/common/jsonscan.h"
#include "core/common/tr.h"
#include "core/providers/wire/httpwire.h"
#include "core/translate/anthropiccodec.h"
#include "core/translate/errorcodec.h"
#include "core/translate/geminicodec.h"
#include "core/translate/openaicodec.h"
#include "core/translate/usagecodec.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <array>

namespace Switchyard::Providers::Internal {

namespace {

using Translate::WireFormat;

Result<Translate::ChatResponse> decodeResponse(WireFormat format, const QJsonObject &root)
{
    switch (format) {
    case WireFormat::OpenAi:
        return Translate::OpenAiCodec::decodeResponse(root);
    case WireFormat::Anthropic:
        return Translate::AnthropicCodec::decodeResponse(root);
    case WireFormat::Gemini:
        return Translate::GeminiCodec::decodeResponse(root);
    }
    return Error{QStringLiteral("unknown_format"), QString()};
}

/// True when `body` already is an error in `format`'s shape, so it can be relayed.
bool hasErrorShape(WireFormat format, const QJsonObject &root)
{
    const QJsonObject error = root.value(QLatin1String("error")).toObject();
    if (!error.value(QLatin1String("message")).isString()) {
        return false;
    }
    switch (format) {
    case WireFormat::OpenAi:
        return true;
    case WireFormat::Anthropic:
        return root.value(QLatin1String("type")).toString() == QLatin1String("error")
               && error.value(QLatin1String("type")).isString();
    case WireFormat::Gemini:
        return false;
    }
    return false;
}

/// UsageCodec's reader for \a format; the same for a parsed object and for the reply's text.
template<typename Object>
Usage usageIn(WireFormat format, const Object &usage)
{
    switch (format) {
    case WireFormat::OpenAi:
        return Translate::UsageCodec::fromOpenAi(usage);
    case WireFormat::Anthropic:
        return Translate::UsageCodec::fromAnthropic(usage);
    case WireFormat::Gemini:
        return Translate::UsageCodec::fromGemini(usage);
    }
    return {};
}

} // namespace

Usage usageOf(WireFormat format, const QJsonObject &usage)
{
    return usageIn(format, usage);
}

Usage usageOf(WireFormat format, const JsonScan::ObjectView &usage)
{
    return usageIn(format, usage);
}

Result<ClientReply> clientReply(WireFormat upstream, WireFormat client, const QByteArray &body)
{
    ClientReply reply;
    if (upstream == client) {
        // Relayed byte for byte: only usage and model are read, without parsing the rest.
        reply.body = body;
        std::array<JsonScan::ValueSpan, 2> spans;
        const QByteArrayView usageKey = upstream == WireFormat::Gemini ? QByteArrayView("usageMetadata")
                                                                        : QByteArrayView("usage");
        if (JsonScan::topLevelMembers(body, {usageKey, QByteArrayView("model")}, spans)) {
            if (spans[0].found() && body.at(spans[0].begin) == '{')
                reply.usage = usageOf(upstream, JsonScan::ObjectView(spans[0].in(body)));
            reply.model = JsonScan::stringAt(body, spans[1]);
        }
        return reply;
    }
    QJsonParseError parseError;
    const QJsonObject root = JsonReader::fromJson(body, &parseError).object();
    if (parseError.error != QJsonParseError::NoError) {
        return Error{QStringLiteral("malformed_reply"),
                     Tr::tr("the upstream reply is not valid JSON: %1").arg(parseError.errorString())};
    }
    Result<Translate::ChatResponse> decoded = decodeResponse(upstream, root);
    if (!decoded) {
        return decoded.error();
    }
    const Translate::ChatResponse &response = decoded.value();
    reply.usage = response.usage;
    reply.model = response.model;
    const QJsonObject out = client == WireFormat::Anthropic
                                ? Translate::AnthropicCodec::encodeResponse(response)
                                : Translate::OpenAiCodec::encodeResponse(
                                    response, QDateTime::currentSecsSinceEpoch());
    reply.body = QJsonDocument(out).toJson(QJsonDocument::Compact);
    return reply;
}

ProviderError httpError(const QString &providerId, WireFormat upstream, WireFormat client,
                        int status, const HttpHeaders &headers, const QByteArray &body,
                        const QDateTime &now)
{
    const Translate::UpstreamError decoded = Translate::decodeUpstreamError(upstream, status, body);
    ProviderError error;
    error.kind = ProviderError::Kind::Http;
    error.httpStatus = status;

    QString upstreamMessage = decoded.message;
    if (upstreamMessage.size() > 300) {
        upstreamMessage = upstreamMessage.left(300) + QStringLiteral("…");
    }
    error.message = upstreamMessage.isEmpty()
                        ? Tr::tr("Provider %1 returned HTTP %2").arg(providerId).arg(status)
                        : Tr::tr("Provider %1 returned HTTP %2: %3")
                              .arg(providerId)
                              .arg(status)
                              .arg(upstreamMessage);
    const bool relayable = upstream == client
                           && hasErrorShape(client, QJsonDocument::fromJson(body).object());
    error.clientBody = relayable ? body
                                 : Translate::encodeError(client, status, decoded.type, error.message);
    error.clientHeaders = errorRelayHeaders(headers);
    error.retryAfterMs = parseRetryAfterMs(headers, now);
    if (error.retryAfterMs < 0 && decoded.retryAfterMs >= 0) {
        error.retryAfterMs = decoded.retryAfterMs; // Gemini RetryInfo, "try again in 1.2s"
        if (headerValue(error.clientHeaders, "retry-after").isEmpty()) {
            const qint64 seconds = (decoded.retryAfterMs + 999) / 1000;
            error.clientHeaders.append({QByteArrayLiteral("retry-after"), QByteArray::number(seconds)});
        }
    }
    error.retryable = decoded.retryable;
    const QByteArray shouldRetry = headerValue(headers, "x-should-retry").trimmed().toLower();
    if (shouldRetry == "true") {
        error.retryable = true;
    } else if (shouldRetry == "false") {
        error.retryable = false;
    }
    return error;
}

QString redactSecret(QString text, const QString &secret)
{
    if (!secret.isEmpty())
        text.replace(secret, QStringLiteral("[redacted]"));
    return text;
}

void redactSecret(ProviderError &error, const QString &secret)
{
    if (secret.isEmpty())
        return;
    error.message = redactSecret(error.message, secret);
    const QByteArray bytes = secret.toUtf8();
    if (error.clientBody.contains(bytes))
        error.clientBody.replace(bytes, "[redacted]");
}

} // namespace Switchyard::Providers::Internal
