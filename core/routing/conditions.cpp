// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/routing/conditions.h"

#include "core/common/tr.h"
#include "core/config/conditionsyntax.h"

#include <QJsonObject>

#include <algorithm>
#include <optional>

namespace Switchyard::Routing {

namespace {

using Config::ConditionField;
using Config::ConditionKind;
using Config::ConditionOp;
using Config::ConditionSyntax;
using Node = Config::ConditionNode;

QString index(const QString &path, qsizetype i)
{
    return path + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
}

Error invalid(const QString &path, const QString &problem)
{
    return Error{QStringLiteral("condition_invalid"), path + QStringLiteral(": ") + problem};
}

QString number(double value)
{
    return QString::number(value, 'g', 15);
}

// --- describe ---------------------------------------------------------------------------

QString describeLeaf(const Node &node)
{
    const QString field = ConditionSyntax::fieldName(node.field);
    const QString op = ConditionSyntax::operatorName(node.op);
    const bool list = node.op == ConditionOp::In || node.op == ConditionOp::Nin;
    QString operand;
    if (node.kind == ConditionKind::Flag) {
        operand = node.flag ? QStringLiteral("true") : QStringLiteral("false");
    } else if (node.kind == ConditionKind::Number) {
        QStringList shown;
        for (double n : node.numbers)
            shown.append(number(n));
        operand = list ? QStringLiteral("[%1]").arg(shown.join(QStringLiteral(", "))) : shown.value(0);
    } else {
        operand = list ? QStringLiteral("[%1]").arg(node.strings.join(QStringLiteral(", "))) : node.strings.value(0);
    }
    return QStringLiteral("%1 %2 %3").arg(field, op, operand);
}

QString describeNode(const Node &node)
{
    switch (node.op) {
    case ConditionOp::Always: return Tr::tr("always");
    case ConditionOp::AllFields: {
        QStringList texts;
        for (const Node &part : node.children)
            texts.append(describeNode(part));
        return texts.join(QStringLiteral(" and "));
    }
    case ConditionOp::And:
    case ConditionOp::Or: {
        QStringList texts;
        for (const Node &sub : node.children)
            texts.append(sub.children.size() > 1 ? QStringLiteral("(%1)").arg(describeNode(sub)) : describeNode(sub));
        const bool isOr = node.op == ConditionOp::Or;
        const QString text = texts.join(isOr ? QStringLiteral(" or ") : QStringLiteral(" and "));
        return isOr && node.children.size() > 1 ? QStringLiteral("(%1)").arg(text) : text;
    }
    default: return describeLeaf(node);
    }
}

// --- matches ----------------------------------------------------------------------------

bool matchText(const Node &node, ConditionOp op, const QString &value)
{
    switch (op) {
    case ConditionOp::Eq: return value == node.strings.value(0);
    case ConditionOp::Ne: return value != node.strings.value(0);
    case ConditionOp::In: return node.strings.contains(value);
    case ConditionOp::Nin: return !node.strings.contains(value);
    case ConditionOp::Regex: return node.regex.match(value).hasMatch();
    default: return false;
    }
}

/// Tags: $eq/$in/$regex hold when any tag matches, $ne/$nin when no tag matches the positive form.
bool matchTags(const Node &node, const QStringList &tags)
{
    const bool negative = node.op == ConditionOp::Ne || node.op == ConditionOp::Nin;
    const ConditionOp probe = node.op == ConditionOp::Ne ? ConditionOp::Eq
        : node.op == ConditionOp::Nin                    ? ConditionOp::In
                                                         : node.op;
    const bool any = std::any_of(tags.begin(), tags.end(),
                                 [&node, probe](const QString &tag) { return matchText(node, probe, tag); });
    return negative ? !any : any;
}

bool matchNumber(const Node &node, double value)
{
    switch (node.op) {
    case ConditionOp::Eq: return value == node.numbers.value(0);
    case ConditionOp::Ne: return value != node.numbers.value(0);
    case ConditionOp::Gt: return value > node.numbers.value(0);
    case ConditionOp::Lt: return value < node.numbers.value(0);
    case ConditionOp::In: return node.numbers.contains(value);
    case ConditionOp::Nin: return !node.numbers.contains(value);
    default: return false;
    }
}

QString textOf(ConditionField field, const RequestTraits &t)
{
    switch (field) {
    case ConditionField::Customer: return t.customer;
    case ConditionField::Project: return t.project;
    case ConditionField::Feature: return t.feature;
    case ConditionField::App: return t.app;
    default: return {};
    }
}

bool evaluate(const Node &node, const RequestTraits &t)
{
    switch (node.op) {
    case ConditionOp::Always: return true;
    case ConditionOp::And:
    case ConditionOp::AllFields:
        return std::all_of(node.children.begin(), node.children.end(), [&t](const Node &n) { return evaluate(n, t); });
    case ConditionOp::Or:
        return std::any_of(node.children.begin(), node.children.end(), [&t](const Node &n) { return evaluate(n, t); });
    default: break;
    }
    switch (node.kind) {
    case ConditionKind::Text: return matchText(node, node.op, textOf(node.field, t));
    case ConditionKind::Number: return matchNumber(node, double(t.promptTokens));
    case ConditionKind::Flag: {
        const bool value = node.field == ConditionField::HasTools ? t.hasTools : t.hasImages;
        return node.op == ConditionOp::Eq ? value == node.flag : value != node.flag;
    }
    case ConditionKind::List: return matchTags(node, t.tags);
    }
    return false;
}

} // namespace

Condition::Condition()
    : m_root(std::make_shared<const Node>())
    , m_text(Tr::tr("always"))
{
}

Result<Condition> Condition::compile(const QJsonValue &when, const QString &path)
{
    Node root;
    if (const std::optional<Config::ConditionProblem> problem = ConditionSyntax::parse(when, path, root))
        return invalid(problem->path, problem->problem);
    Condition condition;
    condition.m_text = describeNode(root);
    condition.m_root = std::make_shared<const Node>(std::move(root));
    return condition;
}

bool Condition::matches(const RequestTraits &traits) const
{
    return evaluate(*m_root, traits);
}

QString Condition::describe() const
{
    return m_text;
}

QStringList Condition::fieldNames()
{
    return ConditionSyntax::fieldNames();
}

QStringList Condition::operatorNames()
{
    return ConditionSyntax::operatorNames();
}

Result<QList<ConditionalRule>> compileRules(const QJsonArray &conditions, const QString &path)
{
    QList<ConditionalRule> rules;
    for (qsizetype i = 0; i < conditions.size(); ++i) {
        const QString rulePath = index(path, i);
        const QJsonObject rule = conditions.at(i).toObject();
        const QJsonValue then = rule.value(QLatin1String("then"));
        if (!then.isString() || then.toString().isEmpty())
            return invalid(rulePath + QStringLiteral(".then"), Tr::tr("expected a model or route name"));
        Result<Condition> when = Condition::compile(rule.value(QLatin1String("when")), rulePath + QStringLiteral(".when"));
        if (!when.ok())
            return when.error();
        rules.append({std::move(when).value(), then.toString()});
    }
    return rules;
}

} // namespace Switchyard::Routing
