// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "app/clicommands.h"
#include "app/unixsignalwatcher.h"
#include "core/appoptions.h"
#include "core/config/configloader.h"
#include "core/corehost.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLocale>
#include <QProcessEnvironment>
#include <QTextStream>
#include <QTranslator>

#include <cstdio>

namespace {

int checkConfig(const QString &path)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString file = path.isEmpty() ? Switchyard::Config::ConfigLoader::defaultPath() : path;
    const auto loaded = Switchyard::Config::ConfigLoader::loadFile(file, QProcessEnvironment::systemEnvironment());
    if (!loaded.ok()) {
        err << loaded.error().message << Qt::endl;
        return 1;
    }
    out << QCoreApplication::translate("main", "%1: OK (%2 providers, %3 models, %4 routes)")
               .arg(file)
               .arg(loaded.value().providers.size())
               .arg(loaded.value().models.size())
               .arg(loaded.value().routes.size())
        << Qt::endl;
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    // Qt's own event dispatcher rather than GLib's: it coalesces wake-ups (GLib's writes an
    // eventfd for every event a thread posts to itself) — about 4 % less CPU per request
    // (docs/performance.md). A window needs GLib for desktop integration; a server does not.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("switchyard"));
    QCoreApplication::setOrganizationName(QStringLiteral("switchyard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SWITCHYARD_VERSION));

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("switchyard"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Switchyard gateway without a window. Commands: serve (default), check-config, keys, report."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QCoreApplication::translate("main", "serve, check-config, keys or report"));
    Switchyard::addCoreOptions(parser);
    // Subcommand options are known only once the command is: find it first, then add them.
    parser.parse(app.arguments());
    const QString command = parser.positionalArguments().value(0, QStringLiteral("serve"));
    Switchyard::App::addCommandOptions(parser, command);
    parser.process(app);

    const auto options = Switchyard::coreOptionsFrom(parser);
    if (!options.ok()) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(options.error().message));
        return 2;
    }
    if (command == QLatin1String("check-config"))
        return checkConfig(options.value().configPath);
    if (command == QLatin1String("keys"))
        return Switchyard::App::runKeysCommand(parser, options.value());
    if (command == QLatin1String("report"))
        return Switchyard::App::runReportCommand(parser, options.value());
    if (command != QLatin1String("serve")) {
        std::fprintf(stderr, "%s\n",
                     qUtf8Printable(QCoreApplication::translate("main", "unknown command '%1'; use serve, check-config, keys or report").arg(command)));
        return 2;
    }

    Switchyard::CoreHost core(options.value());
    Switchyard::App::UnixSignalWatcher signalWatcher;
    QObject::connect(&core, &Switchyard::CoreHost::started, &app, [&core](const QUrl &url) {
        std::printf("%s\n", qUtf8Printable(QCoreApplication::translate("main", "Switchyard listening on %1")
                                              .arg(url.toString(QUrl::StripTrailingSlash))));
        std::printf("%s\n", qUtf8Printable(QCoreApplication::translate("main", "request log: %1").arg(core.databasePath())));
        std::fflush(stdout);
    });
    QObject::connect(&core, &Switchyard::CoreHost::startFailed, &app, [](const QString &message) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(QCoreApplication::translate("main", "switchyard-server: %1").arg(message)));
        QCoreApplication::exit(1);
    });
    QObject::connect(&core, &Switchyard::CoreHost::configRejected, &app, [](const QString &message) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(QCoreApplication::translate("main", "config not applied, previous config stays in force: %1").arg(message)));
    });
    QObject::connect(&signalWatcher, &Switchyard::App::UnixSignalWatcher::terminationRequested, &app, [](int) {
        QCoreApplication::exit(0);
    });
    core.start();
    const int status = app.exec();
    core.shutdown();
    return status;
}
