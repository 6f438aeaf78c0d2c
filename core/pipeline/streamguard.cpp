// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/pipeline/streamguard.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Switchyard::Pipeline {

namespace {

QByteArray encode(Translate::WireFormat format, const QJsonObject &event)
{
    QByteArray out;
    if (format == Translate::WireFormat::Anthropic)
        out += "event: " + event.value(QLatin1String("type")).toString().toUtf8() + '\n';
    out += "data: " + QJsonDocument(event).toJson(QJsonDocument::Compact) + "\n\n";
    return out;
}

/// The text of a text delta event, or nullopt for any other event.
std::optional<QString> deltaText(Translate::WireFormat format, const QJsonObject &event)
{
    if (format == Translate::WireFormat::Anthropic) {
        if (event.value(QLatin1String("type")).toString() != QLatin1String("content_block_delta"))
            return std::nullopt;
        const QJsonObject delta = event.value(QLatin1String("delta")).toObject();
        if (delta.value(QLatin1String("type")).toString() != QLatin1String("text_delta"))
            return std::nullopt;
        return delta.value(QLatin1String("text")).toString();
    }
    const QJsonArray choices = event.value(QLatin1String("choices")).toArray();
    if (choices.size() != 1)
        return std::nullopt;
    const QJsonObject choice = choices.first().toObject();
    const QJsonValue content = choice.value(QLatin1String("delta")).toObject().value(QLatin1String("content"));
    if (!content.isString() || !choice.value(QLatin1String("finish_reason")).isNull())
        return std::nullopt;
    return content.toString();
}

QJsonObject withText(Translate::WireFormat format, QJsonObject event, const QString &text)
{
    if (format == Translate::WireFormat::Anthropic) {
        QJsonObject delta = event.value(QLatin1String("delta")).toObject();
        delta.insert(QStringLiteral("text"), text);
        event.insert(QStringLiteral("delta"), delta);
        return event;
    }
    QJsonArray choices = event.value(QLatin1String("choices")).toArray();
    QJsonObject choice = choices.first().toObject();
    QJsonObject delta = choice.value(QLatin1String("delta")).toObject();
    delta.insert(QStringLiteral("content"), text);
    choice.insert(QStringLiteral("delta"), delta);
    choices.replace(0, choice);
    event.insert(QStringLiteral("choices"), choices);
    return event;
}

} // namespace

StreamGuard::StreamGuard(Translate::WireFormat format, Guards::DlpScannerPtr scanner,
                         Guards::PlaceholderMap *placeholders, bool restorePlaceholders)
    : m_format(format)
    , m_scanner(std::move(scanner), placeholders, restorePlaceholders)
{
}

QByteArray StreamGuard::feed(QByteArrayView bytes)
{
    QByteArray out;
    if (blocked())
        return out;
    m_decoder.feed(bytes);
    for (const SseEvent &event : m_decoder.takeEvents()) {
        if (blocked())
            break;
        handle(event, out);
    }
    return out;
}

QByteArray StreamGuard::finish()
{
    if (blocked())
        return {};
    QByteArray out = flush();
    // A last block without its blank line: forward as it is.
    if (m_decoder.pendingBytes() > 0)
        m_decoder.feed("\n\n");
    for (const SseEvent &event : m_decoder.takeEvents())
        handle(event, out);
    return out;
}

void StreamGuard::handle(const SseEvent &event, QByteArray &out)
{
    if (event.comment) {
        out += event.raw;
        return;
    }
    QJsonParseError error;
    const QJsonDocument document = event.data == "[DONE]" ? QJsonDocument()
                                                           : QJsonDocument::fromJson(event.data, &error);
    const QJsonObject object = document.object();
    const std::optional<QString> text = document.isObject() ? deltaText(m_format, object) : std::nullopt;
    if (!text) {
        out += flush();
        if (!blocked())
            out += event.raw;
        return;
    }
    m_template = object;
    m_pendingText = true;
    const QString safe = m_scanner.feed(*text);
    if (safe.isEmpty() && m_format == Translate::WireFormat::Anthropic)
        return; // nothing to say yet; Anthropic clients need no empty deltas
    out += encode(m_format, withText(m_format, object, safe));
}

QByteArray StreamGuard::flush()
{
    if (!m_pendingText)
        return {};
    m_pendingText = false;
    const QString rest = m_scanner.finish();
    if (rest.isEmpty())
        return {};
    return textEvent(rest);
}

QByteArray StreamGuard::textEvent(const QString &text) const
{
    return encode(m_format, withText(m_format, m_template, text));
}

} // namespace Switchyard::Pipeline
