// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/result.h"

#include <QList>
#include <QString>
#include <QStringList>

class QSqlDatabase;

/// Versioned, forward-only migrations of the store's schema.
///
/// The version lives in a `schema_version` table (one row per applied step, the current
/// version is MAX(version)) rather than SQLite's PRAGMA user_version, so the same steps and
/// bookkeeping run on PostgreSQL (QPSQL) in team mode. Each step runs in one transaction;
/// both SQLite and PostgreSQL roll DDL back with it.
namespace Switchyard::Store::Schema {

/// One forward step: after its statements run, the schema is at \a version.
struct Migration
{
    int version = 0;
    QString description;
    QStringList statements;
};

/// All steps, in ascending version order, starting at 1.
const QList<Migration> &migrations();

/// The version a fully migrated database has.
int latestVersion();

/// The database's version: 0 for an empty database. Called on the connection's thread.
Result<int> currentVersion(QSqlDatabase &db);

/// Applies every missing step in order and returns the resulting version. Fails, leaving
/// the database at the last completed step, when a step fails or when the database is newer
/// than this build. Called on the connection's thread.
Result<int> migrate(QSqlDatabase &db);

} // namespace Switchyard::Store::Schema
