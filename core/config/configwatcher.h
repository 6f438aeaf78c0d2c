// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/config/gatewayconfig.h"

#include <QByteArray>
#include <QObject>
#include <QProcessEnvironment>
#include <QString>

class QFileSystemWatcher;
class QTimer;

namespace Switchyard::Config {

/// Hot reload of the config file. Watches the file and its directory (so editors that save by
/// writing a temp file and renaming it over the original, and files created later, are seen),
/// waits ~150 ms for writes to settle, skips byte-identical content, then parses it.
///
/// Lives in and emits on the thread it was created in (or moved to before start()).
/// The caller loads the initial config itself (ConfigLoader::loadFile, version 1); the first
/// reload after start() carries version() + 1.
class ConfigWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigWatcher)

public:
    ConfigWatcher(QString path, QProcessEnvironment env, QObject *parent = nullptr);
    ~ConfigWatcher() override;

    /// Starts watching. The file's current content becomes the baseline: it is not re-emitted.
    void start();

    QString path() const { return m_path; }
    /// Version of the last emitted snapshot (1 before any reload).
    quint64 version() const { return m_version; }
    /// Aligns the counter with a config applied by other means (e.g. a GUI edit).
    void setVersion(quint64 version) { m_version = version; }

Q_SIGNALS:
    /// A changed file parsed and validated; the snapshot carries the new version.
    void configChanged(Switchyard::Config::ConfigSnapshot snapshot);
    /// A changed file is invalid (message names file, JSON path and problem); nothing applied.
    void configRejected(const QString &message);

private:
    void scheduleReload();
    void reload();
    void rewatch();

    QString m_path;
    QProcessEnvironment m_env;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_debounce = nullptr;
    QByteArray m_lastContent;
    bool m_haveContent = false;
    quint64 m_version = 1;
};

} // namespace Switchyard::Config
