// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/guards/checksums.h"
#include "core/guards/detector.h"

#include <algorithm>

namespace Switchyard::Guards::Internal {

namespace {

QRegularExpression compile(const QString &pattern)
{
    QRegularExpression re(pattern);
    re.optimize();
    return re;
}

Detector secret(const char *name, const char *pattern, const char *hint, int priority = 100)
{
    Detector d;
    d.dataClass = DataClass::Secret;
    d.name = QLatin1String(name);
    d.re = compile(QLatin1String(pattern));
    d.hint = QLatin1String(hint);
    d.priority = priority;
    return d;
}

bool hasDigitAndLetter(QStringView text)
{
    bool digit = false;
    bool letter = false;
    for (QChar c : text) {
        digit = digit || (c >= u'0' && c <= u'9');
        letter = letter || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
    }
    return digit && letter;
}

// "sk-this-is-the-scikit-learn-wrapper" is a name, not a key: real keys mix digits and letters.
qsizetype validateKeyBody(QStringView text, qsizetype start, qsizetype length)
{
    return hasDigitAndLetter(text.mid(start, length)) ? length : 0;
}

qsizetype validateBearer(QStringView text, qsizetype start, qsizetype length)
{
    const QStringView token = text.mid(start, length);
    for (QChar c : token) {
        if (!(c >= u'a' && c <= u'z')) {
            return length;
        }
    }
    return 0; // "Bearer authenticationscheme": a lower-case word, not a credential
}

} // namespace

QList<Detector> secretDetectors(double entropyBits, int entropyMinLength)
{
    QList<Detector> list;
    // Whole PEM block; an unterminated block is redacted to the end of the text.
    list.append(secret("private_key",
                       "-----BEGIN[A-Z0-9 ]{0,40}PRIVATE KEY-----"
                       "(?:[\\s\\S]*?-----END[A-Z0-9 ]{0,40}PRIVATE KEY-----|[\\s\\S]*)",
                       "PRIVATE KEY-----", 120));
    list.append(secret("anthropic_key", "(?<![\\w-])sk-ant-[A-Za-z0-9_-]{20,200}", "sk-ant-", 110));
    Detector openai
        = secret("openai_key",
                 "(?<![\\w-])sk-(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,200}", "sk-");
    openai.validate = validateKeyBody;
    list.append(openai);
    Detector aws = secret("aws_access_key_id",
                          "(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])", "");
    list.append(aws);
    list.append(secret("github_token", "(?<!\\w)gh[pousr]_[A-Za-z0-9]{36,251}(?!\\w)", "gh"));
    list.append(
        secret("github_pat", "(?<!\\w)github_pat_[A-Za-z0-9_]{22,240}(?!\\w)", "github_pat_"));
    list.append(secret("google_api_key", "(?<![\\w-])AIza[0-9A-Za-z_-]{35}(?![\\w-])", "AIza"));
    Detector slack = secret("slack_token", "(?<![\\w-])xox[abposr]-[A-Za-z0-9-]{10,200}(?![\\w-])",
                            "xox");
    slack.validate = validateKeyBody;
    list.append(slack);
    Detector bearer = secret("bearer_token", "\\b[Bb]earer\\s+([A-Za-z0-9._~+/=-]{16,240})",
                             "earer", 90);
    bearer.group = 1;
    bearer.validate = validateBearer;
    list.append(bearer);

    // Each key is one run of [A-Za-z0-9+/_-] at least as long as its shortest form; the
    // patterns read one character of context on either side.
    const auto tokenRuns = [](int minLength) {
        return Detector::RunWindows{RunAlphabet::Token, 0, minLength, 1, 1, false};
    };
    for (Detector &d : list) {
        if (d.name == u"anthropic_key") {
            d.mayMatch = [](const TextStats &s) { return s.maxTokenRun >= 27; };
            d.runs = tokenRuns(27);
        } else if (d.name == u"openai_key") {
            d.mayMatch = [](const TextStats &s) { return s.maxTokenRun >= 23; };
            d.runs = tokenRuns(23);
        } else if (d.name == u"aws_access_key_id") {
            d.mayMatch = [](const TextStats &s) { return s.maxUpperAlnumRun >= 20; };
            d.runs = tokenRuns(20);
        } else if (d.name == u"github_token") {
            d.mayMatch = [](const TextStats &s) { return s.maxTokenRun >= 40; };
            d.runs = tokenRuns(40);
        } else if (d.name == u"github_pat") {
            d.mayMatch = [](const TextStats &s) { return s.maxTokenRun >= 33; };
            d.runs = tokenRuns(33);
        } else if (d.name == u"google_api_key") {
            d.mayMatch = [](const TextStats &s) { return s.maxTokenRun >= 39; };
            d.runs = tokenRuns(39);
        } else if (d.name == u"slack_token") {
            d.mayMatch = [](const TextStats &s) { return s.maxTokenRun >= 15; };
            d.runs = tokenRuns(15);
        }
    }

    const int minLength = qBound(16, entropyMinLength, 200);
    Detector entropy = secret("entropy", "", "", 10);
    // Equivalent to (?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{min,254}={0,2}(?![A-Za-z0-9+/=_-]).
    entropy.tokenRunMin = minLength;
    entropy.validate = [entropyBits](QStringView text, qsizetype start,
                                     qsizetype length) -> qsizetype {
        const QStringView token = text.mid(start, length);
        // Random tokens mix in digits; CamelCaseIdentifierNames and paths do not (or not so).
        const qsizetype digits = std::count_if(token.begin(), token.end(),
                                               [](QChar c) { return c >= u'0' && c <= u'9'; });
        if (digits < 2 || digits == token.size() || token.count(u'/') >= 3) {
            return 0;
        }
        if (text.mid(qMax<qsizetype>(0, start - 7), qMin<qsizetype>(start, 7)) == u"base64,") {
            return 0; // data: URLs carry content, not credentials
        }
        return shannonEntropy(token) >= entropyBits ? length : 0;
    };
    list.append(entropy);
    return list;
}

} // namespace Switchyard::Guards::Internal
