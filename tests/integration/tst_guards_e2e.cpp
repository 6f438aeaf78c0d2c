// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
// End to end (issue 6): the real switchyard-server with two mock providers, one in region "eu",
// one in "us". An EU-only customer never reaches the US provider and the decision record says
// why; redacted requests reach the provider with placeholders only; a planted secret is absent
// from every byte the gateway writes; a streamed reply's card number split across SSE events
// reaches the client redacted.
#include "gatewayprocess.h"
#include "httptestclient.h"
#include "tests/support/mockopenaiserver.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using Switchyard::Testing::ClientReply;
using Switchyard::Testing::GatewayProcess;
using Switchyard::Testing::HttpTestClient;
using Switchyard::Testing::MockOpenAiServer;

namespace {

// Built at run time so the source holds no complete key either.
QByteArray plantedSecret()
{
    return QByteArray("sk-") + "proj-" + QByteArray("Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3hJ5kL7n");
}

QJsonObject provider(const char *id, const QString &baseUrl, const char *region)
{
    return QJsonObject{{QStringLiteral("id"), QLatin1String(id)},
                       {QStringLiteral("kind"), QStringLiteral("openai")},
                       {QStringLiteral("base_url"), baseUrl},
                       {QStringLiteral("api_key"), QStringLiteral("sk-mock-upstream")},
                       {QStringLiteral("region"), QLatin1String(region)},
                       {QStringLiteral("first_byte_timeout_ms"), 3000}};
}

QJsonObject model(const char *id, const char *providerId)
{
    return QJsonObject{{QStringLiteral("id"), QLatin1String(id)},
                       {QStringLiteral("provider"), QLatin1String(providerId)},
                       {QStringLiteral("upstream"), QStringLiteral("gpt-4o-mini")},
                       {QStringLiteral("price"), QJsonObject{{QStringLiteral("input"), 1}, {QStringLiteral("output"), 2}}}};
}

QByteArray chat(const QByteArray &model, const QByteArray &text, bool stream = false)
{
    return "{\"model\":\"" + model + "\",\"stream\":" + (stream ? "true" : "false")
           + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}";
}

/// The text an OpenAI SSE stream carries, concatenated.
QString streamedText(const QByteArray &body)
{
    QString text;
    for (const QByteArray &line : body.split('\n')) {
        if (!line.startsWith("data: {"))
            continue;
        const QJsonObject chunk = QJsonDocument::fromJson(line.mid(6)).object();
        const QJsonArray choices = chunk.value(QLatin1String("choices")).toArray();
        if (!choices.isEmpty())
            text += choices.first().toObject().value(QLatin1String("delta")).toObject().value(QLatin1String("content")).toString();
    }
    return text;
}

} // namespace

class tst_GuardsE2e final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void euOnlyCustomerNeverReachesUs();
    void modelOutsideThePolicyIsRefused();
    void redactedRequestReachesProviderWithPlaceholders();
    void anthropicSurfaceIsRedactedToo();
    void streamedReplyIsRedactedAcrossChunks();
    void plantedSecretNeverLeaves();

private:
    QUrl url(const char *path) const { return m_gateway.baseUrl().resolved(QUrl(QLatin1String(path))); }
    QJsonObject recordOf(const QByteArray &requestId);

    MockOpenAiServer m_eu;
    MockOpenAiServer m_us;
    GatewayProcess m_gateway;
    HttpTestClient m_client;
    QList<QByteArray> m_errorBodies;
    QList<QByteArray> m_requestIds;
};

void tst_GuardsE2e::initTestCase()
{
    QVERIFY(m_eu.listen());
    QVERIFY(m_us.listen());
    const QJsonObject config{
        {QStringLiteral("server"), QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")}, {QStringLiteral("port"), 0}}},
        {QStringLiteral("providers"), QJsonArray{provider("us-cloud", m_us.baseUrl().toString(), "us"),
                                                 provider("eu-cloud", m_eu.baseUrl().toString(), "eu")}},
        {QStringLiteral("models"), QJsonArray{model("us-model", "us-cloud"), model("eu-model", "eu-cloud")}},
        {QStringLiteral("routes"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("main")},
                                {QStringLiteral("strategy"), QStringLiteral("fallback")},
                                {QStringLiteral("targets"), QJsonArray{QStringLiteral("us-model"), QStringLiteral("eu-model")}}}}},
        {QStringLiteral("default_route"), QStringLiteral("main")},
        {QStringLiteral("guards"),
         QJsonObject{{QStringLiteral("dlp"), QJsonObject{{QStringLiteral("action"), QStringLiteral("redact")}}},
                     {QStringLiteral("profiles"),
                      QJsonObject{{QStringLiteral("strict"), QJsonObject{{QStringLiteral("action"), QStringLiteral("block")}}}}},
                     {QStringLiteral("scan_responses"), true}}},
        {QStringLiteral("policies"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("eu-only")},
                                {QStringLiteral("match"), QJsonObject{{QStringLiteral("customer"), QStringLiteral("acme")}}},
                                {QStringLiteral("allowed_regions"), QJsonArray{QStringLiteral("eu")}}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("locked")},
                                {QStringLiteral("match"), QJsonObject{{QStringLiteral("customer"), QStringLiteral("locked")}}},
                                {QStringLiteral("dlp_profile"), QStringLiteral("strict")}}}}};
    QVERIFY2(m_gateway.start(config), m_gateway.standardError().constData());
}

