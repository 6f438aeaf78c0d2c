// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/translate/streamdecoder.h"

#include <QHash>

namespace Switchyard::Translate {

/// chat.completion.chunk SSE → StreamEvents. Tolerates Azure's empty first chunk, usage
/// chunks with `choices` empty, null or absent, Groq's empty `tool_calls`, ids "" (Gemini's
/// OpenAI surface: an id is minted) and whole-object arguments. ToolCallEnd for every open
/// call comes right before Finish; `data: {"error":...}` becomes an Error event.
class OpenAiStreamDecoder final : public StreamDecoder
{
public:
    QList<StreamEvent> decode(const SseEvent &event) override;
    bool isComplete() const override { return m_complete; }

private:
    void decodeToolCalls(const QJsonArray &calls, QList<StreamEvent> &out);

    QHash<int, int> m_toolOrdinal; ///< upstream tool_calls index → our 0-based index
    QList<int> m_openTools;
    bool m_started = false;
    bool m_complete = false;
};

} // namespace Switchyard::Translate
