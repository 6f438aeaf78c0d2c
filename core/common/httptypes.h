// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace Switchyard {

/// HTTP header list in wire order; names compared case-insensitively.
using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

/// First value of header `name` (case-insensitive), or an empty array.
QByteArray headerValue(const HttpHeaders &headers, QByteArrayView name);

/// Appends a piece of a token http_parser split (a header name or value, the target). Most
/// tokens come in one piece, and constructing costs a third of QByteArray::append's growth path.
inline void appendParsedPiece(QByteArray &token, const char *at, size_t length)
{
    if (token.isEmpty())
        token = QByteArray(at, qsizetype(length));
    else
        token.append(at, qsizetype(length));
}

} // namespace Switchyard
