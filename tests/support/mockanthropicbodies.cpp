// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/support/mockanthropicbodies.h"

#include "tests/support/mockopenaibodies.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace Switchyard::Testing::Internal {

namespace {

QByteArray usageJson(const AnthropicSpec &spec, qint64 outputTokens, bool serviceTier)
{
    QByteArray out = "{\"input_tokens\":" + QByteArray::number(spec.inputTokens)
                     + ",\"cache_creation_input_tokens\":" + QByteArray::number(spec.cacheWriteTokens)
                     + ",\"cache_read_input_tokens\":" + QByteArray::number(spec.cacheReadTokens)
                     + ",\"output_tokens\":" + QByteArray::number(outputTokens);
    if (serviceTier)
        out += ",\"service_tier\":\"standard\"";
    return out + '}';
}

QByteArray stopReason(const AnthropicSpec &spec)
{
    return spec.toolName.isEmpty() ? QByteArrayLiteral("end_turn") : QByteArrayLiteral("tool_use");
}

/// The tool input as a compact JSON object; anything that is not an object becomes {}.
QByteArray toolInputObject(const QString &input)
{
    const QJsonDocument document = QJsonDocument::fromJson(input.toUtf8());
    return document.isObject() ? document.toJson(QJsonDocument::Compact) : QByteArrayLiteral("{}");
}

QStringList jsonPieces(const QString &json)
{
    // Three roughly equal fragments: real streams cut the partial JSON anywhere.
    QStringList pieces;
    const qsizetype step = qMax<qsizetype>(1, (json.size() + 2) / 3);
    for (qsizetype i = 0; i < json.size(); i += step)
        pieces.append(json.mid(i, step));
    return pieces;
}

QByteArray toolUseBlock(const AnthropicSpec &spec, const QByteArray &input)
{
    return "{\"type\":\"tool_use\",\"id\":\"" + spec.toolUseId + "\",\"name\":"
           + jsonString(spec.toolName) + ",\"input\":" + input + '}';
}

QByteArray messageJson(const AnthropicSpec &spec, const QByteArray &content, bool final)
{
    return "{\"id\":\"" + spec.id + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":"
           + jsonString(QString::fromUtf8(spec.model)) + ",\"content\":" + content
           + ",\"stop_reason\":" + (final ? '"' + stopReason(spec) + '"' : QByteArray("null"))
           + ",\"stop_sequence\":null,\"usage\":"
           + usageJson(spec, final ? spec.outputTokens : 1, true) + '}';
}

} // namespace

QByteArray anthropicSseEvent(const QByteArray &name, const QByteArray &json)
{
    return "event: " + name + "\ndata: " + json + "\n\n";
}

QByteArray anthropicMessageBody(const AnthropicSpec &spec)
{
    QList<QByteArray> blocks;
    if (!spec.text.isEmpty())
        blocks.append("{\"type\":\"text\",\"text\":" + jsonString(spec.text) + '}');
    if (!spec.toolName.isEmpty())
        blocks.append(toolUseBlock(spec, toolInputObject(spec.toolInput)));
    return messageJson(spec, '[' + blocks.join(',') + ']', true);
}

QList<QByteArray> anthropicStreamEvents(const AnthropicSpec &spec)
{
    QList<QByteArray> events;
    events.append(anthropicSseEvent("message_start", "{\"type\":\"message_start\",\"message\":"
                                                         + messageJson(spec, "[]", false) + '}'));
    int index = 0;
    auto blockStart = [&](const QByteArray &block) {
        events.append(anthropicSseEvent("content_block_start",
                                        "{\"type\":\"content_block_start\",\"index\":"
                                            + QByteArray::number(index)
                                            + ",\"content_block\":" + block + '}'));
        if (index == 0) // as the real API does: one ping early in the stream
            events.append(anthropicSseEvent("ping", "{\"type\": \"ping\"}"));
    };
    auto delta = [&](const QByteArray &deltaJson) {
        events.append(anthropicSseEvent("content_block_delta",
                                        "{\"type\":\"content_block_delta\",\"index\":"
                                            + QByteArray::number(index) + ",\"delta\":" + deltaJson
                                            + '}'));
    };
    auto blockStop = [&] {
        events.append(anthropicSseEvent("content_block_stop",
                                        "{\"type\":\"content_block_stop\",\"index\":"
                                            + QByteArray::number(index) + '}'));
        ++index;
    };
    if (!spec.text.isEmpty()) {
        blockStart("{\"type\":\"text\",\"text\":\"\"}");
        const QStringList pieces = textPieces(spec.text);
        for (const QString &piece : pieces)
            delta("{\"type\":\"text_delta\",\"text\":" + jsonString(piece) + '}');
        blockStop();
    }
    if (!spec.toolName.isEmpty()) {
        blockStart(toolUseBlock(spec, "{}"));
        delta("{\"type\":\"input_json_delta\",\"partial_json\":\"\"}");
        const QStringList pieces = jsonPieces(spec.toolInput);
        for (const QString &piece : pieces)
            delta("{\"type\":\"input_json_delta\",\"partial_json\":" + jsonString(piece) + '}');
        blockStop();
    }
    events.append(anthropicSseEvent("message_delta",
                                    "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\""
                                        + stopReason(spec)
                                        + "\",\"stop_sequence\":null},\"usage\":"
                                        + usageJson(spec, spec.outputTokens, false) + '}'));
    events.append(anthropicSseEvent("message_stop", "{\"type\":\"message_stop\"}"));
    return events;
}

qsizetype anthropicEventsBeforeFault(const AnthropicSpec &spec)
{
    // message_start, content_block_start, ping and one delta; never the last block's stop,
    // message_delta or message_stop, so the fault always hides the end of the message.
    const qsizetype total = anthropicStreamEvents(spec).size();
    return qMax<qsizetype>(1, qMin<qsizetype>(4, total - 3));
}

QByteArray anthropicErrorBody(const QByteArray &type, const QString &message,
                              const QByteArray &requestId)
{
    QByteArray out = "{\"type\":\"error\",\"error\":{\"type\":\"" + type
                     + "\",\"message\":" + jsonString(message) + '}';
    if (!requestId.isEmpty())
        out += ",\"request_id\":\"" + requestId + '"';
    return out + '}';
}

} // namespace Switchyard::Testing::Internal
