// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/httptypes.h"

#include <QByteArray>
#include <QList>

class QTcpSocket;

namespace Switchyard::Testing::RawHttp {

/// One HTTP response read from a raw socket, with its chunk boundaries kept.
struct Response
{
    int status = 0;
    HttpHeaders headers;
    QByteArray body;          ///< de-chunked
    QList<QByteArray> chunks; ///< HTTP chunks, when chunked
    bool chunked = false;
    bool complete = false;    ///< Content-Length reached or terminating chunk seen
    bool closed = false;      ///< the server closed the connection

    QByteArray header(const char *name) const { return headerValue(headers, name); }
};

/// `METHOD path HTTP/1.1` with Host, the given extra header lines and a JSON body.
QByteArray request(const QByteArray &method, const QByteArray &path, const HttpHeaders &headers,
                   const QByteArray &body = {});
/// Reads one response (waits at most `timeoutMs`, or until the server closes).
Response read(QTcpSocket &socket, int timeoutMs = 5000);
/// Connects to 127.0.0.1:port, writes `request` and reads one response.
Response exchange(quint16 port, const QByteArray &request, int timeoutMs = 5000);

} // namespace Switchyard::Testing::RawHttp
