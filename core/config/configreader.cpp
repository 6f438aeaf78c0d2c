// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "configreader.h"

#include "core/common/tr.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace Switchyard::Config::Internal {

namespace {

// Optimal string alignment distance: a swapped pair of letters ("prot") counts as one edit,
// which is the most common config typo.
int editDistance(const QString &a, const QString &b)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1, 0));
    for (qsizetype i = 0; i <= n; ++i) {
        d[i][0] = int(i);
    }
    for (qsizetype j = 0; j <= m; ++j) {
        d[0][j] = int(j);
    }
    for (qsizetype i = 1; i <= n; ++i) {
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a[i - 1].toLower() == b[j - 1].toLower() ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[n][m];
}

QString formatNumber(double v)
{
    return QString::number(v, 'g', 12);
}

} // namespace

ConfigReader::ConfigReader(QString fileName)
    : m_fileName(std::move(fileName))
{}

bool ConfigReader::fail(const QString &path, const QString &problem)
{
    if (!m_error) {
        m_error = Error{QStringLiteral("config.invalid"),
                        m_fileName + QStringLiteral(": ") + path + QStringLiteral(": ") + problem};
    }
    return false;
}

bool ConfigReader::typeError(const QString &path, const QString &expected, const QJsonValue &got)
{
    return fail(path, Tr::tr("expected %1, got %2").arg(expected, typeName(got)));
}

bool ConfigReader::rangeError(const QString &path, double min, double max, bool openEnded,
                              double got)
{
    // Upper bounds that only guard against overflow are not worth showing.
    if (openEnded) {
        return fail(path,
                    Tr::tr("must be at least %1, got %2").arg(formatNumber(min), formatNumber(got)));
    }
    return fail(path, Tr::tr("must be between %1 and %2, got %3")
                          .arg(formatNumber(min), formatNumber(max), formatNumber(got)));
}

bool ConfigReader::checkKeys(const QJsonObject &obj, const QString &path, const QStringList &allowed)
{
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (allowed.contains(it.key())) {
            continue;
        }
        const QString near = suggest(it.key(), allowed);
        if (!near.isEmpty()) {
            return fail(child(path, it.key()),
                        Tr::tr("unknown key '%1' (did you mean '%2'?)").arg(it.key(), near));
        }
        return fail(child(path, it.key()), Tr::tr("unknown key '%1' (expected one of: %2)")
                                               .arg(it.key(), allowed.join(QStringLiteral(", "))));
    }
    return ok();
}

bool ConfigReader::requireObject(const QJsonValue &v, const QString &path)
{
    return v.isObject() || typeError(path, Tr::tr("an object"), v);
}

bool ConfigReader::readString(const QJsonObject &obj, const QString &path, const QString &key,
                              QString &out, bool required)
{
    const QJsonValue v = obj.value(key);
    if (v.isUndefined()) {
        return !required || fail(child(path, key), Tr::tr("required field is missing"));
    }
    if (!v.isString()) {
        return typeError(child(path, key), Tr::tr("a string"), v);
    }
    if (required && v.toString().trimmed().isEmpty()) {
        return fail(child(path, key), Tr::tr("must not be empty"));
    }
    out = v.toString();
    return true;
}

bool ConfigReader::readBool(const QJsonObject &obj, const QString &path, const QString &key,
                            bool &out)
{
    const QJsonValue v = obj.value(key);
    if (v.isUndefined()) {
        return true;
    }
    if (!v.isBool()) {
        return typeError(child(path, key), Tr::tr("true or false"), v);
    }
    out = v.toBool();
    return true;
}

bool ConfigReader::readInt(const QJsonObject &obj, const QString &path, const QString &key,
                           qint64 &out, qint64 min, qint64 max)
{
    const QJsonValue v = obj.value(key);
    if (v.isUndefined()) {
        return true;
    }
    const double d = v.toDouble();
    if (!v.isDouble() || std::floor(d) != d) {
        return typeError(child(path, key), Tr::tr("an integer"), v);
    }
    if (d < double(min) || d > double(max)) {
        return rangeError(child(path, key), double(min), double(max),
                          max >= std::numeric_limits<int>::max(), d);
    }
    out = qint64(d);
    return true;
}

bool ConfigReader::readDouble(const QJsonObject &obj, const QString &path, const QString &key,
                              double &out, double min, double max, bool required)
{
    const QJsonValue v = obj.value(key);
    if (v.isUndefined()) {
        return !required || fail(child(path, key), Tr::tr("required field is missing"));
    }
    if (!v.isDouble()) {
        return typeError(child(path, key), Tr::tr("a number"), v);
    }
    const double d = v.toDouble();
    if (d < min || d > max) {
        return rangeError(child(path, key), min, max, max >= kUnbounded, d);
    }
    out = d;
    return true;
}

bool ConfigReader::readStringList(const QJsonObject &obj, const QString &path, const QString &key,
                                  QStringList &out)
{
    const QJsonValue v = obj.value(key);
    if (v.isUndefined()) {
        return true;
    }
    if (!v.isArray()) {
        return typeError(child(path, key), Tr::tr("an array of strings"), v);
    }
    const QJsonArray arr = v.toArray();
    QStringList result;
    for (qsizetype i = 0; i < arr.size(); ++i) {
        if (!arr.at(i).isString()) {
            return typeError(index(child(path, key), i), Tr::tr("a string"), arr.at(i));
        }
        result.append(arr.at(i).toString());
    }
    out = result;
    return true;
}

bool ConfigReader::readNumberMap(const QJsonObject &obj, const QString &path, const QString &key,
                                 QMap<QString, double> &out)
{
    const QJsonValue v = obj.value(key);
    if (v.isUndefined()) {
        return true;
    }
    if (!v.isObject()) {
        return typeError(child(path, key), Tr::tr("an object of numbers"), v);
    }
    const QJsonObject map = v.toObject();
    const QString mapPath = child(path, key);
    QMap<QString, double> result;
    for (auto it = map.begin(); it != map.end(); ++it) {
        double d = 0;
        if (!readDouble(map, mapPath, it.key(), d, 0, kUnbounded)) {
            return false;
        }
        result.insert(it.key(), d);
    }
    out = result;
    return true;
}

QString ConfigReader::child(const QString &path, const QString &key)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_-]*$"));
    if (plain.match(key).hasMatch()) {
        return path + QLatin1Char('.') + key;
    }
    QString escaped = key;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return path + QStringLiteral("[\"") + escaped + QStringLiteral("\"]");
}

QString ConfigReader::index(const QString &path, qsizetype i)
{
    return path + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
}

QString ConfigReader::typeName(const QJsonValue &v)
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

QString ConfigReader::suggest(const QString &word, const QStringList &candidates)
{
    QString best;
    int bestDistance = 0;
    for (const QString &c : candidates) {
        const int d = editDistance(word, c);
        if (best.isEmpty() || d < bestDistance) {
            best = c;
            bestDistance = d;
        }
    }
    // Accept up to a third of the word's length in edits (at least 1, at most 3), so "prot"
    // suggests "port" but "colour" does not suggest "host".
    const int limit = std::clamp(int(word.size()) / 3, 1, 3);
    return bestDistance <= limit && bestDistance < word.size() ? best : QString();
}

} // namespace Switchyard::Config::Internal
