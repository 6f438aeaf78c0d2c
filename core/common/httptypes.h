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

} // namespace Switchyard
