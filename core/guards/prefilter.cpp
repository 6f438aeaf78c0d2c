// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/guards/prefilter.h"

#include <QtGlobal>

#include <array>
#include <atomic>

namespace Switchyard::Guards::Internal {

namespace {

std::atomic<bool> g_prefilter{true};

enum : quint8 {
    Digit = 1,
    Upper = 2,
    Lower = 4,
    TokenPunct = 8,     // + / _ -
    NumberSep = 16,     // space - . ( )
};

constexpr std::array<quint8, 128> makeClasses()
{
    std::array<quint8, 128> t{};
    for (int c = '0'; c <= '9'; ++c) {
        t[c] = Digit;
    }
    for (int c = 'A'; c <= 'Z'; ++c) {
        t[c] = Upper;
        t[c + 32] = Lower;
    }
    t['+'] = t['/'] = t['_'] = TokenPunct;
    t['-'] = TokenPunct | NumberSep;
    t[' '] = t['.'] = t['('] = t[')'] = NumberSep;
    return t;
}

constexpr std::array<quint8, 128> kClasses = makeClasses();

quint8 classOf(char16_t u)
{
    return u < 128 ? kClasses[u] : 0;
}

constexpr bool isInvisible(char16_t u)
{
    return (u >= 0x200B && u <= 0x200D) || u == 0x2060 || u == 0xFEFF
           || (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069)
           || u == 0xDB40; // high surrogate of U+E0000..U+E03FF (tag characters)
}

} // namespace

unsigned pairHash(char a, char b)
{
    return ((unsigned(uchar(a)) * 67u) ^ unsigned(uchar(b))) & 2047u;
}

TextStats textStats(QStringView text)
{
    TextStats s;
    int digitRun = 0;
    int tokenRun = 0;
    int upperAlnumRun = 0;
    int numberDigits = 0;
    int separatorStreak = 0;
    int dottedDots = 0;
    quint8 prev2 = 0;
    quint8 prev1 = 0;
    char16_t prev0 = 0;
    for (const QChar ch : text) {
        const char16_t u = ch.unicode();
        const quint8 cls = classOf(u);
        const quint8 prevCls = classOf(prev0);
        if (cls & Digit) {
            ++s.digits;
            ++digitRun;
            ++tokenRun;
            ++upperAlnumRun;
            ++numberDigits;
            separatorStreak = 0;
            s.upperPairDigitPair |= (prevCls & Digit) && (prev1 & Upper) && (prev2 & Upper);
            s.plusDigit |= prev0 == u'+' && u != u'0';
        } else {
            if (digitRun > 0) {
                s.maxDigitRun = qMax(s.maxDigitRun, digitRun);
                s.maxNumberDigits = qMax(s.maxNumberDigits, numberDigits);
                digitRun = 0;
            }
            if (cls & (Upper | Lower | TokenPunct)) {
                ++tokenRun;
            } else if (tokenRun > 0) {
                s.maxTokenRun = qMax(s.maxTokenRun, tokenRun);
                tokenRun = 0;
            }
            if (cls & Upper) {
                ++upperAlnumRun;
                s.upperPair |= (prevCls & Upper) != 0;
            } else if (upperAlnumRun > 0) {
                s.maxUpperAlnumRun = qMax(s.maxUpperAlnumRun, upperAlnumRun);
                upperAlnumRun = 0;
            }
            if (cls & NumberSep) {
                if (++separatorStreak > 2) {
                    numberDigits = 0;
                }
            } else {
                numberDigits = 0;
                separatorStreak = 0;
            }
            if (u == u'.') {
                s.maxDottedDots = qMax(s.maxDottedDots, ++dottedDots);
            } else {
                dottedDots = 0;
                s.colons += u == u':' ? 1 : 0;
            }
        }
        prev2 = prev1;
        prev1 = prevCls;
        prev0 = u;
    }
    s.maxDigitRun = qMax(s.maxDigitRun, digitRun);
    s.maxNumberDigits = qMax(s.maxNumberDigits, numberDigits);
    s.maxTokenRun = qMax(s.maxTokenRun, tokenRun);
    s.maxUpperAlnumRun = qMax(s.maxUpperAlnumRun, upperAlnumRun);
    return s;
}

bool FoldedText::contains(std::string_view keyword) const
{
    for (size_t i = 1; i < keyword.size(); ++i) {
        const unsigned h = pairHash(keyword[i - 1], keyword[i]);
        if (!(pairs[h >> 6] & (quint64(1) << (h & 63)))) {
            return false;
        }
    }
    return std::string_view(bytes.constData(), size_t(bytes.size())).find(keyword)
           != std::string_view::npos;
}

bool FoldedText::containsAny(std::initializer_list<std::string_view> keywords) const
{
    for (const std::string_view keyword : keywords) {
        if (contains(keyword)) {
            return true;
        }
    }
    return false;
}

FoldedText foldText(QStringView text)
{
    FoldedText f;
    f.bytes.resize(text.size());
    char *out = f.bytes.data();
    int run = 0;
    unsigned last = 0;
    for (const QChar ch : text) {
        const char16_t u = ch.unicode();
        unsigned c;
        if (u < 0x80) {
            const quint8 cls = kClasses[u];
            c = (cls & Upper) ? u + 32u : u;
            // Base64 alphabet: letters, digits, '+' and '/'.
            if ((cls & (Digit | Upper | Lower)) || u == u'+' || u == u'/') {
                ++run;
            } else {
                f.maxBase64Run = qMax(f.maxBase64Run, run);
                run = 0;
            }
        } else {
            // U+017F and U+212A match 's' and 'k' case-insensitively but are not base64.
            c = u == 0x017F ? 's' : u == 0x212A ? 'k' : 0x80u;
            f.invisible = f.invisible || isInvisible(u);
            f.maxBase64Run = qMax(f.maxBase64Run, run);
            run = 0;
        }
        *out++ = char(c);
        const unsigned h = ((last * 67u) ^ c) & 2047u;
        f.pairs[h >> 6] |= quint64(1) << (h & 63);
        last = c;
    }
    f.maxBase64Run = qMax(f.maxBase64Run, run);
    return f;
}

bool prefilterEnabled()
{
    return g_prefilter.load(std::memory_order_relaxed);
}

void setPrefilterEnabled(bool enabled)
{
    g_prefilter.store(enabled, std::memory_order_relaxed);
}

} // namespace Switchyard::Guards::Internal
