// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/store/storeworker.h"

#include "core/common/tr.h"
#include "core/store/logrecordrow.h"
#include "core/store/rowframes.h"
#include "core/store/rowjournal.h"
#include "core/store/schema.h"
#include "core/store/sqliteinsert.h"
#include "core/store/walcheckpointer.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutexLocker>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <sched.h>
#include <utility>

namespace Switchyard::Store::Internal {

Q_LOGGING_CATEGORY(lcStore, "switchyard.store")

namespace {

QAtomicInt s_connectionCounter;

// SQLite's primary result code for constraint violations (extended codes keep it in the low byte).
constexpr int sqliteConstraint = 19;

bool isConstraintViolation(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok && (code & 0xff) == sqliteConstraint;
}

} // namespace

StoreWorker::StoreWorker(std::function<void(const QString &)> writeFailed)
    : m_writeFailed(std::move(writeFailed))
    , m_connectionName(QStringLiteral("switchyard-store-%1")
                           .arg(s_connectionCounter.fetchAndAddRelaxed(1)))
{
}

StoreWorker::~StoreWorker() = default;

bool StoreWorker::enqueueRows(RowBatch &&batch)
{
    QMutexLocker locker(&m_mutex);
    if (m_stopping)
        return false;
    bool wake = false;
    if (batch.journalSegment >= 0) {
        // Wake the thread only to start the delay, or when a full batch is waiting: a
        // wake-up per event-loop pass would cost a context switch per pass.
        if (m_journaledRows == 0) {
            m_commitDue.setRemainingTime(journaledCommitDelayMs);
            wake = true;
        }
        wake = wake || (m_journaledRows < maxBatchSize && m_journaledRows + batch.rows >= maxBatchSize);
        m_journaledRows += batch.rows;
    } else {
        m_urgentRows += batch.rows;
        wake = true;
    }
    m_batches.append(std::move(batch));
    if (wake)
        m_wake.wakeOne();
    return true;
}

bool StoreWorker::enqueueJob(Job job)
{
    QMutexLocker locker(&m_mutex);
    if (m_stopping)
        return false;
    m_jobs.append(std::move(job));
    m_wake.wakeOne();
    return true;
}

void StoreWorker::requestStop()
{
    QMutexLocker locker(&m_mutex);
    m_stopping = true;
    m_wake.wakeOne();
}

void StoreWorker::run()
{
#ifdef SCHED_BATCH
    // A woken batch thread does not preempt the thread that woke it: the serving thread
    // finishes its event-loop pass (handing off more rows) before the writer runs, so on a
    // busy core commits carry more rows and the two threads switch less (+6 % requests/s at
    // c=16 on one core). An idle core runs the writer at once, so c=1 latency is unchanged.
    const sched_param batch{};
    sched_setscheduler(0, SCHED_BATCH, &batch); // 0: this thread
#endif
    for (;;) {
        QList<RowBatch> batches;
        QList<Job> jobs;
        {
            QMutexLocker locker(&m_mutex);
            for (;;) {
                if (m_urgentRows > 0 || !m_jobs.isEmpty() || m_stopping
                    || m_journaledRows >= maxBatchSize) {
                    break;
                }
                if (m_journaledRows == 0)
                    m_wake.wait(&m_mutex);
                else if (!m_wake.wait(&m_mutex, m_commitDue))
                    break; // the oldest journaled row's delay is over
            }
            batches.swap(m_batches);
            jobs.swap(m_jobs);
            m_urgentRows = 0;
            m_journaledRows = 0;
            if (batches.isEmpty() && jobs.isEmpty() && m_stopping)
                break;
        }
        // Rows first: a job queued after a row (flush, a query) must see it committed.
        if (!batches.isEmpty()) {
            commitBatches(std::span<RowBatch>(batches.data(), size_t(batches.size())));
            if (m_checkpointer)
                m_checkpointer->writerIdle(); // the batch's responses are already on their way
        }
        for (const Job &job : std::as_const(jobs))
            job();
    }
    closeDatabase();
}

Result<int> StoreWorker::openDatabase(const QString &path)
{
    const QString nativePath = QDir::toNativeSeparators(path);
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        return Error{QStringLiteral("store.driver"),
                     Tr::tr("Cannot open the request log %1: Qt's SQLite driver (QSQLITE) is "
                            "not installed")
                         .arg(nativePath)};
    }
    const QString directory = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(directory)) {
        return Error{QStringLiteral("store.mkdir"),
                     Tr::tr("Cannot open the request log %1: cannot create the directory %2")
                         .arg(nativePath, QDir::toNativeSeparators(directory))};
    }
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    auto fail = [&](const QString &code, const QString &detail) -> Result<int> {
        closeDatabase();
        return Error{code, Tr::tr("Cannot open the request log %1: %2").arg(nativePath, detail)};
    };
    if (!m_db.open())
        return fail(QStringLiteral("store.open"), m_db.lastError().text());

    // SQLite opens lazily; the first statements are where an unwritable file shows up.
    QSqlQuery pragma(m_db);
    if (!pragma.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !pragma.next())
        return fail(QStringLiteral("store.open"), pragma.lastError().text());
    if (pragma.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        return fail(QStringLiteral("store.open"),
                    Tr::tr("the file system does not support write-ahead logging"));
    }
    // NORMAL under WAL: a killed process loses nothing committed; only power loss may
    // roll back the last transactions.
    if (!pragma.exec(QStringLiteral("PRAGMA synchronous=NORMAL"))
        || !pragma.exec(QStringLiteral("PRAGMA busy_timeout=5000"))) {
        return fail(QStringLiteral("store.open"), pragma.lastError().text());
    }
    pragma.finish();

    const Result<int> version = Schema::migrate(m_db);
    if (!version)
        return fail(version.error().code, version.error().message);

    m_insert = std::make_unique<QSqlQuery>(m_db);
    if (!m_insert->prepare(LogRecordRow::insertStatement()))
        return fail(QStringLiteral("store.prepare"), m_insert->lastError().text());
    m_sqliteInsert = SqliteInsert::create(m_db, LogRecordRow::insertStatement());
    if (m_sqliteInsert)
        m_checkpointer = WalCheckpointer::attach(m_sqliteInsert->connection(), path);
    // Rows a killed process made durable in its journal but had not committed yet.
    m_recoveredRows = 0;
    RowJournal::recoverOrphans(path, [this](const QByteArray &contents) {
        return replayJournal(contents);
    });
    if (m_recoveredRows > 0) {
        qCInfo(lcStore, "Recovered %lld request log rows from an unfinished journal",
               m_recoveredRows);
    }
    return version;
}

