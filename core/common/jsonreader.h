// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonDocument>

#include <optional>

/// A JSON reader for request bodies that builds the same QJsonDocument as
/// QJsonDocument::fromJson, faster on long strings with escapes.
///
/// Qt 6.4's parser appends each character of a string that holds an escape to a QString one at
/// a time (~10 ns per character): a 256 KB prompt of source code, where every line ends in
/// "\n", cost ~2.8 ms to parse. This reader copies the bytes between escapes in bulk and
/// converts each string from UTF-8 once.
namespace Switchyard::JsonReader {

/// The document, or nothing when \a json is anything this reader does not handle exactly as
/// Qt does: invalid JSON, invalid UTF-8, a byte-order mark, a number with an exponent, an
/// escaped surrogate that is not a pair, nesting deeper than 256. Never a different document.
std::optional<QJsonDocument> read(QByteArrayView json);

/// read(), or QJsonDocument::fromJson when read() declines (which also reports the error).
QJsonDocument fromJson(const QByteArray &json, QJsonParseError *error = nullptr);

} // namespace Switchyard::JsonReader
