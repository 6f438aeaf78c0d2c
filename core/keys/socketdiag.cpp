// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/keys/socketdiag.h"

#ifdef Q_OS_LINUX
#include <cstring>

#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace Switchyard::Keys {

#ifdef Q_OS_LINUX

namespace {

/// Fills a sock_diag address (network byte order, 4 words) from \a address.
bool toDiagAddress(const QHostAddress &address, int family, __be32 out[4])
{
    std::memset(out, 0, 4 * sizeof(__be32));
    if (family == AF_INET) {
        bool ok = false;
        const quint32 v4 = address.toIPv4Address(&ok);
        if (!ok)
            return false;
        out[0] = htonl(v4);
        return true;
    }
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    std::memcpy(out, v6.c, 16);
    return true;
}

class NetlinkSocket final
{
public:
    NetlinkSocket()
        : m_fd(::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG))
    {
    }
    ~NetlinkSocket()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    NetlinkSocket(const NetlinkSocket &) = delete;
    NetlinkSocket &operator=(const NetlinkSocket &) = delete;
    int fd() const { return m_fd; }

private:
    int m_fd;
};

} // namespace

quint64 tcpSocketInode(const QHostAddress &clientAddress, quint16 clientPort,
                       const QHostAddress &serverAddress, quint16 serverPort)
{
    // A v4 client of a dual-stack listener is an AF_INET6 socket with mapped addresses.
    const bool v4 = clientAddress.protocol() == QAbstractSocket::IPv4Protocol;
    const int family = v4 ? AF_INET : AF_INET6;

    struct Request
    {
        nlmsghdr header;
        inet_diag_req_v2 diag;
    } request{};
    request.header.nlmsg_len = sizeof request;
    request.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    request.header.nlmsg_flags = NLM_F_REQUEST; // an exact lookup, not a dump
    request.diag.sdiag_family = quint8(family);
    request.diag.sdiag_protocol = IPPROTO_TCP;
    request.diag.idiag_states = ~0U;
    request.diag.id.idiag_sport = htons(clientPort);
    request.diag.id.idiag_dport = htons(serverPort);
    request.diag.id.idiag_cookie[0] = INET_DIAG_NOCOOKIE;
    request.diag.id.idiag_cookie[1] = INET_DIAG_NOCOOKIE;
    if (!toDiagAddress(clientAddress, family, request.diag.id.idiag_src)
        || !toDiagAddress(serverAddress, family, request.diag.id.idiag_dst)) {
        return 0;
    }

    NetlinkSocket netlink;
    if (netlink.fd() < 0)
        return 0;
    sockaddr_nl kernel{};
    kernel.nl_family = AF_NETLINK;
    if (::sendto(netlink.fd(), &request, sizeof request, 0, reinterpret_cast<sockaddr *>(&kernel),
                 sizeof kernel)
        != ssize_t(sizeof request)) {
        return 0;
    }
    alignas(nlmsghdr) char reply[1024];
    const ssize_t length = ::recv(netlink.fd(), reply, sizeof reply, 0);
    if (length < ssize_t(sizeof(nlmsghdr)))
        return 0;
    const auto *header = reinterpret_cast<const nlmsghdr *>(reply);
    if (!NLMSG_OK(header, size_t(length)) || header->nlmsg_type != SOCK_DIAG_BY_FAMILY
        || header->nlmsg_len < NLMSG_LENGTH(sizeof(inet_diag_msg))) {
        return 0; // NLMSG_ERROR: no such socket
    }
    const auto *message = static_cast<const inet_diag_msg *>(NLMSG_DATA(header));
    return message->idiag_inode;
}

#else

quint64 tcpSocketInode(const QHostAddress &, quint16, const QHostAddress &, quint16)
{
    return 0;
}

#endif

} // namespace Switchyard::Keys
