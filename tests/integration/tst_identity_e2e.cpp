// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
// Virtual keys through the real switchyard-server with server.require_keys on: keys come from
// `switchyard-server keys issue` and are revoked with `keys revoke` while the gateway runs.
// A revoked key is refused at once, in the error shape of the surface that was called; the
// allow-list and the RPM limit are enforced, with x-ratelimit-* on every answer.
#include "tests/integration/gatewayprocess.h"
#include "tests/integration/httptestclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <optional>

using namespace Switchyard;
using namespace Switchyard::Testing;

namespace {

struct IssuedKey
{
    QString id;
    QByteArray secret; ///< never printed: failure messages name the id only
};

QByteArray chatBody(const QString &model, bool anthropic)
{
    QJsonObject body{{QStringLiteral("model"), model},
                     {QStringLiteral("messages"),
                      QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                             {QStringLiteral("content"), QStringLiteral("Say hello")}}}}};
    if (anthropic)
        body.insert(QStringLiteral("max_tokens"), 32);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace

class tst_IdentityE2e final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void missingKeyIsRefused_data();
    void missingKeyIsRefused();
    void revokedKeyIsRefusedAtOnce_data();
    void revokedKeyIsRefusedAtOnce();
    void allowListIsEnforced();
    void rpmLimitIsEnforced();

private:
    /// Runs `switchyard-server --data-dir <gateway's> <arguments>`; exit code, stdout.
    int runCli(const QStringList &arguments, QByteArray *out = nullptr);
    std::optional<IssuedKey> issue(const QString &name, const QStringList &extra = {});
    ClientReply call(const QString &surface, const QString &model, const QByteArray &secret);

    GatewayProcess m_gateway;
    HttpTestClient m_client;
    QList<QByteArray> m_secrets; ///< every secret issued, to check nothing leaked
};

int tst_IdentityE2e::runCli(const QStringList &arguments, QByteArray *out)
{
    QProcess process;
    process.setProgram(QStringLiteral(SWITCHYARD_SERVER_PATH));
    process.setArguments(QStringList{QStringLiteral("--data-dir"), m_gateway.dataDir()} + arguments);
    process.start();
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished(5000);
        return -1;
    }
    if (out)
        *out = process.readAllStandardOutput();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

std::optional<IssuedKey> tst_IdentityE2e::issue(const QString &name, const QStringList &extra)
{
    QByteArray out;
    if (runCli(QStringList{QStringLiteral("keys"), QStringLiteral("issue"), QStringLiteral("--name"), name,
                           QStringLiteral("--customer"), QStringLiteral("acme")}
                   + extra,
               &out)
        != 0) {
        return std::nullopt;
    }
    static const QRegularExpression s_issued(QStringLiteral("^(key_[0-9a-f]{8})\\s+(sy-[A-Za-z0-9_-]+)$"),
                                             QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = s_issued.match(QString::fromUtf8(out));
    if (!match.hasMatch())
        return std::nullopt;
    IssuedKey key{match.captured(1), match.captured(2).toUtf8()};
    m_secrets.append(key.secret);
    return key;
}

ClientReply tst_IdentityE2e::call(const QString &surface, const QString &model, const QByteArray &secret)
{
    const bool anthropic = surface == QLatin1String("anthropic");
    QUrl url = m_gateway.baseUrl();
    url.setPath(anthropic ? QStringLiteral("/v1/messages") : QStringLiteral("/v1/chat/completions"));
    QList<QPair<QByteArray, QByteArray>> headers;
    if (anthropic) {
        headers.append(qMakePair(QByteArray("anthropic-version"), QByteArray("2023-06-01")));
        if (!secret.isEmpty())
            headers.append(qMakePair(QByteArray("x-api-key"), secret));
    } else if (!secret.isEmpty()) {
        headers.append(qMakePair(QByteArray("authorization"), QByteArray("Bearer " + secret)));
    }
    return m_client.post(url, chatBody(model, anthropic), headers);
}

void tst_IdentityE2e::initTestCase()
{
    const QJsonObject config = QJsonDocument::fromJson(R"({
      "server": {"require_keys": true},
      "providers": [{"id": "sim", "kind": "simulated", "latency_ms": 5, "tokens_per_second": 5000,
                     "failure_rate": 0}],
      "models": [
        {"id": "sim-fast", "provider": "sim", "price": {"input": 0.1, "output": 0.2}},
        {"id": "sim-other", "provider": "sim", "price": {"input": 0.1, "output": 0.2}}],
      "routes": [],
      "default_route": "sim-fast"})")
                                   .object();
    QVERIFY2(m_gateway.start(config), m_gateway.standardError().constData());
}

void tst_IdentityE2e::cleanupTestCase()
{
    QCOMPARE(m_gateway.stop(), 0);
    for (const QByteArray &secret : std::as_const(m_secrets))
        QVERIFY2(!m_gateway.standardError().contains(secret), "the gateway logged a key secret");
}

void tst_IdentityE2e::missingKeyIsRefused_data()
{
    QTest::addColumn<QString>("surface");
    QTest::newRow("openai") << QStringLiteral("openai");
    QTest::newRow("anthropic") << QStringLiteral("anthropic");
}

void tst_IdentityE2e::missingKeyIsRefused()
{
    QFETCH(QString, surface);
    const ClientReply reply = call(surface, QStringLiteral("sim-fast"), {});
    QCOMPARE(reply.status, 401);
    const QJsonObject json = reply.json();
    if (surface == QLatin1String("anthropic")) {
        QCOMPARE(json.value(QLatin1String("type")).toString(), QStringLiteral("error"));
        QCOMPARE(json.value(QLatin1String("error")).toObject().value(QLatin1String("type")).toString(),
                 QStringLiteral("authentication_error"));
    } else {
        QCOMPARE(json.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
                 QStringLiteral("missing_api_key"));
    }
}

