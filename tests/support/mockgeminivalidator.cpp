// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/support/mockgeminivalidator.h"

#include "tests/support/mockopenaibodies.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QStringList>

namespace Switchyard::Testing::Internal {

namespace {

/// camelCase or snake_case spelling of a field (the proto-JSON parser accepts both).
QJsonValue field(const QJsonObject &object, QLatin1String camel, QLatin1String snake)
{
    const QJsonValue value = object.value(camel);
    return value.isUndefined() ? object.value(snake) : value;
}

QString unknownName(const QString &name, const QString &at)
{
    return at.isEmpty()
               ? QStringLiteral("Invalid JSON payload received. Unknown name \"%1\": Cannot find field.").arg(name)
               : QStringLiteral("Invalid JSON payload received. Unknown name \"%1\" at '%2': Cannot find field.")
                     .arg(name, at);
}

const QSet<QString> &schemaKeys()
{
    // google.ai.generativelanguage Schema (OpenAPI 3.0 subset), both spellings.
    static const QSet<QString> s_keys = {
        QStringLiteral("type"), QStringLiteral("format"), QStringLiteral("title"),
        QStringLiteral("description"), QStringLiteral("nullable"), QStringLiteral("enum"),
        QStringLiteral("maxItems"), QStringLiteral("max_items"), QStringLiteral("minItems"),
        QStringLiteral("min_items"), QStringLiteral("properties"), QStringLiteral("required"),
        QStringLiteral("minProperties"), QStringLiteral("min_properties"),
        QStringLiteral("maxProperties"), QStringLiteral("max_properties"),
        QStringLiteral("minLength"), QStringLiteral("min_length"), QStringLiteral("maxLength"),
        QStringLiteral("max_length"), QStringLiteral("pattern"), QStringLiteral("example"),
        QStringLiteral("anyOf"), QStringLiteral("any_of"), QStringLiteral("propertyOrdering"),
        QStringLiteral("property_ordering"), QStringLiteral("default"), QStringLiteral("items"),
        QStringLiteral("minimum"), QStringLiteral("maximum"),
    };
    return s_keys;
}

void checkSchema(const QJsonObject &schema, const QString &at, GeminiRequestError *error)
{
    for (auto it = schema.begin(); it != schema.end(); ++it) {
        if (!schemaKeys().contains(it.key())) {
            const QString description = unknownName(it.key(), at);
            error->fieldViolations.append({at, description});
        }
    }
    const QJsonObject properties = field(schema, QLatin1String("properties"),
                                         QLatin1String("properties")).toObject();
    qsizetype index = 0;
    for (auto it = properties.begin(); it != properties.end(); ++it, ++index)
        checkSchema(it.value().toObject(), at + QStringLiteral(".properties[%1].value").arg(index), error);
    const QJsonValue items = schema.value(QLatin1String("items"));
    if (items.isObject())
        checkSchema(items.toObject(), at + QStringLiteral(".items"), error);
    const QJsonArray anyOf = field(schema, QLatin1String("anyOf"), QLatin1String("any_of")).toArray();
    for (qsizetype i = 0; i < anyOf.size(); ++i)
        checkSchema(anyOf.at(i).toObject(), at + QStringLiteral(".any_of[%1]").arg(i), error);
}

void checkTools(const QJsonArray &tools, GeminiRequestError *error)
{
    for (qsizetype t = 0; t < tools.size(); ++t) {
        const QJsonArray declarations = field(tools.at(t).toObject(),
                                              QLatin1String("functionDeclarations"),
                                              QLatin1String("function_declarations")).toArray();
        for (qsizetype d = 0; d < declarations.size(); ++d) {
            const QJsonValue parameters = declarations.at(d).toObject().value(QLatin1String("parameters"));
            if (parameters.isObject()) {
                checkSchema(parameters.toObject(),
                            QStringLiteral("tools[%1].function_declarations[%2].parameters").arg(t).arg(d),
                            error);
            }
        }
    }
}

QString jsonText(const QJsonValue &value);

std::optional<QString> checkContents(const QJsonArray &contents)
{
    if (contents.isEmpty())
        return QStringLiteral("* GenerateContentRequest.contents: contents is not specified\n");
    for (qsizetype c = 0; c < contents.size(); ++c) {
        const QJsonObject content = contents.at(c).toObject();
        const QJsonValue role = content.value(QLatin1String("role"));
        if (!role.isUndefined() && role.toString() != QLatin1String("user")
            && role.toString() != QLatin1String("model")) {
            return QStringLiteral("Please use a valid role: user, model.");
        }
        const QJsonArray parts = content.value(QLatin1String("parts")).toArray();
        if (parts.isEmpty()) {
            return QStringLiteral("* GenerateContentRequest.contents[%1].parts: contents.parts "
                                  "must not be empty.\n").arg(c);
        }
        for (qsizetype p = 0; p < parts.size(); ++p) {
            const QJsonObject response = field(parts.at(p).toObject(),
                                               QLatin1String("functionResponse"),
                                               QLatin1String("function_response")).toObject();
            const QJsonValue value = response.value(QLatin1String("response"));
            if (!response.isEmpty() && !value.isObject()) {
                return QStringLiteral("Invalid value at 'contents[%1].parts[%2].function_response."
                                      "response' (type.googleapis.com/google.protobuf.Struct), %3")
                    .arg(c).arg(p).arg(jsonText(value));
            }
        }
    }
    return std::nullopt;
}

QString jsonText(const QJsonValue &value)
{
    // A bare value as JSON text: wrap it in an array and strip the brackets.
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

qsizetype textChars(const QJsonValue &content)
{
    qsizetype chars = 0;
    const QJsonArray parts = content.toObject().value(QLatin1String("parts")).toArray();
    for (const QJsonValue &part : parts)
        chars += part.toObject().value(QLatin1String("text")).toString().size();
    return chars;
}

} // namespace

std::optional<GeminiRequestError> geminiRequestError(const QJsonObject &body)
{
    static const QSet<QString> s_topLevel = {
        QStringLiteral("contents"), QStringLiteral("tools"), QStringLiteral("toolConfig"),
        QStringLiteral("tool_config"), QStringLiteral("systemInstruction"),
        QStringLiteral("system_instruction"), QStringLiteral("generationConfig"),
        QStringLiteral("generation_config"), QStringLiteral("safetySettings"),
        QStringLiteral("safety_settings"), QStringLiteral("cachedContent"),
        QStringLiteral("cached_content"), QStringLiteral("model"), QStringLiteral("labels"),
    };
    GeminiRequestError error;
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!s_topLevel.contains(it.key()))
            error.fieldViolations.append({QString(), unknownName(it.key(), QString())});
    }
    checkTools(body.value(QLatin1String("tools")).toArray(), &error);
    if (!error.fieldViolations.isEmpty()) {
        QStringList lines;
        for (const auto &violation : std::as_const(error.fieldViolations))
            lines.append(violation.second);
        error.message = lines.join(QLatin1Char('\n'));
        return error;
    }
    if (auto message = checkContents(body.value(QLatin1String("contents")).toArray())) {
        error.message = *message;
        return error;
    }
    return std::nullopt;
}

qint64 geminiPromptTokens(const QJsonObject &body)
{
    qsizetype chars = textChars(field(body, QLatin1String("systemInstruction"),
                                      QLatin1String("system_instruction")));
    const QJsonArray contents = body.value(QLatin1String("contents")).toArray();
    for (const QJsonValue &content : contents)
        chars += textChars(content);
    return qMax<qint64>(1, estimateTokens(chars) + contents.size());
}

} // namespace Switchyard::Testing::Internal
