// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/guards/prefilter.h"

#include <QtGlobal>

#include <array>
#include <atomic>
#include <bit>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

namespace {

#ifdef __SSE2__
/// For 8 UTF-16 units: bit i set when unit i is a space, and whether all 8 are [a-z] or ' '
/// (prose and most of code's words: the stats and the folding have shortcuts for them).
bool lowerOrSpaceBlock(const char16_t *at, unsigned *spaces)
{
    const __m128i units = _mm_loadu_si128(reinterpret_cast<const __m128i *>(at));
    const __m128i lower = _mm_and_si128(_mm_cmpgt_epi16(units, _mm_set1_epi16('a' - 1)),
                                        _mm_cmplt_epi16(units, _mm_set1_epi16('z' + 1)));
    const __m128i space = _mm_cmpeq_epi16(units, _mm_set1_epi16(' '));
    if (_mm_movemask_epi8(_mm_or_si128(lower, space)) != 0xffff)
        return false;
    // One bit per unit: take the low byte of each 16-bit lane's mask.
    const int pairs = _mm_movemask_epi8(space);
    unsigned bits = 0;
    for (int i = 0; i < 8; ++i)
        bits |= unsigned((pairs >> (2 * i)) & 1) << i;
    *spaces = bits;
    return true;
}
#endif

/// The running state of textStats(), one unit at a time or a block of [a-z ] at once.
struct StatsWalk
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

    void step(char16_t u)
    {
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

    /// Eight units of [a-z] and ' ' (bit i of \a spaces: unit i is a space): what step()
    /// would do for each, in closed form. Neither is a digit, upper-case letter, '.' or ':'.
    void lowerOrSpaceBlock(const char16_t *units, unsigned spaces)
    {
        if (digitRun > 0) {
            s.maxDigitRun = qMax(s.maxDigitRun, digitRun);
            s.maxNumberDigits = qMax(s.maxNumberDigits, numberDigits);
            digitRun = 0;
        }
        if (upperAlnumRun > 0) {
            s.maxUpperAlnumRun = qMax(s.maxUpperAlnumRun, upperAlnumRun);
            upperAlnumRun = 0;
        }
        dottedDots = 0;
        if (spaces == 0) {
            tokenRun += 8;
            numberDigits = 0;
            separatorStreak = 0;
        } else {
            // Letters extend the token run, spaces end it.
            int previousSpace = -1;
            for (unsigned rest = spaces; rest; rest &= rest - 1) {
                const int at = std::countr_zero(rest);
                tokenRun += at - previousSpace - 1;
                if (tokenRun > 0) {
                    s.maxTokenRun = qMax(s.maxTokenRun, tokenRun);
                    tokenRun = 0;
                }
                previousSpace = at;
            }
            tokenRun = 7 - previousSpace;
            // Spaces are number separators: a letter resets the streak (and the digits),
            // three spaces in a row reset the digits.
            if (spaces == 0xff) {
                separatorStreak += 8;
            } else {
                separatorStreak = std::countl_one(quint8(spaces)); // the spaces at the end
            }
            numberDigits = 0;
        }
        prev2 = (spaces >> 5) & 1 ? NumberSep : Lower;
        prev1 = (spaces >> 6) & 1 ? NumberSep : Lower;
        prev0 = units[7];
    }

    TextStats finish()
    {
        s.maxDigitRun = qMax(s.maxDigitRun, digitRun);
        s.maxNumberDigits = qMax(s.maxNumberDigits, numberDigits);
        s.maxTokenRun = qMax(s.maxTokenRun, tokenRun);
        s.maxUpperAlnumRun = qMax(s.maxUpperAlnumRun, upperAlnumRun);
        return s;
    }
};

} // namespace

