// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/guards/finding.h"

#include <QHash>
#include <QString>

namespace Switchyard::Guards {

/// Stable placeholders for one request: the same (class, value) always gets the same
/// placeholder, and numbering is per class in order of first appearance: [EMAIL_1], [EMAIL_2],
/// [CARD_1]. Holds original values in memory only; not thread-safe (one per exchange).
class PlaceholderMap final
{
public:
    QString placeholderFor(const Finding &finding);
    /// Replaces every placeholder this map issued with its original value; other bracketed
    /// text is left alone.
    QString restore(QStringView text) const;
    qsizetype size() const { return m_byPlaceholder.size(); }
    bool isEmpty() const { return m_byPlaceholder.isEmpty(); }
    /// Longest placeholder issued so far (the stream scanner holds back this much for restore).
    qsizetype longestPlaceholder() const { return m_longest; }

private:
    QHash<QString, QString> m_byValue;       ///< tag + U+001F + value -> placeholder
    QHash<QString, QString> m_byPlaceholder; ///< placeholder -> value
    QHash<QString, int> m_counters;          ///< tag -> last number used
    qsizetype m_longest = 0;
};

} // namespace Switchyard::Guards
