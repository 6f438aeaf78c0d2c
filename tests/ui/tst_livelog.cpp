// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
// The first-start promise: with no config and no keys, a request to the gateway is answered by
// the simulated provider and shows up in the window's live log within a second.
#include "core/corehost.h"
#include "ui/mainwindow.h"

#include <QAbstractItemModel>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

class tst_LiveLog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void requestAppearsWithinASecond();
};

void tst_LiveLog::initTestCase()
{
    // Keeps a developer's own ~/.config/switchyard/config.json out of the test.
    QStandardPaths::setTestModeEnabled(true);
    qputenv("OPENAI_API_KEY", QByteArray());
}

void tst_LiveLog::requestAppearsWithinASecond()
{
    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    Switchyard::CoreOptions options;
    options.port = 0;
    options.dataDir = dataDir.path();
    Switchyard::CoreHost core(options);
    Switchyard::Ui::MainWindow window;
    window.attachCore(&core);
    window.show();
    QSignalSpy started(&core, &Switchyard::CoreHost::started);
    core.start();
    QVERIFY(started.wait(10000));
    const QUrl base = started.constFirst().constFirst().toUrl();

    QNetworkAccessManager manager;
    QNetworkRequest request(base.resolved(QUrl(QStringLiteral("/v1/chat/completions"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = manager.post(request, R"({"model":"auto","messages":[{"role":"user","content":"hi"}]})");
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(15000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->rawHeader("x-switchyard-provider"), QByteArray("simulated"));
    reply->deleteLater();

    const auto *table = window.findChild<QTableView *>(QStringLiteral("logTable"));
    QVERIFY(table);
    QElapsedTimer shown;
    shown.start();
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 1, 1000);
    qInfo("appeared in the live log %lld ms after the reply", shown.elapsed());
    core.shutdown();
}

QTEST_MAIN(tst_LiveLog)
#include "tst_livelog.moc"