TextStats textStats(QStringView text, bool blocks)
{
    StatsWalk walk;
    const char16_t *units = text.utf16();
    const qsizetype n = text.size();
    qsizetype i = 0;
#ifdef __SSE2__
    for (unsigned spaces = 0; blocks && i + 8 <= n;) {
        if (lowerOrSpaceBlock(units + i, &spaces)) {
            walk.lowerOrSpaceBlock(units + i, spaces);
            i += 8;
            continue;
        }
        for (const qsizetype end = i + 8; i < end; ++i)
            walk.step(units[i]);
    }
#else
    Q_UNUSED(blocks);
#endif
    for (; i < n; ++i)
        walk.step(units[i]);
    return walk.finish();
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

FoldedText foldText(QStringView text, bool blocks)
{
    FoldedText f;
    f.bytes.resize(text.size());
    char *out = f.bytes.data();
    int run = 0;
    unsigned last = 0;
    const auto pair = [&f, &last](unsigned c) {
        const unsigned h = ((last * 67u) ^ c) & 2047u;
        f.pairs[h >> 6] |= quint64(1) << (h & 63);
        last = c;
    };
    const char16_t *units = text.utf16();
    const qsizetype n = text.size();
    qsizetype i = 0;
    const auto step = [&](char16_t u) {
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
        pair(c);
    };
#ifdef __SSE2__
    for (unsigned spaces = 0; blocks && i + 8 <= n;) {
        if (!lowerOrSpaceBlock(units + i, &spaces)) {
            for (const qsizetype end = i + 8; i < end; ++i)
                step(units[i]);
            continue;
        }
        // [a-z ] folds to itself: narrow 8 units to 8 bytes at once.
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i *>(units + i));
        _mm_storel_epi64(reinterpret_cast<__m128i *>(out), _mm_packus_epi16(block, block));
        out += 8;
        for (int k = 0; k < 8; ++k)
            pair(units[i + k]);
        // Letters are base64, spaces are not.
        if (spaces == 0) {
            run += 8;
        } else {
            int previousSpace = -1;
            for (unsigned rest = spaces; rest; rest &= rest - 1) {
                const int at = std::countr_zero(rest);
                f.maxBase64Run = qMax(f.maxBase64Run, run + at - previousSpace - 1);
                run = 0;
                previousSpace = at;
            }
            run = 7 - previousSpace;
        }
        i += 8;
    }
#else
    Q_UNUSED(blocks);
#endif
    for (; i < n; ++i)
        step(units[i]);
    f.maxBase64Run = qMax(f.maxBase64Run, run);
    return f;
}

namespace {

struct AlphabetTable
{
    std::array<bool, 128> member{};
    std::array<bool, 128> key{};
};

constexpr AlphabetTable makeAlphabet(RunAlphabet alphabet)
{
    AlphabetTable t;
    const auto add = [&t](char lo, char hi, bool key = false) {
        for (int c = lo; c <= hi; ++c) {
            t.member[c] = true;
            t.key[c] = key;
        }
    };
    switch (alphabet) {
    case RunAlphabet::Numeric:
        add('0', '9', true);
        for (char c : {' ', '.', '-', '(', ')', '+'})
            add(c, c);
        break;
    case RunAlphabet::UpperAlnum:
        add('0', '9', true);
        add('A', 'Z');
        add(' ', ' ');
        add('-', '-');
        break;
    case RunAlphabet::Hex:
        add('0', '9');
        add('A', 'F');
        add('a', 'f');
        add('.', '.');
        add(':', ':', true);
        break;
    case RunAlphabet::Token:
        add('0', '9');
        add('A', 'Z');
        add('a', 'z');
        for (char c : {'+', '/', '_', '-'})
            add(c, c);
        break;
    case RunAlphabet::None:
        break;
    }
    return t;
}

constexpr std::array<AlphabetTable, kRunAlphabets> kAlphabets = {
    makeAlphabet(RunAlphabet::None), makeAlphabet(RunAlphabet::Numeric),
    makeAlphabet(RunAlphabet::UpperAlnum), makeAlphabet(RunAlphabet::Hex),
    makeAlphabet(RunAlphabet::Token)};

} // namespace

