// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/routing/candidatefilter.h"

#include "core/common/tr.h"

namespace Switchyard::Routing {

QString unmetNeed(const Config::ModelSettings &model, const RequestNeeds &needs)
{
    // Configs written before capabilities existed list none; filtering those out would make
    // every tool request fail, so only a model that declares capabilities is held to them.
    if (!model.capabilities.isEmpty()) {
        if (needs.tools && !model.capabilities.contains(QLatin1String("tools")))
            return Tr::tr("filtered: the request uses tools and the model lacks the 'tools' capability");
        if (needs.vision && !model.capabilities.contains(QLatin1String("vision")))
            return Tr::tr("filtered: the request carries images and the model lacks the 'vision' capability");
    }
    const qint64 needed = needs.promptTokens + needs.outputTokens;
    if (model.context > 0 && needed > model.context)
        return Tr::tr("filtered: needs about %1 tokens (prompt ~%2 + output %3), context window is %4")
            .arg(needed)
            .arg(needs.promptTokens)
            .arg(needs.outputTokens)
            .arg(model.context);
    return {};
}

} // namespace Switchyard::Routing
