// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/replay/storereplay.h"

#include "core/replay/replayengine.h"
#include "core/store/requestreader.h"

#include <QPointer>

#include <algorithm>

namespace Switchyard::Replay {

Result<ReplayResult> replayFromStore(const ReplayRequest &request, const ReplayControl &control)
{
    Store::RequestReader reader;
    const Result<int> opened = reader.open(request.databasePath);
    if (!opened)
        return opened.error();
    const Result<qint64> total = reader.countRange(request.from, request.to);
    if (!total)
        return total.error();

    ReplayEngine engine(request.current, request.edited);
    engine.result().total = total.value();
    if (control.progress)
        control.progress(0, total.value());
    const int pageSize = std::max(1, request.pageSize);
    qint64 afterId = 0;
    for (;;) {
        if (control.cancel && control.cancel->load()) {
            engine.result().cancelled = true;
            break;
        }
        Result<LogRecordList> page = reader.readRange(request.from, request.to, afterId, pageSize);
        if (!page)
            return page.error();
        const LogRecordList &records = page.value();
        engine.addAll(records);
        if (!records.isEmpty())
            afterId = records.constLast().sequence;
        const qint64 done = engine.result().read;
        // Rows committed after the count belong to the range too: keep the total honest.
        engine.result().total = std::max(engine.result().total, done);
        if (control.progress)
            control.progress(done, engine.result().total);
        if (records.size() < pageSize)
            break;
    }
    return engine.result();
}

ReplayRunner::ReplayRunner(QObject *parent)
    : QObject(parent)
{
}

ReplayRunner::~ReplayRunner() = default;

bool ReplayRunner::start(const ReplayRequest &request)
{
    QPointer<ReplayRunner> self(this);
    return m_worker.start([self, request](const std::atomic_bool *cancel) {
        ReplayControl control;
        control.cancel = cancel;
        control.progress = [self](qint64 done, qint64 total) {
            QMetaObject::invokeMethod(
                self.data(),
                [self, done, total] {
                    if (self)
                        Q_EMIT self->progress(done, total);
                },
                Qt::QueuedConnection);
        };
        Result<ReplayResult> result = replayFromStore(request, control);
        QMetaObject::invokeMethod(
            self.data(),
            [self, result = std::move(result)] {
                if (!self)
                    return;
                self->m_worker.finished();
                if (result.ok())
                    Q_EMIT self->finished(result.value());
                else
                    Q_EMIT self->failed(result.error().message);
            },
            Qt::QueuedConnection);
    });
}

void ReplayRunner::cancel()
{
    m_worker.cancel();
}

} // namespace Switchyard::Replay
