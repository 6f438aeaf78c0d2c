// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/result.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace Switchyard::Config {
struct ConditionNode;
} // namespace Switchyard::Config

namespace Switchyard::Routing {

/// What conditions match on: attribution metadata and request parameters (DESIGN §4).
struct RequestTraits
{
    QString customer;
    QString project;
    QString feature;
    QStringList tags;
    QString app;
    bool hasTools = false;
    bool hasImages = false;
    qint64 promptTokens = 0;
};

/// A compiled `when` object of a conditional route (and, later, of a policy rule).
///
/// The grammar (fields, operators, errors) is Config::ConditionSyntax's; this class evaluates
/// the parsed tree against a request's traits and describes it for decision records.
/// Tags: $eq/$in/$regex match when any tag matches, $ne/$nin when none does. $regex searches
/// (unanchored), compiled once at compile(). `{}` matches every request.
/// Immutable after compile(); matches() is const and safe to call from any thread.
class Condition final
{
public:
    /// An empty condition: matches everything.
    Condition();

    /// Compiles `when`. Errors have code "condition_invalid" and a message
    /// "<path>: <problem>", `path` being where `when` sits, e.g. "$.routes[2].conditions[0].when".
    static Result<Condition> compile(const QJsonValue &when, const QString &path);

    bool matches(const RequestTraits &traits) const;
    /// For decision records: "customer $eq acme", "tags $in [a, b] and prompt_tokens $gt 1000".
    QString describe() const;

    /// Field and operator names the syntax knows (forwards to Config::ConditionSyntax).
    static QStringList fieldNames();
    static QStringList operatorNames();

    using Node = Config::ConditionNode;

private:
    std::shared_ptr<const Node> m_root;
    QString m_text; ///< describe(), built once
};

/// One entry of a conditional route's `conditions`.
struct ConditionalRule
{
    Condition when;
    QString then; ///< a model or route name
};

/// Compiles a conditional route's `conditions` array; `path` is where the array sits.
Result<QList<ConditionalRule>> compileRules(const QJsonArray &conditions, const QString &path);

} // namespace Switchyard::Routing
