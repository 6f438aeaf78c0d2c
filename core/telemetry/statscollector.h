// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/logrecord.h"
#include "core/telemetry/statssnapshot.h"

#include <QObject>
#include <QTimer>

namespace Switchyard::Telemetry {

/// Counts requests and publishes a StatsSnapshot once a second. Lives on the core thread.
class StatsCollector final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatsCollector)
public:
    explicit StatsCollector(QObject *parent = nullptr);

    void requestStarted();
    void requestCompleted(const LogRecord &record);
    StatsSnapshot snapshot() const { return m_snapshot; }

Q_SIGNALS:
    /// Emitted on the core thread once a second.
    void statsUpdated(const Switchyard::Telemetry::StatsSnapshot &stats);

private:
    void tick();

    QTimer m_timer;
    StatsSnapshot m_snapshot;
    qint64 m_completedThisSecond = 0;
};

} // namespace Switchyard::Telemetry
