// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/httptypes.h"
#include "core/config/gatewayconfig.h"
#include "core/providers/iprovider.h"
#include "core/translate/chatmodel.h"
#include "tests/support/mockanthropicserver.h"
#include "tests/support/mockgeminiserver.h"
#include "tests/support/mockopenaiserver.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QJsonObject>
#include <QSignalSpy>
#include <QString>

#include <memory>

namespace Switchyard::Testing {

inline const QString s_providerKey = QStringLiteral("sk-provider-secret-0123456789");

/// One tool call as a client decoded it.
struct ToolSeen
{
    QString id;
    QString name;
    QJsonObject args;
};

/// A reply as a client of `format` reads it, decoded with the translate decoders.
struct ClientView
{
    bool decoded = false; ///< the bytes were a well-formed reply (or stream) in the format
    QString id;
    QString text;
    QList<ToolSeen> tools;
    Translate::StopReason stop = Translate::StopReason::Other;
    bool sawStop = false;
    Usage usage;
    bool complete = false; ///< stream: the decoder saw the format's clean end
    bool sawError = false; ///< stream: an error event
    QString errorType;
    QString errorMessage;
};

ClientView viewOfBody(Translate::WireFormat format, const QByteArray &body);
ClientView viewOfStream(Translate::WireFormat format, const QByteArray &sse);

/// Watches one call: spies on its signals and collects data() emissions.
struct Watched
{
    Providers::ProviderCall *call = nullptr;
    std::unique_ptr<QSignalSpy> started;
    std::unique_ptr<QSignalSpy> finished;
    std::unique_ptr<QSignalSpy> failed;
    QByteArrayList emissions;

    QByteArray relayed() const { return emissions.join(); }
    Providers::CallResult result() const;
    Providers::ProviderError error() const;
};

std::unique_ptr<Watched> watch(Providers::ProviderCall *call);
/// Waits until exactly one of finished/failed fired.
bool waitDone(const Watched &w, int timeoutMs = 5000);

/// The three mock upstreams, listening on 127.0.0.1 with OS-chosen ports.
class Mocks
{
public:
    struct Request
    {
        QByteArray path;
        HttpHeaders headers;
        QJsonObject body;
    };

    bool listen();
    /// Provider settings pointing at the mock for `kind` ("openai", "anthropic", "gemini").
    Config::ProviderSettings settings(const QString &kind) const;
    /// The upstream model the tests ask for on `kind`.
    static QString upstreamModel(const QString &kind);
    static Translate::WireFormat formatOf(const QString &kind);

    void reset(); ///< faults off, requests cleared, text reply
    void setReplyText(const QString &text);
    void setToolCall(const QString &name, const QString &argumentsJson);
    QByteArray lastResponseBody(const QString &kind) const;
    int requestCount(const QString &kind) const;
    Request lastRequest(const QString &kind) const;

    MockOpenAiServer openai;
    MockAnthropicServer anthropic;
    MockGeminiServer gemini;
};

} // namespace Switchyard::Testing
