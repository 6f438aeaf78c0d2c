// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/providers/wire/httpwire.h"

namespace Switchyard::Providers::Internal {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

} // namespace

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

HttpHeaders relayHeaders(const HttpHeaders &upstream, bool keepContentType)
{
    HttpHeaders out;
    for (const auto &header : upstream) {
        const QByteArray name = header.first.toLower();
        if ((keepContentType && name == "content-type") || name.startsWith("x-ratelimit-")
            || name.startsWith("anthropic-ratelimit-")) {
            out.append({name, header.second});
        } else if (name == "x-request-id" || name == "request-id") {
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
        if (name == "retry-after" || name == "retry-after-ms" || name.startsWith("x-ratelimit-")
            || name.startsWith("anthropic-ratelimit-")) {
            out.append({name, header.second});
        }
    }
    return out;
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
