// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/corehost.h"

#include "core/core.h"

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
