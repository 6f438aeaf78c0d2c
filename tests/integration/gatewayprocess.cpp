// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "gatewayprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

namespace Switchyard::Testing {

GatewayProcess::GatewayProcess() = default;

GatewayProcess::~GatewayProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString GatewayProcess::configPath() const
{
    return m_dir.filePath(QStringLiteral("config.json"));
}

QString GatewayProcess::dataDir() const
{
    return m_dir.filePath(QStringLiteral("data"));
}

QString GatewayProcess::databasePath() const
{
    return QDir(dataDir()).filePath(QStringLiteral("switchyard.sqlite"));
}

bool GatewayProcess::start(const QJsonObject &config, int timeoutMs)
{
    QFile file(configPath());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    file.write(QJsonDocument(config).toJson());
    file.close();

    m_process.setProgram(QStringLiteral(SWITCHYARD_SERVER_PATH));
    m_process.setArguments({QStringLiteral("--config"), configPath(), QStringLiteral("--port"), QStringLiteral("0"),
                            QStringLiteral("--data-dir"), dataDir()});
    m_process.start();
    if (!m_process.waitForStarted(timeoutMs))
        return false;
    static const QRegularExpression s_listening(QStringLiteral("listening on (http://\\S+)"));
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(int(qMin<qint64>(deadline.remainingTime(), 500)));
        m_stdout += m_process.readAllStandardOutput();
        m_stderr += m_process.readAllStandardError();
        const QRegularExpressionMatch match = s_listening.match(QString::fromUtf8(m_stdout));
        if (match.hasMatch()) {
            m_baseUrl = QUrl(match.captured(1));
            return true;
        }
    }
    m_stderr += m_process.readAllStandardError();
    return false;
}

int GatewayProcess::stop(int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitCode();
    m_process.terminate();
    if (!m_process.waitForFinished(timeoutMs)) {
        m_process.kill();
        m_process.waitForFinished(5000);
        return -1;
    }
    m_stderr += m_process.readAllStandardError();
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

namespace {

/// Runs \a read on a read-only connection to \a path, opened for this call only.
template<typename Read>
void withLogDatabase(const QString &path, Read read)
{
    static int s_connections = 0;
    const QString name = QStringLiteral("gateway-log-reader-%1").arg(++s_connections);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open())
            read(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

/// Polls \a done (true when finished) until it is or \a timeoutMs passed, keeping this
/// thread's event loop (the in-process mock servers) running.
template<typename Done>
void pollUntil(int timeoutMs, Done done)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done() && !deadline.hasExpired())
        QTest::qWait(10);
}

} // namespace

QVariantMap GatewayProcess::waitForLoggedRow(const QByteArray &requestId, int timeoutMs) const
{
    QVariantMap row;
    pollUntil(timeoutMs, [&] {
        withLogDatabase(databasePath(), [&](const QSqlDatabase &db) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("SELECT * FROM requests WHERE request_id = ?"));
            query.addBindValue(QString::fromLatin1(requestId));
            if (query.exec() && query.next()) {
                const QSqlRecord record = query.record();
                for (int i = 0; i < record.count(); ++i)
                    row.insert(record.fieldName(i), record.value(i));
            }
        });
        return !row.isEmpty();
    });
    return row;
}

qint64 GatewayProcess::loggedRowCount() const
{
    qint64 rows = -1;
    withLogDatabase(databasePath(), [&](const QSqlDatabase &db) {
        QSqlQuery query(QStringLiteral("SELECT COUNT(*) FROM requests"), db);
        if (query.next())
            rows = query.value(0).toLongLong();
    });
    return rows;
}

qint64 GatewayProcess::waitForLoggedRowCount(qint64 rows, int timeoutMs) const
{
    qint64 seen = -1;
    pollUntil(timeoutMs, [&] { return (seen = loggedRowCount()) >= rows; });
    return seen;
}

} // namespace Switchyard::Testing
