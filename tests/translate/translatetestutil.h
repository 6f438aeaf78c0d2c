// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QByteArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace TranslateTest {

inline QString dataPath(const QString &relative)
{
    return QStringLiteral(SWITCHYARD_TRANSLATE_DATA) + QLatin1Char('/') + relative;
}

inline QByteArray readData(const QString &relative)
{
    QFile file(dataPath(relative));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return file.readAll();
}

inline QJsonObject readJson(const QString &relative)
{
    return QJsonDocument::fromJson(readData(relative)).object();
}

inline QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

/// Indented JSON: keys are sorted, so equal objects print equal and diffs are readable.
inline QByteArray pretty(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

} // namespace TranslateTest
