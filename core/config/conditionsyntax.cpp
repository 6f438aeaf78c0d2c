// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/config/conditionsyntax.h"

#include "core/common/tr.h"
#include "core/config/configreader.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Switchyard::Config {

namespace {

using Reader = Internal::ConfigReader;
using Problem = std::optional<ConditionProblem>;

struct FieldInfo
{
    const char *name;
    ConditionField field;
    ConditionKind kind;
};

constexpr FieldInfo s_fields[] = {
    {"customer", ConditionField::Customer, ConditionKind::Text},
    {"project", ConditionField::Project, ConditionKind::Text},
    {"feature", ConditionField::Feature, ConditionKind::Text},
    {"tags", ConditionField::Tags, ConditionKind::List},
    {"app", ConditionField::App, ConditionKind::Text},
    {"has_tools", ConditionField::HasTools, ConditionKind::Flag},
    {"has_images", ConditionField::HasImages, ConditionKind::Flag},
    {"prompt_tokens", ConditionField::PromptTokens, ConditionKind::Number},
};

struct OpInfo
{
    const char *name;
    ConditionOp op;
};

constexpr OpInfo s_ops[] = {{"$eq", ConditionOp::Eq},       {"$ne", ConditionOp::Ne},
                            {"$in", ConditionOp::In},       {"$nin", ConditionOp::Nin},
                            {"$gt", ConditionOp::Gt},       {"$lt", ConditionOp::Lt},
                            {"$regex", ConditionOp::Regex}, {"$and", ConditionOp::And},
                            {"$or", ConditionOp::Or}};

Problem fail(const QString &path, const QString &problem)
{
    return ConditionProblem{path, problem};
}

Problem expect(const QJsonValue &v, const QString &path, bool ok, const QString &what)
{
    if (ok) {
        return std::nullopt;
    }
    return fail(path, Tr::tr("expected %1, got %2").arg(what, Reader::typeName(v)));
}

/// An unknown name, with the closest known one when it looks like a typo.
Problem unknownName(const QString &path, const QString &what, const QString &name,
                    const QStringList &known)
{
    const QString near = Reader::suggest(name, known);
    if (!near.isEmpty()) {
        return fail(path, Tr::tr("unknown %1 '%2' (did you mean '%3'?)").arg(what, name, near));
    }
    return fail(path, Tr::tr("unknown %1 '%2'").arg(what, name));
}

Problem parseOperand(const FieldInfo &info, const QString &opName, const QJsonValue &operand,
                     const QString &path, ConditionNode &out)
{
    const QString field = QLatin1String(info.name);
    const OpInfo *found = nullptr;
    for (const OpInfo &op : s_ops) {
        if (opName == QLatin1String(op.name)) {
            found = &op;
        }
    }
    if (!found) {
        const QStringList ops = ConditionSyntax::operatorNames();
        const QString near = Reader::suggest(opName, ops);
        return fail(path, near.isEmpty() ? Tr::tr("unknown operator '%1' (expected one of: %2)")
                                               .arg(opName, ops.join(QStringLiteral(", ")))
                                         : Tr::tr("unknown operator '%1' (did you mean '%2'?)")
                                               .arg(opName, near));
    }
    const ConditionOp op = found->op;
    if (op == ConditionOp::And || op == ConditionOp::Or) {
        return fail(path, Tr::tr("'%1' combines whole conditions; write it next to the fields, "
                                 "not under '%2'")
                              .arg(opName, field));
    }
    out = ConditionNode{};
    out.op = op;
    out.field = info.field;
    out.kind = info.kind;
    const bool list = op == ConditionOp::In || op == ConditionOp::Nin;
    const bool order = op == ConditionOp::Gt || op == ConditionOp::Lt;
    const auto notFor = [&](const QString &allowed) {
        return fail(path, Tr::tr("'%1' does not apply to '%2' (use %3)").arg(opName, field, allowed));
    };
    if (info.kind == ConditionKind::Flag) {
        if (op != ConditionOp::Eq && op != ConditionOp::Ne) {
            return notFor(QStringLiteral("$eq or $ne"));
        }
        out.flag = operand.toBool();
        return expect(operand, path, operand.isBool(), Tr::tr("true or false"));
    }
    const bool number = info.kind == ConditionKind::Number;
    if (number && op == ConditionOp::Regex) {
        return notFor(QStringLiteral("$eq, $ne, $gt, $lt, $in or $nin"));
    }
    if (!number && order) {
        return notFor(QStringLiteral("$eq, $ne, $in, $nin or $regex"));
    }
    const auto take = [&](const QJsonValue &item, const QString &p) {
        const Problem wrong = expect(item, p, number ? item.isDouble() : item.isString(),
                                     number ? Tr::tr("a number") : Tr::tr("a string"));
        if (!wrong) {
            if (number) {
                out.numbers.append(item.toDouble());
            } else {
                out.strings.append(item.toString());
            }
        }
        return wrong;
    };
    if (list) {
        if (Problem wrong = expect(operand, path, operand.isArray(),
                                   number ? Tr::tr("an array of numbers")
                                          : Tr::tr("an array of strings"))) {
            return wrong;
        }
        const QJsonArray items = operand.toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (Problem wrong = take(items.at(i), Reader::index(path, i))) {
                return wrong;
            }
        }
        return std::nullopt;
    }
    if (Problem wrong = take(operand, path)) {
        return wrong;
    }
    if (op == ConditionOp::Regex) {
        out.regex = QRegularExpression(operand.toString());
        if (!out.regex.isValid()) {
            return fail(path, Tr::tr("invalid regular expression: %1 at offset %2")
                                  .arg(out.regex.errorString())
                                  .arg(out.regex.patternErrorOffset()));
        }
        out.regex.optimize();
    }
    return std::nullopt;
}

