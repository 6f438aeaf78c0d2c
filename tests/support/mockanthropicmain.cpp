// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/support/mockanthropicserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int s_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(s_signalPipe[1], &byte, 1);
}

int intOption(const QCommandLineParser &parser, const QString &name, bool *ok)
{
    bool valid = true;
    const int value = parser.value(name).toInt(&valid);
    if (!valid || value < 0)
        *ok = false;
    return value;
}

} // namespace

int main(int argc, char *argv[])
{
    using Switchyard::Testing::MockAnthropicServer;
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mock-anthropic"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A mock Anthropic Messages upstream for tests and benchmarks."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("port"), QStringLiteral("Port on 127.0.0.1 (0: any free port)."), QStringLiteral("N"), QStringLiteral("0")},
        {QStringLiteral("fault"), QStringLiteral("Fault for every request: None, ServerError500, RateLimited429, Overloaded529, Hang, DropMidStream, ErrorEventMidStream."), QStringLiteral("NAME"), QStringLiteral("None")},
        {QStringLiteral("reply"), QStringLiteral("Reply text."), QStringLiteral("TEXT")},
        {QStringLiteral("latency-ms"), QStringLiteral("Delay before response headers."), QStringLiteral("N"), QStringLiteral("0")},
        {QStringLiteral("chunk-delay-ms"), QStringLiteral("Delay between stream events."), QStringLiteral("N"), QStringLiteral("0")},
        {QStringLiteral("api-key"), QStringLiteral("Expected x-api-key (default: any)."), QStringLiteral("KEY")},
        {QStringLiteral("tool"), QStringLiteral("Reply with a tool_use block after the --reply text (pass an empty --reply for the tool call only)."), QStringLiteral("NAME")},
        {QStringLiteral("tool-args"), QStringLiteral("JSON object of the --tool arguments (default: {})."), QStringLiteral("JSON"), QStringLiteral("{}")},
    });
    parser.process(app);

    bool ok = true;
    const int port = intOption(parser, QStringLiteral("port"), &ok);
    const int latency = intOption(parser, QStringLiteral("latency-ms"), &ok);
    const int chunkDelay = intOption(parser, QStringLiteral("chunk-delay-ms"), &ok);
    const auto fault = MockAnthropicServer::faultFromName(parser.value(QStringLiteral("fault")));
    const QString toolArgs = parser.value(QStringLiteral("tool-args"));
    if (!QJsonDocument::fromJson(toolArgs.toUtf8()).isObject()) {
        std::fprintf(stderr, "mock-anthropic: --tool-args must be a JSON object\n");
        return 2;
    }
    if (!ok || port > 65535 || !fault) {
        std::fprintf(stderr, "mock-anthropic: invalid --port, --latency-ms, --chunk-delay-ms or --fault\n");
        return 2;
    }

    MockAnthropicServer server;
    server.setRequestHistoryLimit(0); // long benchmark runs must not grow
    server.setLatencyMs(latency);
    server.setChunkDelayMs(chunkDelay);
    if (parser.isSet(QStringLiteral("reply")))
        server.setReplyText(parser.value(QStringLiteral("reply")));
    if (parser.isSet(QStringLiteral("tool")))
        server.setToolCall(parser.value(QStringLiteral("tool")), toolArgs);
    if (parser.isSet(QStringLiteral("api-key")))
        server.setExpectedApiKey(parser.value(QStringLiteral("api-key")));
    if (!server.listen(quint16(port))) {
        std::fprintf(stderr, "mock-anthropic: cannot listen on 127.0.0.1:%d\n", port);
        return 1;
    }
    server.setFault(*fault);

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_signalPipe) != 0)
        return 1;
    QSocketNotifier notifier(s_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);

    std::printf("mock-anthropic listening on http://127.0.0.1:%u\n", unsigned(server.port()));
    std::fflush(stdout);
    return app.exec();
}