void tst_IdentityE2e::revokedKeyIsRefusedAtOnce_data()
{
    QTest::addColumn<QString>("surface");
    QTest::newRow("openai surface, Authorization: Bearer") << QStringLiteral("openai");
    QTest::newRow("anthropic surface, x-api-key") << QStringLiteral("anthropic");
}

void tst_IdentityE2e::revokedKeyIsRefusedAtOnce()
{
    QFETCH(QString, surface);
    const std::optional<IssuedKey> key = issue(QStringLiteral("revoke-me-") + surface);
    QVERIFY(key);

    const ClientReply ok = call(surface, QStringLiteral("sim-fast"), key->secret);
    QVERIFY2(ok.status == 200, qPrintable(QStringLiteral("status %1 for key %2").arg(ok.status).arg(key->id)));

    // Revoked from another process (the CLI) while the gateway runs; no restart, no wait.
    QByteArray out;
    QCOMPARE(runCli({QStringLiteral("keys"), QStringLiteral("revoke"), key->id}, &out), 0);
    QCOMPARE(out.trimmed(), QByteArray("revoked ") + key->id.toUtf8());

    const ClientReply refused = call(surface, QStringLiteral("sim-fast"), key->secret);
    QCOMPARE(refused.status, 401);
    QVERIFY(!refused.body.contains(key->secret));
    const QJsonObject json = refused.json();
    QString message;
    if (surface == QLatin1String("anthropic")) {
        // {"type":"error","error":{"type":"authentication_error","message":…}}
        QCOMPARE(json.value(QLatin1String("type")).toString(), QStringLiteral("error"));
        const QJsonObject error = json.value(QLatin1String("error")).toObject();
        QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("authentication_error"));
        message = error.value(QLatin1String("message")).toString();
    } else {
        // {"error":{"message":…,"type":"authentication_error","code":"revoked_api_key"}}
        const QJsonObject error = json.value(QLatin1String("error")).toObject();
        QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("authentication_error"));
        QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("revoked_api_key"));
        message = error.value(QLatin1String("message")).toString();
    }
    QVERIFY2(message.contains(key->id) && message.contains(QLatin1String("revoked")), qPrintable(message));
}

void tst_IdentityE2e::allowListIsEnforced()
{
    const std::optional<IssuedKey> key = issue(QStringLiteral("fast-only"),
                                               {QStringLiteral("--models"), QStringLiteral("sim-fast")});
    QVERIFY(key);
    QCOMPARE(call(QStringLiteral("openai"), QStringLiteral("sim-fast"), key->secret).status, 200);

    const ClientReply refused = call(QStringLiteral("openai"), QStringLiteral("sim-other"), key->secret);
    QCOMPARE(refused.status, 403);
    const QJsonObject error = refused.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("model_not_allowed"));
    QVERIFY(error.value(QLatin1String("message")).toString().contains(QLatin1String("sim-other")));

    const ClientReply anthropic = call(QStringLiteral("anthropic"), QStringLiteral("sim-other"), key->secret);
    QCOMPARE(anthropic.status, 403);
    QCOMPARE(anthropic.json().value(QLatin1String("error")).toObject().value(QLatin1String("type")).toString(),
             QStringLiteral("permission_error"));
}

void tst_IdentityE2e::rpmLimitIsEnforced()
{
    const std::optional<IssuedKey> key = issue(QStringLiteral("slow"), {QStringLiteral("--rpm"), QStringLiteral("2")});
    QVERIFY(key);
    // A bucket of 2 per minute: two answers, the remaining count going down on each.
    for (const QByteArray &remaining : {QByteArray("1"), QByteArray("0")}) {
        const ClientReply ok = call(QStringLiteral("openai"), QStringLiteral("sim-fast"), key->secret);
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.header("x-ratelimit-limit-requests"), QByteArray("2"));
        QCOMPARE(ok.header("x-ratelimit-remaining-requests"), remaining);
        QVERIFY(!ok.header("x-ratelimit-reset-requests").isEmpty());
    }
    for (const QString &surface : {QStringLiteral("openai"), QStringLiteral("anthropic")}) {
        const ClientReply refused = call(surface, QStringLiteral("sim-fast"), key->secret);
        QCOMPARE(refused.status, 429);
        // QNetworkReply joins repeated headers with ", ": read the first value, then check
        // that each header came once.
        const auto first = [&refused](const QByteArray &name) {
            return refused.header(name).split(',').constFirst().trimmed();
        };
        const int retryAfter = first("retry-after").toInt();
        QVERIFY2(retryAfter >= 1 && retryAfter <= 60, refused.header("retry-after").constData());
        QCOMPARE(first("x-ratelimit-limit-requests"), QByteArray("2"));
        QCOMPARE(first("x-ratelimit-remaining-requests"), QByteArray("0"));
        QVERIFY(!first("x-ratelimit-reset-requests").isEmpty());
        QVERIFY2(!refused.header("retry-after").contains(','), refused.header("retry-after").constData());
        const QJsonObject error = refused.json().value(QLatin1String("error")).toObject();
        QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("rate_limit_error"));
    }
}

QTEST_GUILESS_MAIN(tst_IdentityE2e)
#include "tst_identity_e2e.moc"
