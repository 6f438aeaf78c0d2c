// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

namespace Switchyard::Testing {

/// Runs the real switchyard-server binary on a free loopback port with a given config,
/// for end-to-end tests (KeePassXC's "drive the real CLI" shape).
class GatewayProcess final
{
public:
    GatewayProcess();
    ~GatewayProcess();

    /// Writes `config` to a temp file and starts the server; true once it printed its URL.
    bool start(const QJsonObject &config, int timeoutMs = 15000);
    /// SIGTERM, then waits; returns the exit code (-1 if it had to be killed).
    int stop(int timeoutMs = 15000);

    QUrl baseUrl() const { return m_baseUrl; }
    QString configPath() const;
    QString dataDir() const;
    QString databasePath() const;
    QByteArray standardError() const { return m_stderr; }
    QProcess &process() { return m_process; }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QUrl m_baseUrl;
    QByteArray m_stdout;
    QByteArray m_stderr;
};

} // namespace Switchyard::Testing
