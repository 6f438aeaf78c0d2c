// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/providers/wire/wireadapter.h"

#include "core/common/jsonscan.h"
#include "core/common/jsonwriter.h"
#include "core/common/tr.h"
#include "core/translate/anthropiccodec.h"
#include "core/translate/geminicodec.h"
#include "core/translate/openaicodec.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <array>

namespace Switchyard::Providers::Internal {

namespace {

using Translate::WireFormat;

constexpr qint64 s_defaultAnthropicMaxTokens = 4096;

/// OpenAI Chat Completions and every compatible server: `{base}/chat/completions`, Bearer.
class OpenAiAdapter final : public WireAdapter
{
public:
    explicit OpenAiAdapter(const Config::ProviderSettings &settings)
        : WireAdapter(settings)
        , m_url(baseUrl(QStringLiteral("https://api.openai.com/v1"))
                + QLatin1String("/chat/completions"))
        , m_embeddingsUrl(baseUrl(QStringLiteral("https://api.openai.com/v1"))
                          + QLatin1String("/embeddings"))
    {
    }
    QString kind() const override { return QStringLiteral("openai"); }
    bool supportsEmbeddings() const override { return true; }
    WireFormat format() const override { return WireFormat::OpenAi; }
    QUrl endpoint(const QString &, bool) const override { return m_url; }

protected:
    HttpHeaders authHeaders() const override
    {
        if (m_settings.apiKey.isEmpty()) {
            return {};
        }
        return {{QByteArrayLiteral("Authorization"), "Bearer " + m_settings.apiKey.toUtf8()}};
    }
    bool relaysBodyAsIs(const ProviderRequest &request) const override { return !request.stream; }
    void prepareRelayBody(QJsonObject &body, const ProviderRequest &request) const override
    {
        if (!request.stream) {
            return;
        }
        body.insert(QLatin1String("stream"), true);
        // Without it there is no usage to log; the chunk is dropped unless the client asked.
        QJsonObject options = body.value(QLatin1String("stream_options")).toObject();
        options.insert(QLatin1String("include_usage"), true);
        body.insert(QLatin1String("stream_options"), options);
    }
    Result<QJsonObject> encode(const Translate::ChatRequest &chat) const override
    {
        return Translate::OpenAiCodec::encodeRequest(chat);
    }
    void embeddingsTarget(const EmbeddingsRequest &request, const Translate::EmbeddingsInput &,
                          QUrl &url, QJsonObject &body) const override
    {
        url = m_embeddingsUrl;
        body = request.body; // relayed: token arrays, base64 and dimensions as the client sent them
        body.insert(QLatin1String("model"), request.upstreamModel);
    }

private:
    QUrl m_url;
    QUrl m_embeddingsUrl;
};

/// Anthropic Messages: `{base}/messages`, x-api-key + anthropic-version, max_tokens required.
class AnthropicAdapter final : public WireAdapter
{
public:
    explicit AnthropicAdapter(const Config::ProviderSettings &settings)
        : WireAdapter(settings)
        , m_url(baseUrl(QStringLiteral("https://api.anthropic.com/v1")) + QLatin1String("/messages"))
    {
    }
    QString kind() const override { return QStringLiteral("anthropic"); }
    WireFormat format() const override { return WireFormat::Anthropic; }
    QUrl endpoint(const QString &, bool) const override { return m_url; }

protected:
    HttpHeaders authHeaders() const override
    {
        HttpHeaders headers{{QByteArrayLiteral("anthropic-version"), QByteArrayLiteral("2023-06-01")}};
        if (!m_settings.apiKey.isEmpty()) {
            headers.append({QByteArrayLiteral("x-api-key"), m_settings.apiKey.toUtf8()});
        }
        return headers;
    }
    bool relaysBodyAsIs(const ProviderRequest &request) const override
    {
        return !request.stream && request.body.value(QLatin1String("max_tokens")).isDouble();
    }
    void prepareRelayBody(QJsonObject &body, const ProviderRequest &request) const override
    {
        if (request.stream) {
            body.insert(QLatin1String("stream"), true);
        }
        if (!body.value(QLatin1String("max_tokens")).isDouble()) {
            body.insert(QLatin1String("max_tokens"), s_defaultAnthropicMaxTokens);
        }
    }
    Result<QJsonObject> encode(const Translate::ChatRequest &chat) const override
    {
        Translate::AnthropicCodec::RequestOptions options;
        options.defaultMaxTokens = s_defaultAnthropicMaxTokens;
        return Translate::AnthropicCodec::encodeRequest(chat, options);
    }

private:
    QUrl m_url;
};

/// Gemini generateContent: model and streaming in the URL, x-goog-api-key. No Gemini
/// surface exists, so requests are always translated.
class GeminiAdapter final : public WireAdapter
{
public:
    explicit GeminiAdapter(const Config::ProviderSettings &settings)
        : WireAdapter(settings)
        , m_base(baseUrl(QStringLiteral("https://generativelanguage.googleapis.com/v1beta")))
    {
    }
    QString kind() const override { return QStringLiteral("gemini"); }
    bool supportsEmbeddings() const override { return true; }
    WireFormat format() const override { return WireFormat::Gemini; }
    QUrl endpoint(const QString &model, bool stream) const override
    {
        QString name = model;
        if (name.startsWith(QLatin1String("models/"))) {
            name.remove(0, 7);
        }
        const QString method = stream ? QStringLiteral(":streamGenerateContent?alt=sse")
                                      : QStringLiteral(":generateContent");
        return modelUrl(name, method);
    }

protected:
    HttpHeaders authHeaders() const override
    {
        if (m_settings.apiKey.isEmpty()) {
            return {};
        }
        return {{QByteArrayLiteral("x-goog-api-key"), m_settings.apiKey.toUtf8()}};
    }
    void prepareRelayBody(QJsonObject &body, const ProviderRequest &) const override
    {
        body.remove(QLatin1String("model")); // not reached: no client speaks Gemini
    }
    Result<QJsonObject> encode(const Translate::ChatRequest &chat) const override
    {
        return Translate::GeminiCodec::encodeRequest(chat);
    }
    void embeddingsTarget(const EmbeddingsRequest &request,
                          const Translate::EmbeddingsInput &input, QUrl &url,
                          QJsonObject &body) const override
    {
        QString name = request.upstreamModel;
        if (name.startsWith(QLatin1String("models/"))) {
            name.remove(0, 7);
        }
        url = modelUrl(name, QStringLiteral(":batchEmbedContents"));
        body = Translate::EmbeddingsCodec::encodeGeminiBatch(input, name);
    }

private:
    QUrl modelUrl(const QString &name, const QString &method) const
    {
        return QUrl(m_base + QLatin1String("/models/")
                    + QString::fromLatin1(QUrl::toPercentEncoding(name, "-._~")) + method);
    }

