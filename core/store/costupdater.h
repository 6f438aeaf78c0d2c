// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Switchyard::Store {

/// A new cost for one logged request (row id = LogRecord::sequence from RequestReader).
struct CostUpdate
{
    qint64 rowId = 0;
    std::optional<double> costUsd; ///< nullopt: unknown (NULL), never $0
    QString priceVersion;
};

/// Rewrites the cost columns of logged requests (re-pricing after a price change) on a
/// connection of its own; each apply() is one transaction. One thread per instance.
class CostUpdater final
{
    Q_DISABLE_COPY_MOVE(CostUpdater)
public:
    CostUpdater();
    ~CostUpdater();

    /// Opens an existing, migrated request log.
    Result<bool> open(const QString &databasePath);
    Result<qint64> apply(const QList<CostUpdate> &updates);

private:
    QString m_connectionName;
    QSqlDatabase m_db;
};

} // namespace Switchyard::Store
