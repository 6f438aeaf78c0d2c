// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QMetaType>
#include <QtGlobal>

namespace Switchyard::Telemetry {

/// Published by the core once a second for the status bar and charts.
struct StatsSnapshot
{
    double requestsPerSecond = 0; ///< completed in the last second
    qint64 totalRequests = 0;     ///< since start
    qint64 totalErrors = 0;       ///< status >= 400
    int inFlight = 0;
    double spendUsd = 0;          ///< since start, known costs only
};

} // namespace Switchyard::Telemetry

Q_DECLARE_METATYPE(Switchyard::Telemetry::StatsSnapshot)
