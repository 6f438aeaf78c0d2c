// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/pipeline/exchange.h"
#include "core/pipeline/pipelinecontext.h"
#include "core/pipeline/stage.h"
#include "core/providers/iprovider.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace Switchyard::Pipeline {

/// The terminal stage for one request: walks the routing candidates, fails over on retryable
/// errors until the first byte reaches the client, relays the reply (streams chunk by chunk),
/// and has the request recorded before the reply's last bytes leave. Lives on the core thread;
/// emits done() once, after which its owner deletes it.
class StreamGuard;

class Dispatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Dispatcher)
public:
    Dispatcher(std::unique_ptr<Exchange> exchange, const PipelineContext &context,
               QObject *parent = nullptr);
    ~Dispatcher() override;

    void start();
    /// Answers with a stage's local reply instead of dispatching; recorded like any request.
    void reject(const StageResult &result);
    /// Stops the request (shutdown): the client gets `message` if nothing was sent yet,
    /// otherwise a truncated stream.
    void cancel(const QString &message);
    const Exchange &exchange() const { return *m_exchange; }

Q_SIGNALS:
    void done();

private:
    void tryNext();
    void connectCall();
    void onStarted(int status, const Switchyard::HttpHeaders &headers);
    void onData(const QByteArray &bytes);
    void onFinished(const Switchyard::Providers::CallResult &result);
    void onFailed(const Switchyard::Providers::ProviderError &error);
    void onClientGone();

    void startClientStream();
    /// Response guards (docs/guards.md): a whole body is scanned in place; false when blocked.
    bool guardBody(QByteArray &body);
    /// Ends a stream whose response guard blocked it, with an error event.
    void endBlockedStream();
    void detachCall();
    /// Feeds the attempt's outcome to live metrics and the circuit breaker.
    void reportHealth(bool ok, qint64 retryAfterMs);
    void answerFailure();
    void answerError(int status, const QString &type, const QString &code, const QString &message,
                     const HttpHeaders &extraHeaders = {}, const QByteArray &body = {});
    /// Records the request, then runs `writeResponse` once the record is durable.
    void finish(std::function<void()> writeResponse);

    std::unique_ptr<Exchange> m_exchange;
    PipelineContext m_context;
    std::shared_ptr<Providers::IProvider> m_provider; ///< keeps the attempt's provider alive
    QPointer<Providers::ProviderCall> m_call;
    qsizetype m_nextCandidate = 0;
    qint64 m_attemptStartNs = 0;
    int m_upstreamStatus = 0;
    HttpHeaders m_upstreamHeaders;
    QByteArray m_bufferedBody; ///< non-streamed bytes a provider sent through data()
    QList<Providers::ProviderError> m_errors;
    std::unique_ptr<StreamGuard> m_streamGuard; ///< only while a response guard is on
    qint64 m_bodyBytes = -1; ///< size of the body sent upstream (for the egress ledger)
    bool m_clientStarted = false;
    bool m_errorEventRelayed = false;
    bool m_finishing = false;
};

} // namespace Switchyard::Pipeline
