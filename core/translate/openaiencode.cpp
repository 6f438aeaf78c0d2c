// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/translate/codechelpers.h"
#include "core/translate/openaicodec.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRegularExpression>

namespace Switchyard::Translate::OpenAiCodec {

using namespace Internal;
using Kind = ContentPart::Kind;

namespace {

QJsonObject imagePart(const ContentPart &image)
{
    QJsonObject iu{{QLatin1String("url"), imageUrlOf(image)}};
    if (!image.detail.isEmpty()) {
        iu.insert(QLatin1String("detail"), image.detail);
    }
    return QJsonObject{{QLatin1String("type"), QLatin1String("image_url")},
                       {QLatin1String("image_url"), iu}};
}

// A user message: a plain string when it is one text part, else an array of parts.
QJsonObject userMessage(const QList<ContentPart> &parts)
{
    QJsonValue content;
    if (parts.size() == 1 && parts.first().kind == Kind::Text) {
        content = parts.first().text;
    } else {
        QJsonArray array;
        for (const ContentPart &p : parts) {
            if (p.kind == Kind::Text) {
                array.append(QJsonObject{{QLatin1String("type"), QLatin1String("text")},
                                         {QLatin1String("text"), p.text}});
            } else {
                array.append(imagePart(p));
            }
        }
        content = array;
    }
    return QJsonObject{{QLatin1String("role"), QLatin1String("user")},
                       {QLatin1String("content"), content}};
}

// Tool results first (Chat Completions wants them right after the assistant's calls), then
// the rest of the turn, plus any images a result carried (a `tool` message cannot hold them).
QString toolId(const QString &id, const RequestOptions &options)
{
    return options.mistralToolIds ? mistralToolId(id) : id;
}

void appendUserTurn(QJsonArray &out, const ChatMessage &message, const RequestOptions &options)
{
    QList<ContentPart> rest;
    for (const ContentPart &p : message.parts) {
        if (p.kind != Kind::ToolResult) {
            rest.append(p);
            continue;
        }
        QString text = joinedText(p.children);
        if (p.isError) {
            text = QLatin1String("Error: ") + text;
        }
        out.append(QJsonObject{{QLatin1String("role"), QLatin1String("tool")},
                               {QLatin1String("tool_call_id"), toolId(p.toolId, options)},
                               {QLatin1String("content"), text}});
        for (const ContentPart &child : p.children) {
            if (child.kind == Kind::Image) {
                rest.append(child);
            }
        }
    }
    if (!rest.isEmpty()) {
        out.append(userMessage(rest));
    }
}

void appendAssistantTurn(QJsonArray &out, const ChatMessage &message, const RequestOptions &options)
{
    QString text;
    QJsonArray calls;
    for (const ContentPart &p : message.parts) {
        if (p.kind == Kind::Text) {
            text += p.text;
        } else if (p.kind == Kind::ToolUse) {
            calls.append(
                QJsonObject{{QLatin1String("id"), toolId(p.toolId, options)},
                            {QLatin1String("type"), QLatin1String("function")},
                            {QLatin1String("function"),
                             QJsonObject{{QLatin1String("name"), p.toolName},
                                         {QLatin1String("arguments"), compactJson(p.arguments)}}}});
        }
    }
    QJsonObject m{{QLatin1String("role"), QLatin1String("assistant")},
                  {QLatin1String("content"),
                   text.isEmpty() && !calls.isEmpty() ? QJsonValue() : QJsonValue(text)}};
    if (!calls.isEmpty()) {
        m.insert(QLatin1String("tool_calls"), calls);
    }
    out.append(m);
}

QJsonValue toolChoiceValue(const ToolChoice &choice)
{
    switch (choice.mode) {
    case ToolChoice::Mode::Auto: return QStringLiteral("auto");
    case ToolChoice::Mode::None: return QStringLiteral("none");
    case ToolChoice::Mode::Required: return QStringLiteral("required");
    case ToolChoice::Mode::Named:
        return QJsonObject{{QLatin1String("type"), QLatin1String("function")},
                           {QLatin1String("function"),
                            QJsonObject{{QLatin1String("name"), choice.name}}}};
    case ToolChoice::Mode::Unset: break;
    }
    return {};
}

} // namespace

QString mistralToolId(const QString &id)
{
    static const QRegularExpression valid(QStringLiteral("^[a-zA-Z0-9]{9}$"));
    if (valid.match(id).hasMatch()) {
        return id;
    }
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    const QByteArray hash = QCryptographicHash::hash(id.toUtf8(), QCryptographicHash::Sha1);
    QString out;
    for (int i = 0; i < 9; ++i) {
        out.append(QLatin1Char(alphabet[quint8(hash.at(i)) % 62]));
    }
    return out;
}

Result<QJsonObject> encodeRequest(const ChatRequest &request, const RequestOptions &options)
{
    QJsonArray messages;
    if (!request.system.isEmpty()) {
        messages.append(
            QJsonObject{{QLatin1String("role"), QLatin1String("system")},
                        {QLatin1String("content"), request.system.join(QLatin1String("\n\n"))}});
    }
    for (const ChatMessage &m : request.messages) {
        if (m.role == Role::User) {
            appendUserTurn(messages, m, options);
        } else {
            appendAssistantTurn(messages, m, options);
        }
    }
    QJsonObject body{{QLatin1String("model"), request.model}, {QLatin1String("messages"), messages}};
    if (!request.tools.isEmpty()) {
        QJsonArray tools;
        for (const ToolSpec &t : request.tools) {
            QJsonObject fn{{QLatin1String("name"), t.name}};
            if (!t.description.isEmpty()) {
                fn.insert(QLatin1String("description"), t.description);
            }
            fn.insert(QLatin1String("parameters"),
                      t.schema.isEmpty()
                          ? QJsonObject{{QLatin1String("type"), QLatin1String("object")},
                                        {QLatin1String("properties"), QJsonObject()}}
                          : t.schema);
            tools.append(QJsonObject{{QLatin1String("type"), QLatin1String("function")},
                                     {QLatin1String("function"), fn}});
        }
        body.insert(QLatin1String("tools"), tools);
    }
    if (const QJsonValue choice = toolChoiceValue(request.toolChoice); !choice.isNull()) {
        body.insert(QLatin1String("tool_choice"), choice);
    }
    if (request.parallelToolCalls) {
        body.insert(QLatin1String("parallel_tool_calls"), *request.parallelToolCalls);
    }
    if (request.maxTokens) {
        body.insert(options.useMaxCompletionTokens ? QLatin1String("max_completion_tokens")
                                                   : QLatin1String("max_tokens"),
                    *request.maxTokens);
    }
    if (request.temperature) {
        body.insert(QLatin1String("temperature"), *request.temperature);
    }
    if (request.topP) {
        body.insert(QLatin1String("top_p"), *request.topP);
    }
    if (!request.stop.isEmpty()) {
        body.insert(QLatin1String("stop"), QJsonArray::fromStringList(request.stop.mid(0, 4)));
    }
    if (request.stream) {
        body.insert(QLatin1String("stream"), true);
        body.insert(QLatin1String("stream_options"),
                    QJsonObject{{QLatin1String("include_usage"), true}});
    }
    if (!request.user.isEmpty()) {
        body.insert(QLatin1String("user"), request.user);
    }
    mergeExtras(body, request, WireFormat::OpenAi);
    return body;
}

} // namespace Switchyard::Translate::OpenAiCodec
