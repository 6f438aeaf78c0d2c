// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/keys/peerprocess.h"

#include "core/common/clock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Switchyard::Keys {

namespace {

// A client port is reused only after its connection closed; after this long the socket's
// inode is checked again, so a reused port never inherits the previous program's name.
constexpr qint64 kCacheMs = 10'000;

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll(); // procfs files report size 0: read until EOF
}

} // namespace

PeerProcessResolver::PeerProcessResolver(QString procRoot)
    : m_procRoot(std::move(procRoot))
{
}

quint64 PeerProcessResolver::socketInode(const QByteArray &table, quint16 port, quint16 remotePort)
{
    // "  sl  local_address rem_address   st tx_queue:rx_queue tr:tm->when retrnsmt   uid  timeout inode"
    // "   0: 0100007F:1CFC 0100007F:9C40 01 00000000:00000000 00:00000000 00000000  1000        0 123456 ..."
    for (const QByteArray &line : table.split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 10 || !fields.at(0).endsWith(':'))
            continue;
        const QByteArray &local = fields.at(1);
        const QByteArray &remote = fields.at(2);
        bool ok1 = false;
        bool ok2 = false;
        const uint localPort = local.mid(local.lastIndexOf(':') + 1).toUInt(&ok1, 16);
        const uint peerPort = remote.mid(remote.lastIndexOf(':') + 1).toUInt(&ok2, 16);
        if (ok1 && ok2 && localPort == port && peerPort == remotePort)
            return fields.at(9).toULongLong();
    }
    return 0;
}

QString PeerProcessResolver::programName(const QString &pid) const
{
    // The executable's file name reads better than comm (15 chars, often a thread name).
    const QString exe = QFileInfo(m_procRoot + QLatin1Char('/') + pid + QStringLiteral("/exe")).symLinkTarget();
    if (!exe.isEmpty())
        return QFileInfo(exe).fileName();
    return QString::fromUtf8(readAll(m_procRoot + QLatin1Char('/') + pid + QStringLiteral("/comm"))).trimmed();
}

QString PeerProcessResolver::ownerOf(quint64 inode) const
{
    const QString target = QStringLiteral("socket:[%1]").arg(inode);
    const QStringList pids = QDir(m_procRoot).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        if (pid.isEmpty() || !pid.at(0).isDigit())
            continue;
        const QString fdDir = m_procRoot + QLatin1Char('/') + pid + QStringLiteral("/fd");
        const QStringList fds = QDir(fdDir).entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot);
        for (const QString &fd : fds) {
            // Links of other users' processes are unreadable: those stay unattributed.
            if (QFile::symLinkTarget(fdDir + QLatin1Char('/') + fd).endsWith(target))
                return programName(pid);
        }
    }
    return {};
}

QString PeerProcessResolver::applicationFor(const QHostAddress &peer, quint16 peerPort, quint16 localPort)
{
    if (!peer.isLoopback() || peerPort == 0)
        return {};
    const quint32 key = (quint32(peerPort) << 16) | localPort;
    const qint64 now = steadyNowNs() / 1'000'000;
    const auto hit = m_cache.find(key);
    if (hit != m_cache.end() && now - hit->atMs < kCacheMs)
        return hit->app;

    // The client's socket is the one whose local port is the peer port.
    quint64 inode = socketInode(readAll(m_procRoot + QStringLiteral("/net/tcp")), peerPort, localPort);
    if (inode == 0)
        inode = socketInode(readAll(m_procRoot + QStringLiteral("/net/tcp6")), peerPort, localPort);
    if (hit != m_cache.end() && inode != 0 && hit->inode == inode) {
        // Same socket as before (a keep-alive connection): no need to walk every process again.
        hit->atMs = now;
        return hit->app;
    }
    const QString app = inode == 0 ? QString() : ownerOf(inode);
    if (m_cache.size() > 4096)
        m_cache.clear();
    m_cache.insert(key, {app, inode, now});
    return app;
}

} // namespace Switchyard::Keys
