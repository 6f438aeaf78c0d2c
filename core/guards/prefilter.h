// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QByteArray>
#include <QtGlobal>
#include <QStringView>

#include <initializer_list>
#include <string_view>
#include <vector>

namespace Switchyard::Guards::Internal {

/// Cheap facts about a text, gathered in one linear pass before the DLP detectors run. Each
/// detector states a necessary condition on them (e.g. a card number needs 13 digits), so a
/// regex that cannot match is never run. Prefilters only skip work: they never change findings.
struct TextStats
{
    int digits = 0;          ///< ASCII digits
    int maxDigitRun = 0;     ///< longest run of consecutive ASCII digits
    int maxTokenRun = 0;     ///< longest run of [A-Za-z0-9+/_-]
    int maxUpperAlnumRun = 0; ///< longest run of [A-Z0-9]
    /// most digits in a span of digits and [ .()-] with at most two separators in a row
    /// (every phone, card, SSN and NINO digit layout fits in one such span)
    int maxNumberDigits = 0;
    /// most dots in a run of [0-9.] (a dotted quad needs three)
    int maxDottedDots = 0;
    int colons = 0;
    bool upperPair = false;           ///< two consecutive [A-Z]
    bool upperPairDigitPair = false;  ///< [A-Z]{2}\d{2}
    bool plusDigit = false;           ///< '+' followed by [1-9]
};

/// \a blocks: take runs of 8 units of [a-z ] at once (false: unit by unit, which tests compare).
TextStats textStats(QStringView text, bool blocks = true);

unsigned pairHash(char a, char b);

/// ASCII-lower-cased copy of the text for keyword checks that stand in for case-insensitive
/// regexes. U+017F (long s) and U+212A (Kelvin sign) match 's' and 'k' case-insensitively in
/// PCRE2, so they fold to those letters; every other non-ASCII character becomes 0x80.
struct FoldedText
{
    QByteArray bytes;
    /// Bloom filter of adjacent byte pairs: a keyword is searched for only if all its pairs
    /// may occur (the common case for prose is that one of them does not).
    quint64 pairs[32] = {};
    int maxBase64Run = 0;   ///< longest run of [A-Za-z0-9+/]
    bool invisible = false; ///< zero-width, bidi control, BOM or (high surrogate of) a tag character

    bool contains(std::string_view keyword) const;
    bool containsAny(std::initializer_list<std::string_view> keywords) const;
};

/// \a blocks: as for textStats().
FoldedText foldText(QStringView text, bool blocks = true);

/// Character sets that every match of some detectors is made of (ASCII only: the patterns use
/// \d, \w and explicit classes without Unicode properties).
enum class RunAlphabet : quint8 {
    None,
    Numeric,    ///< 0-9 space . - ( ) + ; keys: digits (phones, cards, SSNs, IPv4)
    UpperAlnum, ///< A-Z 0-9 space - ; keys: digits (IBAN, NINO, DNI)
    Hex,        ///< 0-9 A-F a-f : . ; keys: ':' (IPv6)
    Token,      ///< A-Z a-z 0-9 + / _ - ; no keys (API keys and tokens)
};
constexpr int kRunAlphabets = 5;

/// A maximal run of one alphabet's characters: [start, end), with its count of key characters.
struct CharRun
{
    qsizetype start = 0;
    qsizetype end = 0;
    int keys = 0;
};

/// The maximal runs of \a alphabet in \a text holding at least \a minKeys keys and at least
/// \a minLength characters, in text order.
std::vector<CharRun> charRuns(QStringView text, RunAlphabet alphabet, int minKeys, int minLength);

/// Test switch: when off, scanners and the injection detector run every regex on every text
/// (the behaviour the prefilters must reproduce). On by default; process-wide.
bool prefilterEnabled();
void setPrefilterEnabled(bool enabled);

} // namespace Switchyard::Guards::Internal
