// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/keys/peerprocess.h"

#include "core/keys/socketdiag.h"

#include <QFile>

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

#include <dirent.h>
#include <unistd.h>

namespace Switchyard::Keys {

namespace {

// How many recently seen client processes are checked before walking all of /proc.
constexpr qsizetype kRecentOwners = 8;
// Sockets seen in fd walks, remembered with their owner (a workstation has a few thousand).
constexpr qsizetype kKnownSocketsLimit = 16384;

/// The inode of an fd link's text "socket:[12345]"; 0 for anything else.
quint64 socketInodeOfLink(QByteArrayView link)
{
    if (!link.startsWith("socket:[") || !link.endsWith(']'))
        return 0;
    bool ok = false;
    const quint64 inode = link.sliced(8, link.size() - 9).toULongLong(&ok);
    return ok ? inode : 0;
}

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
    , m_procRootBytes(QFile::encodeName(m_procRoot))
{
}

quint64 PeerProcessResolver::socketInode(const QByteArray &table, quint16 port, quint16 remotePort)
{
    // "  sl  local_address rem_address   st tx_queue:rx_queue tr:tm->when retrnsmt   uid  timeout inode"
    // "   0: 0100007F:1CFC 0100007F:9C40 01 00000000:00000000 00:00000000 00000000  1000        0 123456 ..."
    // Read without allocating per line: the table has a row per socket on the machine.
    const QByteArrayView all(table);
    qsizetype lineStart = 0;
    while (lineStart < all.size()) {
        qsizetype lineEnd = all.indexOf('\n', lineStart);
        if (lineEnd < 0)
            lineEnd = all.size();
        const QByteArrayView line = all.sliced(lineStart, lineEnd - lineStart);
        lineStart = lineEnd + 1;
        std::array<QByteArrayView, 10> fields;
        size_t count = 0;
        qsizetype at = 0;
        while (count < fields.size()) {
            while (at < line.size() && line[at] == ' ')
                ++at;
            if (at >= line.size())
                break;
            const qsizetype fieldStart = at;
            while (at < line.size() && line[at] != ' ')
                ++at;
            fields[count++] = line.sliced(fieldStart, at - fieldStart);
        }
        if (count < fields.size() || !fields[0].endsWith(':'))
            continue;
        auto portOf = [](QByteArrayView address, bool *ok) {
            return address.sliced(address.lastIndexOf(':') + 1).toUInt(ok, 16);
        };
        bool ok1 = false;
        bool ok2 = false;
        if (portOf(fields[1], &ok1) == port && portOf(fields[2], &ok2) == remotePort && ok1 && ok2)
            return fields[9].toULongLong();
    }
    return 0;
}

QString PeerProcessResolver::programName(const QString &pid) const
{
    // The executable's file name reads better than comm (15 chars, often a thread name).
    // One readlink, without QFileInfo's metadata and path handling around it.
    const QByteArray exePath = m_procRootBytes + '/' + pid.toLatin1() + "/exe";
    char exe[4096];
    const ssize_t length = ::readlink(exePath.constData(), exe, sizeof exe);
    if (length > 0 && length < qsizetype(sizeof exe)) {
        QByteArrayView path(exe, length);
        if (path.endsWith(" (deleted)")) // an executable replaced since the process started
            path.chop(10);
        const QString name = QFile::decodeName(path.sliced(path.lastIndexOf('/') + 1).toByteArray());
        if (!name.isEmpty())
            return name;
    }
    return QString::fromUtf8(readAll(m_procRoot + QLatin1Char('/') + pid + QStringLiteral("/comm"))).trimmed();
}

bool PeerProcessResolver::ownsSocket(const QByteArray &pid, const QByteArray &target)
{
    // Plain readdir/readlink: QDir's entry filters stat every fd, which made a walk over a
    // workstation's processes cost tens of milliseconds per new client connection.
    const QByteArray fdDir = m_procRootBytes + '/' + pid + "/fd";
    DIR *dir = ::opendir(fdDir.constData());
    if (!dir)
        return false; // gone, or another user's process: stays unattributed
    if (m_knownSockets.size() > kKnownSocketsLimit)
        m_knownSockets.clear(); // mostly closed sockets by now; the next walks refill it
    bool found = false;
    char link[64];
    QByteArray path;
    // The whole directory, not just up to the match: a client that opens several
    // connections at once (an agent's parallel calls) has them all here, and remembering
    // where each socket is saves the walk for the connections that follow.
    while (const dirent *entry = ::readdir(dir)) {
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9')
            continue;
        path = fdDir + '/' + entry->d_name;
        const ssize_t length = ::readlink(path.constData(), link, sizeof link);
        if (length <= 0)
            continue;
        const QByteArrayView text(link, length);
        if (text == QByteArrayView(target))
            found = true;
        if (const quint64 inode = socketInodeOfLink(text))
            m_knownSockets.insert(inode, {pid, QByteArray(entry->d_name)});
    }
    ::closedir(dir);
    return found;
}

bool PeerProcessResolver::stillOwns(const KnownSocket &known, const QByteArray &target) const
{
    // A remembered fd may have been closed and reused since: one readlink says.
    const QByteArray path = m_procRootBytes + '/' + known.pid + "/fd/" + known.fd;
    char link[64];
    const ssize_t length = ::readlink(path.constData(), link, sizeof link);
    return length > 0 && QByteArrayView(link, length) == QByteArrayView(target);
}

QString PeerProcessResolver::ownerOf(quint64 inode)
{
    const QByteArray target = "socket:[" + QByteArray::number(inode) + ']';
    if (const auto known = m_knownSockets.constFind(inode); known != m_knownSockets.constEnd()) {
        if (stillOwns(*known, target))
            return rememberOwner(known->pid);
    }
    // Programs that connected before usually connect again: look at them first.
    for (const QByteArray &pid : std::as_const(m_recentOwners)) {
        if (ownsSocket(pid, target))
            return rememberOwner(pid);
    }
    DIR *proc = ::opendir(m_procRootBytes.constData());
    if (!proc)
        return {};
    std::vector<std::pair<quint64, QByteArray>> pids; // (number, name)
    while (const dirent *entry = ::readdir(proc)) {
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9')
            continue;
        QByteArray pid(entry->d_name);
        if (!m_recentOwners.contains(pid))
            pids.emplace_back(pid.toULongLong(), std::move(pid));
    }
    ::closedir(proc);
    // Newest processes first: a client that just connected (a CLI, a script, an agent's new
    // worker) usually just started, and each process checked costs a readlink per open fd.
    // Pids wrap at pid_max, so "newest" is the distance below the last pid handed out, not
    // the largest number (after a wrap the new client has a small pid).
    const quint64 newest = lastAssignedPid(pids);
    const quint64 wrap = pidLimit();
    const auto age = [&](quint64 pid) { return pid <= newest ? newest - pid : newest + wrap - pid; };
    std::sort(pids.begin(), pids.end(),
              [&](const auto &a, const auto &b) { return age(a.first) < age(b.first); });
    QByteArray owner;
    for (const auto &[number, pid] : pids) {
        if (ownsSocket(pid, target)) {
            owner = pid;
            break;
        }
    }
    return owner.isEmpty() ? QString() : rememberOwner(owner);
}

quint64 PeerProcessResolver::lastAssignedPid(const std::vector<std::pair<quint64, QByteArray>> &pids) const
{
    // loadavg's last field: "0.05 0.01 0.16 1/123 2757".
    const QByteArray loadavg = readAll(m_procRoot + QStringLiteral("/loadavg")).trimmed();
    bool ok = false;
    const quint64 last = loadavg.sliced(loadavg.lastIndexOf(' ') + 1).toULongLong(&ok);
    if (ok && last > 0)
        return last;
    quint64 largest = 0; // unknown: the largest pid, as if pids never wrapped
    for (const auto &entry : pids)
        largest = std::max(largest, entry.first);
    return largest;
}

quint64 PeerProcessResolver::pidLimit() const
{
    bool ok = false;
    const quint64 limit = readAll(m_procRoot + QStringLiteral("/sys/kernel/pid_max")).trimmed().toULongLong(&ok);
    return ok && limit > 0 ? limit : 4194304; // Linux's largest pid_max
}

QString PeerProcessResolver::rememberOwner(QByteArray pid) // a copy: callers pass list elements
{
    m_recentOwners.removeAll(pid);
    m_recentOwners.prepend(pid);
    if (m_recentOwners.size() > kRecentOwners)
        m_recentOwners.removeLast();
    return programName(QString::fromLatin1(pid));
}

QString PeerProcessResolver::applicationFor(const QHostAddress &peer, quint16 peerPort,
                                            quint16 localPort, quint64 connectionId)
{
    if (!peer.isLoopback() || peerPort == 0)
        return {};
    if (connectionId != 0) {
        const auto hit = m_byConnection.constFind(connectionId);
        if (hit != m_byConnection.constEnd())
            return *hit;
    }

    // The client's socket is the one whose local port is the peer port. Ask the kernel for it
    // directly; the tables are the fallback (and what tests point at a fixture).
    quint64 inode = 0;
    if (m_procRoot == QLatin1String("/proc")) {
        const QHostAddress loopback = peer.protocol() == QAbstractSocket::IPv4Protocol
            ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(QHostAddress::LocalHostIPv6);
        inode = tcpSocketInode(peer, peerPort, loopback, localPort);
        if (inode == 0 && peer != loopback)
            inode = tcpSocketInode(peer, peerPort, peer, localPort);
    }
    if (inode == 0)
        inode = socketInode(readAll(m_procRoot + QStringLiteral("/net/tcp")), peerPort, localPort);
    if (inode == 0)
        inode = socketInode(readAll(m_procRoot + QStringLiteral("/net/tcp6")), peerPort, localPort);
    const QString app = inode == 0 ? QString() : ownerOf(inode);
    if (connectionId != 0) {
        if (m_byConnection.size() > 4096)
            m_byConnection.clear(); // closed connections' entries; live ones are looked up again
        m_byConnection.insert(connectionId, app);
    }
    return app;
}

} // namespace Switchyard::Keys
