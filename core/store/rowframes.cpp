// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/store/rowframes.h"

#include "core/store/logrecordrow.h"

#include <QStringEncoder>
#include <QtEndian>

#include <bit>
#include <cstring>

namespace Switchyard::Store::Internal::RowFrames {

namespace {

constexpr qsizetype headerSize = 8; // payload length, payload hash
constexpr qsizetype maxPayload = 64 * 1024 * 1024; // far above any row; guards a damaged length

enum Tag : char {
    NullInteger = 'N',
    NullReal = 'n',
    NullText = 'z',
    Integer = 'I',
    Real = 'R',
    Text = 'T',
};

quint32 fnv1a(QByteArrayView bytes)
{
    quint32 hash = 2166136261u;
    for (const char c : bytes) {
        hash ^= quint8(c);
        hash *= 16777619u;
    }
    return hash;
}

/// Encodes values straight into the output buffer: no QByteArray per text.
class FrameWriter final : public LogRecordRow::RowSink
{
public:
    explicit FrameWriter(QByteArray &out)
        : m_out(out)
        , m_start(out.size())
    {
        m_out.reserve(m_start + 1024); // a typical row; grows as needed
        m_out.resize(m_start + headerSize);
    }
    void nullInteger() override { m_out.append(char(NullInteger)); }
    void nullReal() override { m_out.append(char(NullReal)); }
    void nullText() override { m_out.append(char(NullText)); }
    void integer(qint64 value) override { put(Integer, quint64(value)); }
    void real(double value) override { put(Real, std::bit_cast<quint64>(value)); }
    void text(const QString &value) override
    {
        const qsizetype at = m_out.size();
        m_out.resize(at + 5 + value.size() * 3); // UTF-8 needs at most 3 bytes per UTF-16 unit
        char *begin = m_out.data() + at + 5;
        const char *end = m_encoder.appendToBuffer(begin, value);
        m_out.resize(at + 5 + (end - begin));
        m_out[at] = char(Text);
        qToLittleEndian(quint32(end - begin), m_out.data() + at + 1);
    }
    void utf8(QByteArrayView value) override
    {
        char length[4];
        qToLittleEndian(quint32(value.size()), length);
        m_out.append(char(Text));
        m_out.append(length, 4);
        m_out.append(value.data(), value.size());
    }
    void finish()
    {
        const QByteArrayView payload(m_out.constData() + m_start + headerSize,
                                     m_out.size() - m_start - headerSize);
        qToLittleEndian(quint32(payload.size()), m_out.data() + m_start);
        qToLittleEndian(fnv1a(payload), m_out.data() + m_start + 4);
    }

private:
    void put(Tag tag, quint64 bits)
    {
        char bytes[9];
        bytes[0] = char(tag);
        qToLittleEndian(bits, bytes + 1);
        m_out.append(bytes, 9);
    }
    QByteArray &m_out;
    qsizetype m_start;
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringEncoder::Flag::Stateless};
};

} // namespace

void append(QByteArray &out, const LogRecord &record)
{
    FrameWriter writer(out);
    LogRecordRow::writeRow(record, writer);
    writer.finish();
}

bool Reader::next(QByteArrayView *payload)
{
    const qsizetype left = m_data.size() - m_offset;
    if (left == 0)
        return false;
    const char *at = m_data.data() + m_offset;
    if (left < headerSize) {
        m_damaged = true;
        return false;
    }
    const qsizetype size = qFromLittleEndian<quint32>(at);
    const quint32 hash = qFromLittleEndian<quint32>(at + 4);
    // A zero length is what a zero-filled tail reads as; no real row is empty.
    if (size == 0 || size > maxPayload || size > left - headerSize
        || fnv1a(QByteArrayView(at + headerSize, size)) != hash) {
        m_damaged = true;
        return false;
    }
    *payload = QByteArrayView(at + headerSize, size);
    m_offset += headerSize + size;
    return true;
}

bool replay(QByteArrayView payload, LogRecordRow::RowSink &sink)
{
    const char *at = payload.data();
    const char *const end = at + payload.size();
    int columns = 0;
    const int expected = LogRecordRow::columnCount();
    while (at < end) {
        if (++columns > expected)
            return false;
        const char tag = *at++;
        switch (tag) {
        case NullInteger:
            sink.nullInteger();
            break;
        case NullReal:
            sink.nullReal();
            break;
        case NullText:
            sink.nullText();
            break;
        case Integer:
        case Real: {
            if (end - at < 8)
                return false;
            const quint64 bits = qFromLittleEndian<quint64>(at);
            at += 8;
            if (tag == Integer)
                sink.integer(qint64(bits));
            else
                sink.real(std::bit_cast<double>(bits));
            break;
        }
        case Text: {
            if (end - at < 4)
                return false;
            const qsizetype size = qFromLittleEndian<quint32>(at);
            at += 4;
            if (end - at < size)
                return false;
            sink.utf8(QByteArrayView(at, size));
            at += size;
            break;
        }
        default:
            return false;
        }
    }
    return columns == expected;
}

} // namespace Switchyard::Store::Internal::RowFrames
