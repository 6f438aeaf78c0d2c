// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
// The `keys` and `report` subcommands of the real switchyard-server binary.
#include "gatewayprocess.h"
#include "httptestclient.h"

#include <QDate>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using Switchyard::Testing::ClientReply;
using Switchyard::Testing::GatewayProcess;
using Switchyard::Testing::HttpTestClient;

namespace {

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

CliRun runCli(const QStringList &arguments, int timeoutMs = 30000)
{
    QProcess process;
    process.setProgram(QStringLiteral(SWITCHYARD_SERVER_PATH));
    process.setArguments(arguments);
    process.start();
    CliRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QByteArray chatBody()
{
    const QJsonObject body{{QStringLiteral("model"), QStringLiteral("sim-fast")},
                           {QStringLiteral("messages"),
                            QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                   {QStringLiteral("content"), QStringLiteral("Say hello")}}}}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace

class tst_Cli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keysIssueListRevoke();
    void revokingAnUnknownKeyFails();
    void reportCountsRequestsPerCustomer();
    void reportErrorsExitWithTwo_data();
    void reportErrorsExitWithTwo();
};

void tst_Cli::keysIssueListRevoke()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList base{QStringLiteral("--data-dir"), dir.path()};

    const CliRun issued = runCli(base + QStringList{QStringLiteral("keys"), QStringLiteral("issue"), QStringLiteral("--name"),
                                                    QStringLiteral("ci bot"), QStringLiteral("--customer"), QStringLiteral("acme"),
                                                    QStringLiteral("--models"), QStringLiteral("auto,sim-fast"),
                                                    QStringLiteral("--rpm"), QStringLiteral("60")});
    QCOMPARE(issued.exitCode, 0);
    static const QRegularExpression s_issued(QStringLiteral("^(key_[0-9a-f]{8})\\s+(sy-[A-Za-z0-9_-]+)$"),
                                             QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = s_issued.match(QString::fromUtf8(issued.out));
    QVERIFY2(match.hasMatch(), "keys issue did not print 'key_… sy-…'");
    const QString id = match.captured(1);
    const QByteArray secret = match.captured(2).toUtf8();
    QVERIFY(secret.size() > 20);
    QVERIFY(issued.out.contains("not be shown again"));

    const CliRun listed = runCli(base + QStringList{QStringLiteral("keys"), QStringLiteral("list")});
    QCOMPARE(listed.exitCode, 0);
    QVERIFY(listed.out.contains(id.toUtf8()));
    QVERIFY(listed.out.contains("acme"));
    QVERIFY(listed.out.contains("auto,sim-fast"));
    QVERIFY2(!listed.out.contains(secret) && !listed.err.contains(secret), "keys list printed a secret");
    const QByteArray activeLine = listed.out.split('\n').value(1);
    QVERIFY(activeLine.trimmed().endsWith(" -")); // REVOKED column empty

    const CliRun revoked = runCli(base + QStringList{QStringLiteral("keys"), QStringLiteral("revoke"), id});
    QCOMPARE(revoked.exitCode, 0);
    QCOMPARE(revoked.out.trimmed(), QByteArray("revoked ") + id.toUtf8());

    const CliRun after = runCli(base + QStringList{QStringLiteral("keys"), QStringLiteral("list")});
    QCOMPARE(after.exitCode, 0);
    const QByteArray revokedLine = after.out.split('\n').value(1);
    QVERIFY(revokedLine.startsWith(id.toUtf8()));
    static const QRegularExpression s_revokedAt(QStringLiteral("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\\s*$"));
    QVERIFY2(s_revokedAt.match(QString::fromUtf8(revokedLine)).hasMatch(), revokedLine.constData());
    QVERIFY(!after.out.contains(secret));
}

void tst_Cli::revokingAnUnknownKeyFails()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const CliRun run = runCli({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("keys"), QStringLiteral("revoke"),
                               QStringLiteral("key_00000000")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.contains("key_00000000"));
}

void tst_Cli::reportCountsRequestsPerCustomer()
{
    GatewayProcess gateway;
    const QJsonObject config{
        {QStringLiteral("server"), QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")}, {QStringLiteral("port"), 0}}},
        {QStringLiteral("providers"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("sim")},
                                                             {QStringLiteral("kind"), QStringLiteral("simulated")},
                                                             {QStringLiteral("latency_ms"), 0},
                                                             {QStringLiteral("tokens_per_second"), 5000},
                                                             {QStringLiteral("failure_rate"), 0}}}},
        {QStringLiteral("models"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("sim-fast")},
                                                          {QStringLiteral("provider"), QStringLiteral("sim")}}}}};
    QVERIFY2(gateway.start(config), gateway.standardError().constData());
    HttpTestClient client;
    const QUrl chat = gateway.baseUrl().resolved(QUrl(QStringLiteral("/v1/chat/completions")));
    const QList<QPair<QByteArray, int>> sent{{"acme", 3}, {"globex", 2}};
    for (const auto &[customer, count] : sent) {
        for (int i = 0; i < count; ++i) {
            const ClientReply reply = client.post(chat, chatBody(), {{"x-switchyard-customer", customer}});
            QCOMPARE(reply.status, 200);
        }
    }
    QCOMPARE(gateway.stop(), 0);

    const QString csvPath = gateway.dataDir() + QStringLiteral("/report.csv");
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    const CliRun run = runCli({QStringLiteral("--data-dir"), gateway.dataDir(), QStringLiteral("report"),
                               QStringLiteral("--from"), today, QStringLiteral("--to"), today,
                               QStringLiteral("--group-by"), QStringLiteral("customer,model"),
                               QStringLiteral("--out"), csvPath});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("5 requests"), run.err.constData());
    QFile file(csvPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QVERIFY(lines.first().startsWith("customer,model,requests,"));
    QHash<QByteArray, int> perCustomer;
    for (const QByteArray &line : lines.mid(1)) {
        const QList<QByteArray> cells = line.trimmed().split(',');
        if (cells.size() > 2 && cells.first() != "TOTAL")
            perCustomer[cells.at(0)] += cells.at(2).toInt();
    }
    for (const auto &[customer, count] : sent)
        QCOMPARE(perCustomer.value(customer), count);
}

void tst_Cli::reportErrorsExitWithTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("mentions");
    QTest::newRow("bad date") << QStringList{QStringLiteral("--from"), QStringLiteral("2026-13-45")} << QByteArray("--from");
    QTest::newRow("unknown column") << QStringList{QStringLiteral("--group-by"), QStringLiteral("colour")} << QByteArray("colour");
    QTest::newRow("missing database") << QStringList{} << QByteArray("switchyard.sqlite");
}

void tst_Cli::reportErrorsExitWithTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, mentions);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const CliRun run = runCli(QStringList{QStringLiteral("--data-dir"), dir.path(), QStringLiteral("report")} + arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(mentions), run.err.constData());
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
