// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/integration/gatewayprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

using namespace Switchyard;
using namespace Switchyard::Testing;

namespace {

// Output costs $1000 per 1M tokens = $0.001 a token; input is free. A request with
// max_tokens 10 reserves at most $0.01, so a $0.10 budget affords exactly ten.
QJsonObject budgetConfig()
{
    return QJsonDocument::fromJson(R"({
      "providers": [{"id": "sim", "kind": "simulated", "latency_ms": 1500, "tokens_per_second": 1000,
                     "failure_rate": 0}],
      "models": [
        {"id": "pricey", "provider": "sim", "price": {"input": 0, "output": 1000}},
        {"id": "local", "provider": "sim", "price": {"input": 0, "output": 0}}],
      "routes": [],
      "default_route": "pricey",
      "budgets": [{"name": "acme-daily", "scope": "customer", "match": "acme", "period": "day",
                   "limit_usd": 0.10, "alerts": [0.5, 1.0], "on_limit": "block"}]})")
        .object();
}

struct RawReply
{
    int status = 0;
    QByteArray body;
};

QByteArray chatRequest(const char *model, const char *customer)
{
    const QByteArray body = QByteArray(R"({"model": ")") + model
        + R"(", "max_tokens": 10, "messages": [{"role": "user", "content": "hello"}]})";
    return "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
           "Connection: close\r\nx-switchyard-customer: "
        + QByteArray(customer) + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// Sends every request on its own connection at once (QNetworkAccessManager would cap it at
// six per host) and collects the replies.
QList<RawReply> sendAtOnce(const QUrl &base, const QList<QByteArray> &requests)
{
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (const QByteArray &request : requests) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(base.host(), quint16(base.port()));
        if (!socket->waitForConnected(5000))
            return {};
        socket->write(request);
        sockets.push_back(std::move(socket));
    }
    QList<RawReply> replies;
    for (const std::unique_ptr<QTcpSocket> &socket : sockets) {
        QByteArray raw;
        QDeadlineTimer deadline(30'000);
        while (socket->state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
            socket->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
            raw += socket->readAll();
        }
        raw += socket->readAll();
        RawReply reply;
        reply.status = raw.mid(9, 3).toInt();
        reply.body = raw.mid(raw.indexOf("\r\n\r\n") + 4);
        replies.append(reply);
    }
    return replies;
}

} // namespace

class tst_BudgetE2e final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parallelRequestsNeverOvershoot();
};

void tst_BudgetE2e::parallelRequestsNeverOvershoot()
{
    GatewayProcess gateway;
    QVERIFY2(gateway.start(budgetConfig()), gateway.standardError().constData());

    QList<QByteArray> requests;
    for (int i = 0; i < 50; ++i)
        requests.append(chatRequest("pricey", "acme"));
    const QList<RawReply> replies = sendAtOnce(gateway.baseUrl(), requests);
    QCOMPARE(replies.size(), 50);
    int served = 0;
    int refused = 0;
    for (const RawReply &reply : replies) {
        if (reply.status == 200) {
            ++served;
            continue;
        }
        QCOMPARE(reply.status, 429);
        const QJsonObject error = QJsonDocument::fromJson(reply.body).object().value(QLatin1String("error")).toObject();
        QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("budget_exceeded"));
        const QString message = error.value(QLatin1String("message")).toString();
        QVERIFY2(message.contains(QLatin1String("acme-daily")) && message.contains(QLatin1String("$0.1000"))
                     && message.contains(QLatin1String("resets")),
                 qPrintable(message));
        ++refused;
    }
    // Every request arrived within the provider's 1.5 s latency, before any settled: ten fit.
    QCOMPARE(served, 10);
    QCOMPARE(refused, 40);

    // A free local model is still served while the paid budget is exhausted, and another
    // customer is not affected by acme's budget.
    const QList<RawReply> more = sendAtOnce(gateway.baseUrl(), {chatRequest("local", "acme"),
                                                                 chatRequest("pricey", "globex")});
    QCOMPARE(more.size(), 2);
    QCOMPARE(more.at(0).status, 200);
    QCOMPARE(more.at(1).status, 200);
    QCOMPARE(gateway.stop(), 0);

    // The log agrees: acme's settled spend is within the limit, and every request is there.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(gateway.databasePath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*), SUM(cost_usd) FROM requests WHERE customer = 'acme'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 51);
        QVERIFY2(q.value(1).toDouble() <= 0.10 + 1e-12, qPrintable(q.value(1).toString()));
        QVERIFY(q.value(1).toDouble() > 0);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM requests WHERE status = 429 AND error_type = 'budget_exceeded'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 40);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
}

QTEST_GUILESS_MAIN(tst_BudgetE2e)
#include "tst_budget_e2e.moc"
