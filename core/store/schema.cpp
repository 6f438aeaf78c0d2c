// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/store/schema.h"

#include "core/common/tr.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Switchyard::Store::Schema {

namespace {

// Statements stay inside the SQL both SQLite and PostgreSQL accept, except `id INTEGER
// PRIMARY KEY` (SQLite's rowid alias); QPSQL will need BIGINT GENERATED ALWAYS AS IDENTITY there.
QList<Migration> buildMigrations()
{
    QList<Migration> steps;
    steps.append({1, QStringLiteral("request log"),
                  {QStringLiteral("CREATE TABLE requests ("
                                  "id INTEGER PRIMARY KEY, "
                                  "request_id TEXT UNIQUE, "
                                  "started_at TEXT, "
                                  "customer TEXT, project TEXT, feature TEXT, tags TEXT, "
                                  "app TEXT, surface TEXT, requested_model TEXT, route TEXT, "
                                  "provider TEXT, provider_kind TEXT, model TEXT, "
                                  "upstream_model TEXT, stream INTEGER NOT NULL DEFAULT 0, "
                                  "status INTEGER, error_type TEXT, error_message TEXT, "
                                  "attempts INTEGER, fallback INTEGER NOT NULL DEFAULT 0, "
                                  "latency_ms REAL, ttft_ms REAL, "
                                  "input_tokens INTEGER, cache_read_tokens INTEGER, "
                                  "cache_write_tokens INTEGER, output_tokens INTEGER, "
                                  "cost_usd REAL, request_bytes INTEGER, "
                                  "response_bytes INTEGER, decision TEXT)"),
                   QStringLiteral("CREATE INDEX requests_started_at ON requests (started_at)")}});
    steps.append({2, QStringLiteral("reasoning tokens; per-customer history index"),
                  {QStringLiteral("ALTER TABLE requests ADD COLUMN reasoning_tokens INTEGER"),
                   QStringLiteral("CREATE INDEX requests_customer_started_at "
                                  "ON requests (customer, started_at)")}});
    // Request traits routing conditions match on, so a what-if replay can re-route a request.
    // Rows written before v3 read as no tools, no images and unknown (NULL → 0) token estimates.
    steps.append({3, QStringLiteral("request traits for what-if replay"),
                  {QStringLiteral("ALTER TABLE requests ADD COLUMN has_tools INTEGER NOT NULL "
                                  "DEFAULT 0"),
                   QStringLiteral("ALTER TABLE requests ADD COLUMN has_images INTEGER NOT NULL "
                                  "DEFAULT 0"),
                   QStringLiteral("ALTER TABLE requests ADD COLUMN estimated_prompt_tokens "
                                  "INTEGER"),
                   QStringLiteral("ALTER TABLE requests ADD COLUMN expected_output_tokens "
                                  "INTEGER")}});
    // Virtual keys (hashes only) and, per request, the key used and the price version its cost
    // came from, so reports attribute spend to keys and re-pricing knows what changed.
    steps.append({4, QStringLiteral("virtual keys; key and price version per request"),
                  {QStringLiteral("CREATE TABLE virtual_keys ("
                                  "id TEXT PRIMARY KEY, name TEXT NOT NULL, hint TEXT, "
                                  "hash TEXT NOT NULL UNIQUE, customer TEXT, project TEXT, "
                                  "allowed_models TEXT, rpm INTEGER NOT NULL DEFAULT 0, "
                                  "tpm INTEGER NOT NULL DEFAULT 0, "
                                  "monthly_budget_usd REAL NOT NULL DEFAULT 0, "
                                  "created_at TEXT NOT NULL, revoked_at TEXT)"),
                   QStringLiteral("ALTER TABLE requests ADD COLUMN key_id TEXT"),
                   QStringLiteral("ALTER TABLE requests ADD COLUMN price_version TEXT")}});
    // Egress ledger (issue 6, docs/egress.md): per request what left for which provider region,
    // and what the guards found and did. Classes and counts only, never values. Rows written
    // before v5 read as 0 bytes, no region, no findings and an unknown (NULL) injection score.
    steps.append({5, QStringLiteral("egress ledger"),
                  {QStringLiteral("ALTER TABLE requests ADD COLUMN egress_bytes INTEGER"),
                   QStringLiteral("ALTER TABLE requests ADD COLUMN egress_region TEXT"),
                   QStringLiteral("ALTER TABLE requests ADD COLUMN policy TEXT"),
                   QStringLiteral("ALTER TABLE requests ADD COLUMN dlp_classes TEXT"),
                   QStringLiteral("ALTER TABLE requests ADD COLUMN dlp_findings INTEGER"),
                   QStringLiteral("ALTER TABLE requests ADD COLUMN dlp_action TEXT"),
                   QStringLiteral("ALTER TABLE requests ADD COLUMN injection_score REAL"),
                   QStringLiteral("ALTER TABLE requests ADD COLUMN injection_flagged INTEGER NOT NULL "
                                  "DEFAULT 0")}});
    return steps;
}

Error sqlError(const QString &code, const QString &what, const QSqlError &error)
{
    return Error{code, Tr::tr("%1: %2").arg(what, error.text())};
}

} // namespace

const QList<Migration> &migrations()
{
    static const QList<Migration> steps = buildMigrations();
    return steps;
}

int latestVersion()
{
    return migrations().isEmpty() ? 0 : migrations().constLast().version;
}

Result<int> currentVersion(QSqlDatabase &db)
{
    if (!db.tables().contains(QStringLiteral("schema_version")))
        return 0;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT MAX(version) FROM schema_version"))) {
        return sqlError(QStringLiteral("store.schema"),
                        Tr::tr("Cannot read the schema version"), query.lastError());
    }
    return query.next() ? query.value(0).toInt() : 0;
}

Result<int> migrate(QSqlDatabase &db)
{
    const Result<int> current = currentVersion(db);
    if (!current)
        return current;
    int version = current.value();
    if (version > latestVersion()) {
        return Error{QStringLiteral("store.schema_too_new"),
                     Tr::tr("The database has schema version %1, newer than this build "
                            "understands (%2); use a newer Switchyard")
                         .arg(version)
                         .arg(latestVersion())};
    }
    QSqlQuery query(db);
    if (version == 0
        && !query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                      "version INTEGER NOT NULL, applied_at TEXT NOT NULL)"))) {
        return sqlError(QStringLiteral("store.migrate"),
                        Tr::tr("Cannot create the schema_version table"), query.lastError());
    }
    for (const Migration &step : migrations()) {
        if (step.version <= version)
            continue;
        const QString what = Tr::tr("Migration to schema version %1 (%2) failed")
                                 .arg(step.version)
                                 .arg(step.description);
        if (!db.transaction())
            return sqlError(QStringLiteral("store.migrate"), what, db.lastError());
        bool ok = true;
        for (const QString &statement : step.statements) {
            if (!query.exec(statement)) {
                ok = false;
                break;
            }
        }
        if (ok) {
            query.prepare(QStringLiteral(
                "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"));
            query.addBindValue(step.version);
            query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
            ok = query.exec();
        }
        if (!ok) {
            const QSqlError error = query.lastError();
            db.rollback();
            return sqlError(QStringLiteral("store.migrate"), what, error);
        }
        if (!db.commit())
            return sqlError(QStringLiteral("store.migrate"), what, db.lastError());
        version = step.version;
    }
    return version;
}

} // namespace Switchyard::Store::Schema
