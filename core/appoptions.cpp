// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/appoptions.h"

#include "core/common/tr.h"

#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>

namespace Switchyard {

void addCoreOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("config"), Tr::tr("Read the configuration from <file>."), Tr::tr("file")});
    parser.addOption({QStringLiteral("host"), Tr::tr("Listen on <address> instead of the configured one."), Tr::tr("address")});
    parser.addOption({QStringLiteral("port"), Tr::tr("Listen on <port> instead of the configured one (0: any free port)."), Tr::tr("port")});
    parser.addOption({QStringLiteral("data-dir"), Tr::tr("Keep the request log and other data in <dir>."), Tr::tr("dir")});
}

Result<CoreOptions> coreOptionsFrom(const QCommandLineParser &parser)
{
    CoreOptions options;
    options.configPath = parser.value(QStringLiteral("config"));
    options.host = parser.value(QStringLiteral("host"));
    options.dataDir = parser.value(QStringLiteral("data-dir"));
    if (parser.isSet(QStringLiteral("port"))) {
        bool ok = false;
        const int port = parser.value(QStringLiteral("port")).toInt(&ok);
        if (!ok || port < 0 || port > 65535)
            return Error{QStringLiteral("invalid_port"),
                         Tr::tr("--port must be a number from 0 to 65535, not '%1'").arg(parser.value(QStringLiteral("port")))};
        options.port = port;
    }
    return options;
}

QString databasePathFor(const CoreOptions &options)
{
    const QString dataDir = options.dataDir.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
        : options.dataDir;
    return QDir(dataDir).filePath(QStringLiteral("switchyard.sqlite"));
}

} // namespace Switchyard
