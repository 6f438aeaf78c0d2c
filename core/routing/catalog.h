// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/result.h"
#include "core/config/gatewayconfig.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Switchyard::Routing {

/// One model of the catalog: the settings a config entry would carry, plus where it comes from.
struct CatalogEntry
{
    Config::ModelSettings model; ///< id, default provider id, upstream, price, scores, caps, context
    QString family;      ///< openai | anthropic | google | mistral | deepseek | groq | ollama
    QString kind;        ///< provider kind hint: openai | anthropic | gemini
    QStringList regions; ///< e.g. "us", "eu", "cn", "local"
    QMap<QString, QString> sources; ///< "price" / score column → source key or text
    QString note;
};

/// User eval columns read from CSV (header `model,metric,value`).
struct EvalImport
{
    QMap<QString, QMap<QString, double>> scores; ///< model → metric → value
    QStringList metrics;                         ///< distinct metric names, sorted
    int rows = 0;                                ///< data rows read

    /// Adds the columns to matching models (overwriting same-named figures); returns the
    /// imported model ids that `models` does not contain, sorted.
    QStringList applyTo(QList<Config::ModelSettings> &models) const;
};

/// The built-in model catalog (prices, context, capabilities, benchmark figures) and the CSV
/// import for user eval columns. Pure values; safe to use from any thread once built.
class Catalog final
{
public:
    /// Resource path of the compiled-in catalog.
    static QString builtinPath();
    /// The compiled-in catalog, parsed once. Empty (with a warning) only if the resource is
    /// broken, which the tests rule out.
    static const Catalog &builtin();
    /// Parses and validates a catalog document; errors name the entry and field
    /// (code "catalog_invalid").
    static Result<Catalog> fromJson(const QByteArray &json);
    /// Parses RFC 4180 CSV with a `model,metric,value` header (any column order, extra columns
    /// ignored). Errors carry line numbers, e.g. "line 4: value \"abc\" is not a number"
    /// (code "csv_invalid"; up to 10 problems, one per line of the message).
    static Result<EvalImport> importEvalCsv(const QByteArray &csv);

    const QList<CatalogEntry> &entries() const { return m_entries; }
    const CatalogEntry *find(const QString &id) const;
    /// The entries as config model settings, in catalog order.
    QList<Config::ModelSettings> models() const;
    /// Source key → citation, e.g. "SE" → "openai/simple-evals README ...".
    const QMap<QString, QString> &sourceNames() const { return m_sourceNames; }

private:
    QList<CatalogEntry> m_entries;
    QMap<QString, QString> m_sourceNames;
};

/// Metric names reserved for live measurements; CSV columns may not use them.
bool isLiveMetric(const QString &metric);

/// Makes the catalog routable (docs/routing.md "Catalog merge"): every entry whose provider id
/// names a configured provider of the entry's kind becomes a model (appended after the
/// configured ones, in catalog order; skipped when a route has that name), and a configured
/// model whose id is a catalog id inherits each field it leaves unset: price (unless known),
/// score columns it lacks, capabilities (if none), context (if 0), and the upstream name (if
/// it is the id, and only on the catalog's own provider). Config wins field by field.
/// Idempotent. With only the `simulated` provider nothing changes.
void mergeCatalog(Config::GatewayConfig &config, const Catalog &catalog);

/// mergeCatalog() on a copy of `config`, as a new snapshot (same version and source path).
Config::ConfigSnapshot withCatalog(const Config::ConfigSnapshot &config, const Catalog &catalog);

} // namespace Switchyard::Routing
