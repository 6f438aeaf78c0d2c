// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/httptypes.h"
#include "core/common/result.h"
#include "core/common/timers.h"
#include "core/providers/http/upstreamexchange.h"
#include "core/providers/iprovider.h"
#include "core/common/sse.h"
#include "core/providers/wire/streampipe.h"
#include "core/translate/chatmodel.h"

#include <QByteArray>
#include <QPointer>
#include <QString>

#include <memory>

namespace Switchyard::Providers::Internal {

/// One chat attempt against an HTTP upstream speaking `upstreamFormat`, answered in the
/// request's clientFormat. Same format: bytes are relayed (see StreamPipe); otherwise the
/// reply is translated, event by event for streams. Errors before started() carry a
/// clientBody in the client's format; a mid-stream failure first sends a client-format
/// error event through data(), then failed(midStream). Lives on the core thread.
class UpstreamCall final : public ProviderCall
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpstreamCall)

public:
    UpstreamCall(const QString &providerId, const QString &apiKey,
                 Translate::WireFormat upstreamFormat, const ProviderRequest &request,
                 QObject *parent);

    /// Sends `spec`, or fails (from the event loop) with its error: HTTP 400, not retryable.
    void start(UpstreamClient *client, const Result<UpstreamRequestSpec> &spec);
    /// Streams only: when no event reaches the client within `ms` of the 2xx headers, the
    /// attempt fails as a retryable Timeout (nothing was relayed, so the dispatcher fails
    /// over). 0 = off. Call before start(). The timer comes from the client's timer source.
    void setFirstTokenTimeout(int ms) { m_firstTokenTimeoutMs = ms; }
    void cancel() override;

private:
    void onHead(int status, const HttpHeaders &headers);
    void onBody(const QByteArray &bytes);
    void onFinished();
    void onFailed(UpstreamExchange::ErrorKind kind, const QString &message);
    void onFirstTokenTimeout();
    /// Passes decoded events through the pipe; false when the call ended meanwhile.
    bool pump();
    void finishStream();
    void finishBody();
    /// After started(): the client-format error event via data(), then failed(midStream).
    void failMidStream(ProviderError::Kind kind, const QString &type, const QString &message,
                       bool sendEvent = true);
    void failLater(ProviderError error);
    void fail(ProviderError error);

    QString m_providerId;
    QString m_apiKey; ///< only to scrub it from upstream text; never logged
    Translate::WireFormat m_upstream;
    Translate::WireFormat m_client;
    bool m_stream = false;
    QPointer<UpstreamExchange> m_exchange;
    int m_status = 0;
    HttpHeaders m_headers;
    bool m_started = false;
    bool m_done = false;
    bool m_emitted = false; ///< data() was emitted: the client stream has begun
    QByteArray m_body; ///< non-stream body, or the error body of a non-2xx reply
    SseDecoder m_sse;
    int m_firstTokenTimeoutMs = 0;
    ITimerSource *m_timers = nullptr; ///< the client's, set by start()
    TimerHandle m_firstTokenTimer;
    std::unique_ptr<StreamPipe> m_pipe;
};

} // namespace Switchyard::Providers::Internal
