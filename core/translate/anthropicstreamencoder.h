// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/translate/streamencoder.h"

#include <QHash>
#include <QJsonObject>

namespace Switchyard::Translate {

/// StreamEvents → Anthropic Messages SSE: message_start, content_block_start/delta/stop with
/// block indices counting text and tool_use blocks alike, input_json_delta for arguments,
/// then at finish() message_delta (stop_reason + cumulative usage) and message_stop.
/// message_start is held until the first content so usage that follows MessageStart
/// (input and cache counts) is in it. Argument fragments for a tool call whose block was
/// already closed (interleaved parallel calls) are dropped: Anthropic blocks cannot reopen.
class AnthropicStreamEncoder final : public StreamEncoder
{
public:
    explicit AnthropicStreamEncoder(const StreamEncoderOptions &options);

    QByteArray encode(const StreamEvent &event) override;
    QByteArray finish() override;
    QByteArray error(const QString &type, const QString &message) override;

private:
    QByteArray start();
    QByteArray openBlock(const QJsonObject &contentBlock, bool isText);
    QByteArray closeBlock();

    StreamEncoderOptions m_options;
    Usage m_usage;
    QHash<int, int> m_blockOfTool; ///< tool-call index → content block index
    StopReason m_stopReason = StopReason::EndTurn;
    QString m_stopSequence;
    int m_nextBlock = 0;
    int m_openBlock = -1;
    bool m_openIsText = false;
    bool m_started = false;
    bool m_closed = false;
};

} // namespace Switchyard::Translate
