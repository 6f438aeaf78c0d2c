// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/result.h"
#include "core/config/gatewayconfig.h"

#include <QDateTime>

#include <atomic>
#include <functional>

namespace Switchyard::Reports {

struct RepriceSummary
{
    qint64 examined = 0;   ///< requests in the range
    qint64 repriced = 0;   ///< whose cost changed because their model's price changed
    qint64 unpriced = 0;   ///< whose model has no price now (cost left as it was)
    double oldTotalUsd = 0;
    double newTotalUsd = 0;
};

/// Recomputes the cost of logged requests in [from, to) from their stored token classes and
/// the models' prices in `config`, for every request whose price version differs. Reads and
/// writes on connections of its own; `progress(done, total)` per page, `cancel` between pages.
Result<RepriceSummary> repriceRange(const QString &databasePath, const Config::GatewayConfig &config,
                                    const QDateTime &from, const QDateTime &to,
                                    const std::function<void(qint64, qint64)> &progress = {},
                                    const std::atomic_bool *cancel = nullptr);

} // namespace Switchyard::Reports
