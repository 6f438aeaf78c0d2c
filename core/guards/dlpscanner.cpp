// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/guards/dlpscanner.h"

#include "core/common/tr.h"

#include <algorithm>
#include <array>
#include <limits>
#include <numeric>
#include <optional>
#include <vector>

namespace Switchyard::Guards {

namespace {

const QList<Internal::Detector> &builtInPii()
{
    static const QList<Internal::Detector> detectors = Internal::piiDetectors();
    return detectors;
}

struct Candidate
{
    Finding finding;
    int priority = 0;
};

template<typename Consider>
void forEachMatch(const Internal::Detector &d, QStringView view, qsizetype base, Consider &&consider)
{
    QRegularExpressionMatchIterator it = d.re.globalMatch(view);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedStart(d.group) >= 0) {
            consider(base + m.capturedStart(d.group), m.capturedLength(d.group));
        }
    }
}

bool isTokenChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
           || u == u'+' || u == u'/' || u == u'_' || u == u'-';
}

/// Calls \a consider for each token [A-Za-z0-9+/_-]{minLength,254} with up to two '='
/// after it, standing alone. \a runs: the maximal token runs of at least minLength (found
/// with SIMD seeds), or null to walk every character (the reference the prefilter test
/// compares against).
template<typename Consider>
void forEachTokenRun(QStringView text, int minLength, const std::vector<Internal::CharRun> *runs,
                     Consider &&consider)
{
    const qsizetype n = text.size();
    const auto take = [&](qsizetype i, qsizetype j) {
        qsizetype k = j;
        while (k < n && k - j < 2 && text.at(k) == u'=') {
            ++k;
        }
        const bool boundary = k >= n || !(isTokenChar(text.at(k)) || text.at(k) == u'=');
        if (boundary && j - i >= minLength && j - i <= 254) {
            consider(i, k - i);
        }
        return k;
    };
    if (runs) {
        for (const Internal::CharRun &run : *runs) {
            take(run.start, run.end);
        }
        return;
    }
    qsizetype i = 0;
    while (i < n) {
        if (!isTokenChar(text.at(i))) {
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < n && isTokenChar(text.at(j))) {
            ++j;
        }
        i = take(i, j);
    }
}

} // namespace

Result<std::shared_ptr<const DlpScanner>> DlpScanner::create(const DlpSettings &settings)
{
    std::shared_ptr<DlpScanner> scanner(new DlpScanner);
    scanner->m_settings = settings;
    const auto keep = [&settings](const Internal::Detector &d) {
        return settings.runs(d.dataClass)
               && settings.actions.value(d.dataClass, settings.defaultAction) != GuardAction::Off;
    };
    for (const Internal::Detector &d : builtInPii()) {
        if (keep(d)) {
            scanner->m_detectors.append(d);
        }
    }
    for (const Internal::Detector &d :
         Internal::secretDetectors(settings.entropyBits, settings.entropyMinLength)) {
        if (keep(d)) {
            scanner->m_detectors.append(d);
        }
    }
    if (settings.enabled) {
        for (const CustomPattern &pattern : settings.custom) {
            if (pattern.action == GuardAction::Off) {
                continue;
            }
            Internal::Detector d;
            d.dataClass = DataClass::Custom;
            d.name = QStringLiteral("custom:") + pattern.name;
            d.label = pattern.name;
            d.re = QRegularExpression(pattern.pattern,
                                      pattern.caseInsensitive
                                          ? QRegularExpression::CaseInsensitiveOption
                                          : QRegularExpression::NoPatternOption);
            if (!d.re.isValid()) {
                return Error{QStringLiteral("guards.bad_pattern"),
                             Tr::tr(
                                 "custom pattern '%1': invalid regular expression at offset %2: %3")
                                 .arg(pattern.name, QString::number(d.re.patternErrorOffset()),
                                      d.re.errorString())};
            }
            d.re.optimize();
            d.priority = 85; // below provider keys and bearer tokens, above card
            scanner->m_detectors.append(d);
        }
    }
    for (RunBounds &bounds : scanner->m_runBounds) {
        bounds = {std::numeric_limits<int>::max(), std::numeric_limits<int>::max()};
    }
    for (const Internal::Detector &d : std::as_const(scanner->m_detectors)) {
        RunBounds &bounds = scanner->m_runBounds[size_t(d.runs.alphabet)];
        bounds.minKeys = qMin(bounds.minKeys, d.runs.minKeys);
        bounds.minLength = qMin(bounds.minLength, d.runs.minLength);
    }
    return std::shared_ptr<const DlpScanner>(std::move(scanner));
}

