// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/translate/streamencoder.h"

#include <QJsonObject>

namespace Switchyard::Translate {

/// StreamEvents → `chat.completion.chunk` SSE: a role-only first chunk, content deltas,
/// tool_calls deltas (index/id/type/name with arguments "", then argument fragments), a
/// `delta:{}` finish chunk, a `choices:[]` usage chunk only with includeUsage (every chunk
/// then carries "usage":null), and `data: [DONE]`. Errors: `data: {"error":{...}}`.
class OpenAiStreamEncoder final : public StreamEncoder
{
public:
    explicit OpenAiStreamEncoder(const StreamEncoderOptions &options);

    QByteArray encode(const StreamEvent &event) override;
    QByteArray finish() override;
    QByteArray error(const QString &type, const QString &message) override;

private:
    QByteArray start();
    QByteArray chunk(const QJsonObject &delta, const QJsonValue &finishReason);
    QByteArray usageChunk();

    StreamEncoderOptions m_options;
    Usage m_usage;
    bool m_started = false;
    bool m_finishSent = false;
    bool m_closed = false;
};

} // namespace Switchyard::Translate
