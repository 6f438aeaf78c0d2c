// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
// The benchmark's mock upstream (BENCHMARK.md "Mock upstream"): plain C++/POSIX, one thread,
// epoll, keep-alive, TCP_NODELAY. POST /v1/chat/completions answers an OpenAI chat.completion
// (about 1 KB, with usage) after L ms, or, when the body asks for "stream": true, an SSE stream:
// first chunk after T ms, N content chunks G ms apart, a finish chunk, a usage chunk and
// `data: [DONE]`. Every reply is byte-identical for the same parameters, so a client can check a
// relayed reply against the direct one. GET /health answers 200.
//
//   mockupstream --listen PORT[,L,T,N,G] [--listen ...]
//
// Each --listen opens one port (0 = the OS chooses) with its own defaults; request headers
// x-mock-latency-ms, x-mock-first-ms, x-mock-chunks, x-mock-gap-ms override them per request.
// Prints "listening PORT" per listener on stdout, in order, then serves until SIGTERM/SIGINT.
#include "bench/mockupstream/mockreplies.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <queue>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

using Bench::Mock::Profile;

struct Listener
{
    int fd = -1;
    Profile profile;
};

struct Connection
{
    int fd = -1;
    Profile profile;
    std::string in;
    std::string out;
    bool busy = false; // a reply is being produced (delayed or streaming)
    bool closeAfter = false;
    Profile current;   // parameters of the reply in progress
    int nextChunk = 0; // streaming: index of the next content chunk
    bool stream = false;
    unsigned generation = 0;
};

struct Timer
{
    long long dueUs;
    int fd;
    unsigned generation;
    bool operator>(const Timer &other) const { return dueUs > other.dueUs; }
};

volatile std::sig_atomic_t s_stop = 0;
int s_epoll = -1;
std::unordered_map<int, std::unique_ptr<Connection>> s_connections;
std::priority_queue<Timer, std::vector<Timer>, std::greater<>> s_timers;

long long nowUs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<long long>(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

void closeConnection(Connection *c)
{
    epoll_ctl(s_epoll, EPOLL_CTL_DEL, c->fd, nullptr);
    ::close(c->fd);
    s_connections.erase(c->fd); // deletes c
}

/// Writes what it can; returns false when the connection was closed.
bool flush(Connection *c)
{
    while (!c->out.empty()) {
        const ssize_t n = ::send(c->fd, c->out.data(), c->out.size(), MSG_NOSIGNAL);
        if (n > 0) {
            c->out.erase(0, static_cast<size_t>(n));
            continue;
        }
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            epoll_event ev{EPOLLIN | EPOLLOUT, {}};
            ev.data.fd = c->fd;
            epoll_ctl(s_epoll, EPOLL_CTL_MOD, c->fd, &ev);
            return true;
        }
        closeConnection(c);
        return false;
    }
    epoll_event ev{EPOLLIN, {}};
    ev.data.fd = c->fd;
    epoll_ctl(s_epoll, EPOLL_CTL_MOD, c->fd, &ev);
    if (!c->busy && c->closeAfter) {
        closeConnection(c);
        return false;
    }
    return true;
}

void schedule(Connection *c, long long delayMs)
{
    s_timers.push(Timer{nowUs() + delayMs * 1000, c->fd, c->generation});
}

/// Emits the next step of the reply in progress. Returns false when the connection closed.
/// The caller goes on with the pipelined input once the reply is complete.
bool step(Connection *c)
{
    using namespace Bench::Mock;
    if (!c->stream) {
        c->out += nonStreamReply();
        c->busy = false;
    } else if (c->nextChunk == 0 && c->current.chunks == 0) {
        c->out += streamHead() + httpChunk(streamTail());
        c->busy = false;
    } else {
        std::string event = streamChunk(c->nextChunk);
        ++c->nextChunk;
        if (c->nextChunk >= c->current.chunks) {
            event += streamTail();
            c->busy = false;
        }
        if (c->nextChunk == 1) {
            c->out += streamHead();
        }
        c->out += httpChunk(event);
    }
    if (!c->busy) {
        c->out += c->stream ? std::string("0\r\n\r\n") : std::string();
        ++c->generation;
    } else {
        schedule(c, c->current.gapMs);
    }
    return flush(c);
}

void processInput(Connection *c)
{
    using namespace Bench::Mock;
    while (!c->busy) {
        ParsedRequest req;
        const ParseStatus st = parseRequest(c->in, c->profile, req);
        if (st == ParseStatus::Incomplete) {
            return;
        }
        if (st == ParseStatus::Bad) {
            c->out += simpleReply(400, "bad request\n");
            c->closeAfter = true;
            flush(c);
            return;
        }
        c->in.erase(0, req.consumed);
        c->closeAfter = req.closeAfter;
        if (req.kind == RequestKind::Health) {
            c->out += simpleReply(200, "ok\n");
        } else if (req.kind == RequestKind::NotFound) {
            c->out += simpleReply(404, "not found\n");
        } else {
            c->busy = true;
            c->stream = req.stream;
            c->current = req.profile;
            c->nextChunk = 0;
            const int delay = req.stream ? req.profile.firstMs : req.profile.latencyMs;
            if (delay > 0) {
                schedule(c, delay);
                return;
            }
            if (!step(c)) {
                return;
            }
            continue;
        }
        if (!flush(c)) {
            return;
        }
    }
}

