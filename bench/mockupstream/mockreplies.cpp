// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "bench/mockupstream/mockreplies.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <strings.h>

namespace Bench::Mock {

namespace {

constexpr const char *s_id = "chatcmpl-mock0000000000000000000001";
constexpr long s_created = 1767225600;
constexpr const char *s_model = "gpt-4o-mini";

std::string lower(std::string s)
{
    for (char &ch : s) {
        if (ch >= 'A' && ch <= 'Z') {
            ch = static_cast<char>(ch - 'A' + 'a');
        }
    }
    return s;
}

bool findsStreamTrue(const std::string &body)
{
    std::size_t pos = 0;
    while ((pos = body.find("\"stream\"", pos)) != std::string::npos) {
        pos += 8;
        std::size_t i = pos;
        while (i < body.size() && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r')) {
            ++i;
        }
        if (i >= body.size() || body[i] != ':') {
            continue;
        }
        ++i;
        while (i < body.size() && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r')) {
            ++i;
        }
        return body.compare(i, 4, "true") == 0;
    }
    return false;
}

/// Decodes a chunked body starting at pos; returns false while incomplete, sets end and body.
bool dechunk(const std::string &buf, std::size_t pos, std::size_t &end, std::string &body, bool &bad)
{
    for (;;) {
        const std::size_t eol = buf.find("\r\n", pos);
        if (eol == std::string::npos) {
            return false;
        }
        char *stop = nullptr;
        const unsigned long size = std::strtoul(buf.c_str() + pos, &stop, 16);
        if (stop == buf.c_str() + pos) {
            bad = true;
            return true;
        }
        pos = eol + 2;
        if (size == 0) {
            const std::size_t trailerEnd = buf.find("\r\n", pos);
            if (trailerEnd == std::string::npos) {
                return false;
            }
            end = trailerEnd + 2; // trailers are not expected
            return true;
        }
        if (buf.size() < pos + size + 2) {
            return false;
        }
        body.append(buf, pos, size);
        pos += size + 2;
    }
}

std::string chunkJson(const std::string &choices, const char *extra)
{
    char head[256];
    std::snprintf(head, sizeof head,
                  "{\"id\":\"%s\",\"object\":\"chat.completion.chunk\",\"created\":%ld,\"model\":\"%s\","
                  "\"system_fingerprint\":\"fp_mock\",\"choices\":",
                  s_id, s_created, s_model);
    return std::string(head) + choices + extra + "}";
}

} // namespace

bool parseListenSpec(const char *spec, int &port, Profile &profile)
{
    int values[5] = {0, profile.latencyMs, profile.firstMs, profile.chunks, profile.gapMs};
    int count = 0;
    const char *p = spec;
    while (*p && count < 5) {
        char *stop = nullptr;
        const long v = std::strtol(p, &stop, 10);
        if (stop == p || v < 0) {
            return false;
        }
        values[count++] = static_cast<int>(v);
        p = *stop == ',' ? stop + 1 : stop;
        if (*stop != ',' && *stop != '\0') {
            return false;
        }
    }
    port = values[0];
    profile = Profile{values[1], values[2], values[3], values[4]};
    return count >= 1;
}

ParseStatus parseRequest(const std::string &buf, const Profile &defaults, ParsedRequest &out)
{
    const std::size_t headEnd = buf.find("\r\n\r\n");
    if (headEnd == std::string::npos) {
        return buf.size() > 65536 ? ParseStatus::Bad : ParseStatus::Incomplete;
    }
    const std::size_t lineEnd = buf.find("\r\n");
    const std::string requestLine = buf.substr(0, lineEnd);
    const std::size_t sp1 = requestLine.find(' ');
    const std::size_t sp2 = requestLine.find(' ', sp1 + 1);
    if (sp1 == std::string::npos || sp2 == std::string::npos) {
        return ParseStatus::Bad;
    }
    const std::string method = requestLine.substr(0, sp1);
    std::string path = requestLine.substr(sp1 + 1, sp2 - sp1 - 1);
    const std::size_t query = path.find('?');
    if (query != std::string::npos) {
        path.resize(query);
    }
    out = ParsedRequest{};
    out.profile = defaults;
    out.closeAfter = requestLine.compare(sp2 + 1, std::string::npos, "HTTP/1.0") == 0;
    long contentLength = 0;
    bool chunked = false;
    std::size_t pos = lineEnd + 2;
    while (pos < headEnd) {
        const std::size_t eol = buf.find("\r\n", pos);
        const std::size_t colon = buf.find(':', pos);
        if (colon != std::string::npos && colon < eol) {
            const std::string name = lower(buf.substr(pos, colon - pos));
            std::size_t v = colon + 1;
            while (v < eol && buf[v] == ' ') {
                ++v;
            }
            const std::string value = buf.substr(v, eol - v);
            const int number = std::atoi(value.c_str());
            if (name == "content-length") {
                contentLength = std::atol(value.c_str());
            } else if (name == "transfer-encoding") {
                chunked = lower(value).find("chunked") != std::string::npos;
            } else if (name == "connection") {
                const std::string lv = lower(value);
                out.closeAfter = lv.find("close") != std::string::npos
                    || (out.closeAfter && lv.find("keep-alive") == std::string::npos);
            } else if (name == "x-mock-latency-ms") {
                out.profile.latencyMs = number;
            } else if (name == "x-mock-first-ms") {
                out.profile.firstMs = number;
            } else if (name == "x-mock-chunks") {
                out.profile.chunks = number;
            } else if (name == "x-mock-gap-ms") {
                out.profile.gapMs = number;
            }
        }
        pos = eol + 2;
    }
    const std::size_t bodyStart = headEnd + 4;
    std::string body;
    if (chunked) {
        bool bad = false;
        std::size_t end = 0;
        if (!dechunk(buf, bodyStart, end, body, bad)) {
            return ParseStatus::Incomplete;
        }
        if (bad) {
            return ParseStatus::Bad;
        }
        out.consumed = end;
    } else {
        if (buf.size() < bodyStart + static_cast<std::size_t>(contentLength)) {
            return ParseStatus::Incomplete;
        }
        body = buf.substr(bodyStart, static_cast<std::size_t>(contentLength));
        out.consumed = bodyStart + static_cast<std::size_t>(contentLength);
    }
    if (method == "GET" && path == "/health") {
        out.kind = RequestKind::Health;
    } else if (method == "POST" && path.size() >= 17 && path.compare(path.size() - 17, 17, "/chat/completions") == 0) {
        out.kind = RequestKind::Chat;
        out.stream = findsStreamTrue(body);
    }
    return ParseStatus::Complete;
}

const std::string &nonStreamReply()
{
    static const std::string reply = [] {
        std::string content;
        const char *sentence = "The quick brown fox jumps over the lazy dog while the gateway relays every byte. ";
        while (content.size() < 700) {
            content += sentence;
        }
        char head[512];
        std::snprintf(head, sizeof head,
                      "{\"id\":\"%s\",\"object\":\"chat.completion\",\"created\":%ld,\"model\":\"%s\","
                      "\"system_fingerprint\":\"fp_mock\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
                      "\"assistant\",\"content\":\"",
                      s_id, s_created, s_model);
        const std::string body = std::string(head) + content
            + "\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
              "\"usage\":{\"prompt_tokens\":57,\"completion_tokens\":160,\"total_tokens\":217,"
              "\"prompt_tokens_details\":{\"cached_tokens\":0},"
              "\"completion_tokens_details\":{\"reasoning_tokens\":0}}}";
        return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + std::to_string(body.size()) + "\r\n\r\n" + body;
    }();
    return reply;
}

const std::string &streamHead()
{
    static const std::string head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                                    "Cache-Control: no-cache\r\nTransfer-Encoding: chunked\r\n\r\n";
    return head;
}

std::string streamChunk(int index)
{
    char delta[128];
    if (index == 0) {
        std::snprintf(delta, sizeof delta, "{\"role\":\"assistant\",\"content\":\"tok%04d \"}", index);
    } else {
        std::snprintf(delta, sizeof delta, "{\"content\":\"tok%04d \"}", index);
    }
    return "data: "
        + chunkJson(std::string("[{\"index\":0,\"delta\":") + delta + ",\"logprobs\":null,\"finish_reason\":null}]", "")
        + "\n\n";
}

const std::string &streamTail()
{
    static const std::string tail = "data: "
        + chunkJson("[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}]", "")
        + "\n\ndata: "
        + chunkJson("[]", ",\"usage\":{\"prompt_tokens\":57,\"completion_tokens\":64,\"total_tokens\":121}")
        + "\n\ndata: [DONE]\n\n";
    return tail;
}

std::string httpChunk(const std::string &payload)
{
    char size[32];
    std::snprintf(size, sizeof size, "%zx\r\n", payload.size());
    return size + payload + "\r\n";
}

std::string simpleReply(int status, const char *text)
{
    const char *reason = status == 200 ? "OK" : status == 404 ? "Not Found" : "Bad Request";
    return "HTTP/1.1 " + std::to_string(status) + " " + reason
        + "\r\nContent-Type: text/plain\r\nContent-Length: " + std::to_string(std::strlen(text)) + "\r\n\r\n" + text;
}

} // namespace Bench::Mock
