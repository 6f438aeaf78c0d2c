// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QtGlobal>

namespace Switchyard::Server {

/// Limits the HTTP server enforces itself, before a request reaches the handler.
/// Mirrors Config::ServerSettings ("server" section of the config file).
struct ServerLimits
{
    qint64 maxBodyBytes = 32LL * 1024 * 1024; ///< larger bodies get 413
    int maxHeaderBytes = 64 * 1024;           ///< request line + headers; larger gets 431
    /// The whole request (headers and body) must arrive within this after its first byte (408).
    int headerTimeoutMs = 30'000;
    int idleTimeoutMs = 120'000; ///< an idle keep-alive connection is closed silently
    int maxConnections = 1024;   ///< connections above this are answered with 503 and closed
};

} // namespace Switchyard::Server
