// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/reports/reportrunner.h"

#include "core/store/requestreader.h"
#include "ui/tr.h"

#include <QSaveFile>

#include <algorithm>

namespace Switchyard::Ui {

namespace {

Error cancelledError()
{
    return Error{QStringLiteral("cancelled"), Tr::tr("cancelled")};
}

} // namespace

Result<qint64> writeCsvFile(const QString &path, const QByteArray &csv,
                            const std::function<void(qint64, qint64)> &progress,
                            const std::atomic_bool *cancel, qint64 chunkBytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{QStringLiteral("write"), Tr::tr("cannot write %1: %2").arg(path, file.errorString())};
    const qint64 total = csv.size();
    const qint64 chunk = std::max<qint64>(1, chunkBytes);
    qint64 written = 0;
    while (written < total) {
        if (cancel && cancel->load()) {
            file.cancelWriting(); // QSaveFile then removes its temporary file
            return cancelledError();
        }
        const qint64 n = std::min(chunk, total - written);
        if (file.write(csv.constData() + written, n) != n) {
            file.cancelWriting();
            return Error{QStringLiteral("write"), Tr::tr("cannot write %1: %2").arg(path, file.errorString())};
        }
        written += n;
        if (progress)
            progress(written, total);
    }
    if (cancel && cancel->load()) {
        file.cancelWriting();
        return cancelledError();
    }
    if (!file.commit())
        return Error{QStringLiteral("write"), Tr::tr("cannot write %1: %2").arg(path, file.errorString())};
    return written;
}

ReportRunner::ReportRunner(QObject *parent)
    : QObject(parent)
{
}

ReportRunner::~ReportRunner() = default;

void ReportRunner::cancel()
{
    m_worker.cancel();
}

void ReportRunner::reportProgress(qint64 done, qint64 total)
{
    QMetaObject::invokeMethod(
        this, [this, done, total] { Q_EMIT progress(done, total); }, Qt::QueuedConnection);
}

void ReportRunner::finish(std::function<void()> emitter)
{
    QMetaObject::invokeMethod(
        this,
        [this, emitter = std::move(emitter)] {
            m_worker.finished();
            emitter();
        },
        Qt::QueuedConnection);
}

bool ReportRunner::runReport(const QString &databasePath, const Reports::ReportQuery &query)
{
    return m_worker.start([this, databasePath, query](const std::atomic_bool *cancel) {
        Store::RequestReader reader;
        if (const Result<int> opened = reader.open(databasePath); !opened.ok()) {
            finish([this, message = opened.error().message] { Q_EMIT failed(message); });
            return;
        }
        Result<Reports::ReportTable> table = Reports::runReport(
            reader, query, [this](qint64 done, qint64 total) { reportProgress(done, total); }, cancel);
        if (table.ok())
            finish([this, value = std::move(table).value()] { Q_EMIT reportReady(value); });
        else if (table.error().code == QLatin1String("cancelled"))
            finish([this] { Q_EMIT cancelled(); });
        else
            finish([this, message = table.error().message] { Q_EMIT failed(message); });
    });
}

bool ReportRunner::exportCsv(const Reports::ReportTable &table, const QString &path)
{
    return m_worker.start([this, table, path, chunk = m_chunkBytes](const std::atomic_bool *cancel) {
        const QByteArray csv = Reports::toCsv(table);
        const Result<qint64> written = writeCsvFile(
            path, csv, [this](qint64 done, qint64 total) { reportProgress(done, total); }, cancel, chunk);
        if (written.ok())
            finish([this, path, bytes = written.value()] { Q_EMIT exported(path, bytes); });
        else if (written.error().code == QLatin1String("cancelled"))
            finish([this] { Q_EMIT cancelled(); });
        else
            finish([this, message = written.error().message] { Q_EMIT failed(message); });
    });
}

} // namespace Switchyard::Ui
