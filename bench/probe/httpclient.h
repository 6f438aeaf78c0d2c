// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
// A minimal blocking HTTP/1.1 client for the benchmark probe (plain C++/POSIX, no Qt): one
// keep-alive connection, TCP_NODELAY, Content-Length, chunked and close-delimited bodies, and a
// callback per received `data:` line with the time its bytes arrived.
#pragma once

#include <chrono>
#include <functional>
#include <string>

namespace Bench::Probe {

using Clock = std::chrono::steady_clock;

struct Response
{
    int status = 0;
    std::string body;        ///< decoded (de-chunked) body
    bool keepAlive = true;   ///< the server did not ask to close
    std::string error;       ///< empty on success
};

class HttpClient final
{
public:
    /// Called for each complete SSE `data:` line (payload after "data:", trimmed) as it arrives.
    using DataLineFn = std::function<void(const std::string &payload, Clock::time_point at)>;

    HttpClient(std::string host, int port, int timeoutMs);
    ~HttpClient();
    HttpClient(const HttpClient &) = delete;
    HttpClient &operator=(const HttpClient &) = delete;

    /// Sends one request (already serialised) and reads the whole response.
    Response exchange(const std::string &request, const DataLineFn &onDataLine);
    void disconnect();

private:
    bool ensureConnected(std::string &error);
    bool fill(std::string &error); ///< reads more bytes into m_in; false on EOF/error
    void scanLines(Response &r, std::size_t &scanned, const DataLineFn &fn, Clock::time_point at);

    std::string m_host;
    int m_port;
    int m_timeoutMs;
    int m_fd = -1;
    std::string m_in;
    Clock::time_point m_lastRead;
};

} // namespace Bench::Probe
