// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/common/jsonscan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtAlgorithms>

#include <array>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace Switchyard::JsonScan {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

qsizetype skipSpace(QByteArrayView json, qsizetype at)
{
    while (at < json.size() && isSpace(json[at]))
        ++at;
    return at;
}

/// \a at is on the opening quote; returns the offset just past the closing one, or -1.
qsizetype skipString(QByteArrayView json, qsizetype at)
{
    const char *data = json.data();
    const qsizetype size = json.size();
    ++at;
#ifdef __SSE2__
    // Bodies are mostly message text: find the next quote, backslash or control character
    // 16 bytes at a time.
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i controlMax = _mm_set1_epi8(0x1f);
    while (at + 16 <= size) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + at));
        const __m128i special = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(chunk, quote), _mm_cmpeq_epi8(chunk, backslash)),
            _mm_cmpeq_epi8(_mm_min_epu8(chunk, controlMax), chunk)); // byte <= 0x1f
        const int mask = _mm_movemask_epi8(special);
        if (mask == 0) {
            at += 16;
            continue;
        }
        at += qCountTrailingZeroBits(quint32(mask));
        const char c = data[at];
        if (c == '"')
            return at + 1;
        if (c != '\\')
            return -1; // a raw control character
        at += 2; // the escape and the character it escapes
    }
#endif
    for (; at < size; ++at) {
        const char c = data[at];
        if (c == '\\')
            ++at;
        else if (c == '"')
            return at + 1;
        else if (static_cast<unsigned char>(c) < 0x20)
            return -1;
    }
    return -1;
}

/// Skips one value starting at \a at (no leading space); returns the offset past it, or -1.
qsizetype skipValue(QByteArrayView json, qsizetype at)
{
    if (at >= json.size())
        return -1;
    const char first = json[at];
    if (first == '"')
        return skipString(json, at);
    if (first == '{' || first == '[') {
        int depth = 0;
        while (at < json.size()) {
            const char c = json[at];
            if (c == '"') {
                at = skipString(json, at);
                if (at < 0)
                    return -1;
                continue;
            }
            if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return at + 1;
            }
            ++at;
        }
        return -1;
    }
    // Numbers and literals run up to the next delimiter.
    const qsizetype start = at;
    while (at < json.size() && !isSpace(json[at]) && json[at] != ',' && json[at] != '}'
           && json[at] != ']')
        ++at;
    return at > start ? at : -1;
}

/// Calls \a visit(key, valueSpan) for each top-level member of the object \a json, in order;
/// false when \a json is not a well-formed object at the top level.
template<typename Visit>
bool forEachMember(QByteArrayView json, Visit &&visit)
{
    qsizetype at = skipSpace(json, 0);
    if (at >= json.size() || json[at] != '{')
        return false;
    at = skipSpace(json, at + 1);
    if (at < json.size() && json[at] == '}')
        return skipSpace(json, at + 1) == json.size();
    while (at < json.size()) {
        if (json[at] != '"')
            return false;
        const qsizetype keyEnd = skipString(json, at);
        if (keyEnd < 0)
            return false;
        const QByteArrayView key = json.sliced(at + 1, keyEnd - at - 2);
        at = skipSpace(json, keyEnd);
        if (at >= json.size() || json[at] != ':')
            return false;
        const qsizetype valueBegin = skipSpace(json, at + 1);
        const qsizetype valueEnd = skipValue(json, valueBegin);
        if (valueEnd < 0)
            return false;
        visit(key, ValueSpan{valueBegin, valueEnd});
        at = skipSpace(json, valueEnd);
        if (at >= json.size())
            return false;
        if (json[at] == '}')
            return skipSpace(json, at + 1) == json.size();
        if (json[at] != ',')
            return false;
        at = skipSpace(json, at + 1);
    }
    return false;
}

} // namespace

bool topLevelMembers(QByteArrayView json, std::initializer_list<QByteArrayView> keys,
                     std::span<ValueSpan> spans)
{
    for (ValueSpan &span : spans)
        span = {};
    return forEachMember(json, [&](QByteArrayView key, ValueSpan value) {
        size_t index = 0;
        for (QByteArrayView wanted : keys) {
            if (index < spans.size() && !spans[index].found() && key == wanted)
                spans[index] = value;
            ++index;
        }
    });
}

QString stringAt(QByteArrayView json, ValueSpan span)
{
    if (!span.found() || json[span.begin] != '"')
        return {};
    const QByteArrayView inner = json.sliced(span.begin + 1, span.end - span.begin - 2);
    if (!inner.contains('\\'))
        return QString::fromUtf8(inner);
    // Escapes are rare in the members we read; let Qt's parser handle them.
    QByteArray wrapped;
    wrapped.reserve(span.end - span.begin + 2);
    wrapped += '[';
    wrapped += span.in(json);
    wrapped += ']';
    return QJsonDocument::fromJson(wrapped).array().at(0).toString();
}

QJsonObject objectAt(QByteArrayView json, ValueSpan span)
{
    if (!span.found() || json[span.begin] != '{')
        return {};
    return QJsonDocument::fromJson(span.in(json).toByteArray()).object();
}

ObjectView::ObjectView(QByteArrayView json)
    : m_json(json)
{
    // One scan: the few lookups that follow compare keys, not bytes of the whole object.
    m_valid = forEachMember(json, [this](QByteArrayView key, ValueSpan value) {
        m_members.append({key, value});
    });
    if (!m_valid)
        m_members.clear();
}

bool ObjectView::isEmpty() const
{
    return m_members.isEmpty();
}

ValueSpan ObjectView::member(QByteArrayView key) const
{
    for (const Member &member : m_members) {
        if (member.key == key)
            return member.value; // the first occurrence, as topLevelMembers
    }
    return {};
}

std::optional<qint64> ObjectView::integer(QByteArrayView key) const
{
    const ValueSpan span = member(key);
    if (!span.found())
        return std::nullopt;
    const QByteArrayView text = span.in(m_json);
    const char first = text.front();
    if (first != '-' && (first < '0' || first > '9'))
        return std::nullopt; // a string, object, array or literal
    bool ok = false;
    const qint64 whole = text.toLongLong(&ok);
    if (ok)
        return whole;
    const double number = text.toDouble(&ok);
    if (!ok || number != double(qint64(number)))
        return std::nullopt;
    return qint64(number);
}

ObjectView ObjectView::object(QByteArrayView key) const
{
    const ValueSpan span = member(key);
    if (!span.found() || m_json[span.begin] != '{')
        return {};
    return ObjectView(span.in(m_json));
}

} // namespace Switchyard::JsonScan
