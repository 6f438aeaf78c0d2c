// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "httptestclient.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>

namespace Switchyard::Testing {

QByteArray ClientReply::header(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

QJsonObject ClientReply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

ClientReply HttpTestClient::post(const QUrl &url, const QByteArray &body,
                                 const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &header : headers)
        request.setRawHeader(header.first, header.second);
    return wait(m_manager.post(request, body), timeoutMs);
}

ClientReply HttpTestClient::get(const QUrl &url, int timeoutMs)
{
    return wait(m_manager.get(QNetworkRequest(url)), timeoutMs);
}

ClientReply HttpTestClient::wait(QNetworkReply *reply, int timeoutMs)
{
    ClientReply result;
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, [&] {
        result.networkError = QStringLiteral("test client timed out");
        reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::readyRead, &loop, [&] {
        const QByteArray chunk = reply->readAll();
        result.chunks.append(chunk);
        result.body += chunk;
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timeout.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec();
    const QByteArray rest = reply->readAll();
    if (!rest.isEmpty()) {
        result.chunks.append(rest);
        result.body += rest;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.headers = reply->rawHeaderPairs();
    if (result.networkError.isEmpty() && reply->error() != QNetworkReply::NoError && result.status < 400)
        result.networkError = reply->errorString();
    reply->deleteLater();
    return result;
}

int HttpTestClient::postMany(const QUrl &url, const QByteArray &body, int count, int timeoutMs)
{
    int sent = 0;
    int done = 0;
    int ok = 0;
    QEventLoop loop;
    std::function<void()> sendOne = [&] {
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_manager.post(request, body);
        ++sent;
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
                ++ok;
            reply->deleteLater();
            if (++done == count)
                loop.quit();
            else if (sent < count)
                sendOne();
        });
    };
    for (int i = 0; i < qMin(count, 6); ++i)
        sendOne();
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (count > 0)
        loop.exec();
    return ok;
}

} // namespace Switchyard::Testing
