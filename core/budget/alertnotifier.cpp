// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/budget/alertnotifier.h"

#include "core/common/tr.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace Switchyard::Budget {

Q_LOGGING_CATEGORY(lcBudget, "switchyard.budget")

namespace {

constexpr int kWebhookTimeoutMs = 10'000;

QString usd(double value)
{
    return QStringLiteral("$") + QString::number(value, 'f', 2);
}

} // namespace

AlertNotifier::AlertNotifier(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
}

void AlertNotifier::setRetryPolicy(int attempts, int firstDelayMs)
{
    m_attempts = qMax(1, attempts);
    m_firstDelayMs = qMax(0, firstDelayMs);
}

QString AlertNotifier::describe(const BudgetAlert &alert)
{
    return Tr::tr("Budget '%1' reached %2 % of its limit: %3 of %4 this %5 (resets %6)")
        .arg(alert.budget.name)
        .arg(qRound(alert.threshold * 100))
        .arg(usd(alert.spentUsd), usd(alert.budget.limitUsd),
             Config::BudgetSettings::periodName(alert.budget.period),
             alert.window.end.toString(Qt::ISODate));
}

QByteArray AlertNotifier::webhookBody(const BudgetAlert &alert)
{
    const QJsonObject body{
        {QStringLiteral("type"), QStringLiteral("budget.threshold")},
        {QStringLiteral("budget"), alert.budget.name},
        {QStringLiteral("scope"), Config::BudgetSettings::scopeName(alert.budget.scope)},
        {QStringLiteral("match"), alert.budget.match},
        {QStringLiteral("period"), Config::BudgetSettings::periodName(alert.budget.period)},
        {QStringLiteral("period_start"), alert.window.start.toString(Qt::ISODate)},
        {QStringLiteral("period_end"), alert.window.end.toString(Qt::ISODate)},
        {QStringLiteral("threshold"), alert.threshold},
        {QStringLiteral("spent_usd"), alert.spentUsd},
        {QStringLiteral("limit_usd"), alert.budget.limitUsd},
        {QStringLiteral("on_limit"), Config::BudgetSettings::actionName(alert.budget.onLimit)},
        {QStringLiteral("message"), describe(alert)}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

void AlertNotifier::notify(const QList<BudgetAlert> &alerts)
{
    for (const BudgetAlert &alert : alerts) {
        const QString message = describe(alert);
        qCWarning(lcBudget).noquote() << message;
        Q_EMIT alertRaised(alert.budget.name, alert.threshold, message);
        if (!alert.budget.webhook.isEmpty())
            post(QUrl(alert.budget.webhook), webhookBody(alert), 1);
    }
}

void AlertNotifier::post(const QUrl &url, const QByteArray &body, int attempt)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Switchyard"));
    request.setTransferTimeout(kWebhookTimeoutMs);
    QNetworkReply *reply = m_network->post(request, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, url, body, attempt] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const bool ok = reply->error() == QNetworkReply::NoError && status >= 200 && status < 300;
        // 4xx other than 408/429 will not get better by retrying.
        const bool retryable = !ok && (status == 0 || status == 408 || status == 429 || status >= 500);
        if (ok || !retryable || attempt >= m_attempts) {
            if (!ok)
                qCWarning(lcBudget, "budget webhook %s failed after %d attempt(s): HTTP %d %s",
                          qUtf8Printable(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)),
                          attempt, status, qUtf8Printable(reply->errorString()));
            Q_EMIT webhookDelivered(url, ok, attempt);
            return;
        }
        const int delay = m_firstDelayMs << (attempt - 1);
        QTimer::singleShot(delay, this, [this, url, body, attempt] { post(url, body, attempt + 1); });
    });
}

} // namespace Switchyard::Budget
