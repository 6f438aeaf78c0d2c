// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/budget/budgetledger.h"
#include "core/common/logrecord.h"
#include "core/config/gatewayconfig.h"
#include "core/keys/virtualkey.h"
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
    /// Saves edited routes into the config file (keeping the rest of the file and a `.bak`) and
    /// applies them; file I/O runs on the core thread. Ends in configSaved() or
    /// configSaveFailed() (message names file, JSON path and problem). Never blocks.
    void saveRoutes(const QList<Config::RouteSettings> &routes, const QString &defaultRoute);
    /// "Pause paid traffic": only free (local) models are served until resumed. Never blocks.
    void setPaidTrafficPaused(bool paused);
    /// Asks for every budget's spend in its current period; answered by budgetStatusesReady().
    void requestBudgetStatuses();
    /// Issues a virtual key with `settings`' name, customer, project, models, limits and budget;
    /// answered by keyIssued() (the secret, shown once) or keyOperationFailed().
    void issueKey(const Keys::VirtualKey &settings);
    void revokeKey(const QString &id);
    /// Answered by keysListed().
    void requestKeys();
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
    /// saveRoutes() wrote `path` and config `version` is in force (configApplied() came first).
    void configSaved(quint64 version, const QString &path);
    /// saveRoutes() failed; neither the file nor the running config changed.
    void configSaveFailed(const QString &message);
    /// A budget crossed an alert threshold (the tray shows it).
    void budgetAlert(const QString &budget, double threshold, const QString &message);
    void budgetStatusesReady(const QList<Switchyard::Budget::BudgetStatus> &statuses, bool paidTrafficPaused);
    void keyIssued(const Switchyard::Keys::IssuedKey &issued);
    void keyRevoked(const QString &id);
    void keyOperationFailed(const QString &message);
    void keysListed(const QList<Switchyard::Keys::VirtualKey> &keys);

private:
    template<typename Work>
    void onCore(Work work);

    CoreOptions m_options;
    QThread m_thread;
    Core *m_core = nullptr;
    QUrl m_listenUrl;
    QString m_databasePath;
    Config::ConfigSnapshot m_config;
    bool m_running = false;
};

} // namespace Switchyard
