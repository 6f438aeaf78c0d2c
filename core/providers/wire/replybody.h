// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/httptypes.h"
#include "core/common/jsonscan.h"
#include "core/common/result.h"
#include "core/common/usage.h"
#include "core/providers/iprovider.h"
#include "core/translate/chatmodel.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Switchyard::Providers::Internal {

/// A whole (non-streamed) 2xx reply, as the client gets it.
struct ClientReply
{
    QByteArray body;
    Usage usage;
    QString model;
};

/// Same format: `body` relayed byte-exact, usage and model read from it. Otherwise the
/// upstream's reply decoded and re-encoded for the client surface (`created` = now).
/// Fails when a body that must be translated cannot be decoded.
Result<ClientReply> clientReply(Translate::WireFormat upstream, Translate::WireFormat client,
                                const QByteArray &body);

/// A non-2xx upstream reply as a ProviderError of kind Http, read with
/// Translate::decodeUpstreamError: status kept, clientBody in the client's format (the
/// upstream body itself when it already has the client's error shape), retryAfterMs from
/// the headers or else the body, retryable per the shared rules (x-should-retry overrides).
ProviderError httpError(const QString &providerId, Translate::WireFormat upstream,
                        Translate::WireFormat client, int status, const HttpHeaders &headers,
                        const QByteArray &body, const QDateTime &now);

/// `text` with every occurrence of `secret` replaced by "[redacted]" (no-op for an empty secret).
QString redactSecret(QString text, const QString &secret);
/// The same for an error's message and client body, before it leaves the provider.
void redactSecret(ProviderError &error, const QString &secret);

/// Usage of a same-format reply body or stream chunk object.
Usage usageOf(Translate::WireFormat format, const QJsonObject &usage);
/// The same, read from the text of the usage object without parsing it into a document.
Usage usageOf(Translate::WireFormat format, const JsonScan::ObjectView &usage);

} // namespace Switchyard::Providers::Internal
