// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/providers/simulated/simulatedwire.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Switchyard::Providers::Internal {

namespace {

const QString s_fingerprint = QStringLiteral("switchyard-simulated");

QJsonObject chunkBase(const CompletionShape &shape)
{
    return {
        {QStringLiteral("id"), shape.id},
        {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
        {QStringLiteral("created"), shape.created},
        {QStringLiteral("model"), shape.model},
        {QStringLiteral("system_fingerprint"), s_fingerprint},
    };
}

QByteArray event(const QJsonObject &object)
{
    return "data: " + QJsonDocument(object).toJson(QJsonDocument::Compact) + "\n\n";
}

} // namespace

QJsonObject usageObject(const Usage &usage)
{
    return {
        {QStringLiteral("prompt_tokens"), usage.promptTokens()},
        {QStringLiteral("completion_tokens"), usage.outputTokens},
        {QStringLiteral("total_tokens"), usage.totalTokens()},
        {QStringLiteral("prompt_tokens_details"),
         QJsonObject{{QStringLiteral("cached_tokens"), usage.cacheReadTokens},
                     {QStringLiteral("audio_tokens"), 0}}},
        {QStringLiteral("completion_tokens_details"),
         QJsonObject{{QStringLiteral("reasoning_tokens"), usage.reasoningTokens},
                     {QStringLiteral("audio_tokens"), 0},
                     {QStringLiteral("accepted_prediction_tokens"), 0},
                     {QStringLiteral("rejected_prediction_tokens"), 0}}},
    };
}

QByteArray chunkEvent(const CompletionShape &shape, const QJsonObject &delta,
                      const QString &finishReason)
{
    QJsonObject choice{
        {QStringLiteral("index"), 0},
        {QStringLiteral("delta"), delta},
        {QStringLiteral("logprobs"), QJsonValue::Null},
        {QStringLiteral("finish_reason"),
         finishReason.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(finishReason)},
    };
    QJsonObject chunk = chunkBase(shape);
    chunk.insert(QStringLiteral("choices"), QJsonArray{choice});
    if (shape.usageNullOnChunks)
        chunk.insert(QStringLiteral("usage"), QJsonValue::Null);
    return event(chunk);
}

QByteArray usageEvent(const CompletionShape &shape, const Usage &usage)
{
    QJsonObject chunk = chunkBase(shape);
    chunk.insert(QStringLiteral("choices"), QJsonArray());
    chunk.insert(QStringLiteral("usage"), usageObject(usage));
    return event(chunk);
}

QByteArray completionBody(const CompletionShape &shape, const QJsonObject &message,
                          const QString &finishReason, const Usage &usage)
{
    const QJsonObject choice{
        {QStringLiteral("index"), 0},
        {QStringLiteral("message"), message},
        {QStringLiteral("logprobs"), QJsonValue::Null},
        {QStringLiteral("finish_reason"), finishReason},
    };
    const QJsonObject body{
        {QStringLiteral("id"), shape.id},
        {QStringLiteral("object"), QStringLiteral("chat.completion")},
        {QStringLiteral("created"), shape.created},
        {QStringLiteral("model"), shape.model},
        {QStringLiteral("choices"), QJsonArray{choice}},
        {QStringLiteral("usage"), usageObject(usage)},
        {QStringLiteral("service_tier"), QStringLiteral("default")},
        {QStringLiteral("system_fingerprint"), s_fingerprint},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray errorBody(const QString &message, const QString &type, const QString &code)
{
    const QJsonObject error{
        {QStringLiteral("message"), message},
        {QStringLiteral("type"), type},
        {QStringLiteral("param"), QJsonValue::Null},
        {QStringLiteral("code"), code.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(code)},
    };
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}).toJson(QJsonDocument::Compact);
}

QJsonObject toolCallObject(const QString &id, const QString &name, const QString &arguments,
                           bool streamed)
{
    QJsonObject call{
        {QStringLiteral("id"), id},
        {QStringLiteral("type"), QStringLiteral("function")},
        {QStringLiteral("function"),
         QJsonObject{{QStringLiteral("name"), name},
                     {QStringLiteral("arguments"), streamed ? QString() : arguments}}},
    };
    if (streamed)
        call.insert(QStringLiteral("index"), 0);
    return call;
}

} // namespace Switchyard::Providers::Internal
