// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/translate/usagecodec.h"

#include <QJsonValue>

#include <optional>

#include <algorithm>

namespace Switchyard::Translate::UsageCodec {

namespace {

// The readers below work on a parsed QJsonObject and, on the relay path, on the reply's
// text (JsonScan::ObjectView) alike; these overloads are all they need of either.
std::optional<qint64> number(const QJsonObject &o, QLatin1String key)
{
    const QJsonValue v = o.value(key);
    return v.isDouble() ? std::optional<qint64>(v.toInteger()) : std::nullopt;
}

std::optional<qint64> number(const JsonScan::ObjectView &o, QLatin1String key)
{
    return o.integer(QByteArrayView(key.data(), key.size()));
}

QJsonObject child(const QJsonObject &o, QLatin1String key)
{
    return o.value(key).toObject();
}

JsonScan::ObjectView child(const JsonScan::ObjectView &o, QLatin1String key)
{
    return o.object(QByteArrayView(key.data(), key.size()));
}

bool has(const QJsonObject &o, QLatin1String key)
{
    return o.contains(key);
}

bool has(const JsonScan::ObjectView &o, QLatin1String key)
{
    return o.contains(QByteArrayView(key.data(), key.size()));
}

template<typename Object>
qint64 count(const Object &o, QLatin1String key)
{
    return std::max<qint64>(0, number(o, key).value_or(0));
}

template<typename Object>
Usage openAiUsage(const Object &usage)
{
    Usage u;
    if (usage.isEmpty()) {
        return u;
    }
    qint64 prompt = count(usage, QLatin1String("prompt_tokens"));
    if (!has(usage, QLatin1String("prompt_tokens"))) { // DeepSeek variants (Portkey#858)
        prompt = count(usage, QLatin1String("prompt_cache_hit_tokens"))
                 + count(usage, QLatin1String("prompt_cache_miss_tokens"));
    }
    qint64 cached = count(child(usage, QLatin1String("prompt_tokens_details")),
                          QLatin1String("cached_tokens"));
    if (cached == 0) {
        cached = count(usage, QLatin1String("prompt_cache_hit_tokens")); // DeepSeek
    }
    u.cacheReadTokens = std::min(cached, prompt);
    u.inputTokens = prompt - u.cacheReadTokens;
    u.outputTokens = count(usage, QLatin1String("completion_tokens"));
    u.reasoningTokens = count(child(usage, QLatin1String("completion_tokens_details")),
                              QLatin1String("reasoning_tokens"));
    u.known = true;
    return u;
}

template<typename Object>
void anthropicUsage(Usage &into, const Object &usage)
{
    const auto take = [&usage](QLatin1String key, qint64 &field) {
        const std::optional<qint64> v = number(usage, key);
        if (v) {
            field = std::max<qint64>(0, *v);
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

template<typename Object>
Usage geminiUsage(const Object &m)
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

} // namespace

Usage fromOpenAi(const QJsonObject &usage)
{
    return openAiUsage(usage);
}

Usage fromOpenAi(const JsonScan::ObjectView &usage)
{
    return openAiUsage(usage);
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
    anthropicUsage(into, usage);
}

Usage fromAnthropic(const JsonScan::ObjectView &usage)
{
    Usage u;
    anthropicUsage(u, usage);
    return u;
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

Usage fromGemini(const QJsonObject &usageMetadata)
{
    return geminiUsage(usageMetadata);
}

Usage fromGemini(const JsonScan::ObjectView &usageMetadata)
{
    return geminiUsage(usageMetadata);
}

} // namespace Switchyard::Translate::UsageCodec
