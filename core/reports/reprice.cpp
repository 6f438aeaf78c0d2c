// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/reports/reprice.h"

#include "core/common/tr.h"
#include "core/pipeline/costing.h"
#include "core/store/costupdater.h"
#include "core/store/requestreader.h"

namespace Switchyard::Reports {

namespace {

constexpr int kPageRows = 2000;

} // namespace

Result<RepriceSummary> repriceRange(const QString &databasePath, const Config::GatewayConfig &config,
                                    const QDateTime &from, const QDateTime &to,
                                    const std::function<void(qint64, qint64)> &progress,
                                    const std::atomic_bool *cancel)
{
    Store::RequestReader reader;
    if (const Result<int> opened = reader.open(databasePath); !opened.ok())
        return opened.error();
    Store::CostUpdater updater;
    if (const Result<bool> opened = updater.open(databasePath); !opened.ok())
        return opened.error();
    const Result<qint64> total = reader.countRange(from, to);
    if (!total.ok())
        return total.error();

    RepriceSummary summary;
    qint64 afterId = 0;
    for (;;) {
        if (cancel && cancel->load())
            return Error{QStringLiteral("cancelled"), Tr::tr("re-pricing was cancelled")};
        const Result<LogRecordList> page = reader.readRange(from, to, afterId, kPageRows);
        if (!page.ok())
            return page.error();
        QList<Store::CostUpdate> updates;
        for (const LogRecord &record : page.value()) {
            ++summary.examined;
            const double oldCost = record.costKnown ? record.costUsd : 0;
            summary.oldTotalUsd += oldCost;
            const Config::ModelSettings *model = config.model(record.model);
            if (!model || !model->price.known) {
                if (!record.model.isEmpty() && record.usage.known)
                    ++summary.unpriced;
                summary.newTotalUsd += oldCost;
                continue;
            }
            const QString version = Pipeline::priceVersion(model->price);
            const std::optional<double> cost = Pipeline::requestCost(record.usage, model->price);
            summary.newTotalUsd += cost.value_or(oldCost);
            if (version == record.priceVersion || !cost)
                continue;
            updates.append({record.sequence, cost, version});
            ++summary.repriced;
        }
        if (!updates.isEmpty()) {
            if (const Result<qint64> applied = updater.apply(updates); !applied.ok())
                return applied.error();
        }
        if (progress)
            progress(summary.examined, qMax(summary.examined, total.value()));
        if (page.value().size() < kPageRows)
            break;
        afterId = page.value().constLast().sequence;
    }
    return summary;
}

} // namespace Switchyard::Reports
