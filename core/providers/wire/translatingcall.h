// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/httptypes.h"
#include "core/common/result.h"
#include "core/providers/iprovider.h"
#include "core/common/sse.h"
#include "core/providers/wire/streampipe.h"

#include <QPointer>

#include <memory>

namespace Switchyard::Providers::Internal {

/// Puts a provider that answers in one format (the simulated provider: OpenAI) in front of
/// a client speaking another: the inner call's bytes, tail and error bodies are translated
/// as UpstreamCall translates an HTTP upstream's. Lives on the core thread.
class TranslatingCall final : public ProviderCall
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranslatingCall)

public:
    TranslatingCall(Translate::WireFormat innerFormat, const ProviderRequest &request,
                    QObject *parent);

    /// `request` as the inner provider must see it (in `innerFormat`, usage always asked
    /// for), or an error message when it cannot be encoded.
    static Result<ProviderRequest> innerRequest(Translate::WireFormat innerFormat,
                                                const ProviderRequest &request);

    /// Takes over `inner` (reparented to this call) and forwards its signals, translated.
    void attach(ProviderCall *inner);
    /// Fails from the event loop with HTTP 400 (the request could not be translated).
    void failUntranslatable(const QString &message);
    void cancel() override;

private:
    void onStarted(int status, const HttpHeaders &headers);
    void onData(const QByteArray &bytes);
    void onFinished(const CallResult &result);
    void onFailed(const ProviderError &error);
    /// Feeds SSE bytes through the pipe and emits the client's bytes; false once ended.
    bool pump(const QByteArray &bytes);
    void fail(ProviderError error);

    Translate::WireFormat m_inner;
    Translate::WireFormat m_client;
    bool m_stream = false;
    bool m_done = false;
    bool m_emitted = false;
    QPointer<ProviderCall> m_call;
    SseDecoder m_sse;
    std::unique_ptr<StreamPipe> m_pipe;
};

} // namespace Switchyard::Providers::Internal
