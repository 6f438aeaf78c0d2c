// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/core.h"

#include "core/appoptions.h"
#include "core/common/clock.h"
#include "core/common/tr.h"
#include "core/config/configloader.h"
#include "core/config/configwatcher.h"
#include "core/config/configwriter.h"
#include "core/governance.h"
#include "core/pipeline/gatewayhandler.h"
#include "core/pipeline/surfaceerrors.h"
#include "core/pipeline/providerregistry.h"
#include "core/pipeline/requestrecorder.h"
#include "core/providers/http/upstreamclient.h"
#include "core/routing/catalog.h"
#include "core/routing/circuitbreaker.h"
#include "core/routing/livemetrics.h"
#include "core/server/httpserver.h"
#include "core/store/requeststore.h"
#include "core/telemetry/logbus.h"
#include "core/telemetry/statscollector.h"

#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QProcessEnvironment>
#include <QThread>
#include <QTimer>

#include <limits>

namespace Switchyard {

Q_LOGGING_CATEGORY(lcCore, "switchyard.core")


namespace {

/// The pipeline's view of the store.
class StoreRequestLog final : public Pipeline::IRequestLog
{
public:
    explicit StoreRequestLog(Store::RequestStore *store) : m_store(store) {}
    void append(LogRecord record, QObject *context,
                std::function<void(bool, const QString &)> committed) override
    {
        m_store->append(std::move(record), context, std::move(committed));
    }

private:
    Store::RequestStore *m_store;
};

Server::ServerLimits limitsFrom(const Config::ServerSettings &server)
{
    Server::ServerLimits limits;
    limits.maxBodyBytes = server.maxBodyBytes;
    limits.maxHeaderBytes = server.maxHeaderBytes;
    limits.headerTimeoutMs = server.headerTimeoutMs;
    limits.idleTimeoutMs = server.idleTimeoutMs;
    limits.maxConnections = server.maxConnections;
    return limits;
}

} // namespace

Core::Core(CoreOptions options)
    : m_options(std::move(options))
{
}

Core::~Core() = default;

Result<Config::ConfigSnapshot> Core::loadInitialConfig() const
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QString path = m_options.configPath;
    if (path.isEmpty() && QFileInfo::exists(Config::ConfigLoader::defaultPath()))
        path = Config::ConfigLoader::defaultPath();
    Config::GatewayConfig config;
    if (path.isEmpty()) {
        config = Config::ConfigLoader::defaults(env);
    } else {
        Result<Config::GatewayConfig> loaded = Config::ConfigLoader::loadFile(path, env);
        if (!loaded.ok())
            return loaded.error();
        config = std::move(loaded).value();
    }
    if (!m_options.host.isEmpty())
        config.server.host = m_options.host;
    if (m_options.port >= 0)
        config.server.port = quint16(m_options.port);
    return Config::ConfigSnapshot(std::make_shared<const Config::GatewayConfig>(std::move(config)));
}

