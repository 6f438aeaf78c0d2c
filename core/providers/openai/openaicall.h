// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/httptypes.h"
#include "core/common/usage.h"
#include "core/providers/http/upstreamexchange.h"
#include "core/providers/iprovider.h"
#include "core/providers/sse/ssedecoder.h"

#include <QByteArray>
#include <QPointer>
#include <QString>

namespace Switchyard::Providers::Internal {

/// One chat-completions attempt against an OpenAI-compatible upstream.
///
/// Streams: every upstream SSE block is relayed byte-exact through data(), one emission per
/// read batch, except the final usage-only chunk (parsed, dropped unless the client asked
/// for usage) and `data: [DONE]` (returned as CallResult::tail). A `data: {"error":...}`
/// event is relayed, then failed(midStream). Lives on the core thread.
class OpenAiCall final : public ProviderCall
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpenAiCall)

public:
    OpenAiCall(const QString &providerId, const QString &apiKey, const ProviderRequest &request,
               QObject *parent);

    /// Starts the exchange; signals arrive later, from the event loop.
    void start(UpstreamClient *client, const UpstreamRequestSpec &spec);
    void cancel() override;

private:
    void onHead(int status, const HttpHeaders &headers);
    void onBody(const QByteArray &bytes);
    void onFinished();
    void onFailed(UpstreamExchange::ErrorKind kind, const QString &message);
    /// Relays decoded events; false when the call ended (error event) while relaying.
    bool relayEvents();
    void finishStream();
    void fail(ProviderError error);
    QString scrub(QString text) const;

    QString m_providerId;
    QString m_apiKey; ///< only to scrub it from upstream text; never logged
    bool m_stream = false;
    bool m_clientWantsUsage = false;
    QPointer<UpstreamExchange> m_exchange;
    int m_status = 0;
    HttpHeaders m_headers;
    bool m_started = false;
    bool m_done = false;
    QByteArray m_body; ///< non-stream body, or the error body of a non-2xx reply
    SseDecoder m_decoder;
    QByteArray m_tail;
    Usage m_usage;
    QString m_model;
};

} // namespace Switchyard::Providers::Internal
