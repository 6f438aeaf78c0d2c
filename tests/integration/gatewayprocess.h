// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>
#include <QVariantMap>

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

    /// The request log's row for \a requestId (column name → value), read the way another
    /// process would. A response leaves once its row is durable in the journal; the row
    /// reaches SQLite within the store's commit delay (50 ms), so this waits up to
    /// \a timeoutMs for it. Empty when it never appears.
    QVariantMap waitForLoggedRow(const QByteArray &requestId, int timeoutMs = 5000) const;
    /// Rows in the request log now, or -1 when it cannot be read.
    qint64 loggedRowCount() const;
    /// Waits up to \a timeoutMs for the count to reach \a rows; returns the last count seen.
    qint64 waitForLoggedRowCount(qint64 rows, int timeoutMs = 5000) const;
    QProcess &process() { return m_process; }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QUrl m_baseUrl;
    QByteArray m_stdout;
    QByteArray m_stderr;
};

} // namespace Switchyard::Testing
