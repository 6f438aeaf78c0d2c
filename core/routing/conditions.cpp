// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/routing/conditions.h"

#include "core/common/tr.h"

#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <optional>
#include <vector>

namespace Switchyard::Routing {

namespace {

enum class Field { Customer, Project, Feature, Tags, App, HasTools, HasImages, PromptTokens };
enum class Kind { Text, List, Flag, Number };
enum class Op { Always, Eq, Ne, In, Nin, Gt, Lt, Regex, And, Or };

struct FieldInfo
{
    const char *name;
    Field field;
    Kind kind;
};

constexpr FieldInfo s_fields[] = {
    {"customer", Field::Customer, Kind::Text},   {"project", Field::Project, Kind::Text},
    {"feature", Field::Feature, Kind::Text},     {"tags", Field::Tags, Kind::List},
    {"app", Field::App, Kind::Text},             {"has_tools", Field::HasTools, Kind::Flag},
    {"has_images", Field::HasImages, Kind::Flag}, {"prompt_tokens", Field::PromptTokens, Kind::Number},
};

struct OpInfo
{
    const char *name;
    Op op;
};

constexpr OpInfo s_ops[] = {{"$eq", Op::Eq}, {"$ne", Op::Ne},   {"$in", Op::In},
                            {"$nin", Op::Nin}, {"$gt", Op::Gt}, {"$lt", Op::Lt},
                            {"$regex", Op::Regex}, {"$and", Op::And}, {"$or", Op::Or}};

QString child(const QString &path, const QString &key)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_-]*$"));
    if (plain.match(key).hasMatch())
        return path + QLatin1Char('.') + key;
    return path + QStringLiteral("[\"") + key + QStringLiteral("\"]");
}

QString index(const QString &path, qsizetype i)
{
    return path + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
}

Error invalid(const QString &path, const QString &problem)
{
    return Error{QStringLiteral("condition_invalid"), path + QStringLiteral(": ") + problem};
}

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return Tr::tr("null");
    case QJsonValue::Bool: return Tr::tr("a boolean");
    case QJsonValue::Double: return Tr::tr("a number");
    case QJsonValue::String: return Tr::tr("a string");
    case QJsonValue::Array: return Tr::tr("an array");
    case QJsonValue::Object: return Tr::tr("an object");
    case QJsonValue::Undefined: break;
    }
    return Tr::tr("nothing");
}

QString number(double value)
{
    return QString::number(value, 'g', 15);
}

} // namespace

struct Condition::Node
{
    Op op = Op::Always;
    Field field = Field::Customer;
    Kind kind = Kind::Text;
    QStringList strings;
    QList<double> numbers;
    bool flag = false;
    QRegularExpression regex;
    std::vector<Node> children; ///< $and / $or
    QString text;               ///< for describe()
};

