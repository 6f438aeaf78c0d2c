// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/result.h"
#include "core/common/workerthread.h"
#include "core/reports/report.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace Switchyard::Ui {

/// Writes `csv` to `path` through QSaveFile in chunks of `chunkBytes`, calling
/// `progress(written, total)` after each. A set `cancel` (checked before every chunk and
/// before the commit) discards the write: no file, not even a partial one, and an existing
/// file at `path` is left as it was. Errors: code "cancelled" or "write" (message names the file).
Result<qint64> writeCsvFile(const QString &path, const QByteArray &csv,
                            const std::function<void(qint64, qint64)> &progress = {},
                            const std::atomic_bool *cancel = nullptr, qint64 chunkBytes = 64 * 1024);

/// Runs a cost report (Reports::runReport with its own read-only RequestReader) or a CSV
/// export (writeCsvFile of Reports::toCsv) on a worker thread, one job at a time. Signals
/// arrive on the runner's thread; cancel() stops the job after the current page or chunk and
/// ends it in cancelled(). The destructor cancels and joins a running job.
class ReportRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportRunner)
public:
    explicit ReportRunner(QObject *parent = nullptr);
    ~ReportRunner() override;

    /// False (nothing started) while a job runs.
    bool runReport(const QString &databasePath, const Reports::ReportQuery &query);
    bool exportCsv(const Reports::ReportTable &table, const QString &path);
    void cancel();
    bool isRunning() const { return m_worker.isRunning(); }
    /// Export chunk size; small values make progress visible in tests.
    void setChunkBytes(qint64 bytes) { m_chunkBytes = bytes; }

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    void reportReady(const Switchyard::Reports::ReportTable &table);
    void exported(const QString &path, qint64 bytes);
    void cancelled();
    void failed(const QString &message);

private:
    void reportProgress(qint64 done, qint64 total);
    void finish(std::function<void()> emitter);

    qint64 m_chunkBytes = 64 * 1024;
    WorkerThread m_worker{QStringLiteral("switchyard-report")}; // last: joined first
};

} // namespace Switchyard::Ui
