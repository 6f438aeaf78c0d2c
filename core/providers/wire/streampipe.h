// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/usage.h"
#include "core/providers/iprovider.h"
#include "core/common/sse.h"
#include "core/translate/chatmodel.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace Switchyard::Providers::Internal {

/// Turns one upstream stream's SSE events into the client's bytes, event by event.
/// Same format: a relay (raw bytes, the terminator held back as the tail, OpenAI's
/// forced usage chunk dropped unless asked for). Otherwise: upstream StreamDecoder → client
/// StreamEncoder. Both read usage and model as they pass. One instance per stream.
class StreamPipe
{
public:
    virtual ~StreamPipe() = default;
    /// Client bytes for one upstream event (often empty). When the event was the upstream's
    /// own error event, upstreamFailed() is true and the bytes end with the client's error event.
    virtual QByteArray feed(const SseEvent &event) = 0;
    /// The clean end, written after the request is logged: `data: [DONE]`, `message_stop`
    /// or the encoder's finish() (pending finish/usage events, then the terminator).
    virtual QByteArray finish() = 0;
    /// A client-format error event for a failure the upstream did not report itself.
    virtual QByteArray error(const QString &type, const QString &message) = 0;
    /// The upstream ended its reply properly (terminator or stop reason seen).
    virtual bool complete() const = 0;

    bool upstreamFailed() const { return m_failed; }
    QString upstreamError() const { return m_errorMessage; }
    Usage usage() const { return m_usage; }
    QString model() const { return m_model; }

protected:
    Usage m_usage;
    QString m_model;
    QString m_errorMessage;
    bool m_failed = false;
};

struct StreamPipeOptions
{
    Translate::WireFormat upstream = Translate::WireFormat::OpenAi;
    Translate::WireFormat client = Translate::WireFormat::OpenAi;
    bool clientWantsUsage = false; ///< OpenAI client asked stream_options.include_usage
};

std::unique_ptr<StreamPipe> makeStreamPipe(const StreamPipeOptions &options);
/// The pipe of a call whose upstream speaks `upstream`; nullptr when `request` does not stream.
std::unique_ptr<StreamPipe> makeStreamPipe(Translate::WireFormat upstream,
                                           const ProviderRequest &request);

/// Takes every complete event from `sse` through `pipe`, stopping after the upstream's own
/// error event; the client's bytes.
QByteArray pumpEvents(SseDecoder &sse, StreamPipe &pipe);

/// Emits `bytes` through call->data(); false when a receiver deleted `call` or ended it
/// (`done`, a member of `call`, read only while `call` lives).
bool emitData(ProviderCall *call, const QByteArray &bytes, const bool &done);
/// After data(): the pipe's client-format error event through call->data(), if it has one;
/// false as emitData() says.
bool emitErrorEvent(ProviderCall *call, StreamPipe &pipe, const QString &type,
                    const QString &message, const bool &done);

} // namespace Switchyard::Providers::Internal
