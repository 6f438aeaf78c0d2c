// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QHostAddress>

namespace Switchyard::Keys {

/// The inode of the TCP socket bound to \a clientAddress:\a clientPort and connected to
/// \a serverAddress:\a serverPort, asked of the kernel over NETLINK_SOCK_DIAG (what `ss`
/// uses): one exact lookup instead of reading /proc/net/tcp, whose cost grows with every
/// socket on the machine (TIME_WAIT included). 0 when not found or not on Linux.
quint64 tcpSocketInode(const QHostAddress &clientAddress, quint16 clientPort,
                       const QHostAddress &serverAddress, quint16 serverPort);

} // namespace Switchyard::Keys
