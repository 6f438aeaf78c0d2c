// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/usage.h"
#include "core/config/gatewayconfig.h"

#include <optional>

namespace Switchyard::Pipeline {

/// USD for normalised usage at a model's price; nullopt when the price or usage is unknown
/// (an unknown cost is never reported as $0).
std::optional<double> requestCost(const Usage &usage, const Config::Price &price);

/// A short fingerprint of a price ("p-1a2b3c4d"), stored with each cost so reports show which
/// prices produced it and re-pricing knows what changed. Empty for an unknown price.
QString priceVersion(const Config::Price &price);

} // namespace Switchyard::Pipeline
