// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/httptypes.h"
#include "core/config/gatewayconfig.h"
#include "core/providers/iprovider.h"

#include <QByteArray>
#include <QList>
#include <QTimer>

namespace Switchyard::Providers {

/// One attempt against the simulated provider. Everything (text, usage, events, whether it
/// fails) is decided in the constructor; start() only plays it out on timers, so the call
/// behaves like a real upstream in time and shape. Lives on the core thread.
class SimulatedCall final : public ProviderCall
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimulatedCall)
public:
    SimulatedCall(const Config::ProviderSettings &settings, const ProviderRequest &request,
                  QObject *parent);

    /// Arms the first timer; nothing is emitted before control returns to the event loop.
    void start();
    void cancel() override;

    /// Whether the attempt of request \a requestId on \a model falls under `failureRate`
    /// (0..1): deterministic, and independent between the models of one request.
    static bool failsFor(const QString &requestId, const QString &model, double failureRate);

private:
    void buildReply(const ProviderRequest &request);
    void onFirstByte();
    void emitNextEvent();
    void failSimulated();

    QString m_providerId;
    double m_failureRate = 0;
    int m_latencyMs = 0;
    int m_tokensPerSecond = 0;
    bool m_stream = false;
    bool m_fails = false;
    bool m_done = false;
    QTimer m_timer;
    HttpHeaders m_headers;
    QList<QByteArray> m_events; ///< stream only: SSE events before [DONE]
    QList<int> m_delaysMs;      ///< pause before each event
    qsizetype m_next = 0;
    int m_generationMs = 0;     ///< non-stream: time to "generate" the whole reply
    CallResult m_result;
};

} // namespace Switchyard::Providers
