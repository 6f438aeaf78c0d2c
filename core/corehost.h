// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/logrecord.h"
#include "core/config/gatewayconfig.h"
#include "core/telemetry/statssnapshot.h"

#include <QObject>
#include <QString>
#include <QThread>
#include <QUrl>

namespace Switchyard {

class Core;

/// What both executables take from the command line.
struct CoreOptions
{
    QString configPath; ///< empty: the platform default, or the embedded defaults if absent
    QString host;       ///< empty: from the config
    int port = -1;      ///< -1: from the config; 0: any free port
    QString dataDir;    ///< empty: the platform data directory
};

/// Owns the core thread and the Core object on it (Quassel's MonoApplication shape).
/// The only object app/ and ui/ talk to. Lives on the thread that created it; every signal
/// is delivered there (queued from the core thread).
class CoreHost final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CoreHost)
public:
    explicit CoreHost(CoreOptions options, QObject *parent = nullptr);
    ~CoreHost() override;

    /// Starts the core thread; ends in started() or startFailed().
    void start();
    /// Stops accepting, lets in-flight requests finish for up to `drainMs` (then cancels them),
    /// flushes the log and joins the thread. Safe to call twice.
    void shutdown(int drainMs = 5000);

    /// Hands the core a new policy snapshot (e.g. edited weights); it applies between requests,
    /// in-flight requests keep theirs, and configApplied() follows. Never blocks.
    void applyConfig(Config::ConfigSnapshot config);
    /// The snapshot most recently applied, as the core reported it (null before start).
    Config::ConfigSnapshot config() const { return m_config; }

    QUrl listenUrl() const { return m_listenUrl; }
    QString databasePath() const { return m_databasePath; }

Q_SIGNALS:
    void started(const QUrl &listenUrl);
    void startFailed(const QString &message);
    /// Batches of completed requests, at most every 100 ms.
    void recordsAppended(const Switchyard::LogRecordList &records);
    /// Once a second.
    void statsUpdated(const Switchyard::Telemetry::StatsSnapshot &stats);
    void configApplied(quint64 version, const QString &path);
    /// A changed config file was invalid; the previous config stays in force.
    void configRejected(const QString &message);

private:
    CoreOptions m_options;
    QThread m_thread;
    Core *m_core = nullptr;
    QUrl m_listenUrl;
    QString m_databasePath;
    Config::ConfigSnapshot m_config;
    bool m_running = false;
};

} // namespace Switchyard
