// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/common/jsonwriter.h"

#include <charconv>
#include <cmath>
#include <cstring>

namespace Switchyard {

void JsonWriter::separate()
{
    if (m_needComma)
        m_out += ',';
    m_needComma = true;
}

void JsonWriter::open(char bracket)
{
    separate();
    m_out += bracket;
    m_needComma = false;
}

void JsonWriter::close(char bracket)
{
    m_out += bracket;
    m_needComma = true;
}

void JsonWriter::key(QLatin1StringView name)
{
    // One resize and copy: keys are plain ASCII identifiers, written for every member.
    const qsizetype start = m_out.size();
    const qsizetype comma = m_needComma ? 1 : 0;
    m_out.resize(start + comma + name.size() + 3);
    char *p = m_out.data() + start;
    if (comma)
        *p++ = ',';
    *p++ = '"';
    std::memcpy(p, name.data(), size_t(name.size()));
    p += name.size();
    *p++ = '"';
    *p = ':';
    m_needComma = false;
}

void JsonWriter::value(const QString &text)
{
    separate();
    appendString(m_out, text);
}

void JsonWriter::value(QLatin1StringView text)
{
    value(QString(text));
}

void JsonWriter::value(bool flag)
{
    separate();
    m_out += flag ? "true" : "false";
}

void JsonWriter::value(double number)
{
    separate();
    // JSON has no NaN or infinity; QJsonValue writes them as null too.
    if (!std::isfinite(number)) {
        m_out += "null";
        return;
    }
    // Shortest round-trip text, like QByteArray::number(number, 'g', FloatingPointShortest)
    // but without its allocation and locale layer (~6x cheaper; one per logged request).
    char text[32];
    const auto result = std::to_chars(text, text + sizeof text, number);
    m_out.append(text, result.ptr - text);
}

void JsonWriter::value(qint64 number)
{
    separate();
    char text[24];
    const auto result = std::to_chars(text, text + sizeof text, number);
    m_out.append(text, result.ptr - text);
}

void JsonWriter::rawValue(const QByteArray &json)
{
    separate();
    m_out += json;
}

void JsonWriter::appendString(QByteArray &out, QStringView text)
{
    // Fast path: plain ASCII with nothing to escape is written straight into the buffer.
    const qsizetype start = out.size();
    out.resize(start + text.size() + 2);
    char *p = out.data() + start;
    *p++ = '"';
    qsizetype i = 0;
    for (; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c < 0x20 || c >= 0x80 || c == u'"' || c == u'\\')
            break;
        *p++ = char(c);
    }
    if (i == text.size()) {
        *p = '"';
        return;
    }
    out.truncate(p - out.constData());
    appendEscaped(out, text.sliced(i));
    out += '"';
}

void JsonWriter::appendEscaped(QByteArray &out, QStringView text)
{
    static constexpr char hex[] = "0123456789abcdef";
    qsizetype plainFrom = 0;
    auto flushPlain = [&](qsizetype upTo) {
        if (upTo > plainFrom)
            out += text.mid(plainFrom, upTo - plainFrom).toUtf8();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c >= 0x20 && c != u'"' && c != u'\\')
            continue;
        flushPlain(i);
        plainFrom = i + 1;
        switch (c) {
        case u'"': out += "\\\""; break;
        case u'\\': out += "\\\\"; break;
        case u'\n': out += "\\n"; break;
        case u'\r': out += "\\r"; break;
        case u'\t': out += "\\t"; break;
        case u'\b': out += "\\b"; break;
        case u'\f': out += "\\f"; break;
        default:
            out += "\\u00";
            out += hex[(c >> 4) & 0xf];
            out += hex[c & 0xf];
        }
    }
    flushPlain(text.size());
}

} // namespace Switchyard