namespace {

bool isMember(const AlphabetTable &table, char16_t u)
{
    return u < 128 && table.member[u];
}

#ifdef __SSE2__
// 8 UTF-16 units at a time. Signed 16-bit compares: units >= 0x8000 read as negative and
// fall outside every (ASCII) range, as they should.
__m128i inRange(__m128i units, char16_t lo, char16_t hi)
{
    return _mm_and_si128(_mm_cmpgt_epi16(units, _mm_set1_epi16(short(lo - 1))),
                         _mm_cmplt_epi16(units, _mm_set1_epi16(short(hi + 1))));
}

__m128i equals(__m128i units, char16_t c)
{
    return _mm_cmpeq_epi16(units, _mm_set1_epi16(short(c)));
}

/// Bit pairs (one per unit, as _mm_movemask_epi8 gives them) of the key characters.
int keyMask(__m128i units, RunAlphabet alphabet)
{
    return _mm_movemask_epi8(alphabet == RunAlphabet::Hex ? equals(units, u':')
                                                          : inRange(units, u'0', u'9'));
}

int tokenMask(__m128i units)
{
    const __m128i letters = _mm_or_si128(inRange(units, u'a', u'z'), inRange(units, u'A', u'Z'));
    const __m128i punct = _mm_or_si128(_mm_or_si128(equals(units, u'+'), equals(units, u'/')),
                                       _mm_or_si128(equals(units, u'_'), equals(units, u'-')));
    return _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letters, inRange(units, u'0', u'9')), punct));
}

__m128i load8(const char16_t *at)
{
    return _mm_loadu_si128(reinterpret_cast<const __m128i *>(at));
}
#endif

/// The next position from \a i that may start a qualifying run's search: a key character
/// (keyed alphabets), or the first unit of 8 members in a row (Token runs of 15 or more, which
/// always hold such a block at any 8-aligned offset from \a i). n when there is none.
qsizetype nextSeed(const char16_t *text, qsizetype i, qsizetype n, RunAlphabet alphabet,
                   const AlphabetTable &table, bool byBlocks)
{
#ifdef __SSE2__
    for (; i + 8 <= n; i += 8) {
        const __m128i units = load8(text + i);
        if (byBlocks) {
            if (tokenMask(units) == 0xffff)
                return i;
        } else if (const int mask = keyMask(units, alphabet)) {
            return i + std::countr_zero(unsigned(mask)) / 2;
        }
    }
#endif
    for (; i < n; ++i) {
        if (byBlocks) {
            // Fewer than 8 units left, or no SSE2: every member may start a run.
            if (isMember(table, text[i]))
                return i;
        } else if (text[i] < 128 && table.key[text[i]]) {
            return i;
        }
    }
    return n;
}

} // namespace

std::vector<CharRun> charRuns(QStringView text, RunAlphabet alphabet, int minKeys, int minLength)
{
    std::vector<CharRun> runs;
    const AlphabetTable &table = kAlphabets[size_t(alphabet)];
    const char16_t *const units = text.utf16();
    const qsizetype n = text.size();
    // Seeds instead of a walk over every unit: most text holds few key characters (and few
    // long tokens), so only the runs around them are walked.
    const bool keyed = alphabet != RunAlphabet::Token && minKeys >= 1;
    const bool byBlocks = alphabet == RunAlphabet::Token && minLength >= 15;
    qsizetype i = 0;
    while (i < n) {
        if (keyed || byBlocks) {
            const qsizetype seed = nextSeed(units, i, n, alphabet, table, byBlocks);
            if (seed >= n)
                break;
            i = seed;
            while (i > 0 && isMember(table, units[i - 1]))
                --i; // back to the run's start (never before the previous run's end + 1)
        } else {
            while (i < n && !isMember(table, units[i]))
                ++i;
        }
        const qsizetype start = i;
        int keys = 0;
        while (i < n && isMember(table, units[i])) {
            keys += table.key[units[i]] ? 1 : 0;
            ++i;
        }
        if (i > start && keys >= minKeys && i - start >= minLength)
            runs.push_back({start, i, keys});
        if (i == start)
            ++i;
    }
    return runs;
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
