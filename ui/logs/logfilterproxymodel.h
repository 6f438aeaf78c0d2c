// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/logrecord.h"

#include <QList>
#include <QSortFilterProxyModel>
#include <QString>

namespace Switchyard::Ui {

/// Filters and sorts the live log. The filter text is split on white space; every token must
/// match (AND). A bare word matches, case-insensitively, any of model, provider, customer,
/// project, app, surface, route, status and error. Keyed tokens narrow to one field:
/// `status:5xx` / `status:429` / `status:42x`, `provider:sim`, `customer:acme`, `project:`,
/// `app:`, `model:`, `surface:`, `route:`; the bare token `error` keeps only failed requests.
/// Guards: `guard:redacted` / `guard:blocked` / `guard:logged` / `guard:flagged` (injection) /
/// `guard:any` (anything found); `dlp:email` keeps requests where that data class was found.
/// GUI thread only; works on any source model that provides LogTableModel::RecordRole.
class LogFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogFilterProxyModel)
public:
    explicit LogFilterProxyModel(QObject *parent = nullptr);

    QString filterText() const { return m_filterText; }
    void setFilterText(const QString &text);

    /// True when `record` passes the filter `text` (the rule filterAcceptsRow applies).
    static bool matches(const LogRecord &record, const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    enum class Field {
        Any,
        Status,
        Provider,
        Customer,
        Project,
        App,
        Model,
        Surface,
        Route,
        Guard,
        Dlp,
        ErrorsOnly
    };
    struct Token
    {
        Field field = Field::Any;
        QString value; ///< lower-case
    };
    using TokenList = QList<Token>;

    static TokenList parse(const QString &text);
    static bool matchesToken(const LogRecord &record, const Token &token);
    static bool matchesAll(const LogRecord &record, const TokenList &tokens);

    QString m_filterText;
    TokenList m_tokens;
};

} // namespace Switchyard::Ui
