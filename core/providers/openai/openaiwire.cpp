// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/providers/openai/openaiwire.h"

#include "core/common/tr.h"

#include <QJsonDocument>
#include <QJsonValue>

namespace Switchyard::Providers::Internal {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

QString errorTypeFor(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("invalid_request_error");
    case 401:
        return QStringLiteral("authentication_error");
    case 403:
        return QStringLiteral("permission_error");
    case 404:
        return QStringLiteral("not_found_error");
    case 429:
        return QStringLiteral("rate_limit_error");
    default:
        return status >= 500 ? QStringLiteral("server_error") : QStringLiteral("upstream_error");
    }
}

} // namespace

Usage parseOpenAiUsage(const QJsonObject &usage)
{
    Usage result;
    const qint64 prompt = usage.value(QLatin1String("prompt_tokens")).toInteger();
    qint64 cached = usage.value(QLatin1String("prompt_tokens_details"))
                        .toObject()
                        .value(QLatin1String("cached_tokens"))
                        .toInteger();
    if (cached == 0) {
        cached = usage.value(QLatin1String("prompt_cache_hit_tokens")).toInteger(); // DeepSeek
    }
    cached = qBound<qint64>(0, cached, prompt);
    result.cacheReadTokens = cached;
    result.inputTokens = prompt - cached;
    result.outputTokens = usage.value(QLatin1String("completion_tokens")).toInteger();
    result.reasoningTokens = usage.value(QLatin1String("completion_tokens_details"))
                                 .toObject()
                                 .value(QLatin1String("reasoning_tokens"))
                                 .toInteger();
    result.known = true;
    return result;
}

qint64 parseRetryAfterMs(const HttpHeaders &headers, const QDateTime &now)
{
    bool ok = false;
    const QByteArray ms = headerValue(headers, "retry-after-ms").trimmed();
    if (!ms.isEmpty()) {
        const double value = ms.toDouble(&ok);
        if (ok && value >= 0) {
            return qint64(value);
        }
    }
    const QByteArray after = headerValue(headers, "retry-after").trimmed();
    if (after.isEmpty()) {
        return -1;
    }
    const double seconds = after.toDouble(&ok);
    if (ok) {
        return seconds >= 0 ? qint64(seconds * 1000) : -1;
    }
    // HTTP-date (IMF-fixdate). Qt 6.4's RFC 2822 parser wants a numeric zone, not "GMT".
    QString date = QString::fromLatin1(after);
    if (date.endsWith(QLatin1String(" GMT")) || date.endsWith(QLatin1String(" UTC"))) {
        date.chop(4);
        date += QLatin1String(" +0000");
    }
    const QDateTime when = QDateTime::fromString(date, Qt::RFC2822Date);
    if (!when.isValid()) {
        return -1;
    }
    return qMax<qint64>(0, now.msecsTo(when));
}

bool isRetryableStatus(int status)
{
    switch (status) {
    case 408:
    case 409:
    case 429:
    case 500:
    case 502:
    case 503:
    case 504:
    case 529:
        return true;
    default:
        return false;
    }
}

HttpHeaders relayHeaders(const HttpHeaders &upstream)
{
    HttpHeaders out;
    for (const auto &header : upstream) {
        const QByteArray name = header.first.toLower();
        if (name == "content-type" || name.startsWith("x-ratelimit-")) {
            out.append({name, header.second});
        } else if (name == "x-request-id") {
            out.append({QByteArrayLiteral("x-upstream-request-id"), header.second});
        }
    }
    return out;
}

HttpHeaders errorRelayHeaders(const HttpHeaders &upstream)
{
    HttpHeaders out;
    for (const auto &header : upstream) {
        const QByteArray name = header.first.toLower();
        if (name == "retry-after" || name == "retry-after-ms" || name.startsWith("x-ratelimit-")) {
            out.append({name, header.second});
        }
    }
    return out;
}

QByteArray openAiErrorBody(const QString &message, const QString &type)
{
    QJsonObject error{{QLatin1String("message"), message},
                      {QLatin1String("type"), type},
                      {QLatin1String("param"), QJsonValue::Null},
                      {QLatin1String("code"), QJsonValue::Null}};
    return QJsonDocument(QJsonObject{{QLatin1String("error"), error}})
        .toJson(QJsonDocument::Compact);
}

ProviderError httpError(const QString &providerId, int status, const HttpHeaders &headers,
                        const QByteArray &body, const QDateTime &now)
{
    ProviderError error;
    error.kind = ProviderError::Kind::Http;
    error.httpStatus = status;

    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonObject root = doc.object();
    const QJsonValue errorValue = root.value(QLatin1String("error"));
    const QJsonObject errorObject = errorValue.toObject();
    const bool openAiShape = errorObject.value(QLatin1String("message")).isString();

    QString upstreamMessage;
    if (openAiShape) {
        upstreamMessage = errorObject.value(QLatin1String("message")).toString();
    } else if (errorValue.isString()) {
        upstreamMessage = errorValue.toString(); // Ollama: {"error":"text"}
    } else if (root.value(QLatin1String("message")).isString()) {
        upstreamMessage = root.value(QLatin1String("message")).toString(); // Mistral: flat
    } else {
        upstreamMessage = QString::fromUtf8(body.left(200)).simplified();
    }
    if (upstreamMessage.size() > 300) {
        upstreamMessage = upstreamMessage.left(300) + QStringLiteral("…");
    }
    error.message = upstreamMessage.isEmpty()
                        ? Tr::tr("Provider %1 returned HTTP %2").arg(providerId).arg(status)
                        : Tr::tr("Provider %1 returned HTTP %2: %3")
                              .arg(providerId)
                              .arg(status)
                              .arg(upstreamMessage);
    error.clientBody = openAiShape ? body : openAiErrorBody(error.message, errorTypeFor(status));
    error.clientHeaders = errorRelayHeaders(headers);
    error.retryAfterMs = parseRetryAfterMs(headers, now);

    const QLatin1String quota("insufficient_quota");
    const bool noQuota = errorObject.value(QLatin1String("code")).toString() == quota
                         || errorObject.value(QLatin1String("type")).toString() == quota;
    error.retryable = isRetryableStatus(status) && !(status == 429 && noQuota);
    const QByteArray shouldRetry = headerValue(headers, "x-should-retry").trimmed().toLower();
    if (shouldRetry == "true") {
        error.retryable = true;
    } else if (shouldRetry == "false") {
        error.retryable = false;
    }
    return error;
}

bool mentionsObjectKey(const QByteArray &data, QByteArrayView key, bool allowString)
{
    qsizetype from = 0;
    for (;;) {
        const qsizetype at = data.indexOf(key, from);
        if (at < 0) {
            return false;
        }
        qsizetype i = at + key.size();
        while (i < data.size() && isSpace(data[i])) {
            ++i;
        }
        if (i < data.size() && data[i] == ':') {
            ++i;
            while (i < data.size() && isSpace(data[i])) {
                ++i;
            }
            if (i < data.size() && (data[i] == '{' || (allowString && data[i] == '"'))) {
                return true;
            }
        }
        from = at + 1;
    }
}

} // namespace Switchyard::Providers::Internal
