// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/logs/requestdetailview.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Switchyard;

class tst_RequestDetailView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheScoreTableOfAScoreRoute();
    void showsTheEgressSection();
};

void tst_RequestDetailView::showsTheScoreTableOfAScoreRoute()
{
    LogRecord record;
    record.requestId = QStringLiteral("req_scores");
    record.decision.strategy = QStringLiteral("score");
    record.decision.route = QStringLiteral("best");
    record.decision.winner = QStringLiteral("cheap-model");
    const auto metric = [](const char *name, double weight, double raw, double normalised) {
        return QJsonObject{{QStringLiteral("metric"), QLatin1String(name)}, {QStringLiteral("weight"), weight},
                           {QStringLiteral("present"), true}, {QStringLiteral("raw"), raw},
                           {QStringLiteral("normalised"), normalised}};
    };
    record.decision.scores = QJsonArray{
        QJsonObject{{QStringLiteral("model"), QStringLiteral("cheap-model")}, {QStringLiteral("rank"), 1},
                    {QStringLiteral("total"), 0.75},
                    {QStringLiteral("metrics"), QJsonArray{metric("cost", 3, 0.0001, 1), metric("mmlu_pro", 1, 60, 0)}}},
        QJsonObject{{QStringLiteral("model"), QStringLiteral("smart-model")}, {QStringLiteral("rank"), 2},
                    {QStringLiteral("total"), 0.25},
                    {QStringLiteral("metrics"), QJsonArray{metric("cost", 3, 0.002, 0), metric("mmlu_pro", 1, 80, 1)}}}};
    Ui::RequestDetailView view;
    view.setRecord(record);
    const QString text = view.plainText();
    QVERIFY2(text.contains(QLatin1String("Scores")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("cost ×3")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("0.750")));
    QVERIFY(text.indexOf(QLatin1String("cheap-model")) < text.indexOf(QLatin1String("smart-model")));
    QVERIFY2(text.contains(QStringLiteral("80 → 1.00")), qPrintable(text));
}

void tst_RequestDetailView::showsTheEgressSection()
{
    LogRecord record;
    record.requestId = QStringLiteral("req_egress");
    record.provider = QStringLiteral("openai-eu");
    record.egress.bytesSent = 1234;
    record.egress.region = QStringLiteral("eu");
    record.egress.policy = QStringLiteral("default,acme");
    record.egress.dlpClasses = {QStringLiteral("email"), QStringLiteral("secret")};
    record.egress.dlpFindings = 3;
    record.egress.dlpAction = QStringLiteral("redact");
    record.egress.injectionScore = 0.72;
    record.egress.injectionFlagged = true;
    Ui::RequestDetailView view;
    view.setRecord(record);
    const QString text = view.plainText().simplified(); // table cells become line breaks
    QVERIFY2(text.contains(QLatin1String("Egress")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("Bytes sent upstream 1234")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("openai-eu, region eu")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("default,acme")));
    QVERIFY2(text.contains(QLatin1String("email, secret (3 finding(s))")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("Action taken redact")));
    QVERIFY2(text.contains(QLatin1String("0.72 (flagged)")), qPrintable(text));

    LogRecord clean;
    clean.provider = QStringLiteral("local");
    view.setRecord(clean);
    QVERIFY2(view.plainText().contains(QLatin1String("nothing found")), qPrintable(view.plainText()));
    QVERIFY(view.plainText().contains(QLatin1String("not evaluated")));
}

QTEST_MAIN(tst_RequestDetailView)
#include "tst_requestdetailview.moc"
