// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/guards/checksums.h"
#include "core/guards/detector.h"

#include <QVarLengthArray>

namespace Switchyard::Guards::Internal {

namespace {

QRegularExpression compile(const char *pattern, QRegularExpression::PatternOptions options
                                                = QRegularExpression::NoPatternOption)
{
    QRegularExpression re(QLatin1String(pattern), options);
    re.optimize();
    return re;
}

QString compact(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (c.isLetterOrNumber()) {
            out.append(c);
        }
    }
    return out;
}

int digitCount(QStringView text)
{
    int n = 0;
    for (QChar c : text) {
        n += (c >= u'0' && c <= u'9') ? 1 : 0;
    }
    return n;
}

Validator digitsBetween(int lo, int hi)
{
    return [lo, hi](QStringView text, qsizetype start, qsizetype length) -> qsizetype {
        const int n = digitCount(text.mid(start, length));
        return n >= lo && n <= hi ? length : 0;
    };
}

qsizetype validateEmail(QStringView text, qsizetype start, qsizetype length)
{
    const QStringView value = text.mid(start, length);
    const QStringView tld = value.mid(value.lastIndexOf(u'.') + 1);
    // "logo@2x.png", "icon@3x.svg": asset names, not addresses.
    static const char16_t *const kFileTlds[] = {u"png",  u"jpg", u"jpeg", u"gif", u"svg",
                                                u"webp", u"css", u"js",   u"ts",  u"json"};
    for (const char16_t *ext : kFileTlds) {
        if (tld.compare(QStringView(ext), Qt::CaseInsensitive) == 0) {
            return 0;
        }
    }
    return length;
}

// A greedy digit run may swallow a following group ("card 4111 1111 1111 1111 2024"): try
// the whole run, then every shorter prefix that ends at a separator, longest first.
qsizetype validateCard(QStringView text, qsizetype start, qsizetype length)
{
    const QStringView run = text.mid(start, length);
    QString digits;
    QVarLengthArray<qsizetype, 8> groupEnds; // (digit count, span length) at each separator
    QVarLengthArray<qsizetype, 8> groupSpans;
    for (qsizetype i = 0; i < run.size(); ++i) {
        if (run.at(i).isDigit()) {
            digits.append(run.at(i));
        } else {
            groupEnds.append(digits.size());
            groupSpans.append(i);
        }
    }
    if (cardValid(digits)) {
        return length;
    }
    for (qsizetype g = groupEnds.size() - 1; g >= 0; --g) {
        if (cardValid(QStringView(digits).left(groupEnds[g]))) {
            return groupSpans[g];
        }
    }
    return 0;
}

// Takes exactly the registered number of characters for the country, so trailing words in
// capitals are not swallowed, and checks mod-97.
qsizetype validateIban(QStringView text, qsizetype start, qsizetype length)
{
    const QStringView span = text.mid(start, length);
    const int want = ibanLength(span.left(2));
    if (want == 0) {
        return 0;
    }
    QString value;
    qsizetype i = 0;
    for (; i < span.size() && value.size() < want; ++i) {
        if (span.at(i) != u' ') {
            value.append(span.at(i));
        }
    }
    if (value.size() != want || (i < span.size() && span.at(i) != u' ')) {
        return 0;
    }
    return ibanValid(value) ? i : 0;
}

qsizetype validateSsn(QStringView text, qsizetype start, qsizetype length)
{
    return ssnValid(compact(text.mid(start, length))) ? length : 0;
}

qsizetype validateNino(QStringView text, qsizetype start, qsizetype length)
{
    return ninoValid(compact(text.mid(start, length))) ? length : 0;
}

qsizetype validateDni(QStringView text, qsizetype start, qsizetype length)
{
    return dniValid(compact(text.mid(start, length))) ? length : 0;
}

// "version 1.2.3.4", "build 10.0.19041.1": four-part version numbers look like addresses.
qsizetype validateIpv4(QStringView text, qsizetype start, qsizetype length)
{
    // Loopback, "any" and broadcast say nothing about a network; coding prompts use them a lot.
    const QStringView value = text.mid(start, length);
    if (value.startsWith(u"127.") || value == u"0.0.0.0" || value == u"255.255.255.255") {
        return 0;
    }
    const QStringView before = text.mid(qMax<qsizetype>(0, start - 16), qMin<qsizetype>(start, 16))
                                   .trimmed();
    static const char16_t *const kVersionWords[] = {u"version", u"ver",      u"ver.", u"release",
                                                    u"build",   u"firmware", u"v."};
    for (const char16_t *word : kVersionWords) {
        if (before.endsWith(QStringView(word), Qt::CaseInsensitive)) {
            return 0;
        }
    }
    return length;
}

qsizetype validateIpv6(QStringView text, qsizetype start, qsizetype length)
{
    return ipv6Valid(text.mid(start, length)) ? length : 0;
}

Detector make(DataClass cls, const char *name, QRegularExpression re, Validator validate,
              const char *hint, int priority)
{
    Detector d;
    d.dataClass = cls;
    d.name = QLatin1String(name);
    d.re = std::move(re);
    d.validate = std::move(validate);
    d.hint = QLatin1String(hint);
    d.priority = priority;
    return d;
}

// Necessary conditions read off each pattern (and its validator's digit count).
using MayMatch = bool (*)(const TextStats &);
MayMatch piiPrefilter(const QString &name)
{
    static const struct
    {
        const char16_t *name;
        MayMatch mayMatch;
    } kTable[] = {
        {u"phone_international",
         [](const TextStats &s) { return s.plusDigit && s.maxNumberDigits >= 8; }},
        {u"phone_nanp", [](const TextStats &s) { return s.maxNumberDigits >= 10; }},
        {u"phone_trunk", [](const TextStats &s) { return s.maxNumberDigits >= 10; }},
        {u"card", [](const TextStats &s) { return s.maxNumberDigits >= 13; }},
        {u"iban", [](const TextStats &s) { return s.upperPairDigitPair; }},
        {u"ssn", [](const TextStats &s) { return s.maxNumberDigits >= 9 && s.maxDigitRun >= 4; }},
        {u"nino", [](const TextStats &s) { return s.upperPair && s.maxNumberDigits >= 6; }},
        {u"dni", [](const TextStats &s) { return s.maxDigitRun >= 7; }},
        {u"ipv4", [](const TextStats &s) { return s.maxDottedDots >= 3 && s.digits >= 4; }},
        {u"ipv6", [](const TextStats &s) { return s.colons >= 2; }},
    };
    for (const auto &entry : kTable) {
        if (name == QStringView(entry.name)) {
            return entry.mayMatch;
        }
    }
    return nullptr;
}

// The characters each pattern's matches are made of, the key characters a finding needs (its
// validator's digit count, or the pattern's own), and how far its look-arounds read.
Detector::RunWindows piiRuns(const QString &name)
{
    static const struct
    {
        const char16_t *name;
        Detector::RunWindows runs;
    } kTable[] = {
        {u"phone_international", {RunAlphabet::Numeric, 8, 0, 1, 2, false}},
        {u"phone_nanp", {RunAlphabet::Numeric, 10, 0, 1, 2, false}},
        {u"phone_trunk", {RunAlphabet::Numeric, 10, 0, 1, 2, false}},
        {u"card", {RunAlphabet::Numeric, 13, 0, 1, 1, false}},
        {u"ssn", {RunAlphabet::Numeric, 9, 0, 1, 2, false}},
        {u"ipv4", {RunAlphabet::Numeric, 4, 7, 1, 2, false}},
        {u"iban", {RunAlphabet::UpperAlnum, 2, 15, 1, 1, false}},
        {u"nino", {RunAlphabet::UpperAlnum, 6, 9, 1, 1, false}},
        {u"dni", {RunAlphabet::UpperAlnum, 7, 9, 1, 1, false}},
        // (?<![\w:.]) refuses every hex digit, ':' and '.' before it.
        {u"ipv6", {RunAlphabet::Hex, 2, 2, 1, 2, true}},
    };
    for (const auto &entry : kTable) {
        if (name == QStringView(entry.name)) {
            return entry.runs;
        }
    }
    return {};
}

} // namespace

