// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/httptypes.h"
#include "core/common/result.h"
#include "core/providers/http/upstreamexchange.h"
#include "core/providers/iprovider.h"
#include "core/translate/chatmodel.h"
#include "core/translate/embeddingscodec.h"

#include <QByteArray>
#include <QPointer>
#include <QString>

namespace Switchyard::Providers::Internal {

/// One embeddings attempt, answered in the OpenAI shape. Against an OpenAI upstream the
/// reply is relayed byte-exact; against Gemini the batchEmbedContents reply is translated
/// (usage estimated, see below). startLocal() answers without network (simulated kind).
/// Errors carry an OpenAI-shaped clientBody; failures before any reply byte are retryable
/// like chat. Lives on the core thread; signals are never emitted from inside a start*().
class EmbeddingsCall final : public ProviderCall
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmbeddingsCall)

public:
    EmbeddingsCall(const QString &providerId, const QString &apiKey,
                   Translate::WireFormat upstreamFormat, const Translate::EmbeddingsInput &input,
                   QObject *parent);

    /// Sends `spec`, or fails (from the event loop) with its error: HTTP 400, not retryable.
    void start(UpstreamClient *client, const Result<UpstreamRequestSpec> &spec,
               const QString &upstreamModel);
    /// Answers `result` (tail = the OpenAI body) from the event loop.
    void startLocal(const CallResult &result);
    /// Fails from the event loop with a 400 in the OpenAI error shape, not retryable.
    void failInvalid(const QString &message);
    void cancel() override;

private:
    void onHead(int status, const HttpHeaders &headers);
    void onFinished();
    void onFailed(UpstreamExchange::ErrorKind kind, const QString &message);
    void fail(ProviderError error);

    QString m_providerId;
    QString m_apiKey; ///< only to scrub it from upstream text; never logged
    Translate::WireFormat m_upstream;
    Translate::EmbeddingsInput m_input;
    QString m_upstreamModel;
    QPointer<UpstreamExchange> m_exchange;
    int m_status = 0;
    HttpHeaders m_headers;
    QByteArray m_body;
    bool m_done = false;
};

} // namespace Switchyard::Providers::Internal
