// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/pipeline/stage.h"

namespace Switchyard::Pipeline {

/// Parses an OpenAI chat-completions body and the attribution headers into the Exchange.
class ParseStage final : public Stage
{
public:
    StageResult onRequest(Exchange &exchange) override;
};

} // namespace Switchyard::Pipeline
