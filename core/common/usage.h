// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QtGlobal>

namespace Switchyard {

/// Token counts normalised into disjoint classes, whatever the provider reported.
/// inputTokens excludes cache reads and writes; outputTokens includes reasoningTokens
/// (reasoning is kept separately for display, never priced twice).
struct Usage
{
    qint64 inputTokens = 0;
    qint64 cacheReadTokens = 0;
    qint64 cacheWriteTokens = 0;
    qint64 outputTokens = 0;
    qint64 reasoningTokens = 0;
    bool known = false; ///< false when the provider reported no usage (e.g. stream cut short)

    qint64 promptTokens() const { return inputTokens + cacheReadTokens + cacheWriteTokens; }
    qint64 totalTokens() const { return promptTokens() + outputTokens; }
};

} // namespace Switchyard
