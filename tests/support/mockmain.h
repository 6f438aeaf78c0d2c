// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>

namespace Switchyard::Testing {

/// What differs between the mock executables; the rest is runMockMain().
struct MockMainSpec
{
    const char *name;        ///< "mock-openai"
    QString description;
    QString faultHelp;
    QString apiKeyHelp;
    QString toolHelp;
    const char *urlSuffix;   ///< appended to the printed URL, e.g. "/v1"
};

/// Installs SIGINT/SIGTERM handlers that quit `app` through a self-pipe; false if it failed.
bool quitOnTerminationSignals(QCoreApplication &app);
/// Adds the options every mock takes.
void addMockOptions(QCommandLineParser &parser, const MockMainSpec &spec);
/// A non-negative integer option; clears `ok` otherwise.
int intOption(const QCommandLineParser &parser, const QString &name, bool *ok);

/// The whole main() of a mock executable: parse the flags, configure `Server`, print
/// "<name> listening on http://127.0.0.1:<port><suffix>" and serve until SIGINT/SIGTERM.
template<typename Server>
int runMockMain(int argc, char *argv[], const MockMainSpec &spec)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QString::fromLatin1(spec.name));
    QCommandLineParser parser;
    addMockOptions(parser, spec);
    parser.process(app);

    bool ok = true;
    const int port = intOption(parser, QStringLiteral("port"), &ok);
    const int latency = intOption(parser, QStringLiteral("latency-ms"), &ok);
    const int chunkDelay = intOption(parser, QStringLiteral("chunk-delay-ms"), &ok);
    const auto fault = Server::faultFromName(parser.value(QStringLiteral("fault")));
    const QString toolArgs = parser.value(QStringLiteral("tool-args"));
    if (!QJsonDocument::fromJson(toolArgs.toUtf8()).isObject()) {
        std::fprintf(stderr, "%s: --tool-args must be a JSON object\n", spec.name);
        return 2;
    }
    if (!ok || port > 65535 || !fault) {
        std::fprintf(stderr, "%s: invalid --port, --latency-ms, --chunk-delay-ms or --fault\n", spec.name);
        return 2;
    }

    Server server;
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
        std::fprintf(stderr, "%s: cannot listen on 127.0.0.1:%d\n", spec.name, port);
        return 1;
    }
    server.setFault(*fault);
    if (!quitOnTerminationSignals(app))
        return 1;
    std::printf("%s listening on http://127.0.0.1:%u%s\n", spec.name, unsigned(server.port()), spec.urlSuffix);
    std::fflush(stdout);
    return app.exec();
}

} // namespace Switchyard::Testing