StoreWorker::RowOutcome StoreWorker::insertRow(QByteArrayView frame)
{
    RowOutcome outcome;
    if (m_sqliteInsert) {
        const SqliteInsert::Outcome inserted = m_sqliteInsert->insertFrame(frame);
        outcome.ok = inserted.ok;
        outcome.duplicate = inserted.constraintViolation;
        outcome.error = inserted.error;
        return outcome;
    }
    const std::unique_ptr<LogRecordRow::RowSink> binder = LogRecordRow::queryBinder(*m_insert);
    if (!RowFrames::replay(frame, *binder)) {
        outcome.duplicate = true; // this row only: nothing else is wrong with the batch
        outcome.error = Tr::tr("a damaged row");
        return outcome;
    }
    outcome.ok = m_insert->exec();
    outcome.duplicate = !outcome.ok && isConstraintViolation(m_insert->lastError());
    outcome.error = outcome.ok ? QString() : m_insert->lastError().text();
    return outcome;
}

bool StoreWorker::begin(QString *error)
{
    if (m_sqliteInsert)
        return m_sqliteInsert->begin(error);
    const bool ok = m_db.transaction();
    if (!ok)
        *error = m_db.lastError().text();
    return ok;
}

bool StoreWorker::commit(QString *error)
{
    if (m_sqliteInsert)
        return m_sqliteInsert->commit(error);
    const bool ok = m_db.commit();
    if (!ok)
        *error = m_db.lastError().text();
    return ok;
}

void StoreWorker::rollback()
{
    if (m_sqliteInsert)
        m_sqliteInsert->rollback();
    else
        m_db.rollback();
}

