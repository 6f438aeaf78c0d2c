// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/guards/placeholdermap.h"

namespace Switchyard::Guards {

QString PlaceholderMap::placeholderFor(const Finding &finding)
{
    const QString tag = finding.tag();
    const QString key = tag + QChar(0x1f) + finding.value;
    const auto it = m_byValue.constFind(key);
    if (it != m_byValue.constEnd()) {
        return *it;
    }
    const int number = ++m_counters[tag];
    const QString placeholder = QLatin1Char('[') + tag + QLatin1Char('_') + QString::number(number)
                                + QLatin1Char(']');
    m_byValue.insert(key, placeholder);
    m_byPlaceholder.insert(placeholder, finding.value);
    m_longest = qMax(m_longest, placeholder.size());
    return placeholder;
}

QString PlaceholderMap::restore(QStringView text) const
{
    if (m_byPlaceholder.isEmpty() || !text.contains(u'[')) {
        return text.toString();
    }
    QString out;
    out.reserve(text.size());
    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype open = text.indexOf(u'[', pos);
        if (open < 0) {
            break;
        }
        const qsizetype close = text.indexOf(u']', open + 1);
        if (close < 0) {
            break;
        }
        out.append(text.mid(pos, open - pos));
        const auto it = m_byPlaceholder.constFind(text.mid(open, close - open + 1).toString());
        if (it != m_byPlaceholder.constEnd()) {
            out.append(*it);
            pos = close + 1;
        } else {
            out.append(u'[');
            pos = open + 1;
        }
    }
    out.append(text.mid(pos));
    return out;
}

} // namespace Switchyard::Guards
