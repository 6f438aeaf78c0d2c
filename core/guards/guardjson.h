// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/result.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace Switchyard::Guards::Internal {

/// Path-aware JSON reads for the `guards` and `policies` sections, the same shape as the
/// config loader's reader (core/guards may not link core/config). The first problem is kept
/// as "<json path>: <problem>"; messages never echo string values.
class GuardJson final
{
public:
    bool ok() const { return !m_error.has_value(); }
    Error error() const { return m_error.value_or(Error{}); }
    bool fail(const QString &path, const QString &problem);

    bool checkKeys(const QJsonObject &obj, const QString &path, const QStringList &allowed);
    bool requireObject(const QJsonValue &v, const QString &path);
    bool readBool(const QJsonObject &obj, const QString &path, const char *key, bool &out);
    bool readString(const QJsonObject &obj, const QString &path, const char *key, QString &out,
                    bool required = false);
    bool readDouble(const QJsonObject &obj, const QString &path, const char *key, double &out,
                    double min, double max);
    bool readInt(const QJsonObject &obj, const QString &path, const char *key,
                 std::optional<qint64> &out, qint64 min, qint64 max);
    bool readStringList(const QJsonObject &obj, const QString &path, const char *key,
                        QStringList &out);

    static QString child(const QString &path, const QString &key);
    static QString index(const QString &path, qsizetype i);

private:
    std::optional<Error> m_error;
};

} // namespace Switchyard::Guards::Internal
