// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Switchyard::Config::Internal {

/// Typed, path-aware reads from parsed JSON for the config loader. The first problem found
/// is kept as the error ("<file>: <json path>: <problem>"); later reads become no-ops.
/// Messages never contain string values of the file, so secrets cannot leak through them.
class ConfigReader final
{
public:
    explicit ConfigReader(QString fileName);

    bool ok() const { return !m_error.has_value(); }
    const Error &error() const { return *m_error; }
    /// Records a problem at `path` (only the first one is kept). Always returns false.
    bool fail(const QString &path, const QString &problem);

    /// Fails on a key of `obj` that is not in `allowed`, suggesting the closest allowed key.
    bool checkKeys(const QJsonObject &obj, const QString &path, const QStringList &allowed);

    bool requireObject(const QJsonValue &v, const QString &path);
    bool readString(const QJsonObject &obj, const QString &path, const QString &key, QString &out,
                    bool required = false);
    bool readBool(const QJsonObject &obj, const QString &path, const QString &key, bool &out);
    bool readInt(const QJsonObject &obj, const QString &path, const QString &key, qint64 &out,
                 qint64 min, qint64 max);
    bool readDouble(const QJsonObject &obj, const QString &path, const QString &key, double &out,
                    double min, double max, bool required = false);
    bool readStringList(const QJsonObject &obj, const QString &path, const QString &key,
                        QStringList &out);
    /// An object whose values are numbers ≥ 0 (scores, weights).
    bool readNumberMap(const QJsonObject &obj, const QString &path, const QString &key,
                       QMap<QString, double> &out);

    /// Pass as `max` for "no upper bound" (messages then say "must be at least").
    static constexpr double kUnbounded = 1e300;

    static QString child(const QString &path, const QString &key);
    static QString index(const QString &path, qsizetype i);
    static QString typeName(const QJsonValue &v);
    /// The closest of `candidates` to `word` when it is plausibly a typo, else empty.
    static QString suggest(const QString &word, const QStringList &candidates);

private:
    bool rangeError(const QString &path, double min, double max, bool openEnded, double got);
    bool typeError(const QString &path, const QString &expected, const QJsonValue &got);

    QString m_fileName;
    std::optional<Error> m_error;
};

} // namespace Switchyard::Config::Internal
