// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>
#include <QVarLengthArray>

#include <initializer_list>
#include <optional>
#include <span>

namespace Switchyard::JsonScan {

/// Where a value sits in a JSON text: [begin, end) byte offsets; begin < 0 when absent.
struct ValueSpan
{
    qsizetype begin = -1;
    qsizetype end = -1;
    bool found() const { return begin >= 0; }
    QByteArrayView in(QByteArrayView json) const { return json.sliced(begin, end - begin); }
};

/// Finds the values of \a keys among the top-level members of the JSON object \a json without
/// building a document: the gateway relays bodies byte for byte and only needs a member or two
/// of them (usage, model). Nested values are skipped, not parsed. \a spans[i] receives the span
/// of keys[i] (the first occurrence). Returns false when \a json is not a well-formed object at
/// the top level (the caller falls back to a full parse or gives up).
bool topLevelMembers(QByteArrayView json, std::initializer_list<QByteArrayView> keys,
                     std::span<ValueSpan> spans);

/// The string at \a span, unescaped; empty when it is not a string.
QString stringAt(QByteArrayView json, ValueSpan span);

/// The object at \a span, parsed; empty when it is not an object.
QJsonObject objectAt(QByteArrayView json, ValueSpan span);

/// A JSON object's text read member by member, for a few lookups (token counts) where
/// building a QJsonObject would cost more than the whole scan. Invalid text reads as empty.
class ObjectView
{
public:
    ObjectView() = default;
    explicit ObjectView(QByteArrayView json);

    bool isEmpty() const;
    bool contains(QByteArrayView key) const { return member(key).found(); }
    /// The member's number as an integer (QJsonValue::toInteger's rules: 17, 17.0 and 1.7e1
    /// give 17; a fraction or a non-number gives nothing).
    std::optional<qint64> integer(QByteArrayView key) const;
    /// The member when it is an object, else an empty view.
    ObjectView object(QByteArrayView key) const;

private:
    ValueSpan member(QByteArrayView key) const;

    struct Member
    {
        QByteArrayView key; ///< as written (escapes not decoded: the keys looked up have none)
        ValueSpan value;
    };
    QByteArrayView m_json;
    QVarLengthArray<Member, 8> m_members;
    bool m_valid = false;
};

} // namespace Switchyard::JsonScan