namespace {

using Node = Condition::Node;

std::optional<Error> compileObject(const QJsonValue &value, const QString &path, Node &out);

std::optional<Error> compileOperand(const FieldInfo &info, Op op, const QString &opName,
                                    const QJsonValue &operand, const QString &path, Node &out)
{
    out.op = op;
    out.field = info.field;
    out.kind = info.kind;
    const QString field = QLatin1String(info.name);
    const auto notFor = [&](const QString &allowed) {
        return invalid(path, Tr::tr("'%1' does not apply to '%2' (use %3)").arg(opName, field, allowed));
    };
    if (op == Op::And || op == Op::Or)
        return invalid(path, Tr::tr("'%1' combines whole conditions; write it next to the fields, not under '%2'")
                                 .arg(opName, field));
    const bool isList = op == Op::In || op == Op::Nin;
    if (info.kind == Kind::Flag) {
        if (op != Op::Eq && op != Op::Ne)
            return notFor(QStringLiteral("$eq or $ne"));
        if (!operand.isBool())
            return invalid(path, Tr::tr("expected true or false, got %1").arg(typeName(operand)));
        out.flag = operand.toBool();
        out.text = QStringLiteral("%1 %2 %3").arg(field, opName, out.flag ? QStringLiteral("true") : QStringLiteral("false"));
        return std::nullopt;
    }
    if (info.kind == Kind::Number) {
        if (op == Op::Regex)
            return notFor(QStringLiteral("$eq, $ne, $gt, $lt, $in or $nin"));
        const QJsonArray items = isList ? operand.toArray() : QJsonArray{operand};
        if (isList && !operand.isArray())
            return invalid(path, Tr::tr("expected an array of numbers, got %1").arg(typeName(operand)));
        QStringList shown;
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (!items.at(i).isDouble())
                return invalid(isList ? index(path, i) : path,
                               Tr::tr("expected a number, got %1").arg(typeName(items.at(i))));
            out.numbers.append(items.at(i).toDouble());
            shown.append(number(items.at(i).toDouble()));
        }
        out.text = QStringLiteral("%1 %2 %3").arg(field, opName,
                                                  isList ? QStringLiteral("[%1]").arg(shown.join(QStringLiteral(", "))) : shown.value(0));
        return std::nullopt;
    }
    if (op == Op::Gt || op == Op::Lt)
        return notFor(QStringLiteral("$eq, $ne, $in, $nin or $regex"));
    if (isList) {
        if (!operand.isArray())
            return invalid(path, Tr::tr("expected an array of strings, got %1").arg(typeName(operand)));
        const QJsonArray items = operand.toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (!items.at(i).isString())
                return invalid(index(path, i), Tr::tr("expected a string, got %1").arg(typeName(items.at(i))));
            out.strings.append(items.at(i).toString());
        }
        out.text = QStringLiteral("%1 %2 [%3]").arg(field, opName, out.strings.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    if (!operand.isString())
        return invalid(path, Tr::tr("expected a string, got %1").arg(typeName(operand)));
    out.strings = {operand.toString()};
    if (op == Op::Regex) {
        out.regex = QRegularExpression(operand.toString());
        if (!out.regex.isValid())
            return invalid(path, Tr::tr("invalid regular expression: %1 at offset %2")
                                     .arg(out.regex.errorString())
                                     .arg(out.regex.patternErrorOffset()));
        out.regex.optimize();
    }
    out.text = QStringLiteral("%1 %2 %3").arg(field, opName, operand.toString());
    return std::nullopt;
}

std::optional<Error> compileField(const FieldInfo &info, const QJsonValue &value, const QString &path,
                                  std::vector<Node> &out)
{
    if (!value.isObject()) {
        Node node;
        if (auto error = compileOperand(info, Op::Eq, QStringLiteral("$eq"), value, path, node))
            return error;
        out.push_back(std::move(node));
        return std::nullopt;
    }
    const QJsonObject ops = value.toObject();
    if (ops.isEmpty())
        return invalid(path, Tr::tr("name at least one operator (%1)").arg(Condition::operatorNames().join(QStringLiteral(", "))));
    for (auto it = ops.begin(); it != ops.end(); ++it) {
        const QString opPath = child(path, it.key());
        const OpInfo *found = nullptr;
        for (const OpInfo &op : s_ops) {
            if (it.key() == QLatin1String(op.name))
                found = &op;
        }
        if (!found)
            return invalid(opPath, Tr::tr("unknown operator '%1' (expected one of: %2)")
                                       .arg(it.key(), Condition::operatorNames().join(QStringLiteral(", "))));
        Node node;
        if (auto error = compileOperand(info, found->op, it.key(), it.value(), opPath, node))
            return error;
        out.push_back(std::move(node));
    }
    return std::nullopt;
}

std::optional<Error> compileObject(const QJsonValue &value, const QString &path, Node &out)
{
    if (!value.isObject())
        return invalid(path, Tr::tr("expected an object of conditions, got %1").arg(typeName(value)));
    const QJsonObject obj = value.toObject();
    std::vector<Node> parts;
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        const QString keyPath = child(path, it.key());
        if (it.key() == QLatin1String("$and") || it.key() == QLatin1String("$or")) {
            const QJsonArray items = it.value().toArray();
            if (!it.value().isArray() || items.isEmpty())
                return invalid(keyPath, Tr::tr("expected a non-empty array of conditions, got %1").arg(typeName(it.value())));
            Node group;
            group.op = it.key() == QLatin1String("$and") ? Op::And : Op::Or;
            QStringList texts;
            for (qsizetype i = 0; i < items.size(); ++i) {
                Node sub;
                if (auto error = compileObject(items.at(i), index(keyPath, i), sub))
                    return error;
                texts.append(sub.children.size() > 1 ? QStringLiteral("(%1)").arg(sub.text) : sub.text);
                group.children.push_back(std::move(sub));
            }
            group.text = texts.join(group.op == Op::And ? QStringLiteral(" and ") : QStringLiteral(" or "));
            if (group.op == Op::Or && items.size() > 1)
                group.text = QStringLiteral("(%1)").arg(group.text);
            parts.push_back(std::move(group));
            continue;
        }
        const FieldInfo *found = nullptr;
        for (const FieldInfo &field : s_fields) {
            if (it.key() == QLatin1String(field.name))
                found = &field;
        }
        if (!found) {
            const QString expected = it.key().startsWith(QLatin1Char('$'))
                ? Tr::tr("only $and and $or may stand next to fields")
                : Tr::tr("expected one of: %1").arg(Condition::fieldNames().join(QStringLiteral(", ")));
            return invalid(keyPath, Tr::tr("unknown field '%1' (%2)").arg(it.key(), expected));
        }
        if (auto error = compileField(*found, it.value(), keyPath, parts))
            return error;
    }
    out = Node{};
    if (parts.empty()) {
        out.text = Tr::tr("always");
        return std::nullopt;
    }
    if (parts.size() == 1) {
        out = std::move(parts.front());
        return std::nullopt;
    }
    out.op = Op::And;
    QStringList texts;
    for (const Node &part : parts)
        texts.append(part.text);
    out.text = texts.join(QStringLiteral(" and "));
    out.children = std::move(parts);
    return std::nullopt;
}

