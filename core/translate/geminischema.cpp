// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/translate/geminicodec.h"

#include <QCryptographicHash>
#include <QJsonArray>

namespace Switchyard::Translate::GeminiCodec {

namespace {

// Keys of Gemini's Schema object (OpenAPI 3.0 subset). Anything else gets a 400
// "Unknown name ..." (LiteLLM#14330).
const QLatin1String s_allowed[] = {
    QLatin1String("type"),
    QLatin1String("format"),
    QLatin1String("description"),
    QLatin1String("nullable"),
    QLatin1String("enum"),
    QLatin1String("items"),
    QLatin1String("properties"),
    QLatin1String("required"),
    QLatin1String("minItems"),
    QLatin1String("maxItems"),
    QLatin1String("minimum"),
    QLatin1String("maximum"),
    QLatin1String("anyOf"),
    QLatin1String("title"),
    QLatin1String("minLength"),
    QLatin1String("maxLength"),
    QLatin1String("pattern"),
    QLatin1String("default"),
    QLatin1String("propertyOrdering"),
    QLatin1String("minProperties"),
    QLatin1String("maxProperties"),
};

bool allowed(const QString &key)
{
    for (QLatin1String a : s_allowed) {
        if (key == a) {
            return true;
        }
    }
    return false;
}

bool allowedFormat(const QString &type, const QString &format)
{
    if (type == QLatin1String("string")) {
        return format == QLatin1String("enum") || format == QLatin1String("date-time");
    }
    if (type == QLatin1String("integer")) {
        return format == QLatin1String("int32") || format == QLatin1String("int64");
    }
    if (type == QLatin1String("number")) {
        return format == QLatin1String("float") || format == QLatin1String("double");
    }
    return false;
}

QJsonObject resolveRef(const QString &ref, const QJsonObject &root)
{
    for (QLatin1String prefix : {QLatin1String("#/$defs/"), QLatin1String("#/definitions/")}) {
        if (ref.startsWith(prefix)) {
            const QString key = prefix == QLatin1String("#/$defs/") ? QStringLiteral("$defs")
                                                                    : QStringLiteral("definitions");
            return root.value(key).toObject().value(ref.mid(prefix.size())).toObject();
        }
    }
    return {};
}

QJsonObject clean(QJsonObject schema, const QJsonObject &root, int depth)
{
    if (depth > 16) { // recursive $ref: stop rather than loop
        return QJsonObject{{QLatin1String("type"), QLatin1String("object")}};
    }
    if (schema.contains(QLatin1String("$ref"))) {
        schema = resolveRef(schema.value(QLatin1String("$ref")).toString(), root);
    }
    if (schema.contains(QLatin1String("allOf"))) {
        QJsonObject merged = schema;
        merged.remove(QLatin1String("allOf"));
        QJsonObject props = merged.value(QLatin1String("properties")).toObject();
        QJsonArray required = merged.value(QLatin1String("required")).toArray();
        for (const QJsonValue &v : schema.value(QLatin1String("allOf")).toArray()) {
            QJsonObject part = v.toObject();
            if (part.contains(QLatin1String("$ref"))) {
                part = resolveRef(part.value(QLatin1String("$ref")).toString(), root);
            }
            const QJsonObject pp = part.value(QLatin1String("properties")).toObject();
            for (auto it = pp.begin(); it != pp.end(); ++it) {
                props.insert(it.key(), it.value());
            }
            for (const QJsonValue &r : part.value(QLatin1String("required")).toArray()) {
                required.append(r);
            }
            for (auto it = part.begin(); it != part.end(); ++it) {
                if (!merged.contains(it.key())) {
                    merged.insert(it.key(), it.value());
                }
            }
        }
        if (!props.isEmpty()) {
            merged.insert(QLatin1String("properties"), props);
        }
        if (!required.isEmpty()) {
            merged.insert(QLatin1String("required"), required);
        }
        schema = merged;
    }
    QJsonObject out;
    for (auto it = schema.begin(); it != schema.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        if (key == QLatin1String("const")) {
            out.insert(QLatin1String("enum"), QJsonArray{value});
        } else if (key == QLatin1String("oneOf") || key == QLatin1String("anyOf")) {
            QJsonArray options;
            for (const QJsonValue &o : value.toArray()) {
                options.append(clean(o.toObject(), root, depth + 1));
            }
            out.insert(QLatin1String("anyOf"), options);
        } else if (key == QLatin1String("type") && value.isArray()) {
            QString type;
            for (const QJsonValue &t : value.toArray()) {
                if (t.toString() == QLatin1String("null")) {
                    out.insert(QLatin1String("nullable"), true);
                } else if (type.isEmpty()) {
                    type = t.toString();
                }
            }
            out.insert(QLatin1String("type"), type.isEmpty() ? QStringLiteral("string") : type);
        } else if (key == QLatin1String("properties")) {
            QJsonObject props;
            const QJsonObject in = value.toObject();
            for (auto p = in.begin(); p != in.end(); ++p) {
                props.insert(p.key(), clean(p.value().toObject(), root, depth + 1));
            }
            out.insert(key, props);
        } else if (key == QLatin1String("items")) {
            out.insert(key, clean(value.toObject(), root, depth + 1));
        } else if (key == QLatin1String("format")) {
            if (allowedFormat(schema.value(QLatin1String("type")).toString(), value.toString())) {
                out.insert(key, value);
            }
        } else if (allowed(key)) {
            out.insert(key, value);
        }
    }
    return out;
}

} // namespace

QJsonObject cleanSchema(const QJsonObject &schema)
{
    return clean(schema, schema, 0);
}

QString toolCallId(const QString &responseId, int index, const QString &name)
{
    const QByteArray hash = QCryptographicHash::hash(
        (responseId + QLatin1Char('/') + QString::number(index) + QLatin1Char('/') + name).toUtf8(),
        QCryptographicHash::Sha1);
    return QStringLiteral("call_%1_%2").arg(index).arg(QString::fromLatin1(hash.toHex().left(8)));
}

} // namespace Switchyard::Translate::GeminiCodec