void Core::init()
{
    Result<Config::ConfigSnapshot> config = loadInitialConfig();
    if (!config.ok()) {
        Q_EMIT startFailed(config.error().message);
        return;
    }
    m_config = config.value();

    const QHostAddress address(m_config->server.host);
    if (address.isNull()) {
        Q_EMIT startFailed(Tr::tr("server.host '%1' is not an IP address").arg(m_config->server.host));
        return;
    }
    if (!address.isLoopback() && !m_config->server.requireKeys)
        qCInfo(lcCore, "listening on %s, not loopback: require_keys is forced on", qUtf8Printable(m_config->server.host));

    m_store = std::make_unique<Store::RequestStore>();
    const Result<int> opened = m_store->open(databasePathFor(m_options));
    if (!opened.ok()) {
        Q_EMIT startFailed(opened.error().message);
        return;
    }
    m_requestLog = std::make_unique<StoreRequestLog>(m_store.get());
    // Rows are durable in the journal before their responses; a later commit failure is only
    // reported here (the rows stay in the journal for the next start to replay).
    connect(m_store.get(), &Store::RequestStore::writeFailed, this, [](const QString &message) {
        qCWarning(lcCore, "%s", qUtf8Printable(message));
    });

    m_logBus = new Telemetry::LogBus(this);
    m_stats = new Telemetry::StatsCollector(this);
    connect(m_logBus, &Telemetry::LogBus::recordsAppended, this, &Core::recordsAppended);
    connect(m_stats, &Telemetry::StatsCollector::statsUpdated, this, &Core::statsUpdated);

    m_upstream = new Providers::UpstreamClient(this);
    m_providers = std::make_unique<Pipeline::ProviderRegistry>(m_upstream);
    m_recorder = std::make_unique<Pipeline::RequestRecorder>(m_requestLog.get(), m_logBus, m_stats);
    m_liveMetrics = std::make_unique<Routing::LiveMetrics>(*SystemClock::instance());
    m_breaker = std::make_unique<Routing::CircuitBreaker>(*SystemClock::instance());
    m_governance = new Governance(this);
    connect(m_governance, &Governance::budgetAlert, this, &Core::budgetAlert);
    m_governance->open(m_store->databasePath(), *m_config);
    Pipeline::PipelineContext context;
    context.providers = m_providers.get();
    context.recorder = m_recorder.get();
    context.live = m_liveMetrics.get();
    context.breaker = m_breaker.get();
    m_governance->fillContext(context);
    m_handler = new Pipeline::GatewayHandler(context, this);
    m_server = new Server::HttpServer(m_handler, this);
    m_server->setErrorFormatter([](const QByteArray &path, int status, const QString &type, const QString &message) {
        const bool anthropic = path.startsWith("/v1/messages") || path.startsWith("/messages");
        return Pipeline::surfaceErrorBody(anthropic ? Translate::WireFormat::Anthropic : Translate::WireFormat::OpenAi,
                                          status, type, {}, message);
    });
    applyConfig(m_config);

    const Result<quint16> port = m_server->listen(address, m_config->server.port);
    if (!port.ok()) {
        Q_EMIT startFailed(port.error().message);
        return;
    }
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(address.toString());
    url.setPort(port.value());

    if (!m_config->sourcePath.isEmpty()) {
        m_watcher = new Config::ConfigWatcher(m_config->sourcePath, QProcessEnvironment::systemEnvironment(), this);
        connect(m_watcher, &Config::ConfigWatcher::configChanged, this, [this](Config::ConfigSnapshot next) {
            if (isOwnWrite())
                return;
            Config::GatewayConfig adjusted = *next;
            // Where we listen is fixed at start; the rest applies between requests.
            adjusted.server.host = m_config->server.host;
            adjusted.server.port = m_config->server.port;
            applyConfig(std::make_shared<const Config::GatewayConfig>(std::move(adjusted)));
        });
        connect(m_watcher, &Config::ConfigWatcher::configRejected, this, &Core::configRejected);
        m_watcher->start();
    }
    Q_EMIT started(url, m_store->databasePath());
    Q_EMIT configApplied(m_config->version, m_config->sourcePath, m_config);
}

void Core::applyConfig(Config::ConfigSnapshot config)
{
    // Every snapshot passes here: make the built-in catalog routable (docs/routing.md).
    m_config = Routing::withCatalog(config, Routing::Catalog::builtin());
    if (!QHostAddress(m_config->server.host).isLoopback() && !m_config->server.requireKeys) {
        // Anyone who can reach a non-loopback port could spend: keys are then always required.
        Config::GatewayConfig guarded = *m_config;
        guarded.server.requireKeys = true;
        m_config = std::make_shared<const Config::GatewayConfig>(std::move(guarded));
    }
    if (m_governance)
        m_governance->applyConfig(*m_config);
    m_providers->configure(*m_config);
    m_handler->setConfig(m_config);
    m_server->setLimits(limitsFrom(m_config->server));
    Routing::CircuitBreakerSettings breaker = m_breaker->settings();
    const bool breakerOn = m_config->resilience.breakerFailures > 0;
    // "Never opens" is a threshold no run reaches and a failure ratio above 100 %.
    breaker.consecutiveFailures = breakerOn ? m_config->resilience.breakerFailures : std::numeric_limits<int>::max();
    breaker.failureRatio = breakerOn ? Routing::CircuitBreakerSettings{}.failureRatio : 2.0;
    breaker.coolDownMs = m_config->resilience.breakerCooldownMs;
    m_breaker->setSettings(breaker);
    if (m_watcher)
        Q_EMIT configApplied(m_config->version, m_config->sourcePath, m_config);
}

