// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/store/storeworker.h"

#include "core/common/tr.h"
#include "core/store/logrecordrow.h"
#include "core/store/schema.h"
#include "core/store/sqliteinsert.h"
#include "core/store/walcheckpointer.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QMutexLocker>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <sched.h>
#include <utility>

namespace Switchyard::Store::Internal {

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

bool StoreWorker::enqueueAppend(PendingAppend append)
{
    QMutexLocker locker(&m_mutex);
    if (m_stopping)
        return false;
    m_appends.append(std::move(append));
    m_wake.wakeOne();
    return true;
}

bool StoreWorker::enqueueAppends(QList<PendingAppend> &&appends)
{
    QMutexLocker locker(&m_mutex);
    if (m_stopping)
        return false;
    if (m_appends.isEmpty())
        m_appends.swap(appends);
    else
        m_appends.append(std::move(appends));
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
        QList<PendingAppend> appends;
        QList<Job> jobs;
        {
            QMutexLocker locker(&m_mutex);
            while (m_appends.isEmpty() && m_jobs.isEmpty() && !m_stopping)
                m_wake.wait(&m_mutex);
            appends.swap(m_appends);
            jobs.swap(m_jobs);
            if (appends.isEmpty() && jobs.isEmpty() && m_stopping)
                break;
        }
        // Appends first: a job queued after an append (flush, a query) must see it committed.
        std::span<PendingAppend> all(appends.data(), size_t(appends.size()));
        for (size_t offset = 0; offset < all.size(); offset += maxBatchSize)
            commitBatch(all.subspan(offset, std::min<size_t>(maxBatchSize, all.size() - offset)));
        if (m_checkpointer)
            m_checkpointer->writerIdle(); // the batch's responses are already on their way
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
    return version;
}

void StoreWorker::commitBatch(std::span<PendingAppend> batch)
{
    QList<QString> errors(qsizetype(batch.size()));
    QString batchError;
    auto begin = [this](QString *error) {
        if (m_sqliteInsert)
            return m_sqliteInsert->begin(error);
        const bool ok = m_db.transaction();
        if (!ok)
            *error = m_db.lastError().text();
        return ok;
    };
    auto commit = [this](QString *error) {
        if (m_sqliteInsert)
            return m_sqliteInsert->commit(error);
        const bool ok = m_db.commit();
        if (!ok)
            *error = m_db.lastError().text();
        return ok;
    };
    if (!m_insert) {
        batchError = Tr::tr("The request log is not open");
    } else if (!begin(&batchError)) {
        // batchError says why
    } else {
        for (size_t i = 0; i < batch.size() && batchError.isEmpty(); ++i) {
            SqliteInsert::Outcome outcome;
            if (m_sqliteInsert) {
                outcome = m_sqliteInsert->insert(batch[i].record);
            } else {
                LogRecordRow::bind(*m_insert, batch[i].record);
                outcome.ok = m_insert->exec();
                outcome.constraintViolation = !outcome.ok && isConstraintViolation(m_insert->lastError());
                outcome.error = outcome.ok ? QString() : m_insert->lastError().text();
            }
            if (outcome.ok)
                continue;
            // A duplicate request id fails that record only; anything else (disk full, I/O)
            // may have ended the transaction, so the whole batch fails.
            if (outcome.constraintViolation)
                errors[qsizetype(i)] = outcome.error;
            else
                batchError = outcome.error;
        }
        if (batchError.isEmpty())
            commit(&batchError);
        if (!batchError.isEmpty()) {
            if (m_sqliteInsert)
                m_sqliteInsert->rollback();
            else
                m_db.rollback();
        }
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
    deliver(batch, errors);
}

void StoreWorker::deliver(std::span<PendingAppend> batch, const QList<QString> &errors)
{
    // One posted event per context per batch, callbacks in queue order within it.
    struct Delivery
    {
        QPointer<QObject> context;
        bool hasContext = false;
        QList<std::function<void()>> calls;
    };
    QList<Delivery> deliveries;
    for (size_t i = 0; i < batch.size(); ++i) {
        PendingAppend &append = batch[i];
        if (!append.committed)
            continue;
        QObject *context = append.context.data();
        if (append.hasContext && !context)
            continue; // the context is gone; nobody is left to tell
        auto it = std::find_if(deliveries.begin(), deliveries.end(), [&](const Delivery &d) {
            return d.hasContext == append.hasContext && d.context.data() == context;
        });
        if (it == deliveries.end()) {
            deliveries.append({append.context, append.hasContext, {}});
            it = deliveries.end() - 1;
        }
        const QString error = errors.at(qsizetype(i));
        it->calls.append([callback = std::move(append.committed), error] {
            callback(error.isEmpty(), error);
        });
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
