// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/store/rowjournal.h"

#include "core/common/tr.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Switchyard::Store::Internal {

namespace {

QString segmentPrefixBase(const QString &databasePath)
{
    return QFileInfo(databasePath).fileName() + QStringLiteral(".rows-");
}

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

RowJournal::RowJournal(QString prefix)
    : m_prefix(std::move(prefix))
{
}

RowJournal::~RowJournal()
{
    std::lock_guard lock(m_mutex);
    for (const Segment &segment : std::as_const(m_segments))
        ::close(segment.fd);
}

std::unique_ptr<RowJournal> RowJournal::create(const QString &databasePath, QString *error)
{
    const QFileInfo database(databasePath);
    const QString prefix = database.absoluteDir().filePath(segmentPrefixBase(databasePath))
                           + QString::number(QCoreApplication::applicationPid())
                           + QLatin1Char('-');
    std::unique_ptr<RowJournal> journal(new RowJournal(prefix));
    std::lock_guard lock(journal->m_mutex);
    if (!journal->startSegment(error))
        return nullptr;
    return journal;
}

bool RowJournal::startSegment(QString *error)
{
    // Numbers only grow; a file left by an earlier process with the same pid (whose rows
    // could not be replayed) is skipped, never reused.
    for (int tries = 0; tries < 1000; ++tries) {
        const qint64 number = m_nextNumber++;
        const QString path = m_prefix + QString::number(number);
        const QByteArray native = QFile::encodeName(path);
        const int fd = ::open(native.constData(),
                              O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0600);
        if (fd < 0) {
            if (errno == EEXIST)
                continue;
            if (error) {
                *error = Tr::tr("Cannot create the request log journal %1: %2")
                             .arg(QDir::toNativeSeparators(path), systemError(errno));
            }
            return false;
        }
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            const int saved = errno;
            ::close(fd);
            ::unlink(native.constData());
            if (error) {
                *error = Tr::tr("Cannot lock the request log journal %1: %2")
                             .arg(QDir::toNativeSeparators(path), systemError(saved));
            }
            return false;
        }
        m_segments.append({number, fd, path});
        m_currentFd = fd;
        m_currentNumber = number;
        m_written = 0;
        return true;
    }
    if (error)
        *error = Tr::tr("Cannot create the request log journal next to %1").arg(m_prefix);
    return false;
}

qint64 RowJournal::append(QByteArrayView frames, QString *error)
{
    if (m_currentFd < 0) {
        if (error)
            *error = Tr::tr("The request log journal is closed");
        return -1;
    }
    const char *data = frames.data();
    qsizetype left = frames.size();
    while (left > 0) {
        const ssize_t written = ::write(m_currentFd, data, size_t(left));
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0) {
            const int saved = written < 0 ? errno : ENOSPC;
            // Cut a partial frame off again: recovery stops at the first damaged frame, and
            // rows appended after it must stay readable.
            if (::ftruncate(m_currentFd, m_written) != 0) {
                std::lock_guard lock(m_mutex);
                m_currentFd = -1; // the segment's end is unknown now; stop using it
                startSegment(nullptr);
            }
            if (error) {
                *error = Tr::tr("Cannot write the request log journal: %1").arg(systemError(saved));
            }
            return -1;
        }
        data += written;
        left -= written;
    }
    m_written += frames.size();
    const qint64 number = m_currentNumber;
    if (m_written >= segmentBytes) {
        std::lock_guard lock(m_mutex);
        if (!startSegment(error)) {
            // Keep writing to the long segment rather than lose durability; try again later.
            m_written = 0;
        }
    }
    return number;
}

void RowJournal::remove(const Segment &segment)
{
    ::unlink(QFile::encodeName(segment.path).constData());
    ::close(segment.fd); // after the unlink: nobody may lock and replay it in between
}

void RowJournal::retireBefore(qint64 segment)
{
    std::lock_guard lock(m_mutex);
    while (m_segments.size() > 1 && m_segments.constFirst().number < segment)
        remove(m_segments.takeFirst());
}

void RowJournal::retireAll()
{
    std::lock_guard lock(m_mutex);
    for (const Segment &segment : std::as_const(m_segments))
        remove(segment);
    m_segments.clear();
    m_currentFd = -1;
}

QList<QString> RowJournal::segmentPaths() const
{
    std::lock_guard lock(m_mutex);
    QList<QString> paths;
    for (const Segment &segment : m_segments)
        paths.append(segment.path);
    return paths;
}

int RowJournal::recoverOrphans(const QString &databasePath,
                               const std::function<bool(const QByteArray &contents)> &replay)
{
    const QFileInfo database(databasePath);
    QDir directory = database.absoluteDir();
    const QString base = segmentPrefixBase(databasePath);
    QFileInfoList candidates = directory.entryInfoList({base + QLatin1Char('*')},
                                                       QDir::Files | QDir::Hidden);
    // Oldest first, so replayed rows keep roughly the order they were served in.
    std::sort(candidates.begin(), candidates.end(), [](const QFileInfo &a, const QFileInfo &b) {
        const QDateTime am = a.lastModified();
        const QDateTime bm = b.lastModified();
        return am != bm ? am < bm : a.fileName() < b.fileName();
    });
    int removed = 0;
    for (const QFileInfo &candidate : std::as_const(candidates)) {
        const QByteArray native = QFile::encodeName(candidate.absoluteFilePath());
        const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            continue; // gone meanwhile (retired by its owner)
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            ::close(fd); // a live process holds it
            continue;
        }
        // Its owner may have deleted it between our open and our lock.
        struct stat opened {};
        struct stat named {};
        if (::fstat(fd, &opened) != 0 || ::stat(native.constData(), &named) != 0
            || opened.st_ino != named.st_ino || opened.st_dev != named.st_dev) {
            ::close(fd);
            continue;
        }
        QFile file;
        QByteArray contents;
        if (file.open(fd, QIODevice::ReadOnly, QFileDevice::DontCloseHandle))
            contents = file.readAll();
        if (file.error() == QFileDevice::NoError && replay(contents)) {
            ::unlink(native.constData());
            ++removed;
        }
        ::close(fd);
    }
    return removed;
}

} // namespace Switchyard::Store::Internal
