// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
// The benchmark's client (BENCHMARK.md S1, S4, S5, S7): C connections, each sending W warm-up and
// then N measured requests in sequence (keep-alive unless --no-keepalive). Times every request
// and, with --stream, every SSE `data:` line: time to the first line with content, gaps between
// content lines, stalls. Writes raw timings and the distinct response bodies so bench/run can
// check them against the mock's own reply.
//
//   probe --port P [--host H] [--path /v1/chat/completions] [--header "k: v"]... --body-file F
//         [--requests N] [--concurrency C] [--warmup W] [--stream] [--no-keepalive]
//         [--stall-ms S] [--timeout-ms T] [--rate R] [--deadline-s S] --out result.json
//         [--dump-dir DIR]
//
// --rate R (S2, open loop): N×C requests in all, request k scheduled at start + k/R seconds on
// connection k mod C; latency counts from the scheduled time, so queueing is not hidden.
// --deadline-s S: no request is started S seconds after the start (a server that cannot keep up
// with --rate ends the run on time; "requests" then says how many were sent).
#include "bench/probe/httpclient.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace Bench::Probe;

struct Options
{
    std::string host = "127.0.0.1";
    int port = 0;
    std::string path = "/v1/chat/completions";
    std::vector<std::string> headers;
    std::string body;
    int requests = 100;
    int concurrency = 1;
    int warmup = 0;
    bool stream = false;
    bool keepAlive = true;
    int stallMs = 0;
    int timeoutMs = 30000;
    double rate = 0;
    double deadlineS = 0;
    std::string out;
    std::string dumpDir;
};

struct Results
{
    std::mutex mutex;
    std::vector<long long> latUs;
    std::vector<long long> ttfcUs;
    std::vector<long long> gapsUs;
    int requests = 0;
    int sent = 0; // warm-up included
    int errors = 0;
    int stalls = 0;
    std::vector<std::string> errorSamples;
    std::map<int, int> statuses;
    std::map<std::string, int> bodies; // distinct body → count
};

long long micros(Clock::duration d)
{
    return std::chrono::duration_cast<std::chrono::microseconds>(d).count();
}

bool hasContent(const std::string &payload)
{
    const std::size_t at = payload.find("\"content\":\"");
    return at != std::string::npos && at + 11 < payload.size() && payload[at + 11] != '"';
}

std::string buildRequest(const Options &o)
{
    std::string r = "POST " + o.path + " HTTP/1.1\r\nHost: " + o.host + ":" + std::to_string(o.port)
        + "\r\nContent-Type: application/json\r\nAccept: "
        + (o.stream ? "text/event-stream" : "application/json") + "\r\n";
    for (const std::string &h : o.headers) {
        r += h + "\r\n";
    }
    if (!o.keepAlive) {
        r += "Connection: close\r\n";
    }
    r += "Content-Length: " + std::to_string(o.body.size()) + "\r\n\r\n" + o.body;
    return r;
}

void runConnection(const Options &o, const std::string &request, Results &res, int connection,
                   Clock::time_point origin)
{
    HttpClient client(o.host, o.port, o.timeoutMs);
    const int total = o.requests * o.concurrency;
    for (int i = 0; i < o.warmup + o.requests; ++i) {
        const bool measured = i >= o.warmup;
        Clock::time_point scheduled{};
        if (o.deadlineS > 0 && Clock::now() > origin + std::chrono::milliseconds(static_cast<long long>(o.deadlineS * 1000))) {
            break;
        }
        if (o.rate > 0 && measured) {
            const long long k = static_cast<long long>(i - o.warmup) * o.concurrency + connection;
            if (k >= total) {
                break;
            }
            scheduled = origin + std::chrono::microseconds(static_cast<long long>(k * 1e6 / o.rate));
            std::this_thread::sleep_until(scheduled);
        }
        Clock::time_point firstContent{};
        Clock::time_point lastContent{};
        std::vector<long long> gaps;
        int stalls = 0;
        const auto onLine = [&](const std::string &payload, Clock::time_point at) {
            if (!hasContent(payload)) {
                return;
            }
            if (firstContent == Clock::time_point{}) {
                firstContent = at;
            } else {
                gaps.push_back(micros(at - lastContent));
                if (o.stallMs > 0 && gaps.back() > o.stallMs * 1000LL) {
                    ++stalls;
                }
            }
            lastContent = at;
        };
        const Clock::time_point start = scheduled == Clock::time_point{} ? Clock::now() : scheduled;
        const Response r = client.exchange(request, onLine);
        const Clock::time_point end = Clock::now();
        if (!o.keepAlive) {
            client.disconnect();
        }
        std::lock_guard lock(res.mutex);
        ++res.sent;
        if (!measured) {
            continue;
        }
        ++res.requests;
        ++res.statuses[r.status];
        if (!r.error.empty() || r.status != 200) {
            ++res.errors;
            if (res.errorSamples.size() < 5) {
                res.errorSamples.push_back(r.error.empty() ? "status " + std::to_string(r.status) + ": " + r.body.substr(0, 200)
                                                           : r.error);
            }
            continue;
        }
        res.latUs.push_back(micros(end - start));
        if (o.stream) {
            if (firstContent != Clock::time_point{}) {
                res.ttfcUs.push_back(micros(firstContent - start));
            }
            res.gapsUs.insert(res.gapsUs.end(), gaps.begin(), gaps.end());
            res.stalls += stalls;
        }
        ++res.bodies[r.body];
    }
}