int openListener(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    const int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 || ::listen(fd, 4096) != 0) {
        std::fprintf(stderr, "mockupstream: cannot listen on port %d: %s\n", port, std::strerror(errno));
        std::exit(2);
    }
    return fd;
}

int boundPort(int fd)
{
    sockaddr_in addr{};
    socklen_t len = sizeof addr;
    getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
    return ntohs(addr.sin_port);
}

void acceptAll(const Listener &l)
{
    for (;;) {
        const int fd = ::accept4(l.fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            return;
        }
        const int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        auto c = std::make_unique<Connection>();
        c->fd = fd;
        c->profile = l.profile;
        epoll_event ev{EPOLLIN, {}};
        ev.data.fd = fd;
        epoll_ctl(s_epoll, EPOLL_CTL_ADD, fd, &ev);
        s_connections.emplace(fd, std::move(c));
    }
}

void readFrom(Connection *c)
{
    char buf[65536];
    for (;;) {
        const ssize_t n = ::recv(c->fd, buf, sizeof buf, 0);
        if (n > 0) {
            c->in.append(buf, static_cast<size_t>(n));
            continue;
        }
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            break;
        }
        closeConnection(c); // EOF or error
        return;
    }
    processInput(c);
}

void fireTimers()
{
    const long long now = nowUs();
    while (!s_timers.empty() && s_timers.top().dueUs <= now) {
        const Timer t = s_timers.top();
        s_timers.pop();
        const auto it = s_connections.find(t.fd);
        if (it != s_connections.end() && it->second->generation == t.generation && it->second->busy) {
            Connection *c = it->second.get();
            if (step(c) && !c->busy) {
                processInput(c);
            }
        }
    }
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<Listener> listeners;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--listen" && i + 1 < argc) {
            Listener l;
            int port = 0;
            if (!Bench::Mock::parseListenSpec(argv[++i], port, l.profile)) {
                std::fprintf(stderr, "mockupstream: bad --listen spec %s\n", argv[i]);
                return 2;
            }
            l.fd = openListener(port);
            listeners.push_back(l);
        } else {
            std::fprintf(stderr, "usage: mockupstream --listen PORT[,L,T,N,G] [--listen ...]\n");
            return 2;
        }
    }
    if (listeners.empty()) {
        Listener l;
        l.fd = openListener(0);
        listeners.push_back(l);
    }
    std::signal(SIGTERM, [](int) { s_stop = 1; });
    std::signal(SIGINT, [](int) { s_stop = 1; });
    std::signal(SIGPIPE, SIG_IGN);
    s_epoll = epoll_create1(EPOLL_CLOEXEC);
    for (size_t i = 0; i < listeners.size(); ++i) {
        epoll_event ev{EPOLLIN, {}};
        ev.data.fd = listeners[i].fd;
        epoll_ctl(s_epoll, EPOLL_CTL_ADD, listeners[i].fd, &ev);
        std::printf("listening %d\n", boundPort(listeners[i].fd));
    }
    std::fflush(stdout);

    epoll_event events[256];
    while (!s_stop) {
        // Microsecond timers (epoll_pwait2), so L, T and G are kept to well under a millisecond.
        timespec wait{};
        timespec *timeout = nullptr;
        if (!s_timers.empty()) {
            const long long us = std::max(0LL, s_timers.top().dueUs - nowUs());
            wait.tv_sec = us / 1000000;
            wait.tv_nsec = (us % 1000000) * 1000;
            timeout = &wait;
        }
        int n = epoll_pwait2(s_epoll, events, 256, timeout, nullptr);
        if (n < 0 && errno == ENOSYS) {
            n = epoll_wait(s_epoll, events, 256,
                           timeout ? static_cast<int>(wait.tv_sec * 1000 + (wait.tv_nsec + 999999) / 1000000) : -1);
        }
        for (int i = 0; i < n; ++i) {
            const int fd = events[i].data.fd;
            bool isListener = false;
            for (const Listener &l : listeners) {
                if (l.fd == fd) {
                    acceptAll(l);
                    isListener = true;
                }
            }
            if (isListener) {
                continue;
            }
            const auto it = s_connections.find(fd);
            if (it == s_connections.end()) {
                continue;
            }
            Connection *c = it->second.get();
            if (events[i].events & (EPOLLERR | EPOLLHUP)) {
                closeConnection(c);
                continue;
            }
            if ((events[i].events & EPOLLOUT) && !flush(c)) {
                continue;
            }
            if (events[i].events & EPOLLIN) {
                readFrom(c);
            }
        }
        fireTimers();
    }
    return 0;
}
