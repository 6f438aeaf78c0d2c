// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/result.h"
#include "core/translate/chatmodel.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

/// Small helpers shared by the codecs. Not for use outside core/translate.
namespace Switchyard::Translate::Internal {

/// Error{code "invalid_request", message "<path>: <what>"}.
Error fieldError(const QString &path, const QString &what);

/// Compact JSON text of an object ({} for an empty one).
QString compactJson(const QJsonObject &object);

/// Tool-call arguments text → object. "" / whitespace / invalid / non-object → {} (§6.1).
QJsonObject parseArguments(const QString &text);

/// Splits "data:<media>;base64,<data>" into the part's mediaType/data; false when `url` is
/// not a base64 data URL.
bool splitDataUrl(const QString &url, ContentPart &image);

/// "data:<media>;base64,<data>" for an inline image, else its url.
QString imageUrlOf(const ContentPart &image);

/// Text children of a tool result joined by "\n".
QString joinedText(const QList<ContentPart> &parts);

/// Stop sequences from a string or an array of strings.
QStringList stringList(const QJsonValue &value);

/// Adds `extras` to `body` when their format matches, never overwriting mapped keys.
void mergeExtras(QJsonObject &body, const ChatRequest &request, WireFormat format);

} // namespace Switchyard::Translate::Internal
