// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/corehost.h"

#include <QString>

class QCommandLineParser;

namespace Switchyard::App {

/// Adds the options of `keys` or `report` (nothing for other commands).
void addCommandOptions(QCommandLineParser &parser, const QString &command);

/// `keys issue|list|revoke`: 0 on success, 1 for an unknown key id, 2 for usage errors.
int runKeysCommand(const QCommandLineParser &parser, const CoreOptions &options);
/// `report`: writes the CSV to --out or stdout; 0 on success, 2 on any error.
int runReportCommand(const QCommandLineParser &parser, const CoreOptions &options);

} // namespace Switchyard::App
