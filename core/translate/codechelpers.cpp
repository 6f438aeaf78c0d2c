// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/translate/codechelpers.h"

#include "core/common/tr.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Switchyard::Translate::Internal {

Error fieldError(const QString &path, const QString &what)
{
    return Error{QStringLiteral("invalid_request"),
                 Tr::tr("%1: %2").arg(path.isEmpty() ? QStringLiteral("body") : path, what)};
}

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject parseArguments(const QString &text)
{
    if (text.trimmed().isEmpty()) {
        return {};
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        return {};
    }
    return doc.object();
}

bool splitDataUrl(const QString &url, ContentPart &image)
{
    if (!url.startsWith(QLatin1String("data:"), Qt::CaseInsensitive)) {
        return false;
    }
    const qsizetype comma = url.indexOf(QLatin1Char(','));
    if (comma < 0) {
        return false;
    }
    const QString header = url.mid(5, comma - 5);
    if (!header.endsWith(QLatin1String(";base64"), Qt::CaseInsensitive)) {
        return false;
    }
    image.mediaType = header.chopped(7);
    image.data = url.mid(comma + 1);
    image.url.clear();
    return true;
}

QString imageUrlOf(const ContentPart &image)
{
    if (!image.url.isEmpty()) {
        return image.url;
    }
    return QStringLiteral("data:%1;base64,%2").arg(image.mediaType, image.data);
}

QString joinedText(const QList<ContentPart> &parts)
{
    QStringList texts;
    for (const ContentPart &p : parts) {
        if (p.kind == ContentPart::Kind::Text) {
            texts.append(p.text);
        }
    }
    return texts.join(QLatin1Char('\n'));
}

QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    if (value.isString()) {
        out.append(value.toString());
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &v : array) {
            if (v.isString()) {
                out.append(v.toString());
            }
        }
    }
    return out;
}

void mergeExtras(QJsonObject &body, const ChatRequest &request, WireFormat format)
{
    if (request.extrasFormat != format) {
        return;
    }
    for (auto it = request.extras.begin(); it != request.extras.end(); ++it) {
        if (!body.contains(it.key())) {
            body.insert(it.key(), it.value());
        }
    }
}

} // namespace Switchyard::Translate::Internal
