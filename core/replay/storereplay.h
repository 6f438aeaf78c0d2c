// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/result.h"
#include "core/common/workerthread.h"
#include "core/config/gatewayconfig.h"
#include "core/replay/replayresult.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace Switchyard::Replay {

/// What to replay: the store file, the range [from, to) of started_at (invalid = open) and
/// the two configs (see ReplayEngine).
struct ReplayRequest
{
    QString databasePath;
    QDateTime from;
    QDateTime to;
    Config::ConfigSnapshot current;
    Config::ConfigSnapshot edited;
    int pageSize = 2000;
};

/// Progress and cancellation for replayFromStore().
struct ReplayControl
{
    const std::atomic_bool *cancel = nullptr; ///< checked before every page
    std::function<void(qint64 done, qint64 total)> progress; ///< after every page
};

/// Reads the range from the store file in pages through its own read-only connection
/// (Store::RequestReader; never the writer's) and replays it, on the calling thread. A
/// cancelled run returns what it had with ReplayResult::cancelled set.
Result<ReplayResult> replayFromStore(const ReplayRequest &request,
                                     const ReplayControl &control = {});

/// Runs replayFromStore() on a worker thread of its own, one run at a time. Signals are
/// emitted on the runner's thread; progress at most once per page. GUI-friendly: never blocks
/// except in the destructor, which cancels and joins a running replay.
class ReplayRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplayRunner)
public:
    explicit ReplayRunner(QObject *parent = nullptr);
    ~ReplayRunner() override;

    /// False (nothing started) while a replay is running.
    bool start(const ReplayRequest &request);
    /// Asks the running replay to stop after the current page; finished() follows with
    /// cancelled set.
    void cancel();
    bool isRunning() const { return m_worker.isRunning(); }

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    void finished(const Switchyard::Replay::ReplayResult &result);
    void failed(const QString &message);

private:
    WorkerThread m_worker{QStringLiteral("switchyard-replay")}; // last: joined first
};

} // namespace Switchyard::Replay