void tst_GuardsE2e::cleanupTestCase()
{
    m_gateway.stop();
}

QJsonObject tst_GuardsE2e::recordOf(const QByteArray &requestId)
{
    // Read while the server runs, the way another process would.
    const QVariantMap row = m_gateway.waitForLoggedRow(requestId);
    if (row.isEmpty())
        return {};
    return {{QStringLiteral("decision"),
             QJsonDocument::fromJson(row.value(QStringLiteral("decision")).toString().toUtf8()).object()},
            {QStringLiteral("region"), row.value(QStringLiteral("egress_region")).toString()},
            {QStringLiteral("policy"), row.value(QStringLiteral("policy")).toString()},
            {QStringLiteral("classes"), row.value(QStringLiteral("dlp_classes")).toString()},
            {QStringLiteral("action"), row.value(QStringLiteral("dlp_action")).toString()},
            {QStringLiteral("bytes"), row.value(QStringLiteral("egress_bytes")).toLongLong()}};
}

void tst_GuardsE2e::euOnlyCustomerNeverReachesUs()
{
    const int usBefore = m_us.requestCount();
    const ClientReply reply = m_client.post(url("/v1/chat/completions"), chat("main", "Hello"),
                                            {{"x-switchyard-customer", "acme"}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("x-switchyard-provider"), QByteArray("eu-cloud"));
    QCOMPARE(m_us.requestCount(), usBefore);

    // Another customer is not restricted and gets the first target.
    const ClientReply other = m_client.post(url("/v1/chat/completions"), chat("main", "Hello"));
    QCOMPARE(other.status, 200);
    QCOMPARE(other.header("x-switchyard-provider"), QByteArray("us-cloud"));

    const QJsonObject record = recordOf(reply.header("x-switchyard-request-id"));
    QCOMPARE(record.value(QLatin1String("region")).toString(), QStringLiteral("eu"));
    QCOMPARE(record.value(QLatin1String("policy")).toString(), QStringLiteral("eu-only"));
    QVERIFY(record.value(QLatin1String("bytes")).toInteger() > 0);
    const QJsonArray candidates = record.value(QLatin1String("decision")).toObject().value(QLatin1String("candidates")).toArray();
    bool usRemoved = false;
    for (const QJsonValue &value : candidates) {
        const QJsonObject candidate = value.toObject();
        if (candidate.value(QLatin1String("model")).toString() != QLatin1String("us-model"))
            continue;
        QVERIFY(!candidate.value(QLatin1String("eligible")).toBool());
        const QString reason = candidate.value(QLatin1String("reason")).toString();
        QVERIFY2(reason.contains(QLatin1String("eu-only")) && reason.contains(QLatin1String("'us'")), qPrintable(reason));
        usRemoved = true;
    }
    QVERIFY(usRemoved);
}

void tst_GuardsE2e::modelOutsideThePolicyIsRefused()
{
    const int usBefore = m_us.requestCount();
    const ClientReply reply = m_client.post(url("/v1/chat/completions"), chat("us-model", "Hello"),
                                            {{"x-switchyard-customer", "acme"}});
    QCOMPARE(reply.status, 403);
    const QJsonObject error = reply.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("policy_denied"));
    QVERIFY2(error.value(QLatin1String("message")).toString().contains(QLatin1String("eu-only")), reply.body.constData());
    QCOMPARE(m_us.requestCount(), usBefore);
    m_errorBodies.append(reply.body);
}

