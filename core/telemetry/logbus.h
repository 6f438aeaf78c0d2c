// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/logrecord.h"

#include <QObject>
#include <QTimer>

namespace Switchyard::Telemetry {

/// Fans completed requests out to the window and the headless sinks in batches, so a busy
/// gateway costs the GUI one burst of queued signals per interval (one repaint) instead of
/// one per request. Lives on the core thread.
class LogBus final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogBus)
public:
    explicit LogBus(QObject *parent = nullptr, int intervalMs = 100, int maxBatch = 256);

    void publish(const LogRecord &record);
    /// Emits whatever is buffered now (shutdown, tests).
    void flush();

Q_SIGNALS:
    /// Emitted on the core thread once per interval, in batches of at most maxBatch records
    /// (back to back), oldest first.
    void recordsAppended(const Switchyard::LogRecordList &records);

private:
    QTimer m_timer;
    LogRecordList m_pending;
    int m_maxBatch;
};

} // namespace Switchyard::Telemetry
