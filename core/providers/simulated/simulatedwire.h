// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/usage.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace Switchyard::Providers::Internal {

/// What every chunk of one simulated completion repeats (wire-formats.md §1.3 rule 1).
struct CompletionShape
{
    QString id;       ///< chatcmpl-…
    qint64 created = 0;
    QString model;
    bool usageNullOnChunks = true; ///< `"usage": null` on every choice chunk
};

/// The OpenAI `usage` object for normalised usage.
QJsonObject usageObject(const Usage &usage);
/// `data: {chunk}\n\n` with one choice; empty finishReason → null.
QByteArray chunkEvent(const CompletionShape &shape, const QJsonObject &delta,
                      const QString &finishReason = {});
/// `data: {…"choices":[],"usage":{…}}\n\n`.
QByteArray usageEvent(const CompletionShape &shape, const Usage &usage);
/// The non-streamed `chat.completion` body.
QByteArray completionBody(const CompletionShape &shape, const QJsonObject &message,
                          const QString &finishReason, const Usage &usage);
/// `{"error":{"message","type","param":null,"code"}}`.
QByteArray errorBody(const QString &message, const QString &type, const QString &code);
/// The `tool_calls` entry of a message, or the first fragment of a streamed call.
QJsonObject toolCallObject(const QString &id, const QString &name, const QString &arguments,
                           bool streamed);

} // namespace Switchyard::Providers::Internal