void tst_GuardsE2e::redactedRequestReachesProviderWithPlaceholders()
{
    m_us.clearRequests();
    const ClientReply reply = m_client.post(url("/v1/chat/completions"),
                                            chat("us-model", "Write to jane.doe@example.com and jane.doe@example.com, "
                                                             "card 4111 1111 1111 1111"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(m_us.requests().size(), 1);
    const QByteArray sent = m_us.requests().constFirst().body;
    QVERIFY2(sent.contains("Write to [EMAIL_1] and [EMAIL_1], card [CARD_1]"), sent.constData());
    QVERIFY(!sent.contains("jane.doe"));
    QVERIFY(!sent.contains("4111"));
    const QJsonObject record = recordOf(reply.header("x-switchyard-request-id"));
    QCOMPARE(record.value(QLatin1String("classes")).toString(), QStringLiteral("email,card"));
    QCOMPARE(record.value(QLatin1String("action")).toString(), QStringLiteral("redact"));
}

void tst_GuardsE2e::anthropicSurfaceIsRedactedToo()
{
    m_us.clearRequests();
    const QByteArray body = R"({"model":"us-model","max_tokens":64,"system":"Reply to jane.doe@example.com",)"
                            R"("messages":[{"role":"user","content":[{"type":"text","text":"mail jane.doe@example.com"}]}]})";
    const ClientReply reply = m_client.post(url("/v1/messages"), body);
    QCOMPARE(reply.status, 200);
    QCOMPARE(m_us.requests().size(), 1);
    const QByteArray sent = m_us.requests().constFirst().body;
    QVERIFY2(sent.contains("Reply to [EMAIL_1]") && sent.contains("mail [EMAIL_1]"), sent.constData());
    QVERIFY(!sent.contains("jane.doe"));
}

void tst_GuardsE2e::streamedReplyIsRedactedAcrossChunks()
{
    // The mock streams one event per word: the card number spans four SSE events.
    m_eu.setReplyText(QStringLiteral("Your card is 4111 1111 1111 1111 and that is all."));
    const ClientReply reply = m_client.post(url("/v1/chat/completions"), chat("eu-model", "Which card?", true));
    QCOMPARE(reply.status, 200);
    QVERIFY2(m_eu.lastResponseBody().contains("\"1111\"") || m_eu.lastResponseBody().contains(" 1111"),
             "the mock sent the number split across events");
    QCOMPARE(streamedText(reply.body), QStringLiteral("Your card is [CARD_1] and that is all."));
    QVERIFY(!reply.body.contains("4111"));
    QVERIFY(reply.body.contains("data: [DONE]"));
    m_eu.setReplyText(QStringLiteral("Hello!"));
}

void tst_GuardsE2e::plantedSecretNeverLeaves()
{
    const QByteArray secret = plantedSecret();
    m_us.clearRequests();
    m_eu.clearRequests();
    // Redacted on the way out (secrets are redacted under any profile here).
    const ClientReply ok = m_client.post(url("/v1/chat/completions"), chat("us-model", "my key is " + secret + " ok"));
    QCOMPARE(ok.status, 200);
    QCOMPARE(m_us.requests().size(), 1);
    QVERIFY(!m_us.requests().constFirst().body.contains(secret));
    QVERIFY(m_us.requests().constFirst().body.contains("[SECRET_1]"));
    // Blocked by the strict profile: the error names the class, not the value.
    const ClientReply blocked = m_client.post(url("/v1/chat/completions"), chat("us-model", "key " + secret),
                                              {{"x-switchyard-customer", "locked"}});
    QCOMPARE(blocked.status, 400);
    QCOMPARE(blocked.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("dlp_blocked"));
    m_errorBodies.append(blocked.body);
    // Refused by the policy and by routing: the secret is in the body but never in the error.
    m_errorBodies.append(m_client.post(url("/v1/chat/completions"), chat("us-model", secret),
                                       {{"x-switchyard-customer", "acme"}}).body);
    m_errorBodies.append(m_client.post(url("/v1/chat/completions"), chat("no-such-model", secret)).body);
    m_errorBodies.append(m_client.post(url("/v1/messages"), R"({"model":"us-model","messages":[{"role":"user","content":")"
                                                                + secret + R"("}]})").body);
    // Only the plain and the Anthropic-surface request went upstream, both redacted.
    QCOMPARE(m_us.requests().size(), 2);
    QCOMPARE(m_eu.requests().size(), 0);
    for (const auto &request : m_us.requests())
        QVERIFY(!request.body.contains(secret) && request.body.contains("[SECRET_1]"));
    for (const QByteArray &body : std::as_const(m_errorBodies)) {
        QVERIFY(!body.isEmpty());
        QVERIFY2(!body.contains(secret), body.constData());
    }

    QCOMPARE(m_gateway.stop(), 0); // everything is flushed once the server has stopped
    QVERIFY(!m_gateway.standardError().contains(secret));
    QVERIFY(!m_gateway.process().readAllStandardOutput().contains(secret));
    int files = 0;
    QDirIterator it(m_gateway.dataDir(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY2(!bytes.contains(secret), qPrintable(file.fileName()));
        QVERIFY2(!bytes.contains("Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3hJ5kL7n"), qPrintable(file.fileName()));
        ++files;
    }
    QVERIFY(files > 0);
}

QTEST_GUILESS_MAIN(tst_GuardsE2e)
#include "tst_guards_e2e.moc"
