// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "app/clicommands.h"

#include "core/appoptions.h"

#include "core/keys/virtualkey.h"
#include "core/reports/report.h"
#include "core/store/keystore.h"
#include "core/store/requestreader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QSaveFile>

#include <cstdio>
#include <optional>

namespace Switchyard::App {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

void printOut(const QString &line)
{
    std::printf("%s\n", qUtf8Printable(line));
}

void printErr(const QString &line)
{
    std::fprintf(stderr, "%s\n", qUtf8Printable(line));
}

std::optional<qint64> nonNegative(const QCommandLineParser &parser, const QString &name)
{
    if (!parser.isSet(name))
        return 0;
    bool ok = false;
    const qint64 value = parser.value(name).toLongLong(&ok);
    if (!ok || value < 0)
        return std::nullopt;
    return value;
}

QString dash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

QString when(const QDateTime &utc)
{
    return utc.isValid() ? utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("-");
}

int issueKey(const QCommandLineParser &parser, Store::KeyStore &store)
{
    const QString name = parser.value(QStringLiteral("name")).trimmed();
    if (name.isEmpty()) {
        printErr(tr("keys issue: --name is required"));
        return 2;
    }
    const auto rpm = nonNegative(parser, QStringLiteral("rpm"));
    const auto tpm = nonNegative(parser, QStringLiteral("tpm"));
    bool budgetOk = true;
    const double budget = parser.isSet(QStringLiteral("budget")) ? parser.value(QStringLiteral("budget")).toDouble(&budgetOk) : 0;
    if (!rpm || !tpm || !budgetOk || budget < 0) {
        printErr(tr("keys issue: --rpm, --tpm and --budget take a number of 0 or more"));
        return 2;
    }
    Keys::VirtualKey settings;
    settings.name = name;
    settings.customer = parser.value(QStringLiteral("customer"));
    settings.project = parser.value(QStringLiteral("project"));
    for (const QString &model : parser.value(QStringLiteral("models")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        settings.allowedModels.append(model.trimmed());
    settings.limits = {*rpm, *tpm};
    settings.monthlyBudgetUsd = budget;
    const Keys::IssuedKey issued = Keys::issueKey(settings, QDateTime::currentDateTimeUtc());
    const auto inserted = store.insert(issued.key);
    if (!inserted.ok()) {
        printErr(tr("keys issue: %1").arg(inserted.error().message));
        return 2;
    }
    printOut(QStringLiteral("%1  %2").arg(issued.key.id, issued.secret));
    printOut(tr("Store this secret now: it will not be shown again."));
    return 0;
}

int listKeys(Store::KeyStore &store)
{
    const auto keys = store.list();
    if (!keys.ok()) {
        printErr(tr("keys list: %1").arg(keys.error().message));
        return 2;
    }
    QList<QStringList> rows{{tr("ID"), tr("NAME"), tr("HINT"), tr("CUSTOMER"), tr("PROJECT"), tr("MODELS"), tr("RPM"),
                             tr("TPM"), tr("BUDGET"), tr("CREATED"), tr("REVOKED")}};
    for (const Keys::VirtualKey &key : keys.value()) {
        rows.append({key.id, key.name, key.hint, dash(key.customer), dash(key.project),
                     key.allowedModels.isEmpty() ? tr("any") : key.allowedModels.join(QLatin1Char(',')),
                     key.limits.requestsPerMinute ? QString::number(key.limits.requestsPerMinute) : QStringLiteral("-"),
                     key.limits.tokensPerMinute ? QString::number(key.limits.tokensPerMinute) : QStringLiteral("-"),
                     key.monthlyBudgetUsd > 0 ? QStringLiteral("$%1").arg(key.monthlyBudgetUsd, 0, 'f', 2) : QStringLiteral("-"),
                     when(key.createdAt), when(key.revokedAt)});
    }
    QList<qsizetype> widths(rows.first().size(), 0);
    for (const QStringList &row : rows)
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = qMax(widths[i], row.at(i).size());
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row.at(i).leftJustified(widths[i] + 2) : row.at(i);
        printOut(line);
    }
    return 0;
}

int revokeKey(const QString &id, Store::KeyStore &store)
{
    if (id.isEmpty()) {
        printErr(tr("keys revoke: give the key id, e.g. keys revoke key_1a2b3c4d"));
        return 2;
    }
    const auto revoked = store.revoke(id, QDateTime::currentDateTimeUtc());
    if (!revoked.ok()) {
        if (revoked.error().code == QLatin1String("keys.unknown")) {
            printErr(tr("keys revoke: no key with id '%1'").arg(id));
            return 1;
        }
        printErr(tr("keys revoke: %1").arg(revoked.error().message));
        return 2;
    }
    printOut(tr("revoked %1").arg(id));
    return 0;
}

/// YYYY-MM-DD (local midnight; `endOfDay` moves it to the next midnight) or ISO date-time.
std::optional<QDateTime> parseBound(const QString &text, bool endOfDay)
{
    static const QRegularExpression s_dateOnly(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (s_dateOnly.match(text).hasMatch()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (!date.isValid())
            return std::nullopt;
        return QDateTime(endOfDay ? date.addDays(1) : date, QTime(0, 0), Qt::LocalTime).toUTC();
    }
    const QDateTime moment = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!moment.isValid())
        return std::nullopt;
    return moment.toUTC();
}

} // namespace

void addCommandOptions(QCommandLineParser &parser, const QString &command)
{
    if (command == QLatin1String("keys")) {
        parser.addOption({QStringLiteral("name"), tr("keys issue: what to call the key."), tr("name")});
        parser.addOption({QStringLiteral("customer"), tr("keys issue: customer the key's requests are billed to."), tr("customer")});
        parser.addOption({QStringLiteral("project"), tr("keys issue: project the key's requests belong to."), tr("project")});
        parser.addOption({QStringLiteral("models"), tr("keys issue: comma-separated models it may use (default: any)."), tr("list")});
        parser.addOption({QStringLiteral("rpm"), tr("keys issue: requests per minute (0: no limit)."), tr("n")});
        parser.addOption({QStringLiteral("tpm"), tr("keys issue: tokens per minute (0: no limit)."), tr("n")});
        parser.addOption({QStringLiteral("budget"), tr("keys issue: monthly budget in USD (0: none)."), tr("usd")});
    } else if (command == QLatin1String("report")) {
        parser.addOption({QStringLiteral("from"), tr("report: first day (YYYY-MM-DD, local) or ISO date-time."), tr("date")});
        parser.addOption({QStringLiteral("to"), tr("report: last day, inclusive (YYYY-MM-DD) or exclusive ISO date-time."), tr("date")});
        parser.addOption({QStringLiteral("group-by"), tr("report: comma-separated columns, e.g. customer,model."), tr("columns")});
        parser.addOption({QStringLiteral("out"), tr("report: write the CSV to <file> instead of stdout."), tr("file")});
    }
}

int runKeysCommand(const QCommandLineParser &parser, const CoreOptions &options)
{
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(1);
    if (action != QLatin1String("issue") && action != QLatin1String("list") && action != QLatin1String("revoke")) {
        printErr(tr("keys: use 'keys issue --name NAME', 'keys list' or 'keys revoke ID'"));
        return 2;
    }
    const QString dbPath = databasePathFor(options);
    if (!QDir().mkpath(QFileInfo(dbPath).absolutePath())) {
        printErr(tr("keys: cannot create the data directory for %1").arg(dbPath));
        return 2;
    }
    Store::KeyStore store;
    const auto opened = store.open(dbPath);
    if (!opened.ok()) {
        printErr(tr("keys: cannot open %1: %2").arg(dbPath, opened.error().message));
        return 2;
    }
    if (action == QLatin1String("issue"))
        return issueKey(parser, store);
    if (action == QLatin1String("list"))
        return listKeys(store);
    return revokeKey(args.value(2), store);
}

int runReportCommand(const QCommandLineParser &parser, const CoreOptions &options)
{
    Reports::ReportQuery query;
    for (const bool isTo : {false, true}) {
        const QString name = isTo ? QStringLiteral("to") : QStringLiteral("from");
        if (!parser.isSet(name))
            continue;
        const auto bound = parseBound(parser.value(name), isTo);
        if (!bound) {
            printErr(tr("report: bad --%1 '%2'; use YYYY-MM-DD or an ISO date-time").arg(name, parser.value(name)));
            return 2;
        }
        (isTo ? query.to : query.from) = *bound;
    }
    if (query.from.isValid() && query.to.isValid() && query.from >= query.to) {
        printErr(tr("report: --from must be before --to"));
        return 2;
    }
    const auto groupBy = Reports::parseGroupBy(parser.value(QStringLiteral("group-by")));
    if (!groupBy.ok()) {
        printErr(tr("report: bad --group-by: %1").arg(groupBy.error().message));
        return 2;
    }
    query.groupBy = groupBy.value();

    const QString dbPath = databasePathFor(options);
    if (!QFileInfo::exists(dbPath)) {
        printErr(tr("report: no request log at %1 (has the gateway run with this --data-dir?)").arg(dbPath));
        return 2;
    }
    Store::RequestReader reader;
    const auto opened = reader.open(dbPath);
    if (!opened.ok()) {
        printErr(tr("report: cannot read %1: %2").arg(dbPath, opened.error().message));
        return 2;
    }
    const auto table = Reports::runReport(reader, query);
    if (!table.ok()) {
        printErr(tr("report: %1").arg(table.error().message));
        return 2;
    }
    const QByteArray csv = Reports::toCsv(table.value());
    const QString outPath = parser.value(QStringLiteral("out"));
    if (outPath.isEmpty()) {
        std::fwrite(csv.constData(), 1, size_t(csv.size()), stdout);
        std::fflush(stdout);
    } else {
        QSaveFile file(outPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit()) {
            printErr(tr("report: cannot write %1: %2").arg(outPath, file.errorString()));
            return 2;
        }
    }
    const QLocale english(QLocale::English);
    printErr(tr("Wrote %1 rows (%2 requests, $%3) to %4")
                 .arg(table.value().rows.size())
                 .arg(english.toString(table.value().total.requests))
                 .arg(english.toString(table.value().total.costUsd, 'f', 2))
                 .arg(outPath.isEmpty() ? tr("stdout") : outPath));
    return 0;
}

} // namespace Switchyard::App
