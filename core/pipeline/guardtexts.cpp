// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/pipeline/guardtexts.h"

#include <QJsonArray>

namespace Switchyard::Pipeline {

namespace {

using Role = GuardTexts::Role;
using Path = QList<GuardTexts::PathStep>;

void add(GuardTexts &out, const QString &text, Path path, Role role)
{
    out.texts.append(text);
    out.places.append({std::move(path), role});
}

/// A content value: a string, or an array of parts/blocks whose `text` is scanned when their
/// type is text; Anthropic tool_result blocks recurse into their own content.
void addContent(GuardTexts &out, const QJsonValue &content, const Path &path, Role role)
{
    if (content.isString()) {
        add(out, content.toString(), path, role);
        return;
    }
    const QJsonArray parts = content.toArray();
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QJsonObject part = parts.at(i).toObject();
        const QString type = part.value(QLatin1String("type")).toString();
        Path partPath = path;
        partPath.append(i);
        if ((type == QLatin1String("text") || type == QLatin1String("input_text"))
            && part.value(QLatin1String("text")).isString()) {
            partPath.append(QStringLiteral("text"));
            add(out, part.value(QLatin1String("text")).toString(), partPath, role);
        } else if (type == QLatin1String("tool_result")) {
            partPath.append(QStringLiteral("content"));
            addContent(out, part.value(QLatin1String("content")), partPath, Role::ToolResult);
        }
    }
}

Role roleOf(const QString &role)
{
    if (role == QLatin1String("system") || role == QLatin1String("developer"))
        return Role::System;
    if (role == QLatin1String("assistant"))
        return Role::Assistant;
    if (role == QLatin1String("tool") || role == QLatin1String("function"))
        return Role::ToolResult;
    return Role::User;
}

QJsonValue replaced(const QJsonValue &node, const Path &path, qsizetype depth, const QString &text)
{
    if (depth == path.size())
        return text;
    const GuardTexts::PathStep &step = path.at(depth);
    if (const QString *key = std::get_if<QString>(&step)) {
        QJsonObject object = node.toObject();
        object.insert(*key, replaced(object.value(*key), path, depth + 1, text));
        return object;
    }
    const qsizetype index = std::get<qsizetype>(step);
    QJsonArray array = node.toArray();
    if (index < array.size())
        array.replace(index, replaced(array.at(index), path, depth + 1, text));
    return array;
}

} // namespace

GuardTexts GuardTexts::fromRequest(const QJsonObject &body, Translate::WireFormat format)
{
    GuardTexts out;
    if (format == Translate::WireFormat::Anthropic)
        addContent(out, body.value(QLatin1String("system")), {QStringLiteral("system")}, Role::System);
    const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QJsonObject message = messages.at(i).toObject();
        addContent(out, message.value(QLatin1String("content")),
                   {QStringLiteral("messages"), i, QStringLiteral("content")},
                   roleOf(message.value(QLatin1String("role")).toString()));
    }
    return out;
}

GuardTexts GuardTexts::fromResponse(const QJsonObject &body, Translate::WireFormat format)
{
    GuardTexts out;
    if (format == Translate::WireFormat::Anthropic) {
        addContent(out, body.value(QLatin1String("content")), {QStringLiteral("content")}, Role::Assistant);
        return out;
    }
    const QJsonArray choices = body.value(QLatin1String("choices")).toArray();
    for (qsizetype i = 0; i < choices.size(); ++i) {
        addContent(out, choices.at(i).toObject().value(QLatin1String("message")).toObject().value(QLatin1String("content")),
                   {QStringLiteral("choices"), i, QStringLiteral("message"), QStringLiteral("content")},
                   Role::Assistant);
    }
    return out;
}

QStringList GuardTexts::textsOf(std::initializer_list<Role> roles) const
{
    QStringList out;
    for (qsizetype i = 0; i < texts.size(); ++i) {
        if (std::find(roles.begin(), roles.end(), places.at(i).role) != roles.end())
            out.append(texts.at(i));
    }
    return out;
}

int GuardTexts::writeBack(QJsonObject &body, const GuardTexts &original) const
{
    int written = 0;
    for (qsizetype i = 0; i < texts.size() && i < original.texts.size(); ++i) {
        if (texts.at(i) == original.texts.at(i))
            continue;
        body = replaced(body, places.at(i).path, 0, texts.at(i)).toObject();
        ++written;
    }
    return written;
}

} // namespace Switchyard::Pipeline
