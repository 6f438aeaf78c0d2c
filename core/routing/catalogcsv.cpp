// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
// Catalog::importEvalCsv: a small RFC 4180 reader plus the model,metric,value rules.
#include "core/common/tr.h"
#include "core/routing/catalog.h"

#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace Switchyard::Routing {

namespace {

constexpr int MaxReportedErrors = 10;

struct CsvRecord
{
    int line = 0; ///< 1-based line the record starts on
    QStringList fields;
};

/// Splits `text` into records. Quoted fields may hold commas, quotes ("") and newlines.
/// Returns false with `error` set on malformed quoting.
bool parseCsv(const QString &text, QList<CsvRecord> &records, QString &error)
{
    int line = 1;
    CsvRecord record{1, {}};
    QString field;
    bool inQuotes = false;
    bool wasQuoted = false;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == u'"') {
                if (i + 1 < n && text.at(i + 1) == u'"') {
                    field.append(u'"');
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == u'\n') {
                    ++line;
                }
                field.append(c);
            }
            continue;
        }
        if (c == u'"') {
            if (!field.trimmed().isEmpty() || wasQuoted) {
                error = Tr::tr("line %1: a quote may only start a field").arg(line);
                return false;
            }
            field.clear();
            inQuotes = true;
            wasQuoted = true;
        } else if (c == u',') {
            record.fields.append(field);
            field.clear();
            wasQuoted = false;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < n && text.at(i + 1) == u'\n') {
                ++i;
            }
            record.fields.append(field);
            records.append(record);
            field.clear();
            wasQuoted = false;
            ++line;
            record = CsvRecord{line, {}};
        } else if (wasQuoted && !c.isSpace()) {
            error = Tr::tr("line %1: unexpected text after a closing quote").arg(line);
            return false;
        } else if (!wasQuoted) {
            field.append(c);
        }
    }
    if (inQuotes) {
        error = Tr::tr("line %1: a quoted field is never closed").arg(record.line);
        return false;
    }
    if (!field.isEmpty() || !record.fields.isEmpty() || wasQuoted) {
        record.fields.append(field);
        records.append(record);
    }
    return true;
}

bool isBlank(const CsvRecord &record)
{
    return record.fields.size() == 1 && record.fields.first().trimmed().isEmpty();
}

} // namespace

Result<EvalImport> Catalog::importEvalCsv(const QByteArray &csv)
{
    const auto fail = [](const QStringList &problems) {
        return Error{QStringLiteral("csv_invalid"), problems.join(u'\n')};
    };
    QString text = QString::fromUtf8(csv);
    if (text.startsWith(QChar(0xFEFF))) {
        text.remove(0, 1);
    }
    QList<CsvRecord> records;
    QString parseError;
    if (!parseCsv(text, records, parseError)) {
        return fail({parseError});
    }
    records.removeIf(isBlank);
    if (records.isEmpty()) {
        return fail({Tr::tr("the file is empty; expected a header line \"model,metric,value\"")});
    }

    const CsvRecord header = records.takeFirst();
    QHash<QString, int> columns;
    for (qsizetype i = 0; i < header.fields.size(); ++i) {
        columns.insert(header.fields.at(i).trimmed().toLower(), int(i));
    }
    const int modelCol = columns.value(QStringLiteral("model"), -1);
    const int metricCol = columns.value(QStringLiteral("metric"), -1);
    const int valueCol = columns.value(QStringLiteral("value"), -1);
    if (modelCol < 0 || metricCol < 0 || valueCol < 0) {
        return fail({Tr::tr("line %1: the header must name the columns model, metric and value "
                            "(found: %2)")
                         .arg(header.line)
                         .arg(header.fields.join(QStringLiteral(", ")))});
    }
    const int needed = std::max({modelCol, metricCol, valueCol}) + 1;

    static const QRegularExpression metricName(QStringLiteral("^[A-Za-z0-9_.-]+$"));
    EvalImport out;
    QStringList problems;
    QHash<QString, int> firstLine; // "model\nmetric" → line
    QSet<QString> metrics;
    for (const CsvRecord &r : std::as_const(records)) {
        if (problems.size() >= MaxReportedErrors) {
            break;
        }
        if (r.fields.size() < needed) {
            problems.append(Tr::tr("line %1: expected %2 fields, found %3")
                                .arg(r.line)
                                .arg(needed)
                                .arg(r.fields.size()));
            continue;
        }
        const QString model = r.fields.at(modelCol).trimmed();
        const QString metric = r.fields.at(metricCol).trimmed();
        const QString valueText = r.fields.at(valueCol).trimmed();
        if (model.isEmpty()) {
            problems.append(Tr::tr("line %1: the model is empty").arg(r.line));
            continue;
        }
        if (!metricName.match(metric).hasMatch()) {
            problems.append(Tr::tr("line %1: metric \"%2\" must be letters, digits, '_', '.' "
                                   "or '-'")
                                .arg(r.line)
                                .arg(metric));
            continue;
        }
        if (isLiveMetric(metric)) {
            problems.append(Tr::tr("line %1: \"%2\" is a live metric and cannot be imported")
                                .arg(r.line)
                                .arg(metric));
            continue;
        }
        bool ok = false;
        const double value = QLocale::c().toDouble(valueText, &ok);
        if (!ok || !std::isfinite(value)) {
            problems.append(
                Tr::tr("line %1: value \"%2\" is not a number").arg(r.line).arg(valueText));
            continue;
        }
        const QString key = model + u'\n' + metric;
        if (firstLine.contains(key)) {
            problems.append(Tr::tr("line %1: duplicate value for model \"%2\", metric \"%3\" "
                                   "(first on line %4)")
                                .arg(r.line)
                                .arg(model, metric)
                                .arg(firstLine.value(key)));
            continue;
        }
        firstLine.insert(key, r.line);
        out.scores[model].insert(metric, value);
        metrics.insert(metric);
        ++out.rows;
    }
    if (problems.isEmpty() && out.rows == 0) {
        problems.append(Tr::tr("line %1: a header but no data rows").arg(header.line));
    }
    if (!problems.isEmpty()) {
        return fail(problems);
    }
    out.metrics = QStringList(metrics.cbegin(), metrics.cend());
    out.metrics.sort();
    return out;
}

} // namespace Switchyard::Routing