void Core::applyEditedConfig(Config::ConfigSnapshot config)
{
    if (!m_handler || m_shuttingDown)
        return;
    const Result<Config::GatewayConfig> valid =
        Config::ConfigWriter::validate(*config, QProcessEnvironment::systemEnvironment());
    if (!valid.ok()) {
        Q_EMIT configRejected(valid.error().message);
        return;
    }
    Config::GatewayConfig adjusted = *config;
    // The guards as compiled from the edited sections (the Guards screen edits `guards`).
    adjusted.guardSet = valid.value().guardSet;
    adjusted.server.host = m_config->server.host;
    adjusted.server.port = m_config->server.port;
    adjusted.version = m_config->version + 1;
    if (m_watcher)
        m_watcher->setVersion(adjusted.version);
    applyConfig(std::make_shared<const Config::GatewayConfig>(std::move(adjusted)));
    if (!m_watcher)
        Q_EMIT configApplied(m_config->version, m_config->sourcePath, m_config);
}

void Core::saveEditedRoutes(const QList<Config::RouteSettings> &routes, const QString &defaultRoute)
{
    if (!m_handler || m_shuttingDown) {
        Q_EMIT configSaveFailed(Tr::tr("the gateway is not running"));
        return;
    }
    Result<Config::SavedConfig> saved = Config::ConfigWriter::saveRoutes(
        *m_config, routes, defaultRoute, QProcessEnvironment::systemEnvironment());
    if (!saved.ok()) {
        Q_EMIT configSaveFailed(saved.error().message);
        return;
    }
    // Only routes changed: keep everything else of the running snapshot (listen address and
    // whatever was merged into it at load) and take the routes as the file now has them.
    Config::GatewayConfig next = *m_config;
    next.routes = saved.value().config.routes;
    next.defaultRoute = saved.value().config.defaultRoute;
    next.sourcePath = saved.value().path;
    next.version = m_config->version + 1;
    m_ownWrite = saved.value().content;
    if (m_watcher)
        m_watcher->setVersion(next.version);
    applyConfig(std::make_shared<const Config::GatewayConfig>(std::move(next)));
    if (!m_watcher)
        Q_EMIT configApplied(m_config->version, m_config->sourcePath, m_config);
    Q_EMIT configSaved(m_config->version, m_config->sourcePath);
}

bool Core::isOwnWrite()
{
    // The watcher re-reads the file we just saved; applying it again would bump the version
    // for nothing and could undo an edit made in between. Compare the bytes it now holds.
    if (m_ownWrite.isEmpty())
        return false;
    QFile file(m_watcher->path());
    const bool own = file.open(QIODevice::ReadOnly) && file.readAll() == m_ownWrite;
    m_ownWrite.clear();
    if (own)
        m_watcher->setVersion(m_config->version);
    return own;
}

void Core::beginShutdown(int drainMs)
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    if (!m_server || !m_handler) {
        finishShutdown();
        return;
    }
    m_server->stopListening();
    if (m_handler->inFlight() == 0) {
        finishShutdown();
        return;
    }
    connect(m_handler, &Pipeline::GatewayHandler::drained, this, &Core::finishShutdown);
    QTimer::singleShot(drainMs, this, [this] {
        m_handler->cancelAll(Tr::tr("the gateway is shutting down"));
    });
}

void Core::finishShutdown()
{
    if (m_stopped)
        return;
    m_stopped = true;
    if (m_server)
        m_server->closeAllConnections();
    if (m_logBus)
        m_logBus->flush();
    if (m_store)
        m_store->close();
    // Sockets and timers must die on the thread that owns them: delete every child here,
    // while the core thread is still running, not in ~Core on the host's thread.
    delete m_watcher;
    delete m_server;
    delete m_handler;
    delete m_upstream;
    delete m_stats;
    delete m_logBus;
    m_watcher = nullptr;
    m_server = nullptr;
    m_handler = nullptr;
    m_upstream = nullptr;
    m_stats = nullptr;
    m_logBus = nullptr;
    m_providers.reset();
    m_recorder.reset();
    QThread::currentThread()->quit();
}

} // namespace Switchyard
