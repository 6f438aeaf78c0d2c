// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/support/mockmain.h"

#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace Switchyard::Testing {

namespace {

int s_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(s_signalPipe[1], &byte, 1);
}

} // namespace

bool quitOnTerminationSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_signalPipe) != 0)
        return false;
    auto *notifier = new QSocketNotifier(s_signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);
    return true;
}

void addMockOptions(QCommandLineParser &parser, const MockMainSpec &spec)
{
    parser.setApplicationDescription(spec.description);
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("port"), QStringLiteral("Port on 127.0.0.1 (0: any free port)."), QStringLiteral("N"), QStringLiteral("0")},
        {QStringLiteral("fault"), spec.faultHelp, QStringLiteral("NAME"), QStringLiteral("None")},
        {QStringLiteral("reply"), QStringLiteral("Reply text."), QStringLiteral("TEXT")},
        {QStringLiteral("latency-ms"), QStringLiteral("Delay before response headers."), QStringLiteral("N"), QStringLiteral("0")},
        {QStringLiteral("chunk-delay-ms"), QStringLiteral("Delay between stream events."), QStringLiteral("N"), QStringLiteral("0")},
        {QStringLiteral("api-key"), spec.apiKeyHelp, QStringLiteral("KEY")},
        {QStringLiteral("tool"), spec.toolHelp, QStringLiteral("NAME")},
        {QStringLiteral("tool-args"), QStringLiteral("JSON object of the --tool arguments (default: {})."), QStringLiteral("JSON"), QStringLiteral("{}")},
    });
}

int intOption(const QCommandLineParser &parser, const QString &name, bool *ok)
{
    bool valid = true;
    const int value = parser.value(name).toInt(&valid);
    if (!valid || value < 0)
        *ok = false;
    return value;
}

} // namespace Switchyard::Testing