    QString m_base;
};

/// \a json (an object) with the value of its top-level "model" replaced by \a model; empty
/// when that is not a plain single string member (the caller re-serialises instead).
QByteArray withModel(const QByteArray &json, const QString &model)
{
    static const QByteArrayView quotedKey("\"model\"");
    const qsizetype first = json.indexOf(quotedKey);
    if (first < 0 || json.indexOf(quotedKey, first + 1) >= 0)
        return {}; // absent, or a second occurrence that might be a duplicate key
    std::array<JsonScan::ValueSpan, 1> span;
    if (!JsonScan::topLevelMembers(json, {QByteArrayView("model")}, span) || !span[0].found()
        || json.at(span[0].begin) != '"') {
        return {};
    }
    QByteArray out;
    out.reserve(json.size() + model.size() + 8);
    out.append(json.constData(), span[0].begin);
    JsonWriter::appendString(out, model);
    out.append(json.constData() + span[0].end, json.size() - span[0].end);
    return out;
}

} // namespace

WireAdapter::WireAdapter(const Config::ProviderSettings &settings)
    : m_settings(settings)
{
}

QString WireAdapter::baseUrl(const QString &fallback) const
{
    QString base = m_settings.baseUrl.trimmed();
    while (base.endsWith(QLatin1Char('/'))) {
        base.chop(1);
    }
    return base.isEmpty() ? fallback : base;
}

Result<UpstreamRequestSpec> WireAdapter::buildRequest(const ProviderRequest &request) const
{
    QJsonObject body;
    QByteArray bodyBytes;
    if (request.clientFormat == format() && !request.bodyBytes.isEmpty() && relaysBodyAsIs(request))
        bodyBytes = withModel(request.bodyBytes, request.upstreamModel);
    if (!bodyBytes.isEmpty()) {
        // relayed as the client sent it, only "model" replaced: no re-serialisation
    } else if (request.clientFormat == format()) {
        body = request.body;
        body.insert(QLatin1String("model"), request.upstreamModel);
        prepareRelayBody(body, request);
    } else {
        if (!request.chat) {
            return Error{QStringLiteral("untranslatable_request"),
                         request.chatError.isEmpty()
                             ? Tr::tr("The request cannot be translated for provider %1.")
                                   .arg(m_settings.id)
                             : request.chatError};
        }
        Translate::ChatRequest chat = *request.chat;
        chat.model = request.upstreamModel;
        chat.stream = request.stream;
        Result<QJsonObject> encoded = encode(chat);
        if (!encoded) {
            return encoded.error();
        }
        body = std::move(encoded).value();
    }

    UpstreamRequestSpec spec;
    spec.url = endpoint(request.upstreamModel, request.stream);
    spec.method = QByteArrayLiteral("POST");
    spec.headers = authHeaders();
    spec.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    spec.headers.append({QByteArrayLiteral("Accept"), request.stream
                                                          ? QByteArrayLiteral("text/event-stream")
                                                          : QByteArrayLiteral("application/json")});
    if (format() == WireFormat::Anthropic && request.clientFormat == WireFormat::Anthropic
        && !request.anthropicBeta.isEmpty()) {
        // Beta features (prompt-caching, extended output, …) only mean something when relayed.
        spec.headers.append({QByteArrayLiteral("anthropic-beta"), request.anthropicBeta});
    }
    spec.body = bodyBytes.isEmpty() ? QJsonDocument(body).toJson(QJsonDocument::Compact)
                                    : std::move(bodyBytes);
    spec.connectTimeoutMs = m_settings.connectTimeoutMs;
    spec.firstByteTimeoutMs = m_settings.firstByteTimeoutMs;
    spec.totalTimeoutMs = m_settings.requestTimeoutMs;
    return spec;
}

void WireAdapter::embeddingsTarget(const EmbeddingsRequest &, const Translate::EmbeddingsInput &,
                                   QUrl &, QJsonObject &) const
{
}

Result<UpstreamRequestSpec> WireAdapter::buildEmbeddingsRequest(
    const EmbeddingsRequest &request, const Translate::EmbeddingsInput &input) const
{
    if (!supportsEmbeddings()) {
        return Error{QStringLiteral("no_embeddings"),
                     Tr::tr("provider %1 (%2) has no embeddings endpoint").arg(m_settings.id, kind())};
    }
    if (format() == WireFormat::Gemini && input.tokenArrays) {
        return Error{QStringLiteral("untranslatable_request"),
                     Tr::tr("provider %1 (gemini) embeds text only; token-array input cannot be sent to it")
                         .arg(m_settings.id)};
    }
    QJsonObject body;
    UpstreamRequestSpec spec;
    embeddingsTarget(request, input, spec.url, body);
    spec.method = QByteArrayLiteral("POST");
    spec.headers = authHeaders();
    spec.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    spec.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
    spec.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    spec.connectTimeoutMs = m_settings.connectTimeoutMs;
    spec.firstByteTimeoutMs = m_settings.firstByteTimeoutMs;
    spec.totalTimeoutMs = m_settings.requestTimeoutMs;
    return spec;
}

std::unique_ptr<WireAdapter> makeWireAdapter(const Config::ProviderSettings &settings)
{
    if (settings.kind == QLatin1String("openai")) {
        return std::make_unique<OpenAiAdapter>(settings);
    }
    if (settings.kind == QLatin1String("anthropic")) {
        return std::make_unique<AnthropicAdapter>(settings);
    }
    if (settings.kind == QLatin1String("gemini")) {
        return std::make_unique<GeminiAdapter>(settings);
    }
    return {};
}

} // namespace Switchyard::Providers::Internal
