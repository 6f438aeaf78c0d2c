// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/routing/catalog.h"

#include "core/common/tr.h"
#include "core/routing/scorer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSet>
#include <QtDebug>

#include <cmath>

namespace Switchyard::Routing {

namespace {

Error catalogError(const QString &message)
{
    return Error{QStringLiteral("catalog_invalid"), message};
}

/// Reads a non-negative number at `key`; an absent key leaves `out` alone.
bool readPriceField(const QJsonObject &obj, const QString &key, double &out, QString &error,
                    const QString &path)
{
    if (!obj.contains(key)) {
        return true;
    }
    const QJsonValue v = obj.value(key);
    if (!v.isDouble() || !std::isfinite(v.toDouble()) || v.toDouble() < 0) {
        error = Tr::tr("%1.price.%2: must be a non-negative number").arg(path, key);
        return false;
    }
    out = v.toDouble();
    return true;
}

QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array) {
        if (v.isString()) {
            out.append(v.toString());
        }
    }
    return out;
}

bool readEntry(const QJsonObject &obj, const QString &path, CatalogEntry &entry, QString &error)
{
    Config::ModelSettings &m = entry.model;
    m.id = obj.value(QLatin1String("id")).toString().trimmed();
    m.provider = obj.value(QLatin1String("provider")).toString().trimmed();
    if (m.id.isEmpty() || m.provider.isEmpty()) {
        error = Tr::tr("%1: \"id\" and \"provider\" are required").arg(path);
        return false;
    }
    m.upstream = obj.value(QLatin1String("upstream")).toString(m.id);
    entry.family = obj.value(QLatin1String("family")).toString(m.provider);
    entry.kind = obj.value(QLatin1String("kind")).toString(QStringLiteral("openai"));
    entry.regions = stringList(obj.value(QLatin1String("regions")));
    entry.note = obj.value(QLatin1String("note")).toString();
    m.capabilities = stringList(obj.value(QLatin1String("capabilities")));

    if (obj.contains(QLatin1String("price"))) {
        const QJsonObject price = obj.value(QLatin1String("price")).toObject();
        if (!price.contains(QLatin1String("input")) || !price.contains(QLatin1String("output"))) {
            error = Tr::tr("%1.price: \"input\" and \"output\" are required").arg(path);
            return false;
        }
        if (!readPriceField(price, QStringLiteral("input"), m.price.input, error, path)
            || !readPriceField(price, QStringLiteral("output"), m.price.output, error, path)
            || !readPriceField(price, QStringLiteral("cache_read"), m.price.cacheRead, error, path)
            || !readPriceField(price, QStringLiteral("cache_write"), m.price.cacheWrite, error,
                               path)) {
            return false;
        }
        m.price.known = true;
    }

    const QJsonValue context = obj.value(QLatin1String("context"));
    if (!context.isUndefined()) {
        if (!context.isDouble() || context.toDouble() < 0) {
            error = Tr::tr("%1.context: must be a non-negative number of tokens").arg(path);
            return false;
        }
        m.context = qint64(context.toDouble());
    }

    const QJsonObject scores = obj.value(QLatin1String("scores")).toObject();
    for (auto it = scores.constBegin(); it != scores.constEnd(); ++it) {
        if (!it->isDouble() || !std::isfinite(it->toDouble())) {
            error = Tr::tr("%1.scores.%2: must be a number").arg(path, it.key());
            return false;
        }
        if (isLiveMetric(it.key())) {
            error = Tr::tr("%1.scores.%2: \"%2\" is a live metric, not a score column")
                        .arg(path, it.key());
            return false;
        }
        m.scores.insert(it.key(), it->toDouble());
    }
    const QJsonObject sources = obj.value(QLatin1String("sources")).toObject();
    for (auto it = sources.constBegin(); it != sources.constEnd(); ++it) {
        entry.sources.insert(it.key(), it->toString());
    }
    return true;
}

} // namespace

bool isLiveMetric(const QString &metric)
{
    return metric == QLatin1String(CostMetric) || metric == QLatin1String(LatencyMetric)
           || metric == QLatin1String(TtftMetric) || metric == QLatin1String(ReliabilityMetric);
}

QString Catalog::builtinPath()
{
    return QStringLiteral(":/switchyard/catalog/models.json");
}

const Catalog &Catalog::builtin()
{
    static const Catalog s_builtin = [] {
        QFile file(builtinPath());
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning("built-in model catalog resource is missing");
            return Catalog{};
        }
        Result<Catalog> parsed = fromJson(file.readAll());
        if (!parsed) {
            qWarning("built-in model catalog is invalid: %s", qPrintable(parsed.error().message));
            return Catalog{};
        }
        return std::move(parsed).value();
    }();
    return s_builtin;
}

Result<Catalog> Catalog::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return catalogError(Tr::tr("not a JSON object: %1 at offset %2")
                                .arg(parseError.errorString())
                                .arg(parseError.offset));
    }
    const QJsonObject root = doc.object();
    if (!root.value(QLatin1String("models")).isArray()) {
        return catalogError(Tr::tr("\"models\" must be an array"));
    }
    Catalog catalog;
    const QJsonObject sources = root.value(QLatin1String("sources")).toObject();
    for (auto it = sources.constBegin(); it != sources.constEnd(); ++it) {
        catalog.m_sourceNames.insert(it.key(), it->toString());
    }
    QSet<QString> seen;
    const QJsonArray models = root.value(QLatin1String("models")).toArray();
    for (qsizetype i = 0; i < models.size(); ++i) {
        const QString path = QStringLiteral("models[%1]").arg(i);
        if (!models.at(i).isObject()) {
            return catalogError(Tr::tr("%1: must be an object").arg(path));
        }
        CatalogEntry entry;
        QString error;
        if (!readEntry(models.at(i).toObject(), path, entry, error)) {
            return catalogError(error);
        }
        if (seen.contains(entry.model.id)) {
            return catalogError(Tr::tr("%1: duplicate id \"%2\"").arg(path, entry.model.id));
        }
        seen.insert(entry.model.id);
        catalog.m_entries.append(entry);
    }
    return catalog;
}

const CatalogEntry *Catalog::find(const QString &id) const
{
    for (const CatalogEntry &entry : m_entries) {
        if (entry.model.id == id) {
            return &entry;
        }
    }
    return nullptr;
}

QList<Config::ModelSettings> Catalog::models() const
{
    QList<Config::ModelSettings> out;
    out.reserve(m_entries.size());
    for (const CatalogEntry &entry : m_entries) {
        out.append(entry.model);
    }
    return out;
}

QStringList EvalImport::applyTo(QList<Config::ModelSettings> &models) const
{
    QSet<QString> matched;
    for (Config::ModelSettings &model : models) {
        const auto it = scores.constFind(model.id);
        if (it == scores.constEnd()) {
            continue;
        }
        matched.insert(model.id);
        for (auto m = it->constBegin(); m != it->constEnd(); ++m) {
            model.scores.insert(m.key(), m.value());
        }
    }
    QStringList unknown;
    for (auto it = scores.constBegin(); it != scores.constEnd(); ++it) {
        if (!matched.contains(it.key())) {
            unknown.append(it.key());
        }
    }
    return unknown; // QMap iteration order: already sorted
}

} // namespace Switchyard::Routing
