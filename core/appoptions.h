// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/result.h"
#include "core/corehost.h"

class QCommandLineParser;

namespace Switchyard {

/// Adds the flags both executables share: --config, --host, --port, --data-dir.
void addCoreOptions(QCommandLineParser &parser);
/// Reads them back, with an error a person can act on (e.g. a port out of range).
Result<CoreOptions> coreOptionsFrom(const QCommandLineParser &parser);
/// The request log the options point at: <data dir>/switchyard.sqlite, where the data dir
/// defaults to the platform's application data directory.
QString databasePathFor(const CoreOptions &options);

} // namespace Switchyard
