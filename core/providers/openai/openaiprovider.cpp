// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/providers/openai/openaiprovider.h"

#include "core/providers/http/upstreamclient.h"
#include "core/providers/openai/openaicall.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Switchyard::Providers {

OpenAiProvider::OpenAiProvider(const Config::ProviderSettings &settings, UpstreamClient *client)
    : m_settings(settings)
    , m_client(client)
{
    QString base = settings.baseUrl.trimmed();
    while (base.endsWith(QLatin1Char('/'))) {
        base.chop(1);
    }
    m_endpoint = QUrl(base + QLatin1String("/chat/completions"));
    if (!settings.apiKey.isEmpty()) {
        m_authorization = "Bearer " + settings.apiKey.toUtf8();
    }
}

ProviderCall *OpenAiProvider::startChat(const ProviderRequest &request, QObject *parent)
{
    auto *call = new Internal::OpenAiCall(m_settings.id, m_settings.apiKey, request, parent);

    QJsonObject body = request.body;
    body.insert(QLatin1String("model"), request.upstreamModel);
    if (request.stream) {
        body.insert(QLatin1String("stream"), true);
        QJsonObject options = body.value(QLatin1String("stream_options")).toObject();
        options.insert(QLatin1String("include_usage"), true);
        body.insert(QLatin1String("stream_options"), options);
    }

    UpstreamRequestSpec spec;
    spec.url = m_endpoint;
    spec.method = QByteArrayLiteral("POST");
    spec.headers.reserve(3);
    if (!m_authorization.isEmpty()) {
        spec.headers.append({QByteArrayLiteral("Authorization"), m_authorization});
    }
    spec.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    spec.headers.append({QByteArrayLiteral("Accept"), request.stream
                                                          ? QByteArrayLiteral("text/event-stream")
                                                          : QByteArrayLiteral("application/json")});
    spec.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    spec.connectTimeoutMs = m_settings.connectTimeoutMs;
    spec.firstByteTimeoutMs = m_settings.firstByteTimeoutMs;
    spec.totalTimeoutMs = m_settings.requestTimeoutMs;

    call->start(m_client.data(), spec); // a null client fails asynchronously
    return call;
}

} // namespace Switchyard::Providers
