// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/guards/checksums.h"

#include <QList>

#include <array>
#include <cmath>

namespace Switchyard::Guards::Internal {

namespace {

struct IbanCountry
{
    char code[3];
    int length;
};

// SWIFT IBAN registry lengths (release 2024); enough for every SEPA country and the common rest.
constexpr IbanCountry kIbanCountries[]
    = {{"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16},
       {"BG", 22}, {"BH", 22}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28},
       {"CZ", 24}, {"DE", 22}, {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24},
       {"FI", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18},
       {"GR", 27}, {"GT", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23},
       {"IS", 26}, {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32},
       {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21}, {"MC", 27}, {"MD", 24}, {"ME", 22},
       {"MK", 19}, {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NL", 18}, {"NO", 15}, {"PK", 24},
       {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"SA", 24},
       {"SC", 31}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"ST", 25}, {"SV", 28},
       {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20}};

bool startsWithRange(QStringView digits, int prefixLen, int lo, int hi)
{
    if (digits.size() < prefixLen) {
        return false;
    }
    const int prefix = digits.left(prefixLen).toInt();
    return prefix >= lo && prefix <= hi;
}

bool issuerAccepts(QStringView d)
{
    const qsizetype n = d.size();
    if (d.startsWith(u'4')) {
        return n == 13 || n == 16 || n == 19; // Visa
    }
    if (startsWithRange(d, 2, 51, 55) || startsWithRange(d, 4, 2221, 2720)) {
        return n == 16; // Mastercard
    }
    if (startsWithRange(d, 2, 34, 34) || startsWithRange(d, 2, 37, 37)) {
        return n == 15; // American Express
    }
    if (d.startsWith(u"6011") || startsWithRange(d, 3, 644, 649) || d.startsWith(u"65")) {
        return n >= 16 && n <= 19; // Discover
    }
    if (startsWithRange(d, 4, 3528, 3589)) {
        return n >= 16 && n <= 19; // JCB
    }
    if (startsWithRange(d, 3, 300, 305) || d.startsWith(u"36") || d.startsWith(u"38")
        || d.startsWith(u"39")) {
        return n >= 14 && n <= 19; // Diners Club
    }
    if (d.startsWith(u"62")) {
        return n >= 16 && n <= 19; // UnionPay
    }
    if (d.startsWith(u"50") || startsWithRange(d, 2, 56, 69)) {
        return n >= 13 && n <= 19; // Maestro
    }
    return false;
}

bool isHex(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

bool ipv4Valid(QStringView text)
{
    const QList<QStringView> parts = text.split(u'.');
    if (parts.size() != 4) {
        return false;
    }
    for (QStringView p : parts) {
        bool ok = false;
        const int v = p.toInt(&ok);
        if (!ok || p.isEmpty() || p.size() > 3 || v > 255 || (p.size() > 1 && p.startsWith(u'0'))) {
            return false;
        }
    }
    return true;
}

// Counts hex groups of a colon-separated run; -1 when a group is malformed.
int hexGroups(QStringView text, bool allowIpv4Tail)
{
    if (text.isEmpty()) {
        return 0;
    }
    const QList<QStringView> groups = text.split(u':');
    int count = 0;
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const QStringView g = groups.at(i);
        if (allowIpv4Tail && i == groups.size() - 1 && g.contains(u'.')) {
            if (!ipv4Valid(g)) {
                return -1;
            }
            count += 2;
            continue;
        }
        if (g.isEmpty() || g.size() > 4) {
            return -1;
        }
        for (QChar c : g) {
            if (!isHex(c)) {
                return -1;
            }
        }
        ++count;
    }
    return count;
}

} // namespace

bool luhnValid(QStringView text)
{
    int sum = 0;
    bool doubleIt = false;
    int digits = 0;
    for (qsizetype i = text.size() - 1; i >= 0; --i) {
        const QChar c = text.at(i);
        if (!c.isDigit()) {
            continue;
        }
        int v = c.unicode() - u'0';
        if (doubleIt) {
            v *= 2;
            if (v > 9) {
                v -= 9;
            }
        }
        sum += v;
        doubleIt = !doubleIt;
        ++digits;
    }
    return digits > 0 && sum % 10 == 0;
}

bool cardValid(QStringView digits)
{
    if (digits.size() < 13 || digits.size() > 19) {
        return false;
    }
    for (QChar c : digits) {
        if (c < u'0' || c > u'9') {
            return false;
        }
    }
    return issuerAccepts(digits) && luhnValid(digits);
}

int ibanLength(QStringView country)
{
    for (const IbanCountry &c : kIbanCountries) {
        if (country == QLatin1String(c.code, 2)) {
            return c.length;
        }
    }
    return 0;
}

bool ibanValid(QStringView compact)
{
    if (compact.size() < 15 || ibanLength(compact.left(2)) != compact.size()) {
        return false;
    }
    // Move the first four characters to the end, letters become 10..35, then mod 97 piecewise.
    int remainder = 0;
    for (qsizetype k = 0; k < compact.size(); ++k) {
        const QChar c = compact.at((k + 4) % compact.size());
        if (c >= u'0' && c <= u'9') {
            remainder = (remainder * 10 + (c.unicode() - u'0')) % 97;
        } else if (c >= u'A' && c <= u'Z') {
            remainder = (remainder * 100 + (c.unicode() - u'A' + 10)) % 97;
        } else {
            return false;
        }
    }
    return remainder == 1;
}

bool ssnValid(QStringView digits)
{
    if (digits.size() != 9) {
        return false;
    }
    const QStringView area = digits.left(3);
    if (area == u"000" || area == u"666" || area.startsWith(u'9')) {
        return false;
    }
    return digits.mid(3, 2) != u"00" && digits.right(4) != u"0000";
}

bool ninoValid(QStringView c)
{
    if (c.size() != 9) {
        return false;
    }
    static constexpr char16_t kBadFirst[] = u"DFIQUV";
    static constexpr char16_t kBadSecond[] = u"DFIQUVO";
    if (QStringView(kBadFirst).contains(c.at(0)) || QStringView(kBadSecond).contains(c.at(1))) {
        return false;
    }
    static const char16_t *const kBadPrefixes[] = {u"BG", u"GB", u"NK", u"KN", u"TN", u"NT", u"ZZ"};
    for (const char16_t *p : kBadPrefixes) {
        if (c.left(2) == QStringView(p)) {
            return false;
        }
    }
    const QChar suffix = c.at(8);
    return suffix >= u'A' && suffix <= u'D';
}

bool dniValid(QStringView c)
{
    if (c.size() != 9) {
        return false;
    }
    static constexpr char16_t kLetters[] = u"TRWAGMYFPDXBNJZSQVHLCKE";
    QString digits = c.left(8).toString();
    const QChar first = digits.at(0);
    if (first == u'X' || first == u'Y' || first == u'Z') {
        digits[0] = QChar(u'0' + (first.unicode() - u'X'));
    }
    bool ok = false;
    const qint64 number = digits.toLongLong(&ok);
    return ok && c.at(8) == QChar(kLetters[number % 23]);
}

bool ipv6Valid(QStringView text)
{
    const qsizetype dbl = text.indexOf(u"::");
    if (dbl < 0) {
        return hexGroups(text, true) == 8;
    }
    if (text.indexOf(u"::", dbl + 1) >= 0) {
        return false;
    }
    const int head = hexGroups(text.left(dbl), false);
    const int tail = hexGroups(text.mid(dbl + 2), true);
    // Two real groups at least, so C++ scopes such as "a::b" are not taken for addresses.
    return head >= 0 && tail >= 0 && head + tail <= 7 && head + tail >= 2;
}

double shannonEntropy(QStringView text)
{
    if (text.isEmpty()) {
        return 0;
    }
    std::array<int, 128> counts{};
    int other = 0;
    for (QChar c : text) {
        if (c.unicode() < 128) {
            ++counts[c.unicode()];
        } else {
            ++other;
        }
    }
    const double n = double(text.size());
    double bits = 0;
    const auto add = [&](int count) {
        if (count > 0) {
            const double p = count / n;
            bits -= p * std::log2(p);
        }
    };
    for (int count : counts) {
        add(count);
    }
    add(other);
    return bits;
}

} // namespace Switchyard::Guards::Internal