Problem parseField(const FieldInfo &info, const QJsonValue &value, const QString &path,
                   std::vector<ConditionNode> &out)
{
    if (!value.isObject()) {
        ConditionNode node;
        if (Problem wrong = parseOperand(info, QStringLiteral("$eq"), value, path, node)) {
            return wrong;
        }
        out.push_back(std::move(node));
        return std::nullopt;
    }
    const QJsonObject ops = value.toObject();
    if (ops.isEmpty()) {
        return fail(path, Tr::tr("name at least one operator ($eq, $ne, $in, $nin, $gt, $lt, $regex)"));
    }
    for (auto it = ops.begin(); it != ops.end(); ++it) {
        ConditionNode node;
        if (Problem wrong = parseOperand(info, it.key(), it.value(), Reader::child(path, it.key()), node)) {
            return wrong;
        }
        out.push_back(std::move(node));
    }
    return std::nullopt;
}

Problem parseObject(const QJsonValue &when, const QString &path, ConditionNode &out)
{
    if (!when.isObject()) {
        return fail(path, Tr::tr("expected an object of conditions, got %1").arg(Reader::typeName(when)));
    }
    const QJsonObject obj = when.toObject();
    std::vector<ConditionNode> parts;
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        const QString keyPath = Reader::child(path, it.key());
        if (it.key() == QLatin1String("$and") || it.key() == QLatin1String("$or")) {
            const QJsonArray items = it.value().toArray();
            if (!it.value().isArray() || items.isEmpty()) {
                return fail(keyPath, Tr::tr("expected a non-empty array of conditions, got %1")
                                         .arg(Reader::typeName(it.value())));
            }
            ConditionNode group;
            group.op = it.key() == QLatin1String("$and") ? ConditionOp::And : ConditionOp::Or;
            for (qsizetype i = 0; i < items.size(); ++i) {
                ConditionNode sub;
                if (Problem wrong = parseObject(items.at(i), Reader::index(keyPath, i), sub)) {
                    return wrong;
                }
                group.children.push_back(std::move(sub));
            }
            parts.push_back(std::move(group));
            continue;
        }
        const FieldInfo *found = nullptr;
        for (const FieldInfo &field : s_fields) {
            if (it.key() == QLatin1String(field.name)) {
                found = &field;
            }
        }
        if (!found) {
            if (it.key().startsWith(QLatin1Char('$'))) {
                return fail(keyPath, Tr::tr("unknown field '%1' (only $and and $or may stand next to fields)")
                                         .arg(it.key()));
            }
            QStringList known = ConditionSyntax::fieldNames();
            known.sort(); // suggest() prefers the first of equally close names
            return unknownName(keyPath, Tr::tr("condition field"), it.key(), known);
        }
        if (Problem wrong = parseField(*found, it.value(), keyPath, parts)) {
            return wrong;
        }
    }
    out = ConditionNode{};
    if (parts.size() == 1) {
        out = std::move(parts.front());
    } else if (parts.size() > 1) {
        out.op = ConditionOp::AllFields;
        out.children = std::move(parts);
    }
    return std::nullopt;
}

} // namespace

std::optional<ConditionProblem> ConditionSyntax::parse(const QJsonValue &when, const QString &path,
                                                       ConditionNode &out)
{
    return parseObject(when, path, out);
}

QStringList ConditionSyntax::fieldNames()
{
    QStringList names;
    for (const FieldInfo &field : s_fields) {
        names.append(QLatin1String(field.name));
    }
    return names;
}

QStringList ConditionSyntax::operatorNames()
{
    QStringList names;
    for (const OpInfo &op : s_ops) {
        names.append(QLatin1String(op.name));
    }
    return names;
}

QString ConditionSyntax::fieldName(ConditionField field)
{
    for (const FieldInfo &info : s_fields) {
        if (info.field == field) {
            return QLatin1String(info.name);
        }
    }
    return {};
}

QString ConditionSyntax::operatorName(ConditionOp op)
{
    for (const OpInfo &info : s_ops) {
        if (info.op == op) {
            return QLatin1String(info.name);
        }
    }
    return {};
}

} // namespace Switchyard::Config
