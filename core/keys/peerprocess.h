// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QString>

namespace Switchyard::Keys {

/// Names the local program on the other end of a loopback TCP connection, so spend per
/// application needs no client changes (DESIGN §3). Linux: the socket tables in
/// /proc/net/tcp{,6} give the peer socket's inode, and /proc/<pid>/fd links name its owner.
/// Elsewhere, or for processes of other users, the name stays empty.
class PeerProcessResolver final
{
public:
    /// `procRoot` is "/proc"; tests may point it at a fixture.
    explicit PeerProcessResolver(QString procRoot = QStringLiteral("/proc"));

    /// The program name ("node", "python3", "cursor") of the process that owns the client
    /// socket `peerPort` connected to our `localPort`; empty when unknown. Cached per
    /// connection: a hit costs one hash lookup; every 10 s the socket table is re-read and the
    /// processes are walked again only if the socket changed.
    QString applicationFor(const QHostAddress &peer, quint16 peerPort, quint16 localPort);

    /// The inode of the socket bound to local port `port` and connected to `remotePort`,
    /// read from a /proc/net/tcp-format table; 0 when absent.
    static quint64 socketInode(const QByteArray &table, quint16 port, quint16 remotePort);

private:
    QString ownerOf(quint64 inode) const;
    QString programName(const QString &pid) const;

    QString m_procRoot;
    struct Cached
    {
        QString app;
        quint64 inode = 0; ///< the client socket the answer was found for
        qint64 atMs = 0;
    };
    QHash<quint32, Cached> m_cache; ///< (peerPort << 16 | localPort) → answer
};

} // namespace Switchyard::Keys
