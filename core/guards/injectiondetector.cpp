// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/guards/injectiondetector.h"

#include "core/common/tr.h"

#include <QByteArray>

#include <algorithm>
#include <utility>

namespace Switchyard::Guards {

namespace {

QRegularExpression compile(const char *pattern)
{
    QRegularExpression re(QString::fromUtf8(pattern), QRegularExpression::CaseInsensitiveOption);
    re.optimize();
    return re;
}

constexpr double kBase64Weight = 0.55;

QString detailFor(const QString &id)
{
    if (id == QLatin1String("ignore_instructions")) {
        return Tr::tr("asks to ignore or override earlier instructions");
    }
    if (id == QLatin1String("role_override")) {
        return Tr::tr("tries to give the assistant a new identity or role");
    }
    if (id == QLatin1String("system_prompt_exfiltration")) {
        return Tr::tr("asks for the system prompt or hidden instructions");
    }
    if (id == QLatin1String("jailbreak_roleplay")) {
        return Tr::tr("uses a known jailbreak or unrestricted role-play marker");
    }
    if (id == QLatin1String("chat_template_tokens")) {
        return Tr::tr("contains chat-template control tokens");
    }
    if (id == QLatin1String("hidden_text")) {
        return Tr::tr(
            "contains invisible characters (zero-width, bidi controls or tag characters)");
    }
    if (id == QLatin1String("fake_instructions_header")) {
        return Tr::tr("announces new or updated instructions");
    }
    if (id == QLatin1String("tool_instructions")) {
        return Tr::tr("a tool result addresses instructions to the assistant");
    }
    if (id == QLatin1String("base64_instructions")) {
        return Tr::tr("contains base64 text that decodes to instructions");
    }
    return id;
}

} // namespace

InjectionDetector::InjectionDetector(InjectionSettings settings)
    : m_settings(settings)
    , m_rules(buildRules())
    , m_base64(QStringLiteral("(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{24,}={0,2}(?![A-Za-z0-9+/=])"))
    , m_decodedInstruction(compile(
          "ignore\\b.{0,40}\\b(instructions|prompt|rules)|system prompt|you are now|disregard|"
          "new instructions|do anything now|jailbreak"))
{
    m_base64.optimize();
}

QList<InjectionDetector::Rule> InjectionDetector::buildRules()
{
    const auto rule = [](const char *id, double weight, const char *pattern, bool toolOnly = false) {
        return Rule{QLatin1String(id), weight, compile(pattern), toolOnly, nullptr, {}, 0, 0};
    };
    QList<Rule> rules{
        rule("ignore_instructions", 0.6,
             "\\b(ignore|disregard|forget|override|bypass|skip)\\b[^.\\n]{0,30}?\\b(all|any|the|"
             "your|"
             "previous|prior|above|earlier|preceding|system|original)\\b[^.\\n]{0,30}?\\b("
             "instructions?|"
             "prompts?|rules|directions|guidelines|directives|guardrails)\\b"),
        rule("role_override", 0.35,
             "\\byou are now\\b|\\bfrom now on,? you (are|will|must)\\b|\\bpretend (to be|you "
             "are)\\b|"
             "\\bact as (an? )?(unrestricted|unfiltered|uncensored|jailbroken|evil)\\b"),
        rule("system_prompt_exfiltration", 0.5,
             "\\b(reveal|show|print|repeat|output|display|tell me|give me|leak|dump|what "
             "(is|are|was|were))"
             "\\b[^.\\n]{0,30}?\\b(system prompt|system message|initial (prompt|instructions)|"
             "hidden (prompt|instructions)|(your|the) (instructions|prompt) (above|verbatim)|"
             "everything above)"),
        rule(
            "jailbreak_roleplay", 0.5,
            "\\bDAN\\b(?=[^\\n]{0,40}\\b(mode|prompt|jailbreak|anything)\\b)|\\bdo anything now\\b|"
            "\\bdeveloper mode\\b|\\bjailbreak(ed|ing)?\\b|\\bno (ethical|moral) (guidelines|"
            "restrictions|limits)\\b|\\bwithout any (restrictions|filters|censorship)\\b"),
        rule("chat_template_tokens", 0.6,
             "<\\|(im_start|im_end|system|user|assistant|endoftext|begin_of_text|start_header_id|"
             "end_header_id|eot_id)\\|>|\\[/?INST\\]|<</?SYS>>"),
        rule("hidden_text", 0.4,
             "[\\x{200B}-\\x{200D}\\x{2060}\\x{FEFF}\\x{202A}-\\x{202E}"
             "\\x{2066}-\\x{2069}\\x{E0000}-\\x{E007F}]"),
        rule("fake_instructions_header", 0.35,
             "\\b(new|updated|real|actual|revised|additional) (system "
             ")?(instructions|prompt|rules)\\s*:"),
        rule("tool_instructions", 0.45,
             "\\b(instructions?|note|message) (to|for) (the )?(assistant|AI|model|LLM|agent)\\b|"
             "\\b(assistant|AI|model|LLM|agent),? (you )?(must|should|need to) (now "
             ")?(ignore|send|email|"
             "forward|execute|run|call|visit|open|download|delete|reveal)\\b",
             true),
    };
    // Every alternative of each pattern contains one of these (lower-case) keywords.
    using Folded = Internal::FoldedText;
    rules[0].mayMatch = [](const Folded &t) {
        return t.containsAny({"ignore", "disregard", "forget", "override", "bypass", "skip"});
    };
    rules[1].mayMatch = [](const Folded &t) {
        return t.containsAny({"you are now", "from now on", "pretend ", "act as "});
    };
    rules[2].mayMatch = [](const Folded &t) {
        return t.containsAny({"system ", "initial ", "hidden ", "above", "verbatim"});
    };
    rules[3].mayMatch = [](const Folded &t) {
        return t.containsAny({"dan", "do anything now", "developer mode", "jailbreak", "ethical",
                              "moral", "without any"});
    };
    rules[4].mayMatch = [](const Folded &t) { return t.containsAny({"<|", "inst]", "sys>>"}); };
    rules[5].mayMatch = [](const Folded &t) { return t.invisible; };
    rules[6].mayMatch = [](const Folded &t) {
        return t.contains(":") && t.containsAny({"instructions", "prompt", "rules"});
    };
    rules[7].mayMatch = [](const Folded &t) {
        return t.containsAny({"assistant", "ai", "model", "llm", "agent"});
    };
    // Where matches lie around those keywords, read off each pattern with room to spare
    // (before: the longest lead-in ahead of a keyword; after: from a keyword's start to the
    // end of the longest match). Look-aheads read at most kLookaheadChars further.
    const auto near = [&rules](int index, std::vector<std::string_view> keywords, int before,
                               int after) {
        rules[index].keywords = std::move(keywords);
        rules[index].before = before;
        rules[index].after = after;
    };
    near(0, {"ignore", "disregard", "forget", "override", "bypass", "skip"}, 2, 128);
    near(1, {"you are now", "from now on", "pretend ", "act as "}, 2, 64);
    near(2, {"system ", "initial ", "hidden ", "above", "verbatim"}, 80, 48);
    near(3, {"dan", "do anything now", "developer mode", "jailbreak", "ethical", "moral",
             "without any"}, 8, 40);
    near(4, {"<|", "inst]", "sys>>"}, 4, 32);
    near(6, {"instructions", "prompt", "rules"}, 24, 32);
    near(7, {"assistant", "ai", "model", "llm", "agent"}, 24, 48);
    return rules;
}

bool InjectionDetector::base64HidesInstructions(QStringView text) const
{
    QRegularExpressionMatchIterator it = m_base64.globalMatch(text);
    int checked = 0;
    while (it.hasNext() && checked < 16) {
        const QRegularExpressionMatch m = it.next();
        ++checked;
        const QByteArray encoded = m.capturedView(0).toLatin1();
        const auto decoded = QByteArray::fromBase64Encoding(encoded,
                                                            QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            continue;
        }
        const QString plain = QString::fromUtf8(decoded.decoded);
        int printable = 0;
        for (QChar c : plain) {
            printable += (c.isPrint() || c.isSpace()) ? 1 : 0;
        }
        if (plain.isEmpty() || printable < plain.size() * 9 / 10) {
            continue; // binary data, not text
        }
        if (m_decodedInstruction.match(plain).hasMatch()) {
            return true;
        }
    }
    return false;
}

bool InjectionDetector::matchesNearKeywords(const Rule &rule, QStringView text,
                                            const Internal::FoldedText &folded)
{
    // The DAN rule's look-ahead reads 40 characters and a word; \b reads one.
    constexpr qsizetype kLookaheadChars = 64;
    // Past this many windows (a keyword like "ai" in source code) one pass is cheaper.
    constexpr size_t kMaxWindows = 64;
    const qsizetype n = text.size();
    const std::string_view haystack(folded.bytes.constData(), size_t(folded.bytes.size()));
    std::vector<std::pair<qsizetype, qsizetype>> windows;
    for (const std::string_view keyword : rule.keywords) {
        for (size_t at = haystack.find(keyword); at != std::string_view::npos;
             at = haystack.find(keyword, at + 1)) {
            if (windows.size() == kMaxWindows)
                return rule.re.match(text).hasMatch();
            const qsizetype p = qsizetype(at);
            windows.emplace_back(qMax<qsizetype>(0, p - rule.before), qMin(n, p + rule.after));
        }
    }
    std::sort(windows.begin(), windows.end());
    for (size_t i = 0; i < windows.size();) {
        auto [from, to] = windows[i];
        for (++i; i < windows.size() && windows[i].first <= to; ++i)
            to = qMax(to, windows[i].second);
        // The search sees the real text before `from` (look-behinds, \b) and up to
        // kLookaheadChars after `to`; a match ending by `to` is one in the whole text.
        const qsizetype end = qMin(n, to + kLookaheadChars);
        const QRegularExpressionMatch match = rule.re.match(text.left(end), from);
        if (!match.hasMatch())
            continue;
        if (end == n || match.capturedEnd() <= to)
            return true;
        return rule.re.match(text).hasMatch(); // a match running to the window's edge
    }
    return false;
}

InjectionDetector::Verdict InjectionDetector::evaluate(QStringView text, Source source) const
{
    Verdict verdict;
    verdict.action = m_settings.action;
    if (!m_settings.enabled || (source == Source::ToolResult && !m_settings.scanToolResults)) {
        return verdict;
    }
    const bool prefilter = Internal::prefilterEnabled();
    const Internal::FoldedText folded = prefilter ? Internal::foldText(text)
                                                  : Internal::FoldedText{};
    double keep = 1.0;
    for (const Rule &rule : m_rules) {
        if (rule.toolOnly && source != Source::ToolResult) {
            continue;
        }
        if (prefilter && rule.mayMatch && !rule.mayMatch(folded)) {
            continue;
        }
        const bool matched = prefilter && !rule.keywords.empty()
                                 ? matchesNearKeywords(rule, text, folded)
                                 : rule.re.match(text).hasMatch();
        if (matched) {
            keep *= 1.0 - rule.weight;
            verdict.reasons.append(rule.id);
            verdict.details.append(detailFor(rule.id));
        }
    }
    // The base64 pattern needs a run of 24 characters of its alphabet.
    if ((!prefilter || folded.maxBase64Run >= 24) && base64HidesInstructions(text)) {
        keep *= 1.0 - kBase64Weight;
        verdict.reasons.append(QStringLiteral("base64_instructions"));
        verdict.details.append(detailFor(verdict.reasons.last()));
    }
    verdict.score = 1.0 - keep;
    verdict.exceeded = !verdict.reasons.isEmpty() && verdict.score >= m_settings.threshold;
    return verdict;
}

InjectionDetector::Verdict InjectionDetector::evaluate(const QStringList &texts, Source source) const
{
    Verdict combined;
    combined.action = m_settings.action;
    for (const QString &text : texts) {
        const Verdict v = evaluate(QStringView(text), source);
        if (v.score > combined.score) {
            combined.score = v.score;
            combined.exceeded = v.exceeded;
        }
        for (qsizetype i = 0; i < v.reasons.size(); ++i) {
            if (!combined.reasons.contains(v.reasons.at(i))) {
                combined.reasons.append(v.reasons.at(i));
                combined.details.append(v.details.at(i));
            }
        }
    }
    return combined;
}

} // namespace Switchyard::Guards
