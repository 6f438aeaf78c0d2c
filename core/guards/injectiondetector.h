// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/guards/guardsettings.h"
#include "core/guards/prefilter.h"

#include <QList>
#include <QRegularExpression>
#include <QStringList>

namespace Switchyard::Guards {

/// Scored prompt-injection heuristics for user content and tool results. Each rule that fires
/// adds a reason; the score combines the rule weights as a noisy-OR, 1 - Π(1 - w), so it stays
/// in 0..1 and grows with independent evidence. Immutable and thread-safe after construction.
class InjectionDetector final
{
public:
    enum class Source {
        User,
        ToolResult
    };

    struct Verdict
    {
        double score = 0;      ///< 0..1
        QStringList reasons;   ///< rule ids that fired, e.g. "ignore_instructions"
        QStringList details;   ///< translated one-line explanations, same order; no input text
        bool exceeded = false; ///< score >= threshold (and the detector is enabled)
        InjectionAction action = InjectionAction::Flag;
        bool blocks() const { return exceeded && action == InjectionAction::Block; }
    };

    explicit InjectionDetector(InjectionSettings settings = {});

    Verdict evaluate(QStringView text, Source source = Source::User) const;
    /// Every text of a request (e.g. user messages); the verdict of the highest score, with
    /// the union of reasons.
    Verdict evaluate(const QStringList &texts, Source source = Source::User) const;

    const InjectionSettings &settings() const { return m_settings; }

private:
    struct Rule
    {
        QString id;
        double weight = 0;
        QRegularExpression re;
        bool toolOnly = false;
        /// Keyword check on the folded text: the regex cannot match without it.
        bool (*mayMatch)(const Internal::FoldedText &text) = nullptr;
        /// Every match holds one of these (folded) keywords, starting at most \a before
        /// characters ahead of it and ending at most \a after characters past its start, so
        /// the regex can run in windows around them (empty: on the whole text).
        std::vector<std::string_view> keywords;
        int before = 0;
        int after = 0;
    };

    static QList<Rule> buildRules();
    bool base64HidesInstructions(QStringView text) const;
    static bool matchesNearKeywords(const Rule &rule, QStringView text,
                                    const Internal::FoldedText &folded);

    InjectionSettings m_settings;
    QList<Rule> m_rules;
    QRegularExpression m_base64;
    QRegularExpression m_decodedInstruction;
};

} // namespace Switchyard::Guards
