// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QString>

#include <utility>
#include <vector>

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
    /// socket `peerPort` connected to our `localPort`; empty when unknown. With a
    /// `connectionId` (unique per accepted connection) the answer is cached for that
    /// connection: later requests on it cost one hash lookup. Without one, nothing is cached
    /// (a client port is reused by other programs after its connection closes).
    QString applicationFor(const QHostAddress &peer, quint16 peerPort, quint16 localPort,
                           quint64 connectionId = 0);

    /// The inode of the socket bound to local port `port` and connected to `remotePort`,
    /// read from a /proc/net/tcp-format table; 0 when absent.
    static quint64 socketInode(const QByteArray &table, quint16 port, quint16 remotePort);

private:
    struct KnownSocket
    {
        QByteArray pid;
        QByteArray fd; ///< the entry's name in /proc/<pid>/fd
    };

    QString ownerOf(quint64 inode);
    /// Whether \a pid has an fd linking to \a target; remembers every socket it sees there.
    bool ownsSocket(const QByteArray &pid, const QByteArray &target);
    bool stillOwns(const KnownSocket &known, const QByteArray &target) const;
    QString rememberOwner(QByteArray pid);
    /// The pid most recently handed out (from loadavg); else the largest of \a pids.
    quint64 lastAssignedPid(const std::vector<std::pair<quint64, QByteArray>> &pids) const;
    /// pid_max: where pid numbers wrap around.
    quint64 pidLimit() const;
    QString programName(const QString &pid) const;

    QString m_procRoot;
    QByteArray m_procRootBytes;
    QList<QByteArray> m_recentOwners; ///< pids, most recent first
    QHash<quint64, QString> m_byConnection; ///< connectionId → answer
    QHash<quint64, KnownSocket> m_knownSockets; ///< socket inode → where a walk saw it
};

} // namespace Switchyard::Keys
