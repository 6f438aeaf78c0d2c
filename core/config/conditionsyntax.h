// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QJsonValue>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace Switchyard::Config {

enum class ConditionField { Customer, Project, Feature, Tags, App, HasTools, HasImages, PromptTokens };
/// Text: a string; List: tags (any/none semantics); Flag: a boolean; Number: prompt_tokens.
enum class ConditionKind { Text, List, Flag, Number };
/// Always: `{}`. And/Or: `$and`/`$or` arrays. AllFields: several fields (or operators) of one
/// object, ANDed; it evaluates like And but is written without the keyword.
enum class ConditionOp { Always, Eq, Ne, In, Nin, Gt, Lt, Regex, And, Or, AllFields };

/// One node of a parsed `when` value. Leaves (Eq … Regex) carry field, kind and operand;
/// And/Or/AllFields carry children. Plain data: evaluating it is the router's job.
struct ConditionNode
{
    ConditionOp op = ConditionOp::Always;
    ConditionField field = ConditionField::Customer;
    ConditionKind kind = ConditionKind::Text;
    QStringList strings;   ///< string operands ($eq/$ne: one; $in/$nin: the list; $regex: the pattern)
    QList<double> numbers; ///< number operands of prompt_tokens
    bool flag = false;     ///< boolean operand of has_tools / has_images
    QRegularExpression regex; ///< $regex, compiled and optimized
    std::vector<ConditionNode> children;
};

/// The first problem in a `when` value: its JSON path and what is wrong there.
struct ConditionProblem
{
    QString path;
    QString problem;
};

/// The `when` grammar of conditional routes (and, later, of policy rules), owned by config so
/// the validator and the router share one parser.
///
/// Syntax: `{"<field>": <value>}` means `$eq`; `{"<field>": {"<op>": <operand>, ...}}` applies
/// every operator (AND); several fields in one object are ANDed; `{"$and": [when, ...]}` and
/// `{"$or": [when, ...]}` nest. Fields: customer, project, feature, app (strings), tags (a list),
/// has_tools, has_images (booleans: $eq/$ne), prompt_tokens (number: $eq $ne $gt $lt $in $nin).
/// `{}` parses to an Always node.
class ConditionSyntax final
{
public:
    /// Parses `when`, which sits at JSON `path` (e.g. "$.routes[2].conditions[0].when"), into
    /// `out`. Returns the first problem found, or nothing when `when` is valid.
    static std::optional<ConditionProblem> parse(const QJsonValue &when, const QString &path,
                                                 ConditionNode &out);

    /// Field and operator names the syntax knows, in declaration order.
    static QStringList fieldNames();
    static QStringList operatorNames();
    static QString fieldName(ConditionField field);
    /// "$eq" … "$or"; empty for Always and AllFields.
    static QString operatorName(ConditionOp op);
};

} // namespace Switchyard::Config
