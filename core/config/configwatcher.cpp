// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "configwatcher.h"

#include "core/config/configloader.h"

#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>

namespace Switchyard::Config {

namespace {
constexpr int kDebounceMs = 150;
}

ConfigWatcher::ConfigWatcher(QString path, QProcessEnvironment env, QObject *parent)
    : QObject(parent)
    , m_path(QFileInfo(path).absoluteFilePath())
    , m_env(std::move(env))
    , m_watcher(new QFileSystemWatcher(this))
    , m_debounce(new QTimer(this))
{
    qRegisterMetaType<ConfigSnapshot>("Switchyard::Config::ConfigSnapshot");
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &ConfigWatcher::reload);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &ConfigWatcher::scheduleReload);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &ConfigWatcher::scheduleReload);
}

ConfigWatcher::~ConfigWatcher() = default;

void ConfigWatcher::start()
{
    QFile file(m_path);
    if (file.open(QIODevice::ReadOnly)) {
        m_lastContent = file.readAll();
        m_haveContent = true;
    }
    rewatch();
}

void ConfigWatcher::scheduleReload()
{
    // A rename over the file drops the inotify watch on it; re-adding early keeps later
    // in-place writes visible even before the debounce fires.
    rewatch();
    m_debounce->start();
}

void ConfigWatcher::rewatch()
{
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!m_watcher->directories().contains(dir) && QFileInfo::exists(dir)) {
        m_watcher->addPath(dir);
    }
    if (!m_watcher->files().contains(m_path) && QFileInfo::exists(m_path)) {
        m_watcher->addPath(m_path);
    }
}

void ConfigWatcher::reload()
{
    rewatch();
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        // Missing (mid-rename or deleted): keep the current config and wait for it to return.
        return;
    }
    const QByteArray content = file.readAll();
    if (m_haveContent && content == m_lastContent) {
        return;
    }
    m_lastContent = content;
    m_haveContent = true;
    Result<GatewayConfig> result = ConfigLoader::parse(content, m_path, m_env);
    if (!result) {
        Q_EMIT configRejected(result.error().message);
        return;
    }
    GatewayConfig config = std::move(result).value();
    config.version = ++m_version;
    Q_EMIT configChanged(std::make_shared<const GatewayConfig>(std::move(config)));
}

} // namespace Switchyard::Config