QList<Finding> DlpScanner::scan(QStringView text) const
{
    std::vector<Candidate> candidates;
    const bool prefilter = Internal::prefilterEnabled();
    const Internal::TextStats stats = prefilter ? Internal::textStats(text) : Internal::TextStats{};
    // Runs of each alphabet, computed once per text for the first detector that needs them
    // (with the loosest bounds of any detector on that alphabet).
    std::array<std::optional<std::vector<Internal::CharRun>>, Internal::kRunAlphabets> runsOf;
    for (const Internal::Detector &d : m_detectors) {
        if (prefilter) {
            // Cheap necessary conditions first; custom patterns always run. The hint is a
            // search through the whole text: not worth it where the runs narrow things down.
            if ((d.mayMatch && !d.mayMatch(stats))
                || (d.tokenRunMin > 0 && stats.maxTokenRun < d.tokenRunMin)
                || (!d.hint.isEmpty() && d.runs.alphabet == Internal::RunAlphabet::None
                    && !text.contains(d.hint, d.hintCase))) {
                continue;
            }
        }
        const auto consider = [&](qsizetype start, qsizetype length) {
            if (start < 0 || length <= 0) {
                return;
            }
            if (d.validate) {
                length = d.validate(text, start, length);
                if (length <= 0) {
                    return;
                }
            }
            Candidate c;
            c.finding.dataClass = d.dataClass;
            c.finding.detector = d.name;
            c.finding.label = d.label;
            c.finding.start = start;
            c.finding.length = length;
            c.finding.value = text.mid(start, length).toString();
            c.priority = d.priority;
            candidates.push_back(std::move(c));
        };
        if (d.tokenRunMin > 0) {
            if (prefilter) {
                const std::vector<Internal::CharRun> runs
                    = Internal::charRuns(text, Internal::RunAlphabet::Token, 0, d.tokenRunMin);
                forEachTokenRun(text, d.tokenRunMin, &runs, consider);
            } else {
                forEachTokenRun(text, d.tokenRunMin, nullptr, consider);
            }
            continue;
        }
        if (prefilter && d.runs.alphabet != Internal::RunAlphabet::None) {
            const size_t alphabet = size_t(d.runs.alphabet);
            if (!runsOf[alphabet]) {
                const RunBounds bounds = m_runBounds[alphabet];
                runsOf[alphabet] = Internal::charRuns(text, d.runs.alphabet, bounds.minKeys,
                                                      bounds.minLength);
            }
            for (const Internal::CharRun &run : *runsOf[alphabet]) {
                if (run.keys < d.runs.minKeys || run.end - run.start < d.runs.minLength) {
                    continue;
                }
                if (d.runs.startsRun && run.start > 0) {
                    const QChar before = text.at(run.start - 1);
                    if (before.unicode() < 128 && (before.isLetterOrNumber() || before == u'_')) {
                        continue; // \w in the patterns is ASCII
                    }
                }
                // The context characters are outside the run (not of its alphabet), so no
                // match found there reaches into it; matches outside the run are dropped.
                const qsizetype from = qMax<qsizetype>(0, run.start - d.runs.before);
                const qsizetype to = qMin(text.size(), run.end + d.runs.after);
                forEachMatch(d, text.mid(from, to - from), from,
                             [&](qsizetype start, qsizetype length) {
                                 if (start >= run.start && start + length <= run.end) {
                                     consider(start, length);
                                 }
                             });
            }
            continue;
        }
        if (d.anchor.isNull()) {
            forEachMatch(d, text, 0, consider);
            continue;
        }
        // Windows around each anchor, merged so no text is scanned twice.
        qsizetype from = text.indexOf(d.anchor);
        while (from >= 0) {
            const qsizetype windowStart = qMax<qsizetype>(0, from - d.anchorBefore);
            qsizetype windowEnd = qMin(text.size(), from + d.anchorAfter);
            qsizetype next = text.indexOf(d.anchor, from + 1);
            while (next >= 0 && next - d.anchorBefore <= windowEnd) {
                windowEnd = qMin(text.size(), next + d.anchorAfter);
                next = text.indexOf(d.anchor, next + 1);
            }
            forEachMatch(d, text.mid(windowStart, windowEnd - windowStart), windowStart, consider);
            from = next;
        }
    }
    if (candidates.empty()) {
        return {};
    }
    std::vector<size_t> order(candidates.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const Candidate &x = candidates[a];
        const Candidate &y = candidates[b];
        if (x.priority != y.priority) {
            return x.priority > y.priority;
        }
        if (x.finding.length != y.finding.length) {
            return x.finding.length > y.finding.length;
        }
        return x.finding.start < y.finding.start;
    });
    QList<Finding> accepted;
    for (size_t index : order) {
        Finding &f = candidates[index].finding;
        const bool overlaps = std::any_of(accepted.cbegin(), accepted.cend(),
                                          [&f](const Finding &a) {
                                              return f.start < a.end() && a.start < f.end();
                                          });
        if (!overlaps) {
            accepted.append(std::move(f));
        }
    }
    std::sort(accepted.begin(), accepted.end(),
              [](const Finding &a, const Finding &b) { return a.start < b.start; });
    return accepted;
}

} // namespace Switchyard::Guards
