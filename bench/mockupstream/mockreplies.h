// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
// Request parsing and the fixed replies of the benchmark's mock upstream (plain C++, no Qt).
#pragma once

#include <cstddef>
#include <string>

namespace Bench::Mock {

/// Reply parameters: non-stream latency, stream first-chunk delay, chunk count and gap.
struct Profile
{
    int latencyMs = 0;
    int firstMs = 0;
    int chunks = 16;
    int gapMs = 0;
};

enum class ParseStatus { Incomplete, Complete, Bad };
enum class RequestKind { Chat, Health, NotFound };

struct ParsedRequest
{
    RequestKind kind = RequestKind::NotFound;
    bool stream = false;
    bool closeAfter = false;
    std::size_t consumed = 0; ///< bytes of the buffer this request used
    Profile profile;          ///< the listener's profile with x-mock-* overrides applied
};

/// "PORT[,L,T,N,G]" → port and profile; false on a malformed spec.
bool parseListenSpec(const char *spec, int &port, Profile &profile);

/// Parses one request from the front of buf (Content-Length or chunked body).
ParseStatus parseRequest(const std::string &buf, const Profile &defaults, ParsedRequest &out);

const std::string &nonStreamReply(); ///< full HTTP response, about 1 KB of JSON
const std::string &streamHead();     ///< status line and headers of an SSE reply (chunked)
std::string streamChunk(int index);  ///< "data: {...}\n\n" for content chunk index
const std::string &streamTail();     ///< finish chunk, usage chunk and "data: [DONE]\n\n"
std::string httpChunk(const std::string &payload);
std::string simpleReply(int status, const char *text);

} // namespace Bench::Mock
