// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/guards/streamscanner.h"

#include <QRegularExpression>

namespace Switchyard::Guards {

namespace {

constexpr qsizetype kContext = 32; // look-behinds and validators look back at most this far
constexpr qsizetype kMinEmit = 32; // rescan only once this much new text is past the window
constexpr qsizetype kKeyTail = 64; // while dropping a key body, enough to spot a split END line

const QRegularExpression &keyHeader()
{
    static const QRegularExpression re = [] {
        QRegularExpression r(QStringLiteral("-----BEGIN[A-Z0-9 ]{0,40}PRIVATE KEY-----"));
        r.optimize();
        return r;
    }();
    return re;
}

const QRegularExpression &keyFooter()
{
    static const QRegularExpression re = [] {
        QRegularExpression r(QStringLiteral("-----END[A-Z0-9 ]{0,40}PRIVATE KEY-----"));
        r.optimize();
        return r;
    }();
    return re;
}

} // namespace

StreamScanner::StreamScanner(DlpScannerPtr scanner, PlaceholderMap *placeholders,
                             bool restorePlaceholders)
    : m_scanner(std::move(scanner))
    , m_placeholders(placeholders ? placeholders : &m_ownPlaceholders)
    , m_restore(restorePlaceholders)
{}

QString StreamScanner::feed(QStringView chunk)
{
    if (m_blocked) {
        return {};
    }
    m_pending.append(chunk);
    return process(false);
}

QString StreamScanner::finish()
{
    if (m_blocked) {
        return {};
    }
    QString out = process(true);
    m_pending.clear();
    return out;
}

QString StreamScanner::process(bool final)
{
    QString out;
    while (!m_blocked) {
        if (m_inKey) {
            out += swallowKey();
            if (m_inKey) {
                return out;
            }
            continue;
        }
        if (handleKeyHeader(out)) {
            continue;
        }
        out += emitPlain(final);
        return out;
    }
    return out;
}

// A PEM header is a hard boundary: everything before it is flushed as if the stream ended
// there, the block becomes one placeholder, and the body is dropped until the END line.
bool StreamScanner::handleKeyHeader(QString &out)
{
    const DlpSettings &settings = m_scanner->settings();
    if (!settings.runs(DataClass::Secret)
        || !m_pending.contains(QLatin1String("PRIVATE KEY-----"))) {
        return false;
    }
    const QRegularExpressionMatch m = keyHeader().match(m_pending);
    if (!m.hasMatch()) {
        return false;
    }
    Finding key;
    key.dataClass = DataClass::Secret;
    key.detector = QStringLiteral("private_key");
    const GuardAction action = settings.actionFor(key);
    if (action == GuardAction::Off || action == GuardAction::Log) {
        return false; // forwarded as is; the plain path records a log finding
    }
    // Each block gets its own placeholder: the body is never held, so it cannot be compared.
    key.value = m.captured(0) + QLatin1Char('#') + QString::number(++m_keys);
    const QString rest = m_pending.mid(m.capturedEnd(0));
    m_pending.truncate(m.capturedStart(0));
    out += emitPlain(true);
    if (m_blocked) {
        return false;
    }
    key.start = m_consumed;
    key.length = m.capturedLength(0);
    const FindingRecord record{0, key.dataClass, key.detector, {}, action, key.start, key.length};
    m_findings.append(record);
    if (action == GuardAction::Block) {
        m_blocked = true;
        m_blockReason = Redactor::blockMessage(record, true);
        return false;
    }
    out += m_placeholders->placeholderFor(key);
    m_consumed += m.capturedLength(0);
    m_context.clear();
    m_pending = rest;
    m_inKey = true;
    return true;
}

QString StreamScanner::swallowKey()
{
    const QRegularExpressionMatch m = keyFooter().match(m_pending);
    if (m.hasMatch()) {
        m_consumed += m.capturedEnd(0);
        m_pending.remove(0, m.capturedEnd(0));
        m_inKey = false;
        return {};
    }
    if (m_pending.size() > kKeyTail) {
        m_consumed += m_pending.size() - kKeyTail;
        m_pending.remove(0, m_pending.size() - kKeyTail);
    }
    return {};
}

QString StreamScanner::emitPlain(bool final)
{
    if (m_pending.isEmpty() || (!final && m_pending.size() < kHold + kMinEmit)) {
        return {};
    }
    const QString buffer = m_context + m_pending;
    const qsizetype offset = m_context.size();
    const QList<Finding> found = m_scanner->scan(buffer);
    qsizetype cut = final ? buffer.size() : buffer.size() - kHold;
    for (const Finding &f : found) {
        if (f.start >= offset && f.start < cut) {
            cut = qMax(cut, f.end());
        }
    }
    // Never cut inside a placeholder that restore has to see whole.
    if (m_restore && !final) {
        const qsizetype open = buffer.lastIndexOf(u'[', cut - 1);
        const qsizetype window = qMax<qsizetype>(m_placeholders->longestPlaceholder(), 1);
        const qsizetype close = buffer.indexOf(u']', open);
        if (open >= offset && cut - open < window && (close < 0 || close >= cut)) {
            cut = open;
        }
        // A finding must not straddle the moved cut (custom patterns may contain '[').
        for (const Finding &f : found) {
            if (f.start >= offset && f.start < cut && f.end() > cut) {
                cut = f.start;
            }
        }
    }
    const DlpSettings &settings = m_scanner->settings();
    // Restore only model text: placeholders inserted here for new findings must stay.
    const auto plain = [this](QStringView text) {
        return m_restore ? m_placeholders->restore(text) : text.toString();
    };
    QString out;
    qsizetype pos = offset;
    for (const Finding &f : found) {
        if (f.start < offset || f.end() > cut) {
            continue;
        }
        const GuardAction action = settings.actionFor(f);
        if (action == GuardAction::Off) {
            continue;
        }
        const FindingRecord record{0,       f.dataClass, f.detector,
                                   f.label, action,      m_consumed + f.start - offset,
                                   f.length};
        m_findings.append(record);
        if (action == GuardAction::Block) {
            out.append(plain(QStringView(buffer).mid(pos, f.start - pos)));
            m_blocked = true;
            m_blockReason = Redactor::blockMessage(record, true);
            m_pending.clear();
            return out;
        }
        if (action == GuardAction::Redact) {
            out.append(plain(QStringView(buffer).mid(pos, f.start - pos)));
            out.append(m_placeholders->placeholderFor(f));
            pos = f.end();
        }
    }
    out.append(plain(QStringView(buffer).mid(pos, cut - pos)));
    m_consumed += cut - offset;
    m_context = buffer.mid(qMax<qsizetype>(0, cut - kContext), qMin(cut, kContext));
    m_pending = buffer.mid(cut);
    return out;
}

} // namespace Switchyard::Guards
