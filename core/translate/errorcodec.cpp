// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/translate/errorcodec.h"

#include "core/common/tr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace Switchyard::Translate {

namespace {

const QLatin1String s_knownTypes[] = {
    QLatin1String("invalid_request_error"), QLatin1String("authentication_error"),
    QLatin1String("billing_error"),         QLatin1String("permission_error"),
    QLatin1String("not_found_error"),       QLatin1String("request_too_large"),
    QLatin1String("rate_limit_error"),      QLatin1String("api_error"),
    QLatin1String("timeout_error"),         QLatin1String("overloaded_error"),
};

// "22s", "1.5s", "250ms" → milliseconds; -1 when unreadable.
qint64 durationMs(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s)\\s*$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch()) {
        return -1;
    }
    const double value = m.captured(1).toDouble();
    return qint64(std::llround(m.captured(2) == QLatin1String("ms") ? value : value * 1000.0));
}

qint64 retryFromMessage(const QString &message)
{
    static const QRegularExpression re(QStringLiteral("try again in (\\d+(?:\\.\\d+)?(?:ms|s))"),
                                       QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(message);
    return m.hasMatch() ? durationMs(m.captured(1)) : -1;
}

void readGemini(const QJsonObject &error, UpstreamError &out)
{
    out.upstreamType = error.value(QLatin1String("status")).toString();
    out.message = error.value(QLatin1String("message")).toString();
    const QJsonArray details = error.value(QLatin1String("details")).toArray();
    for (const QJsonValue &v : details) {
        const QJsonObject d = v.toObject();
        const QString kind = d.value(QLatin1String("@type")).toString();
        if (kind.endsWith(QLatin1String("google.rpc.RetryInfo"))) {
            out.retryAfterMs = durationMs(d.value(QLatin1String("retryDelay")).toString());
        } else if (d.value(QLatin1String("reason")).toString() == QLatin1String("API_KEY_INVALID")) {
            out.upstreamType = QStringLiteral("API_KEY_INVALID");
        }
    }
}

} // namespace

QString errorTypeForStatus(int status)
{
    switch (status) {
    case 401: return QStringLiteral("authentication_error");
    case 402: return QStringLiteral("billing_error");
    case 403: return QStringLiteral("permission_error");
    case 404: return QStringLiteral("not_found_error");
    case 408:
    case 504: return QStringLiteral("timeout_error");
    case 413: return QStringLiteral("request_too_large");
    case 429: return QStringLiteral("rate_limit_error");
    case 503:
    case 529: return QStringLiteral("overloaded_error");
    default: break;
    }
    return status >= 500 ? QStringLiteral("api_error") : QStringLiteral("invalid_request_error");
}

QString normaliseErrorType(WireFormat format, const QString &t, int status)
{
    for (QLatin1String known : s_knownTypes) {
        if (t == known) {
            return t;
        }
    }
    if (format == WireFormat::Gemini) {
        if (t == QLatin1String("INVALID_ARGUMENT") || t == QLatin1String("FAILED_PRECONDITION")) {
            return QStringLiteral("invalid_request_error");
        }
        if (t == QLatin1String("API_KEY_INVALID") || t == QLatin1String("UNAUTHENTICATED")) {
            return QStringLiteral("authentication_error");
        }
        if (t == QLatin1String("PERMISSION_DENIED")) {
            return QStringLiteral("permission_error");
        }
        if (t == QLatin1String("NOT_FOUND")) {
            return QStringLiteral("not_found_error");
        }
        if (t == QLatin1String("RESOURCE_EXHAUSTED")) {
            return QStringLiteral("rate_limit_error");
        }
        if (t == QLatin1String("UNAVAILABLE")) {
            return QStringLiteral("overloaded_error");
        }
        if (t == QLatin1String("DEADLINE_EXCEEDED")) {
            return QStringLiteral("timeout_error");
        }
        if (t == QLatin1String("INTERNAL")) {
            return QStringLiteral("api_error");
        }
    } else if (format == WireFormat::OpenAi) {
        if (t == QLatin1String("insufficient_quota")) {
            return QStringLiteral("billing_error");
        }
        if (t == QLatin1String("server_error") || t == QLatin1String("api_error")) {
            return status == 503 ? QStringLiteral("overloaded_error") : QStringLiteral("api_error");
        }
        if (t == QLatin1String("rate_limit_exceeded") || t == QLatin1String("tokens")
            || t == QLatin1String("requests")) {
            return QStringLiteral("rate_limit_error");
        }
        if (t == QLatin1String("invalid_api_key")) {
            return QStringLiteral("authentication_error");
        }
    }
    return errorTypeForStatus(status);
}

UpstreamError decodeUpstreamError(WireFormat format, int httpStatus, const QByteArray &body)
{
    UpstreamError out;
    out.status = httpStatus;
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    const QJsonValue errorValue = root.value(QLatin1String("error"));
    const QJsonObject error = errorValue.toObject();
    if (format == WireFormat::Gemini && !error.isEmpty()) {
        readGemini(error, out);
    } else if (!error.isEmpty()) {
        out.message = error.value(QLatin1String("message")).toString();
        // OpenAI: `code` is more specific than `type` for quota and key errors.
        const QString code = error.value(QLatin1String("code")).toString();
        out.upstreamType = code == QLatin1String("insufficient_quota")
                                   || code == QLatin1String("invalid_api_key")
                               ? code
                               : error.value(QLatin1String("type")).toString();
    } else if (errorValue.isString()) {
        out.message = errorValue.toString(); // Ollama
    } else if (root.contains(QLatin1String("message"))) {
        out.message = root.value(QLatin1String("message")).toString(); // Mistral, flat
        out.upstreamType = root.value(QLatin1String("type")).toString();
    }
    if (out.message.isEmpty()) {
        const QString excerpt = QString::fromUtf8(body.left(300)).simplified();
        out.message = excerpt.isEmpty()
                          ? Tr::tr("upstream returned HTTP %1").arg(httpStatus)
                          : Tr::tr("upstream returned HTTP %1: %2").arg(httpStatus).arg(excerpt);
    }
    out.type = normaliseErrorType(format, out.upstreamType, httpStatus);
    if (out.retryAfterMs < 0) {
        out.retryAfterMs = retryFromMessage(out.message);
    }
    static const int retryableStatuses[] = {408, 409, 429, 500, 502, 503, 504, 529};
    out.retryable = std::find(std::begin(retryableStatuses), std::end(retryableStatuses), httpStatus)
                        != std::end(retryableStatuses)
                    && out.type != QLatin1String("billing_error");
    return out;
}

QByteArray encodeError(WireFormat surface, int status, const QString &type, const QString &message)
{
    const QString t = type.isEmpty() ? errorTypeForStatus(status) : type;
    QJsonObject body;
    if (surface == WireFormat::Anthropic) {
        body = QJsonObject{{QLatin1String("type"), QLatin1String("error")},
                           {QLatin1String("error"),
                            QJsonObject{{QLatin1String("type"), t},
                                        {QLatin1String("message"), message}}}};
    } else if (surface == WireFormat::Gemini) {
        body = QJsonObject{{QLatin1String("error"), QJsonObject{{QLatin1String("code"), status},
                                                                {QLatin1String("message"), message},
                                                                {QLatin1String("status"), t}}}};
    } else {
        body = QJsonObject{
            {QLatin1String("error"), QJsonObject{{QLatin1String("message"), message},
                                                 {QLatin1String("type"), t},
                                                 {QLatin1String("param"), QJsonValue()},
                                                 {QLatin1String("code"), QJsonValue()}}}};
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace Switchyard::Translate
