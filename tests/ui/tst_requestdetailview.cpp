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

QTEST_MAIN(tst_RequestDetailView)
#include "tst_requestdetailview.moc"