std::string jsonString(const std::string &s)
{
    std::string out = "\"";
    for (const char ch : s) {
        if (ch == '"' || ch == '\\') {
            out += '\\';
            out += ch;
        } else if (static_cast<unsigned char>(ch) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", ch);
            out += buf;
        } else {
            out += ch;
        }
    }
    return out + "\"";
}

std::string jsonArray(const std::vector<long long> &v)
{
    std::ostringstream s;
    s << '[';
    for (std::size_t i = 0; i < v.size(); ++i) {
        s << (i ? "," : "") << v[i];
    }
    s << ']';
    return s.str();
}

bool parseArgs(int argc, char **argv, Options &o)
{
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : std::string(); };
        if (a == "--host") {
            o.host = next();
        } else if (a == "--port") {
            o.port = std::atoi(next().c_str());
        } else if (a == "--path") {
            o.path = next();
        } else if (a == "--header") {
            o.headers.push_back(next());
        } else if (a == "--body-file") {
            std::ifstream f(next(), std::ios::binary);
            o.body.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
        } else if (a == "--requests") {
            o.requests = std::atoi(next().c_str());
        } else if (a == "--concurrency") {
            o.concurrency = std::max(1, std::atoi(next().c_str()));
        } else if (a == "--warmup") {
            o.warmup = std::atoi(next().c_str());
        } else if (a == "--stream") {
            o.stream = true;
        } else if (a == "--no-keepalive") {
            o.keepAlive = false;
        } else if (a == "--stall-ms") {
            o.stallMs = std::atoi(next().c_str());
        } else if (a == "--timeout-ms") {
            o.timeoutMs = std::atoi(next().c_str());
        } else if (a == "--deadline-s") {
            o.deadlineS = std::atof(next().c_str());
        } else if (a == "--rate") {
            o.rate = std::atof(next().c_str());
        } else if (a == "--out") {
            o.out = next();
        } else if (a == "--dump-dir") {
            o.dumpDir = next();
        } else {
            std::fprintf(stderr, "probe: unknown argument %s\n", a.c_str());
            return false;
        }
    }
    return o.port > 0 && !o.out.empty();
}

} // namespace

int main(int argc, char **argv)
{
    Options o;
    if (!parseArgs(argc, argv, o)) {
        std::fprintf(stderr, "usage: probe --port P --body-file F --out FILE [options] (see probe.cpp)\n");
        return 2;
    }
    const std::string request = buildRequest(o);
    Results res;
    const Clock::time_point start = Clock::now();
    // Open loop: warm-up requests are not scheduled; the measured schedule starts 100 ms later.
    const Clock::time_point origin = start + std::chrono::milliseconds(100);
    std::vector<std::thread> threads;
    for (int c = 0; c < o.concurrency; ++c) {
        threads.emplace_back([&, c] { runConnection(o, request, res, c, origin); });
    }
    for (std::thread &t : threads) {
        t.join();
    }
    const double wall = static_cast<double>(micros(Clock::now() - start)) / 1e6;

    std::ostringstream j;
    j << "{\"requests\":" << res.requests << ",\"sent\":" << res.sent << ",\"errors\":" << res.errors << ",\"stalls\":" << res.stalls
      << ",\"wall_s\":" << wall << ",\"rate\":" << (wall > 0 ? res.requests / wall : 0.0)
      << ",\"lat_us\":" << jsonArray(res.latUs) << ",\"ttfc_us\":" << jsonArray(res.ttfcUs)
      << ",\"gaps_us\":" << jsonArray(res.gapsUs) << ",\"statuses\":{";
    bool first = true;
    for (const auto &[status, count] : res.statuses) {
        j << (first ? "" : ",") << '"' << status << "\":" << count;
        first = false;
    }
    j << "},\"error_samples\":[";
    for (std::size_t i = 0; i < res.errorSamples.size(); ++i) {
        j << (i ? "," : "") << jsonString(res.errorSamples[i]);
    }
    j << "],\"bodies\":[";
    int index = 0;
    for (const auto &[body, count] : res.bodies) {
        std::string file;
        if (!o.dumpDir.empty() && index < 8) {
            file = o.dumpDir + "/body-" + std::to_string(index) + ".txt";
            std::ofstream(file, std::ios::binary) << body;
        }
        j << (index ? "," : "") << "{\"count\":" << count << ",\"file\":" << jsonString(file) << '}';
        ++index;
    }
    j << "]}\n";
    std::ofstream(o.out) << j.str();
    return res.errors == 0 ? 0 : 1;
}
