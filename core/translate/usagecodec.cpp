// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/translate/usagecodec.h"

#include <QJsonValue>

#include <algorithm>

namespace Switchyard::Translate::UsageCodec {

namespace {

qint64 count(const QJsonObject &o, QLatin1String key)
{
    return std::max<qint64>(0, o.value(key).toInteger());
}

} // namespace

Usage fromOpenAi(const QJsonObject &usage)
{
    Usage u;
    if (usage.isEmpty()) {
        return u;
    }
    qint64 prompt = count(usage, QLatin1String("prompt_tokens"));
    if (!usage.contains(QLatin1String("prompt_tokens"))) { // DeepSeek variants (Portkey#858)
        prompt = count(usage, QLatin1String("prompt_cache_hit_tokens"))
                 + count(usage, QLatin1String("prompt_cache_miss_tokens"));
    }
    qint64 cached = count(usage.value(QLatin1String("prompt_tokens_details")).toObject(),
                          QLatin1String("cached_tokens"));
    if (cached == 0) {
        cached = count(usage, QLatin1String("prompt_cache_hit_tokens")); // DeepSeek
    }
    u.cacheReadTokens = std::min(cached, prompt);
    u.inputTokens = prompt - u.cacheReadTokens;
    u.outputTokens = count(usage, QLatin1String("completion_tokens"));
    u.reasoningTokens = count(usage.value(QLatin1String("completion_tokens_details")).toObject(),
                              QLatin1String("reasoning_tokens"));
    u.known = true;
    return u;
}

QJsonObject toOpenAi(const Usage &usage)
{
    return QJsonObject{
        {QLatin1String("prompt_tokens"), usage.promptTokens()},
        {QLatin1String("completion_tokens"), usage.outputTokens},
        {QLatin1String("total_tokens"), usage.totalTokens()},
        {QLatin1String("prompt_tokens_details"),
         QJsonObject{{QLatin1String("cached_tokens"), usage.cacheReadTokens}}},
        {QLatin1String("completion_tokens_details"),
         QJsonObject{{QLatin1String("reasoning_tokens"), usage.reasoningTokens}}},
    };
}

Usage fromAnthropic(const QJsonObject &usage)
{
    Usage u;
    mergeAnthropic(u, usage);
    return u;
}

void mergeAnthropic(Usage &into, const QJsonObject &usage)
{
    const auto take = [&usage](QLatin1String key, qint64 &field) {
        const QJsonValue v = usage.value(key);
        if (v.isDouble()) {
            field = std::max<qint64>(0, v.toInteger());
            return true;
        }
        return false;
    };
    bool any = take(QLatin1String("input_tokens"), into.inputTokens);
    any = take(QLatin1String("cache_read_input_tokens"), into.cacheReadTokens) || any;
    any = take(QLatin1String("cache_creation_input_tokens"), into.cacheWriteTokens) || any;
    any = take(QLatin1String("output_tokens"), into.outputTokens) || any;
    into.known = into.known || any;
}

QJsonObject toAnthropic(const Usage &usage)
{
    return QJsonObject{
        {QLatin1String("input_tokens"), usage.inputTokens},
        {QLatin1String("cache_creation_input_tokens"), usage.cacheWriteTokens},
        {QLatin1String("cache_read_input_tokens"), usage.cacheReadTokens},
        {QLatin1String("output_tokens"), usage.outputTokens},
    };
}

Usage fromGemini(const QJsonObject &m)
{
    Usage u;
    if (m.isEmpty()) {
        return u;
    }
    const qint64 prompt = count(m, QLatin1String("promptTokenCount"))
                          + count(m, QLatin1String("toolUsePromptTokenCount"));
    u.cacheReadTokens = std::min(prompt, count(m, QLatin1String("cachedContentTokenCount")));
    u.inputTokens = prompt - u.cacheReadTokens;
    u.reasoningTokens = count(m, QLatin1String("thoughtsTokenCount"));
    u.outputTokens = count(m, QLatin1String("candidatesTokenCount")) + u.reasoningTokens;
    u.known = true;
    return u;
}

} // namespace Switchyard::Translate::UsageCodec
