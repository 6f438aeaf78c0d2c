// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/support/mockserverbase.h"

#include "tests/support/mockhttpconnection.h"
#include "tests/support/mockstreamjob.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace Switchyard::Testing::Internal {

MockServerBase::MockServerBase(const QString &basePath, const QString &defaultReply,
                               FaultCodes codes, QObject *parent)
    : QObject(parent)
    , m_replyText(defaultReply)
    , m_basePath(basePath)
    , m_codes(codes)
{
    connect(&m_server, &QTcpServer::newConnection, this, &MockServerBase::onNewConnection);
}

MockServerBase::~MockServerBase()
{
    // Connections (and their stream jobs) go first, while the server they call back into
    // is still whole.
    qDeleteAll(findChildren<MockHttpConnection *>(Qt::FindDirectChildrenOnly));
}

bool MockServerBase::listen(quint16 port)
{
    if (!m_server.listen(QHostAddress::LocalHost, port))
        return false;
    m_port = m_server.serverPort();
    return true;
}

quint16 MockServerBase::port() const
{
    return m_port;
}

QUrl MockServerBase::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port) + m_basePath);
}

void MockServerBase::setFaultCode(int fault, int count)
{
    if (count == 0)
        fault = 0;
    const bool wasRefusing = m_fault == m_codes.refuse;
    m_fault = fault;
    m_faultRemaining = count;
    if (fault == m_codes.refuse && !wasRefusing) {
        m_server.close();
        // Idle keep-alive connections would let clients bypass the refusal.
        const auto connections = findChildren<MockHttpConnection *>(Qt::FindDirectChildrenOnly);
        for (MockHttpConnection *connection : connections) {
            if (!connection->isBusy())
                connection->closeAfterWrite();
        }
    } else if (fault != m_codes.refuse && wasRefusing && m_port != 0) {
        m_server.listen(QHostAddress::LocalHost, m_port);
    }
}

void MockServerBase::setReplyText(const QString &text)
{
    m_replyText = text;
}

void MockServerBase::setToolCall(const QString &name, const QString &argumentsJson)
{
    m_toolName = name;
    m_toolArguments = argumentsJson;
}

void MockServerBase::setLatencyMs(int ms)
{
    m_latencyMs = qMax(0, ms);
}

void MockServerBase::setChunkDelayMs(int ms)
{
    m_chunkDelayMs = qMax(0, ms);
}

void MockServerBase::setFirstEventDelayMs(int ms)
{
    m_firstEventDelayMs = qMax(0, ms);
}

void MockServerBase::setFixedUsage(int promptTokens, int outputTokens)
{
    m_fixedPromptTokens = promptTokens;
    m_fixedOutputTokens = outputTokens;
}

void MockServerBase::setExpectedApiKey(const QString &key)
{
    m_expectedApiKey = key;
}

void MockServerBase::setRequestHistoryLimit(int limit)
{
    m_historyLimit = qMax(0, limit);
    while (m_requests.size() > m_historyLimit)
        m_requests.removeFirst();
}

void MockServerBase::clearRequests()
{
    m_requests.clear();
    m_requestCount = 0;
}

int MockServerBase::takeFault()
{
    const int fault = m_fault;
    if (fault != 0 && fault != m_codes.refuse && m_faultRemaining > 0
        && --m_faultRemaining == 0) {
        m_fault = 0;
    }
    return fault;
}

void MockServerBase::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto *connection = new MockHttpConnection(socket, this);
        connect(connection, &MockHttpConnection::requestReceived, this,
                [this, connection](const MockHttpRequest &request) { onRequest(connection, request); });
    }
}

void MockServerBase::onRequest(MockHttpConnection *connection, const MockHttpRequest &request)
{
    ++m_requestCount;
    if (m_historyLimit > 0) {
        if (m_requests.size() >= m_historyLimit)
            m_requests.removeFirst();
        m_requests.append({request.method, request.path, request.headers, request.body});
    }
    const int fault = takeFault();
    Q_EMIT requestReceived();
    if (fault == m_codes.hang)
        return;
    if (fault == m_codes.refuse) {
        connection->closeAfterWrite();
        return;
    }
    if (m_latencyMs <= 0) {
        respond(connection, request, fault);
        return;
    }
    QTimer::singleShot(m_latencyMs, connection, [this, connection, request, fault] {
        respond(connection, request, fault);
    });
}

void MockServerBase::writeBody(MockHttpConnection *connection, int status,
                               const HttpHeaders &headers, const QByteArray &body, bool truncate)
{
    if (truncate) {
        m_lastResponseBody = body.left(body.size() / 2);
        connection->writeTruncated(status, headers, m_lastResponseBody, body.size());
        return;
    }
    m_lastResponseBody = body;
    connection->writeResponse(status, headers, body);
}

MockPacedStreamJob *MockServerBase::newStreamJob(MockHttpConnection *connection,
                                                 QList<QByteArray> events)
{
    QPointer<MockServerBase> self(this);
    auto *job = new MockPacedStreamJob(connection, std::move(events), m_chunkDelayMs,
                                       [self](const QByteArray &written) {
                                           if (self)
                                               self->m_lastResponseBody = written;
                                       });
    job->setFirstEventDelayMs(m_firstEventDelayMs);
    return job;
}

} // namespace Switchyard::Testing::Internal
