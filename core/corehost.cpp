// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/corehost.h"

#include "core/common/tr.h"
#include "core/core.h"
#include "core/governance.h"

namespace Switchyard {

CoreHost::CoreHost(CoreOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    qRegisterMetaType<Switchyard::LogRecordList>();
    qRegisterMetaType<Switchyard::Telemetry::StatsSnapshot>();
    qRegisterMetaType<Switchyard::Config::ConfigSnapshot>("Switchyard::Config::ConfigSnapshot");
    m_thread.setObjectName(QStringLiteral("switchyard-core"));
}

CoreHost::~CoreHost()
{
    shutdown();
}

void CoreHost::start()
{
    if (m_running)
        return;
    m_core = new Core(m_options);
    m_core->moveToThread(&m_thread);
    connect(m_core, &Core::started, this, [this](const QUrl &url, const QString &databasePath) {
        m_listenUrl = url;
        m_databasePath = databasePath;
        Q_EMIT started(url);
    });
    connect(m_core, &Core::startFailed, this, &CoreHost::startFailed);
    connect(m_core, &Core::recordsAppended, this, &CoreHost::recordsAppended);
    connect(m_core, &Core::statsUpdated, this, &CoreHost::statsUpdated);
    connect(m_core, &Core::configApplied, this,
            [this](quint64 version, const QString &path, const Config::ConfigSnapshot &config) {
                m_config = config;
                Q_EMIT configApplied(version, path);
            });
    connect(m_core, &Core::configRejected, this, &CoreHost::configRejected);
    connect(m_core, &Core::configSaved, this, &CoreHost::configSaved);
    connect(m_core, &Core::configSaveFailed, this, &CoreHost::configSaveFailed);
    connect(m_core, &Core::budgetAlert, this, &CoreHost::budgetAlert);
    connect(&m_thread, &QThread::started, m_core, &Core::init);
    m_running = true;
    m_thread.start();
}

void CoreHost::applyConfig(Config::ConfigSnapshot config)
{
    if (!m_running || !config)
        return;
    QMetaObject::invokeMethod(m_core, [core = m_core, config] { core->applyEditedConfig(config); },
                              Qt::QueuedConnection);
}

void CoreHost::saveRoutes(const QList<Config::RouteSettings> &routes, const QString &defaultRoute)
{
    if (!m_running) {
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT configSaveFailed(Tr::tr("the gateway is not running")); },
            Qt::QueuedConnection);
        return;
    }
    QMetaObject::invokeMethod(
        m_core, [core = m_core, routes, defaultRoute] { core->saveEditedRoutes(routes, defaultRoute); },
        Qt::QueuedConnection);
}

template<typename Work>
void CoreHost::onCore(Work work)
{
    // Runs on the core thread once init() made governance; answers come back as queued lambdas.
    if (!m_running) {
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT keyOperationFailed(Tr::tr("the gateway is not running")); }, Qt::QueuedConnection);
        return;
    }
    QMetaObject::invokeMethod(
        m_core,
        [this, core = m_core, work = std::move(work)] {
            if (Governance *governance = core->governance())
                work(*governance);
        },
        Qt::QueuedConnection);
}

void CoreHost::setPaidTrafficPaused(bool paused)
{
    onCore([paused](Governance &governance) { governance.setPaidTrafficPaused(paused); });
}

void CoreHost::requestBudgetStatuses()
{
    onCore([this](Governance &governance) {
        const QList<Budget::BudgetStatus> statuses = governance.budgetStatuses();
        const bool paused = governance.paidTrafficPaused();
        QMetaObject::invokeMethod(this, [this, statuses, paused] { Q_EMIT budgetStatusesReady(statuses, paused); },
                                  Qt::QueuedConnection);
    });
}

void CoreHost::issueKey(const Keys::VirtualKey &settings)
{
    onCore([this, settings](Governance &governance) {
        const Result<Keys::IssuedKey> issued = governance.issueKey(settings);
        QMetaObject::invokeMethod(
            this,
            [this, issued] {
                if (issued.ok())
                    Q_EMIT keyIssued(issued.value());
                else
                    Q_EMIT keyOperationFailed(issued.error().message);
            },
            Qt::QueuedConnection);
    });
}

void CoreHost::revokeKey(const QString &id)
{
    onCore([this, id](Governance &governance) {
        const Result<bool> revoked = governance.revokeKey(id);
        QMetaObject::invokeMethod(
            this,
            [this, id, revoked] {
                if (revoked.ok())
                    Q_EMIT keyRevoked(id);
                else
                    Q_EMIT keyOperationFailed(revoked.error().message);
            },
            Qt::QueuedConnection);
    });
}

void CoreHost::requestKeys()
{
    onCore([this](Governance &governance) {
        const QList<Keys::VirtualKey> keys = governance.keys();
        QMetaObject::invokeMethod(this, [this, keys] { Q_EMIT keysListed(keys); }, Qt::QueuedConnection);
    });
}

void CoreHost::shutdown(int drainMs)
{
    if (!m_running)
        return;
    m_running = false;
    QMetaObject::invokeMethod(m_core, [core = m_core, drainMs] { core->beginShutdown(drainMs); },
                              Qt::QueuedConnection);
    m_thread.wait();
    // The core thread's loop has ended, so its objects can be destroyed from here.
    delete m_core;
    m_core = nullptr;
}

} // namespace Switchyard
