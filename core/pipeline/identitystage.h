// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/keys/keyregistry.h"
#include "core/keys/peerprocess.h"
#include "core/keys/ratelimiter.h"
#include "core/pipeline/stage.h"

namespace Switchyard::Pipeline {

/// After parsing: names the calling program of an anonymous loopback request (when the client
/// sent no x-switchyard-app), authenticates a virtual key (`Authorization: Bearer sy-…` or
/// `x-api-key: sy-…`), binds the request to the key's customer and project, enforces its
/// model allow-list and RPM/TPM limits (x-ratelimit-* headers on every answer), and refuses
/// anonymous requests when `server.require_keys` is on.
class IdentityStage final : public Stage
{
public:
    IdentityStage(Keys::KeyRegistry *registry, Keys::RateLimiter *limiter, Keys::PeerProcessResolver *peers);
    StageResult onRequest(Exchange &exchange) override;

    /// The credential a client presented, from either header; empty when none.
    static QByteArray presentedCredential(const Exchange &exchange);

private:
    Keys::KeyRegistry *m_registry;
    Keys::RateLimiter *m_limiter;
    Keys::PeerProcessResolver *m_peers;
};

} // namespace Switchyard::Pipeline
