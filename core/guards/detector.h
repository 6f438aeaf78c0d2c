// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/guards/finding.h"
#include "core/guards/prefilter.h"

#include <QList>
#include <QRegularExpression>
#include <QString>

#include <functional>

namespace Switchyard::Guards::Internal {

/// Given the whole text and the span the regex matched, returns how many characters of the
/// span are really the sensitive value (0 = reject, the span length = accept all of it).
/// Validators may shorten a greedy match, e.g. a card number followed by an unrelated digit group.
using Validator = std::function<qsizetype(QStringView text, qsizetype start, qsizetype length)>;

/// One compiled detector. Immutable after construction; shared by all scanners and threads
/// (QRegularExpression matching is thread-safe).
struct Detector
{
    DataClass dataClass = DataClass::Custom;
    QString name;
    QString label; ///< custom pattern name
    QRegularExpression re;
    int group = 0; ///< capture group that holds the value (0 = whole match)
    Validator validate;
    QString hint; ///< the pattern cannot match unless the text contains this; empty = run always
    Qt::CaseSensitivity hintCase = Qt::CaseSensitive;
    int priority = 0; ///< overlap resolution: higher wins, then longer
    /// When set, the regex only runs in windows around each occurrence of this character
    /// ([p - anchorBefore, p + anchorAfter]), which keeps '@'-anchored patterns cheap.
    QChar anchor;
    qsizetype anchorBefore = 0;
    qsizetype anchorAfter = 0;
    /// When > 0 the regex is not used: maximal runs of [A-Za-z0-9+/_-] (plus up to two '='),
    /// at least this long and at most 254, are the candidates (a hand-written loop is ~10x
    /// faster than a look-behind-led pattern over prose).
    int tokenRunMin = 0;
    /// Necessary condition for a finding, checked on the text's stats before the regex runs
    /// (null = always run). Must never reject a text the detector would report on.
    bool (*mayMatch)(const TextStats &stats) = nullptr;
    /// When set (and prefilters are on), every match is made of `runs.alphabet`'s characters,
    /// so it lies inside one maximal run of them; a run holding fewer than `runs.minKeys` key
    /// characters or shorter than `runs.minLength` cannot hold a finding. The regex then runs
    /// only on the runs that can, each with the context its look-behind (`runs.before`) and
    /// look-ahead (`runs.after`) read, and only matches inside the run count. Over 256 KB of
    /// source code that is ~20x less text for the regexes than one pass each over all of it.
    struct RunWindows
    {
        RunAlphabet alphabet = RunAlphabet::None;
        int minKeys = 0;
        int minLength = 0;
        int before = 1;
        int after = 2;
        /// Every character of the alphabet is one the look-behind refuses before a match, so
        /// a match can only start where the run does, and not after a word character
        /// ("std::vector" holds no IPv6 address).
        bool startsRun = false;
    } runs;
};

/// Email, phone, card, IBAN, national ids and IP addresses.
QList<Detector> piiDetectors();
/// API keys, tokens, private keys; `entropyBits`/`entropyMinLength` tune the generic detector.
QList<Detector> secretDetectors(double entropyBits, int entropyMinLength);

/// Longest value any built-in detector reports (except whole private-key blocks, which the
/// stream scanner handles separately); the stream scanner holds back this many characters.
constexpr qsizetype kMaxMatchLength = 256;

} // namespace Switchyard::Guards::Internal
