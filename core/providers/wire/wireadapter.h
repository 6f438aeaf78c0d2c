// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/result.h"
#include "core/config/gatewayconfig.h"
#include "core/providers/http/upstreamclient.h"
#include "core/providers/iprovider.h"
#include "core/translate/chatmodel.h"
#include "core/translate/embeddingscodec.h"

#include <QString>
#include <QUrl>

#include <memory>

namespace Switchyard::Providers::Internal {

/// What one upstream wire format needs to send a chat request: endpoint, credentials and
/// body. The body is the client's own (model and stream settings rewritten) when the client
/// speaks the upstream's format, else `ProviderRequest::chat` encoded by the codec.
/// Reading replies is format-driven (see StreamPipe, replybody.h). Immutable; any thread.
class WireAdapter
{
public:
    virtual ~WireAdapter() = default;
    virtual QString kind() const = 0;
    virtual Translate::WireFormat format() const = 0;
    /// The URL of one request for `model` (Gemini puts model and streaming in the URL).
    virtual QUrl endpoint(const QString &model, bool stream) const = 0;

    /// The whole upstream request, timeouts included. Fails (message for the client) when
    /// the client's request cannot be expressed in this format.
    Result<UpstreamRequestSpec> buildRequest(const ProviderRequest &request) const;
    /// Whether this upstream has an embeddings endpoint (OpenAI and Gemini do).
    virtual bool supportsEmbeddings() const { return false; }
    /// The upstream request of one embeddings attempt (`input` is `request.body` decoded).
    Result<UpstreamRequestSpec> buildEmbeddingsRequest(const EmbeddingsRequest &request,
                                                       const Translate::EmbeddingsInput &input) const;

protected:
    explicit WireAdapter(const Config::ProviderSettings &settings);
    /// Credentials and protocol headers (content-type and accept are added by the caller).
    virtual HttpHeaders authHeaders() const = 0;
    /// Rewrites a same-format client body for this upstream; `body["model"]` is already set.
    virtual void prepareRelayBody(QJsonObject &body, const ProviderRequest &request) const = 0;
    /// True when prepareRelayBody would leave \a request's body as it is, so the client's bytes
    /// can be relayed with only "model" spliced in.
    virtual bool relaysBodyAsIs(const ProviderRequest &) const { return false; }
    /// Encodes the internal model (model and stream already set on `chat`).
    virtual Result<QJsonObject> encode(const Translate::ChatRequest &chat) const = 0;
    /// URL and body of an embeddings request; only called when supportsEmbeddings().
    virtual void embeddingsTarget(const EmbeddingsRequest &request,
                                  const Translate::EmbeddingsInput &input, QUrl &url,
                                  QJsonObject &body) const;

    /// `base_url` without trailing slashes, or `fallback` when empty.
    QString baseUrl(const QString &fallback) const;

    Config::ProviderSettings m_settings;
};

/// The adapter for `settings.kind` ("openai", "anthropic", "gemini"); null for other kinds.
std::unique_ptr<WireAdapter> makeWireAdapter(const Config::ProviderSettings &settings);

} // namespace Switchyard::Providers::Internal
