// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QUrl>

namespace Switchyard::Testing {

/// A reply as the client saw it. QNetworkAccessManager is fine on the test side: the
/// gateway under test never uses it.
struct ClientReply
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QList<QByteArray> chunks; ///< reads as they arrived (streams)
    QString networkError;     ///< empty when the transfer ended cleanly

    QByteArray header(const QByteArray &name) const;
    QJsonObject json() const;
};

/// Sends requests and waits for them, with a bounded timeout.
class HttpTestClient final
{
public:
    ClientReply post(const QUrl &url, const QByteArray &body,
                     const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 15000);
    ClientReply get(const QUrl &url, int timeoutMs = 15000);
    /// Sends `count` requests with up to 6 in flight; returns how many got HTTP 200.
    int postMany(const QUrl &url, const QByteArray &body, int count, int timeoutMs = 120000);

private:
    ClientReply wait(class QNetworkReply *reply, int timeoutMs);
    QNetworkAccessManager m_manager;
};

} // namespace Switchyard::Testing
