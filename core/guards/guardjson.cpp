// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/guards/guardjson.h"

#include "core/common/tr.h"

#include <QJsonArray>

#include <cmath>

namespace Switchyard::Guards::Internal {

namespace {

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return Tr::tr("null");
    case QJsonValue::Bool: return Tr::tr("a boolean");
    case QJsonValue::Double: return Tr::tr("a number");
    case QJsonValue::String: return Tr::tr("a string");
    case QJsonValue::Array: return Tr::tr("an array");
    case QJsonValue::Object: return Tr::tr("an object");
    case QJsonValue::Undefined: break;
    }
    return Tr::tr("nothing");
}

} // namespace

bool GuardJson::fail(const QString &path, const QString &problem)
{
    if (!m_error) {
        m_error = Error{QStringLiteral("config.invalid"), path + QStringLiteral(": ") + problem};
    }
    return false;
}

bool GuardJson::checkKeys(const QJsonObject &obj, const QString &path, const QStringList &allowed)
{
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (!allowed.contains(it.key())) {
            return fail(child(path, it.key()), Tr::tr("unknown key; expected one of %1")
                                                   .arg(allowed.join(QStringLiteral(", "))));
        }
    }
    return true;
}

bool GuardJson::requireObject(const QJsonValue &v, const QString &path)
{
    return v.isObject() || fail(path, Tr::tr("expected an object, got %1").arg(typeName(v)));
}

bool GuardJson::readBool(const QJsonObject &obj, const QString &path, const char *key, bool &out)
{
    const QJsonValue v = obj.value(QLatin1String(key));
    if (v.isUndefined()) {
        return true;
    }
    if (!v.isBool()) {
        return fail(child(path, QLatin1String(key)),
                    Tr::tr("expected true or false, got %1").arg(typeName(v)));
    }
    out = v.toBool();
    return true;
}

bool GuardJson::readString(const QJsonObject &obj, const QString &path, const char *key,
                           QString &out, bool required)
{
    const QJsonValue v = obj.value(QLatin1String(key));
    if (v.isUndefined()) {
        return !required || fail(child(path, QLatin1String(key)), Tr::tr("is required"));
    }
    if (!v.isString() || (required && v.toString().isEmpty())) {
        return fail(child(path, QLatin1String(key)),
                    Tr::tr("expected a non-empty string, got %1").arg(typeName(v)));
    }
    out = v.toString();
    return true;
}

bool GuardJson::readDouble(const QJsonObject &obj, const QString &path, const char *key,
                           double &out, double min, double max)
{
    const QJsonValue v = obj.value(QLatin1String(key));
    if (v.isUndefined()) {
        return true;
    }
    if (!v.isDouble()) {
        return fail(child(path, QLatin1String(key)),
                    Tr::tr("expected a number, got %1").arg(typeName(v)));
    }
    const double d = v.toDouble();
    if (!(d >= min && d <= max)) {
        return fail(child(path, QLatin1String(key)),
                    Tr::tr("must be between %1 and %2, got %3")
                        .arg(QString::number(min), QString::number(max), QString::number(d)));
    }
    out = d;
    return true;
}

bool GuardJson::readInt(const QJsonObject &obj, const QString &path, const char *key,
                        std::optional<qint64> &out, qint64 min, qint64 max)
{
    const QJsonValue v = obj.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) {
        return true;
    }
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || d != std::floor(d) || d < double(min) || d > double(max)) {
        return fail(child(path, QLatin1String(key)),
                    Tr::tr("expected a whole number between %1 and %2")
                        .arg(QString::number(min), QString::number(max)));
    }
    out = qint64(d);
    return true;
}

bool GuardJson::readStringList(const QJsonObject &obj, const QString &path, const char *key,
                               QStringList &out)
{
    const QJsonValue v = obj.value(QLatin1String(key));
    if (v.isUndefined()) {
        return true;
    }
    const QString listPath = child(path, QLatin1String(key));
    if (!v.isArray()) {
        return fail(listPath, Tr::tr("expected an array of strings, got %1").arg(typeName(v)));
    }
    const QJsonArray array = v.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString() || array.at(i).toString().isEmpty()) {
            return fail(index(listPath, i), Tr::tr("expected a non-empty string"));
        }
        out.append(array.at(i).toString());
    }
    return true;
}

QString GuardJson::child(const QString &path, const QString &key)
{
    bool plain = !key.isEmpty();
    for (QChar c : key) {
        plain = plain && (c.isLetterOrNumber() || c == u'_' || c == u'-') && c.unicode() < 128;
    }
    if (plain) {
        return path + QLatin1Char('.') + key;
    }
    QString escaped = key;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return path + QStringLiteral("[\"") + escaped + QStringLiteral("\"]");
}

QString GuardJson::index(const QString &path, qsizetype i)
{
    return path + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
}

} // namespace Switchyard::Guards::Internal
