// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/store/rowframes.h"

#include "core/store/logrecordrow.h"

#include <QStringEncoder>
#include <QtEndian>

#include <algorithm>
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

/// FNV-1a over 64-bit words (the tail byte by byte): a check against torn writes, not a
/// cryptographic hash; ~1 multiply per 8 bytes instead of per byte.
quint32 frameHash(QByteArrayView bytes)
{
    quint64 hash = 14695981039346656037ull;
    const char *at = bytes.data();
    const char *const end = at + bytes.size();
    for (; end - at >= 8; at += 8) {
        hash ^= qFromLittleEndian<quint64>(at);
        hash *= 1099511628211ull;
    }
    for (; at < end; ++at) {
        hash ^= quint8(*at);
        hash *= 1099511628211ull;
    }
    return quint32(hash ^ (hash >> 32));
}

/// Encodes values straight into the output buffer through a cursor: one capacity check per
/// value, no QByteArray call per byte.
class FrameWriter final : public LogRecordRow::RowSink
{
public:
    explicit FrameWriter(QByteArray &out)
        : m_out(out)
        , m_start(out.size())
    {
        m_out.resize(m_start + headerSize + 1024); // a typical row; grows as needed
        m_at = m_start + headerSize;
    }
    void nullInteger() override { tag(NullInteger); }
    void nullReal() override { tag(NullReal); }
    void nullText() override { tag(NullText); }
    void integer(qint64 value) override { put(Integer, quint64(value)); }
    void real(double value) override { put(Real, std::bit_cast<quint64>(value)); }
    void text(const QString &value) override
    {
        char *out = reserve(5 + value.size() * 3); // UTF-8 needs at most 3 bytes per UTF-16 unit
        const char *end = m_encoder.appendToBuffer(out + 5, value);
        out[0] = char(Text);
        qToLittleEndian(quint32(end - out - 5), out + 1);
        m_at += end - out;
    }
    void utf8(QByteArrayView value) override
    {
        char *out = reserve(5 + value.size());
        out[0] = char(Text);
        qToLittleEndian(quint32(value.size()), out + 1);
        std::memcpy(out + 5, value.data(), size_t(value.size()));
        m_at += 5 + value.size();
    }
    void finish()
    {
        m_out.resize(m_at);
        const QByteArrayView payload(m_out.constData() + m_start + headerSize,
                                     m_at - m_start - headerSize);
        qToLittleEndian(quint32(payload.size()), m_out.data() + m_start);
        qToLittleEndian(frameHash(payload), m_out.data() + m_start + 4);
    }

private:
    char *reserve(qsizetype size)
    {
        if (m_out.size() - m_at < size)
            m_out.resize(std::max(m_out.size() * 2, m_at + size));
        return m_out.data() + m_at;
    }
    void tag(Tag value)
    {
        *reserve(1) = char(value);
        ++m_at;
    }
    void put(Tag value, quint64 bits)
    {
        char *out = reserve(9);
        out[0] = char(value);
        qToLittleEndian(bits, out + 1);
        m_at += 9;
    }
    QByteArray &m_out;
    qsizetype m_start;
    qsizetype m_at;
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
        || (m_verify && frameHash(QByteArrayView(at + headerSize, size)) != hash)) {
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
