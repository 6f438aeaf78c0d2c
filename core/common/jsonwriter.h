// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QByteArray>
#include <QLatin1StringView>
#include <QString>

namespace Switchyard {

/// Appends compact JSON to a byte array, for records written on every request: building a
/// QJsonObject and serialising it costs about ten times as much. Callers write keys in the
/// order they want them to appear; the writer only handles commas and escaping.
class JsonWriter final
{
public:
    explicit JsonWriter(QByteArray &out)
        : m_out(out)
    {
    }

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }

    /// A key inside an object; the next call writes its value.
    void key(QLatin1StringView name);

    void value(const QString &text);
    void value(QLatin1StringView text);
    void value(bool flag);
    void value(double number);
    void value(qint64 number);
    void value(int number) { value(qint64(number)); }
    /// Already-serialised JSON (an object, array or literal).
    void rawValue(const QByteArray &json);

    /// key() then value().
    template<typename T>
    void member(QLatin1StringView name, const T &content)
    {
        key(name);
        value(content);
    }

    /// Appends \a text as a quoted, escaped JSON string (RFC 8259).
    static void appendString(QByteArray &out, QStringView text);

private:
    /// appendString's general case: escapes, and UTF-8 for non-ASCII text; no quotes.
    static void appendEscaped(QByteArray &out, QStringView text);
    void open(char bracket);
    void close(char bracket);
    void separate();

    QByteArray &m_out;
    bool m_needComma = false;
};

} // namespace Switchyard
