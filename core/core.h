// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/logrecord.h"
#include "core/common/result.h"
#include "core/config/gatewayconfig.h"
#include "core/corehost.h"
#include "core/telemetry/statssnapshot.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace Switchyard {

namespace Config {
class ConfigWatcher;
}
class Governance;
namespace Pipeline {
class GatewayHandler;
class IRequestLog;
class ProviderRegistry;
class RequestRecorder;
} // namespace Pipeline
namespace Providers {
class UpstreamClient;
}
namespace Routing {
class CircuitBreaker;
class LiveMetrics;
} // namespace Routing
namespace Server {
class HttpServer;
}
namespace Store {
class RequestStore;
}
namespace Telemetry {
class LogBus;
class StatsCollector;
} // namespace Telemetry

/// Everything that runs on the core thread: config, server, pipeline, providers, store
/// client, telemetry. Created by CoreHost and moved to its thread; init() runs there.
class Core final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Core)
public:
    explicit Core(CoreOptions options);
    ~Core() override;

    /// Loads the config, opens the store, starts listening. Ends in started() or startFailed().
    void init();
    /// Stops accepting, drains in-flight requests for up to `drainMs`, cancels the rest,
    /// flushes the log, then quits the core thread's event loop.
    void beginShutdown(int drainMs);
    /// A snapshot edited in the window: same listen address, a new version. Re-validated as a
    /// hand-edited file would be; a broken one is refused with configRejected().
    void applyEditedConfig(Config::ConfigSnapshot config);
    /// Writes `routes` + `defaultRoute` into the config file (ConfigWriter::saveRoutes), then
    /// applies them. Ends in configSaved() or configSaveFailed(); the watcher's reload of our
    /// own write is skipped.
    void saveEditedRoutes(const QList<Config::RouteSettings> &routes, const QString &defaultRoute);

    Governance *governance() const { return m_governance; }

Q_SIGNALS:
    void started(const QUrl &listenUrl, const QString &databasePath);
    void startFailed(const QString &message);
    void recordsAppended(const Switchyard::LogRecordList &records);
    void statsUpdated(const Switchyard::Telemetry::StatsSnapshot &stats);
    void configApplied(quint64 version, const QString &path, const Switchyard::Config::ConfigSnapshot &config);
    void configRejected(const QString &message);
    void configSaved(quint64 version, const QString &path);
    void configSaveFailed(const QString &message);
    /// A budget crossed an alert threshold (once per threshold per period).
    void budgetAlert(const QString &budget, double threshold, const QString &message);

private:
    Result<Config::ConfigSnapshot> loadInitialConfig() const;
    void applyConfig(Config::ConfigSnapshot config);
    void finishShutdown();
    bool isOwnWrite();

    CoreOptions m_options;
    Config::ConfigSnapshot m_config;
    std::unique_ptr<Store::RequestStore> m_store;
    std::unique_ptr<Pipeline::IRequestLog> m_requestLog;
    Telemetry::LogBus *m_logBus = nullptr;
    Telemetry::StatsCollector *m_stats = nullptr;
    Providers::UpstreamClient *m_upstream = nullptr;
    std::unique_ptr<Pipeline::ProviderRegistry> m_providers;
    std::unique_ptr<Pipeline::RequestRecorder> m_recorder;
    std::unique_ptr<Routing::LiveMetrics> m_liveMetrics;
    std::unique_ptr<Routing::CircuitBreaker> m_breaker;
    Pipeline::GatewayHandler *m_handler = nullptr;
    Server::HttpServer *m_server = nullptr;
    Config::ConfigWatcher *m_watcher = nullptr;
    Governance *m_governance = nullptr;
    QByteArray m_ownWrite; ///< bytes saveEditedRoutes() wrote, until the watcher reads them back
    bool m_shuttingDown = false;
    bool m_stopped = false;
};

} // namespace Switchyard
