// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/translate/chatmodel.h"

namespace Switchyard::Translate {

ContentPart ContentPart::makeText(const QString &text)
{
    ContentPart part;
    part.kind = Kind::Text;
    part.text = text;
    return part;
}

ContentPart ContentPart::makeToolUse(const QString &id, const QString &name, const QJsonObject &args)
{
    ContentPart part;
    part.kind = Kind::ToolUse;
    part.toolId = id;
    part.toolName = name;
    part.arguments = args;
    return part;
}

ContentPart ContentPart::makeToolResult(const QString &toolUseId, const QString &text, bool isError)
{
    ContentPart part;
    part.kind = Kind::ToolResult;
    part.toolId = toolUseId;
    part.isError = isError;
    if (!text.isEmpty()) {
        part.children.append(makeText(text));
    }
    return part;
}

StreamEvent StreamEvent::messageStart(const QString &id, const QString &model)
{
    StreamEvent e;
    e.type = Type::MessageStart;
    e.id = id;
    e.model = model;
    return e;
}

StreamEvent StreamEvent::textDelta(const QString &text)
{
    StreamEvent e;
    e.type = Type::TextDelta;
    e.text = text;
    return e;
}

StreamEvent StreamEvent::toolCallStart(int index, const QString &id, const QString &name)
{
    StreamEvent e;
    e.type = Type::ToolCallStart;
    e.index = index;
    e.id = id;
    e.name = name;
    return e;
}

StreamEvent StreamEvent::toolCallArgsDelta(int index, const QString &fragment)
{
    StreamEvent e;
    e.type = Type::ToolCallArgsDelta;
    e.index = index;
    e.text = fragment;
    return e;
}

StreamEvent StreamEvent::toolCallEnd(int index)
{
    StreamEvent e;
    e.type = Type::ToolCallEnd;
    e.index = index;
    return e;
}

StreamEvent StreamEvent::finish(StopReason reason, const QString &stopSequence)
{
    StreamEvent e;
    e.type = Type::Finish;
    e.stopReason = reason;
    e.text = stopSequence;
    return e;
}

StreamEvent StreamEvent::usageUpdate(const Usage &usage)
{
    StreamEvent e;
    e.type = Type::UsageUpdate;
    e.usage = usage;
    return e;
}

StreamEvent StreamEvent::error(const QString &type, const QString &message)
{
    StreamEvent e;
    e.type = Type::Error;
    e.errorType = type;
    e.text = message;
    return e;
}

bool StreamEvent::operator==(const StreamEvent &o) const
{
    const auto sameUsage = [](const Usage &a, const Usage &b) {
        return a.inputTokens == b.inputTokens && a.cacheReadTokens == b.cacheReadTokens
               && a.cacheWriteTokens == b.cacheWriteTokens && a.outputTokens == b.outputTokens
               && a.reasoningTokens == b.reasoningTokens && a.known == b.known;
    };
    return type == o.type && id == o.id && model == o.model && name == o.name && text == o.text
           && errorType == o.errorType && index == o.index && stopReason == o.stopReason
           && sameUsage(usage, o.usage);
}

QString describe(const StreamEvent &e)
{
    using T = StreamEvent::Type;
    switch (e.type) {
    case T::MessageStart: return QStringLiteral("start(%1,%2)").arg(e.id, e.model);
    case T::TextDelta: return QStringLiteral("text(%1)").arg(e.text);
    case T::ToolCallStart:
        return QStringLiteral("tool(%1,%2,%3)").arg(QString::number(e.index), e.id, e.name);
    case T::ToolCallArgsDelta:
        return QStringLiteral("args(%1,%2)").arg(QString::number(e.index), e.text);
    case T::ToolCallEnd: return QStringLiteral("toolEnd(%1)").arg(e.index);
    case T::Finish:
        return QStringLiteral("finish(%1,%2)").arg(QString::number(int(e.stopReason)), e.text);
    case T::UsageUpdate:
        return QStringLiteral("usage(in=%1,cr=%2,cw=%3,out=%4,rs=%5)")
            .arg(e.usage.inputTokens)
            .arg(e.usage.cacheReadTokens)
            .arg(e.usage.cacheWriteTokens)
            .arg(e.usage.outputTokens)
            .arg(e.usage.reasoningTokens);
    case T::Error: return QStringLiteral("error(%1,%2)").arg(e.errorType, e.text);
    }
    return {};
}

} // namespace Switchyard::Translate
