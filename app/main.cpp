// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "app/unixsignalwatcher.h"
#include "core/appoptions.h"
#include "core/corehost.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("switchyard"));
    QApplication::setApplicationDisplayName(QStringLiteral("Switchyard"));
    QApplication::setOrganizationName(QStringLiteral("switchyard"));
    QApplication::setApplicationVersion(QStringLiteral(SWITCHYARD_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("switchyard"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/switchyard.svg")));

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("switchyard"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Switchyard desktop AI gateway."));
    parser.addHelpOption();
    parser.addVersionOption();
    Switchyard::addCoreOptions(parser);
    parser.process(app);
    const auto options = Switchyard::coreOptionsFrom(parser);
    if (!options.ok()) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Switchyard"), options.error().message);
        return 2;
    }

    Switchyard::CoreHost core(options.value());
    Switchyard::Ui::MainWindow window;
    window.attachCore(&core);
    Switchyard::App::UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &Switchyard::App::UnixSignalWatcher::terminationRequested, &app,
                     [] { QApplication::quit(); });
    window.show();
    core.start();
    const int status = app.exec();
    // In-flight requests finish (or are cancelled) and the log is flushed before exit.
    core.shutdown();
    return status;
}