QList<Detector> piiDetectors()
{
    QList<Detector> list;
    list.append(
        make(DataClass::Email, "email",
             compile("(?<![\\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@"
                     "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.){1,8}[A-Za-z]{2,24}"
                     "(?![\\w-]|\\.[A-Za-z0-9]|:[/~\\w])"),
             validateEmail, "@", 50));
    list.last().anchor = u'@';
    list.last().anchorBefore = 70;
    list.last().anchorAfter = 260;
    list.append(
        make(DataClass::Phone, "phone_international",
             compile("(?<![\\w+])\\+[1-9]\\d{0,2}(?:[ .-]?\\(\\d{1,4}\\))?(?:[ .-]?\\d{1,5}){1,6}"
                     "(?!\\w|[.-]\\d)"),
             digitsBetween(8, 15), "+", 30));
    list.append(
        make(DataClass::Phone, "phone_nanp",
             compile("(?<![\\w+.-])(?:\\([2-9]\\d{2}\\) ?|[2-9]\\d{2}[-. ])\\d{3}[-. ]\\d{4}"
                     "(?!\\w|[.-]\\d)"),
             digitsBetween(10, 10), "", 30));
    list.append(make(DataClass::Phone, "phone_trunk",
                     compile("(?<![\\w+.-])0\\d{2,4}[ -]\\d{3,4}[ -]?\\d{3,4}(?!\\w|[.-]\\d)"),
                     digitsBetween(10, 11), "", 30));
    list.append(make(DataClass::Card, "card", compile("(?<![\\w.+-])\\d(?:[ -]?\\d){12,22}(?!\\w)"),
                     validateCard, "", 80));
    list.append(make(DataClass::Iban, "iban",
                     compile("(?<!\\w)[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}(?![A-Za-z0-9])"),
                     validateIban, "", 70));
    list.append(make(DataClass::NationalId, "ssn",
                     compile("(?<![\\w-])\\d{3}([- ])\\d{2}\\1\\d{4}(?!\\w|-\\d)"), validateSsn, "",
                     60));
    list.append(make(DataClass::NationalId, "nino",
                     compile("(?<!\\w)[A-Z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D](?!\\w)"),
                     validateNino, "", 60));
    list.append(make(DataClass::NationalId, "dni", compile("(?<!\\w)[0-9XYZ]\\d{7}-?[A-Z](?!\\w)"),
                     validateDni, "", 60));
    list.append(make(DataClass::IpAddress, "ipv4",
                     compile("(?<![\\w.:-])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}"
                             "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?![\\w-]|\\.\\d)"),
                     validateIpv4, ".", 40));
    list.append(make(DataClass::IpAddress, "ipv6",
                     compile("(?<![\\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}"
                             "(?:(?:\\d{1,3}\\.){3}\\d{1,3}|[0-9A-Fa-f]{1,4})?(?![\\w:]|\\.\\d)"),
                     validateIpv6, ":", 40));
    for (Detector &d : list) {
        d.mayMatch = piiPrefilter(d.name);
        d.runs = piiRuns(d.name);
    }
    return list;
}

} // namespace Switchyard::Guards::Internal