bool matchText(const Node &node, Op op, const QString &value)
{
    switch (op) {
    case Op::Eq: return value == node.strings.value(0);
    case Op::Ne: return value != node.strings.value(0);
    case Op::In: return node.strings.contains(value);
    case Op::Nin: return !node.strings.contains(value);
    case Op::Regex: return node.regex.match(value).hasMatch();
    default: return false;
    }
}

/// Tags: $eq/$in/$regex hold when any tag matches, $ne/$nin when no tag matches the positive form.
bool matchTags(const Node &node, const QStringList &tags)
{
    const bool negative = node.op == Op::Ne || node.op == Op::Nin;
    const Op probe = node.op == Op::Ne ? Op::Eq : node.op == Op::Nin ? Op::In : node.op;
    const bool any = std::any_of(tags.begin(), tags.end(),
                                 [&node, probe](const QString &tag) { return matchText(node, probe, tag); });
    return negative ? !any : any;
}

bool matchNumber(const Node &node, double value)
{
    switch (node.op) {
    case Op::Eq: return value == node.numbers.value(0);
    case Op::Ne: return value != node.numbers.value(0);
    case Op::Gt: return value > node.numbers.value(0);
    case Op::Lt: return value < node.numbers.value(0);
    case Op::In: return node.numbers.contains(value);
    case Op::Nin: return !node.numbers.contains(value);
    default: return false;
    }
}

QString textOf(Field field, const RequestTraits &t)
{
    switch (field) {
    case Field::Customer: return t.customer;
    case Field::Project: return t.project;
    case Field::Feature: return t.feature;
    case Field::App: return t.app;
    default: return {};
    }
}

bool evaluate(const Node &node, const RequestTraits &t)
{
    switch (node.op) {
    case Op::Always: return true;
    case Op::And:
        return std::all_of(node.children.begin(), node.children.end(), [&t](const Node &n) { return evaluate(n, t); });
    case Op::Or:
        return std::any_of(node.children.begin(), node.children.end(), [&t](const Node &n) { return evaluate(n, t); });
    default: break;
    }
    switch (node.kind) {
    case Kind::Text: return matchText(node, node.op, textOf(node.field, t));
    case Kind::Number: return matchNumber(node, double(t.promptTokens));
    case Kind::Flag: {
        const bool value = node.field == Field::HasTools ? t.hasTools : t.hasImages;
        return node.op == Op::Eq ? value == node.flag : value != node.flag;
    }
    case Kind::List: return matchTags(node, t.tags);
    }
    return false;
}

} // namespace

Condition::Condition()
    : m_root(std::make_shared<const Node>(Node{Op::Always, Field::Customer, Kind::Text, {}, {}, false, {}, {}, Tr::tr("always")}))
{
}

Result<Condition> Condition::compile(const QJsonValue &when, const QString &path)
{
    Node root;
    if (std::optional<Error> error = compileObject(when, path, root))
        return *error;
    Condition condition;
    condition.m_root = std::make_shared<const Node>(std::move(root));
    return condition;
}

bool Condition::matches(const RequestTraits &traits) const
{
    return evaluate(*m_root, traits);
}

QString Condition::describe() const
{
    return m_root->text;
}

QStringList Condition::fieldNames()
{
    QStringList names;
    for (const FieldInfo &field : s_fields)
        names.append(QLatin1String(field.name));
    return names;
}

QStringList Condition::operatorNames()
{
    QStringList names;
    for (const OpInfo &op : s_ops)
        names.append(QLatin1String(op.name));
    return names;
}

Result<QList<ConditionalRule>> compileRules(const QJsonArray &conditions, const QString &path)
{
    QList<ConditionalRule> rules;
    for (qsizetype i = 0; i < conditions.size(); ++i) {
        const QString rulePath = index(path, i);
        const QJsonObject rule = conditions.at(i).toObject();
        const QJsonValue then = rule.value(QLatin1String("then"));
        if (!then.isString() || then.toString().isEmpty())
            return invalid(child(rulePath, QStringLiteral("then")), Tr::tr("expected a model or route name"));
        Result<Condition> when = Condition::compile(rule.value(QLatin1String("when")), child(rulePath, QStringLiteral("when")));
        if (!when.ok())
            return when.error();
        rules.append({std::move(when).value(), then.toString()});
    }
    return rules;
}

} // namespace Switchyard::Routing
