// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/logrecord.h"

#include <QByteArrayView>
#include <QString>

#include <memory>

class QSqlQuery;

/// LogRecord ⇄ one row of the `requests` table. Store-internal: other folders go through
/// RequestStore. Unknown values are NULL, never 0: ttftMs < 0, usage.known == false and
/// costKnown == false each map to NULL columns (and back).
namespace Switchyard::Store::Internal::LogRecordRow {

/// "INSERT INTO requests (...) VALUES (?, ...)"; bind() fills its placeholders.
QString insertStatement();

/// "SELECT id, ... FROM requests" (no WHERE/ORDER); fromQuery() reads its columns.
QString selectStatement();

/// Receives one row's values in insertStatement()'s column order, typed, so each database
/// binding (QSqlQuery, SQLite's own API) converts them once without going through QVariant.
class RowSink
{
public:
    virtual ~RowSink() = default;
    virtual void nullInteger() = 0;
    virtual void nullReal() = 0;
    virtual void nullText() = 0;
    virtual void integer(qint64 value) = 0;
    virtual void real(double value) = 0;
    virtual void text(const QString &value) = 0;
    virtual void utf8(QByteArrayView value) = 0;
};

/// The number of values writeRow() produces (the INSERT's placeholders).
int columnCount();

/// Walks every column of \a record into \a sink; returns the number of columns.
int writeRow(const LogRecord &record, RowSink &sink);

/// A sink that binds each value, in order, to \a query (prepared from insertStatement()),
/// with typed NULLs. The generic path for drivers without a faster binding.
std::unique_ptr<RowSink> queryBinder(QSqlQuery &query);

/// Reads the current row of \a query, which was built from selectStatement().
/// LogRecord::sequence is set to the row id (the store's cursor), not the producer's sequence.
LogRecord fromQuery(const QSqlQuery &query);

/// Timestamps are stored as ISO-8601 UTC with milliseconds ("2026-01-02T03:04:05.678Z"),
/// which sorts correctly as text in SQLite and PostgreSQL.
QString timestampToText(const QDateTime &time);
/// The same text as UTF-8 bytes (what the row binds).
QByteArray timestampToUtf8(const QDateTime &time);
QDateTime timestampFromText(const QString &text);

} // namespace Switchyard::Store::Internal::LogRecordRow
