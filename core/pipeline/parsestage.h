// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/pipeline/stage.h"

namespace Switchyard::Pipeline {

/// Parses the body of the calling surface (OpenAI chat completions or Anthropic messages)
/// and the attribution headers into the Exchange.
class ParseStage final : public Stage
{
public:
    StageResult onRequest(Exchange &exchange) override;

private:
    StageResult parseOpenAi(Exchange &exchange);
    StageResult parseAnthropic(Exchange &exchange);
};

/// Parses the body into `exchange.body` (a JSON object) and its optional string "model" into
/// `requestedModel`; a 400 in the surface's shape otherwise. `expectedFields` completes the
/// message for an empty body ("send a JSON object with …"); a function, so that the
/// translation is looked up only then and not for every request.
StageResult parseJsonBody(Exchange &exchange, QString (*expectedFields)());
/// Reads the x-switchyard-* attribution headers (customer, project, feature, tags, app, route).
void readAttribution(Exchange &exchange);

/// Decodes an OpenAI client's body into the internal model once a provider needs it; a body
/// the translator cannot read leaves `chatError` set instead (same-format providers still work).
void ensureChat(Exchange &exchange);

} // namespace Switchyard::Pipeline
