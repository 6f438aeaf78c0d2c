// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/budget/budgetledger.h"

#include <QByteArray>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

namespace Switchyard::Budget {

/// Delivers budget alerts: a warning in the log, the alertRaised() signal (the window shows a
/// tray notification), and a POST of JSON to the budget's webhook, retried with back-off.
/// Lives on the core thread; webhook delivery never blocks a request.
class AlertNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertNotifier)
public:
    explicit AlertNotifier(QObject *parent = nullptr);

    void notify(const QList<BudgetAlert> &alerts);
    /// Attempts per webhook POST (first try included) and the first back-off; doubles each time.
    void setRetryPolicy(int attempts, int firstDelayMs);

    /// The JSON body POSTed to webhooks.
    static QByteArray webhookBody(const BudgetAlert &alert);
    /// One line for people: "Budget 'x' reached 80 % ($8.00 of $10.00, day ending …)".
    static QString describe(const BudgetAlert &alert);

Q_SIGNALS:
    void alertRaised(const QString &budget, double threshold, const QString &message);
    /// A webhook gave up after every attempt (or succeeded): for the log and tests.
    void webhookDelivered(const QUrl &url, bool ok, int attempts);

private:
    void post(const QUrl &url, const QByteArray &body, int attempt);

    QNetworkAccessManager *m_network;
    int m_attempts = 4;
    int m_firstDelayMs = 1000;
};

} // namespace Switchyard::Budget
