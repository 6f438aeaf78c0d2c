// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "bench/probe/httpclient.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace Bench::Probe {

namespace {

std::string lower(std::string s)
{
    for (char &ch : s) {
        if (ch >= 'A' && ch <= 'Z') {
            ch = static_cast<char>(ch - 'A' + 'a');
        }
    }
    return s;
}

} // namespace

HttpClient::HttpClient(std::string host, int port, int timeoutMs)
    : m_host(std::move(host))
    , m_port(port)
    , m_timeoutMs(timeoutMs)
{
}

HttpClient::~HttpClient()
{
    disconnect();
}

void HttpClient::disconnect()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    m_in.clear();
}

bool HttpClient::ensureConnected(std::string &error)
{
    if (m_fd >= 0) {
        return true;
    }
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int one = 1;
    setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    timeval tv{m_timeoutMs / 1000, (m_timeoutMs % 1000) * 1000};
    setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(m_fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(m_port));
    inet_pton(AF_INET, m_host.c_str(), &addr.sin_addr);
    if (::connect(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        error = std::string("connect: ") + std::strerror(errno);
        disconnect();
        return false;
    }
    return true;
}

bool HttpClient::fill(std::string &error)
{
    char buf[65536];
    for (;;) {
        const ssize_t n = ::recv(m_fd, buf, sizeof buf, 0);
        if (n > 0) {
            m_lastRead = Clock::now();
            m_in.append(buf, static_cast<std::size_t>(n));
            return true;
        }
        if (n < 0 && errno == EINTR) {
            continue;
        }
        error = n == 0 ? std::string("eof") : std::string("recv: ") + std::strerror(errno);
        return false;
    }
}

void HttpClient::scanLines(Response &r, std::size_t &scanned, const DataLineFn &fn, Clock::time_point at)
{
    for (;;) {
        const std::size_t eol = r.body.find('\n', scanned);
        if (eol == std::string::npos) {
            return;
        }
        std::string line = r.body.substr(scanned, eol - scanned);
        scanned = eol + 1;
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (line.compare(0, 5, "data:") == 0) {
            std::size_t start = 5;
            while (start < line.size() && line[start] == ' ') {
                ++start;
            }
            fn(line.substr(start), at);
        }
    }
}

Response HttpClient::exchange(const std::string &request, const DataLineFn &onDataLine)
{
    Response r;
    if (!ensureConnected(r.error)) {
        return r;
    }
    std::size_t sent = 0;
    while (sent < request.size()) {
        const ssize_t n = ::send(m_fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) {
            if (n < 0 && errno == EINTR) {
                continue;
            }
            r.error = std::string("send: ") + std::strerror(errno);
            disconnect();
            return r;
        }
        sent += static_cast<std::size_t>(n);
    }
    // Head.
    std::size_t headEnd;
    while ((headEnd = m_in.find("\r\n\r\n")) == std::string::npos) {
        if (!fill(r.error)) {
            r.error = "reading headers: " + r.error;
            disconnect();
            return r;
        }
    }
    const std::string head = m_in.substr(0, headEnd);
    m_in.erase(0, headEnd + 4);
    const std::size_t sp = head.find(' ');
    r.status = sp == std::string::npos ? 0 : std::atoi(head.c_str() + sp + 1);
    long contentLength = -1;
    bool chunked = false;
    std::size_t pos = head.find("\r\n");
    while (pos != std::string::npos && pos < head.size()) {
        pos += 2;
        std::size_t eol = head.find("\r\n", pos);
        if (eol == std::string::npos) {
            eol = head.size();
        }
        const std::size_t colon = head.find(':', pos);
        if (colon != std::string::npos && colon < eol) {
            const std::string name = lower(head.substr(pos, colon - pos));
            const std::string value = lower(head.substr(colon + 1, eol - colon - 1));
            if (name == "content-length") {
                contentLength = std::atol(value.c_str());
            } else if (name == "transfer-encoding") {
                chunked = value.find("chunked") != std::string::npos;
            } else if (name == "connection" && value.find("close") != std::string::npos) {
                r.keepAlive = false;
            }
        }
        pos = eol == head.size() ? std::string::npos : eol;
    }
    // Body.
    std::size_t scanned = 0;
    Clock::time_point at = Clock::now();
    if (chunked) {
        for (;;) {
            const std::size_t eol = m_in.find("\r\n");
            if (eol == std::string::npos) {
                if (!fill(r.error)) {
                    break;
                }
                at = m_lastRead;
                continue;
            }
            const unsigned long size = std::strtoul(m_in.c_str(), nullptr, 16);
            if (m_in.size() < eol + 2 + size + 2) {
                if (!fill(r.error)) {
                    break;
                }
                at = m_lastRead;
                continue;
            }
            if (size == 0) {
                m_in.erase(0, eol + 4); // "0\r\n\r\n", no trailers expected
                break;
            }
            r.body.append(m_in, eol + 2, size);
            m_in.erase(0, eol + 2 + size + 2);
            scanLines(r, scanned, onDataLine, at);
        }
    } else if (contentLength >= 0) {
        while (m_in.size() < static_cast<std::size_t>(contentLength)) {
            if (!fill(r.error)) {
                break;
            }
        }
        if (r.error.empty()) {
            r.body = m_in.substr(0, static_cast<std::size_t>(contentLength));
            m_in.erase(0, static_cast<std::size_t>(contentLength));
        }
    } else {
        r.keepAlive = false;
        for (;;) {
            r.body += m_in;
            m_in.clear();
            scanLines(r, scanned, onDataLine, at);
            std::string ignored;
            if (!fill(ignored)) {
                break;
            }
            at = m_lastRead;
        }
    }
    if (!r.error.empty()) {
        r.error = "reading body: " + r.error;
    }
    if (!r.error.empty() || !r.keepAlive) {
        disconnect();
    }
    return r;
}

} // namespace Bench::Probe
