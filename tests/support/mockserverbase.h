// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/httptypes.h"

#include <QByteArray>
#include <QList>
#include <QMetaEnum>
#include <QObject>
#include <QString>
#include <QTcpServer>
#include <QUrl>

#include <optional>

namespace Switchyard::Testing::Internal {

class MockHttpConnection;
class MockPacedStreamJob;
struct MockHttpRequest;

/// One request as a mock server received it.
struct MockReceivedRequest
{
    QByteArray method;
    QByteArray path; ///< with the query string (which may hold ?key=)
    HttpHeaders headers;
    QByteArray body;
};

/// What the OpenAI, Anthropic and Gemini mocks share: the 127.0.0.1 listener, request history,
/// the last response body, connection hand-off, latency, and the fault counter (held as the
/// int value of each mock's own Fault enum, whose None is 0). Lives on the thread that created
/// it; not thread-safe.
class MockServerBase : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MockServerBase)
public:
    ~MockServerBase() override;

    /// Listens on 127.0.0.1; port 0 lets the OS choose.
    bool listen(quint16 port = 0);
    quint16 port() const;
    QUrl baseUrl() const;

    void setReplyText(const QString &text);
    void setToolCall(const QString &name, const QString &argumentsJson);
    /// Delay before the response headers.
    void setLatencyMs(int ms);
    /// Delay between stream events.
    void setChunkDelayMs(int ms);
    /// Delay between the headers of a stream and its first event.
    void setFirstEventDelayMs(int ms);
    void setExpectedApiKey(const QString &key);
    /// Reports exactly these prompt and output (completion / candidates) token counts instead
    /// of the character-based estimate, for cost tests computed by hand; -1 restores the
    /// estimate. Cache and reasoning counts are set per mock and come on top as each API does.
    void setFixedUsage(int promptTokens, int outputTokens);
    /// How many requests requests() keeps (oldest dropped); requestCount() counts all.
    void setRequestHistoryLimit(int limit);

    QList<MockReceivedRequest> requests() const { return m_requests; }
    int requestCount() const { return m_requestCount; }
    void clearRequests();
    /// The exact (de-chunked) body bytes written for the last completed or aborted response.
    QByteArray lastResponseBody() const { return m_lastResponseBody; }

Q_SIGNALS:
    /// Emitted once per received request, after it is recorded in requests().
    void requestReceived();

protected:
    /// The int values of the mock's Fault::Hang and Fault::RefuseConnection.
    struct FaultCodes
    {
        int hang = 0;
        int refuse = 0;
    };

    MockServerBase(const QString &basePath, const QString &defaultReply, FaultCodes codes,
                   QObject *parent);

    /// Applies `fault` to the next `count` requests (then 0); -1 = until changed. Refusing
    /// closes the listener (and idle connections); leaving it listens again on the same port.
    void setFaultCode(int fault, int count);
    int faultCode() const { return m_fault; }

    /// Answers one request (after the latency) with the fault taken for it; never called for
    /// Hang or RefuseConnection.
    virtual void respond(MockHttpConnection *connection, const MockHttpRequest &request,
                         int fault) = 0;

    /// Writes a whole response (or, when `truncate`, half of it and closes) and records it.
    void writeBody(MockHttpConnection *connection, int status, const HttpHeaders &headers,
                   const QByteArray &body, bool truncate = false);
    /// A paced job for the events on `connection` (chunked response begun) that records
    /// what it wrote as lastResponseBody(); call start() on it.
    MockPacedStreamJob *newStreamJob(MockHttpConnection *connection, QList<QByteArray> events);

    template <typename Enum>
    static QString enumName(Enum value)
    {
        return QString::fromLatin1(QMetaEnum::fromType<Enum>().valueToKey(int(value)));
    }
    template <typename Enum>
    static std::optional<Enum> enumFromName(const QString &name)
    {
        bool ok = false;
        const int value = QMetaEnum::fromType<Enum>().keyToValue(name.toLatin1().constData(), &ok);
        if (!ok)
            return std::nullopt;
        return Enum(value);
    }

    QString m_replyText;
    QString m_toolName;
    QString m_toolArguments;
    QString m_expectedApiKey;
    int m_chunkDelayMs = 0;
    int m_firstEventDelayMs = 0;
    QByteArray m_lastResponseBody;
    qint64 m_fixedPromptTokens = -1;
    qint64 m_fixedOutputTokens = -1;

private:
    void onNewConnection();
    void onRequest(MockHttpConnection *connection, const MockHttpRequest &request);
    int takeFault();

    QTcpServer m_server;
    QString m_basePath;
    FaultCodes m_codes;
    quint16 m_port = 0;
    int m_fault = 0;
    int m_faultRemaining = -1;
    int m_latencyMs = 0;
    int m_historyLimit = 10000;
    QList<MockReceivedRequest> m_requests;
    int m_requestCount = 0;
};

} // namespace Switchyard::Testing::Internal
