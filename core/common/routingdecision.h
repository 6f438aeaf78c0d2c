// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Switchyard {

/// One try against one provider.
struct AttemptRecord
{
    QString model;         ///< catalog model id
    QString provider;      ///< provider id
    QString upstreamModel; ///< name sent upstream
    int httpStatus = 0;    ///< 0 when no HTTP status was received
    QString error;         ///< empty on success
    bool retryable = false;
    double latencyMs = 0;
};

/// A model the router considered, and what became of it.
struct CandidateRecord
{
    QString model;
    QString provider;
    bool eligible = true;
    QString reason; ///< why it was kept or removed, in words a person reads
};

/// Why a request went where it went: the GUI shows it, the log stores it as JSON.
struct RoutingDecision
{
    QString requestedModel;
    QString route;    ///< route name, or empty when a model was named directly
    QString strategy; ///< "direct", "fallback", ...
    QList<CandidateRecord> candidates;
    QStringList reasons; ///< rules and filters that fired, in order
    QString winner;      ///< catalog model that served the request, empty if none did
    QList<AttemptRecord> attempts;
    /// Score strategy only: per candidate, rank, total and each metric's raw value,
    /// normalised value, weight and contribution (see core/routing/scorer.h).
    QJsonArray scores;

    QJsonObject toJson() const;
    /// The same document as toJson(), compact, written directly: the request log stores one
    /// per request, and building a QJsonObject first costs several times as much.
    QByteArray toJsonBytes() const;
    static RoutingDecision fromJson(const QJsonObject &json);
};

} // namespace Switchyard
