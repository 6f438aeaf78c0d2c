// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/logs/logfilterproxymodel.h"

#include "ui/logs/logtablemodel.h"

#include <QHash>

namespace Switchyard::Ui {

namespace {

bool has(const QString &haystack, const QString &needle)
{
    return haystack.contains(needle, Qt::CaseInsensitive);
}

/// `pattern` is digits with 'x' as a wildcard ("5xx", "42x", "429"); anything else is a
/// substring of the status code.
bool statusMatches(int status, const QString &pattern)
{
    const QString code = QString::number(status);
    bool isPattern = pattern.size() == 3;
    for (const QChar c : pattern) {
        isPattern = isPattern && (c.isDigit() || c == QLatin1Char('x'));
    }
    if (!isPattern) {
        return code.contains(pattern);
    }
    if (code.size() != 3) {
        return false;
    }
    for (int i = 0; i < 3; ++i) {
        if (pattern.at(i) != QLatin1Char('x') && pattern.at(i) != code.at(i)) {
            return false;
        }
    }
    return true;
}

/// `guard:<value>`: an action ("redact", "redacted", "block", "log"), "flag"/"flagged" for an
/// injection flag, "any" for anything found; otherwise a substring of the Guards cell.
bool guardMatches(const LogRecord &r, const QString &value)
{
    const EgressRecord &e = r.egress;
    if (value == QLatin1String("any")) {
        return !e.dlpClasses.isEmpty() || !e.dlpAction.isEmpty() || e.injectionFlagged;
    }
    if (value.startsWith(QLatin1String("flag"))) {
        return e.injectionFlagged;
    }
    for (const char *action : {"redact", "block", "log"}) {
        if (value.startsWith(QLatin1String(action))) {
            return e.dlpAction == QLatin1String(action);
        }
    }
    return has(LogTableModel::guardsText(r), value);
}

bool dlpMatches(const LogRecord &r, const QString &value)
{
    for (const QString &dataClass : r.egress.dlpClasses) {
        if (has(dataClass, value)) {
            return true;
        }
    }
    return false;
}

} // namespace

LogFilterProxyModel::LogFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(LogTableModel::SortRole);
    setDynamicSortFilter(true);
}

void LogFilterProxyModel::setFilterText(const QString &text)
{
    if (text == m_filterText) {
        return;
    }
    m_filterText = text;
    m_tokens = parse(text);
    invalidateFilter();
}

LogFilterProxyModel::TokenList LogFilterProxyModel::parse(const QString &text)
{
    static const QHash<QString, Field> keys = {
        {QStringLiteral("status"), Field::Status},
        {QStringLiteral("provider"), Field::Provider},
        {QStringLiteral("customer"), Field::Customer},
        {QStringLiteral("project"), Field::Project},
        {QStringLiteral("app"), Field::App},
        {QStringLiteral("model"), Field::Model},
        {QStringLiteral("surface"), Field::Surface},
        {QStringLiteral("route"), Field::Route},
        {QStringLiteral("guard"), Field::Guard},
        {QStringLiteral("guards"), Field::Guard},
        {QStringLiteral("dlp"), Field::Dlp},
    };
    TokenList tokens;
    const QStringList words = text.toLower().simplified().split(QLatin1Char(' '),
                                                                Qt::SkipEmptyParts);
    for (const QString &word : words) {
        const QString trimmed = word.trimmed();
        if (trimmed.isEmpty()) {
            continue;
        }
        if (trimmed == QLatin1String("error") || trimmed == QLatin1String("errors")) {
            tokens.append({Field::ErrorsOnly, {}});
            continue;
        }
        const qsizetype colon = trimmed.indexOf(QLatin1Char(':'));
        const auto key = colon > 0 ? keys.constFind(trimmed.left(colon)) : keys.constEnd();
        if (key != keys.constEnd()) {
            const QString value = trimmed.mid(colon + 1);
            if (!value.isEmpty()) { // "status:" while typing narrows nothing yet
                tokens.append({key.value(), value});
            }
            continue;
        }
        tokens.append({Field::Any, trimmed});
    }
    return tokens;
}

bool LogFilterProxyModel::matchesToken(const LogRecord &r, const Token &token)
{
    const QString &v = token.value;
    switch (token.field) {
    case Field::ErrorsOnly: return LogTableModel::isError(r);
    case Field::Status: return statusMatches(r.status, v);
    case Field::Provider: return has(r.provider, v) || has(r.providerKind, v);
    case Field::Customer: return has(r.customer, v);
    case Field::Project: return has(r.project, v);
    case Field::App: return has(r.app, v);
    case Field::Model:
        return has(r.requestedModel, v) || has(r.model, v) || has(r.upstreamModel, v);
    case Field::Surface: return has(r.surface, v);
    case Field::Route: return has(r.route, v);
    case Field::Guard: return guardMatches(r, v);
    case Field::Dlp: return dlpMatches(r, v);
    case Field::Any:
        return has(r.requestedModel, v) || has(r.model, v) || has(r.upstreamModel, v)
               || has(r.provider, v) || has(r.providerKind, v) || has(r.customer, v)
               || has(r.project, v) || has(r.app, v) || has(r.surface, v) || has(r.route, v)
               || QString::number(r.status).contains(v) || has(r.errorType, v)
               || has(r.errorMessage, v);
    }
    return false;
}

bool LogFilterProxyModel::matchesAll(const LogRecord &record, const TokenList &tokens)
{
    for (const Token &token : tokens) {
        if (!matchesToken(record, token)) {
            return false;
        }
    }
    return true;
}

bool LogFilterProxyModel::matches(const LogRecord &record, const QString &text)
{
    return matchesAll(record, parse(text));
}

bool LogFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_tokens.isEmpty()) {
        return true;
    }
    // Read the record in place when the source is ours; copying it through a QVariant for
    // every row on every keystroke is what makes 10 000-row filters stutter.
    if (const auto *logModel = qobject_cast<const LogTableModel *>(sourceModel())) {
        return matchesAll(logModel->record(sourceRow), m_tokens);
    }
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return matchesAll(index.data(LogTableModel::RecordRole).value<LogRecord>(), m_tokens);
}

} // namespace Switchyard::Ui