void StoreWorker::commitBatches(std::span<RowBatch> batches)
{
    qsizetype rows = 0;
    for (const RowBatch &batch : batches)
        rows += batch.rows;
    QList<QString> errors(rows); // per row, in order
    QString batchError;
    if (!m_insert) {
        batchError = Tr::tr("The request log is not open");
    } else if (begin(&batchError)) {
        qsizetype row = 0;
        for (const RowBatch &batch : batches) {
            // Encoded by this process a moment ago, in memory: no torn writes to look for.
            RowFrames::Reader reader(batch.frames, RowFrames::Reader::Check::None);
            QByteArrayView frame;
            for (int i = 0; i < batch.rows && batchError.isEmpty(); ++i, ++row) {
                if (!reader.next(&frame)) {
                    errors[row] = Tr::tr("a damaged row");
                    continue;
                }
                const RowOutcome outcome = insertRow(frame);
                // A duplicate request id fails that record only; anything else (disk full,
                // I/O) may have ended the transaction, so the whole batch fails.
                if (outcome.duplicate)
                    errors[row] = outcome.error;
                else if (!outcome.ok)
                    batchError = outcome.error;
            }
        }
        if (batchError.isEmpty())
            commit(&batchError);
        if (!batchError.isEmpty())
            rollback();
    }
    QString firstError = batchError;
    if (!batchError.isEmpty()) {
        errors.fill(batchError);
    } else {
        for (const QString &error : std::as_const(errors)) {
            if (!error.isEmpty()) {
                firstError = error;
                break;
            }
        }
    }
    if (!firstError.isEmpty() && m_writeFailed)
        m_writeFailed(Tr::tr("Writing to the request log failed: %1").arg(firstError));

    // Journal segments whose rows are all committed are deleted. After a failed commit the
    // segments from that batch on stay, for the next open to replay.
    qint64 newestSegment = -1;
    for (const RowBatch &batch : batches) {
        if (batch.journalSegment < 0)
            continue;
        newestSegment = std::max(newestSegment, batch.journalSegment);
        if (!batchError.isEmpty() && m_keepSegmentsFrom < 0)
            m_keepSegmentsFrom = batch.journalSegment;
    }
    if (m_journal && newestSegment >= 0)
        m_journal->retireBefore(m_keepSegmentsFrom < 0 ? newestSegment : m_keepSegmentsFrom);
    deliver(batches, errors);
}

void StoreWorker::deliver(std::span<RowBatch> batches, const QList<QString> &errors)
{
    // One posted event per context per commit, callbacks in queue order within it.
    struct Delivery
    {
        QPointer<QObject> context;
        bool hasContext = false;
        QList<std::function<void()>> calls;
    };
    QList<Delivery> deliveries;
    qsizetype row = 0;
    for (RowBatch &batch : batches) {
        if (batch.callbacks.isEmpty()) {
            row += batch.rows;
            continue;
        }
        for (PendingCallback &pending : batch.callbacks) {
            const QString error = errors.value(row++);
            if (!pending.committed)
                continue;
            QObject *context = pending.context.data();
            if (pending.hasContext && !context)
                continue; // the context is gone; nobody is left to tell
            auto it = std::find_if(deliveries.begin(), deliveries.end(), [&](const Delivery &d) {
                return d.hasContext == pending.hasContext && d.context.data() == context;
            });
            if (it == deliveries.end()) {
                deliveries.append({pending.context, pending.hasContext, {}});
                it = deliveries.end() - 1;
            }
            it->calls.append([callback = std::move(pending.committed), error] {
                callback(error.isEmpty(), error);
            });
        }
    }
    for (const Delivery &delivery : std::as_const(deliveries)) {
        auto runAll = [calls = delivery.calls] {
            for (const std::function<void()> &call : calls)
                call();
        };
        if (!delivery.hasContext)
            runAll();
        else if (QObject *context = delivery.context.data())
            QMetaObject::invokeMethod(context, runAll, Qt::QueuedConnection);
    }
}

bool StoreWorker::replayJournal(const QByteArray &contents)
{
    QString error;
    if (!begin(&error)) {
        qCWarning(lcStore, "Cannot replay a request log journal: %s", qUtf8Printable(error));
        return false;
    }
    RowFrames::Reader reader(contents);
    QByteArrayView frame;
    qint64 replayed = 0;
    while (reader.next(&frame)) {
        const RowOutcome outcome = insertRow(frame);
        if (outcome.ok) {
            ++replayed;
        } else if (!outcome.duplicate) { // a duplicate: committed before the process died
            rollback();
            qCWarning(lcStore, "Cannot replay a request log journal: %s",
                      qUtf8Printable(outcome.error));
            return false;
        }
    }
    if (!commit(&error)) {
        rollback();
        qCWarning(lcStore, "Cannot replay a request log journal: %s", qUtf8Printable(error));
        return false;
    }
    if (reader.damaged())
        qCWarning(lcStore, "A request log journal ended in a damaged row (torn by a crash)");
    m_recoveredRows += replayed;
    return true;
}

qint64 StoreWorker::count()
{
    if (!m_db.isOpen())
        return 0;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM requests")) || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

LogRecordList StoreWorker::recent(int limit)
{
    LogRecordList records;
    if (!m_db.isOpen() || limit <= 0)
        return records;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(LogRecordRow::selectStatement() + QStringLiteral(" ORDER BY id DESC LIMIT ?"));
    query.addBindValue(limit);
    if (!query.exec())
        return records;
    while (query.next())
        records.append(LogRecordRow::fromQuery(query));
    return records;
}

void StoreWorker::closeDatabase()
{
    m_checkpointer.reset(); // first: closing the writer last lets it checkpoint and remove the WAL
    m_sqliteInsert.reset();
    m_insert.reset();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

} // namespace Switchyard::Store::Internal
