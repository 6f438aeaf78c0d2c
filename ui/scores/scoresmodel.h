// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/config/gatewayconfig.h"
#include "core/routing/scorer.h"

#include <QAbstractTableModel>
#include <QList>
#include <QMap>
#include <QPair>
#include <QStringList>

namespace Switchyard::Ui {

/// One row per model of the config's catalog, ranked best first by Routing::score() under the
/// current weights: rank, id, provider, price in/out, one column per benchmark found in any
/// model's scores, and the total. No live metrics: latency, ttft and reliability count as
/// missing for every model, so they never change the order here. GUI thread only.
class ScoresModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScoresModel)
public:
    /// Fixed leading columns; benchmark columns follow, then Total (see totalColumn()).
    enum class Column { Rank, Model, Provider, PriceIn, PriceOut, FirstBenchmark };
    enum Role {
        ModelIdRole = Qt::UserRole, ///< QString: the row's model id, whatever the column
        SortRole,                   ///< the raw number (or text) behind the cell
    };

    /// The request the cost metric is priced for (the router uses the real one).
    static constexpr qint64 ReferencePromptTokens = 1000;
    static constexpr qint64 ReferenceOutputTokens = 512;

    explicit ScoresModel(QObject *parent = nullptr);
    ~ScoresModel() override;

    /// Resets the model to `config`'s catalog (null: empty) and rescores with the current weights.
    void setConfig(const Config::ConfigSnapshot &config);
    /// Rescores and reorders the rows (a layout change; persistent indexes follow their model).
    void setWeights(const QMap<QString, double> &weights);

    /// Benchmark columns, sorted, as found in the catalog's scores.
    QStringList benchmarks() const { return m_benchmarks; }
    int totalColumn() const { return int(Column::FirstBenchmark) + int(m_benchmarks.size()); }
    /// (model id, total) best first.
    QList<QPair<QString, double>> ranking() const;
    QString modelAt(int row) const;

    /// The scorer's context for the reference request.
    static Routing::ScoreContext referenceContext();
    /// Every benchmark name in `config`'s models' scores, sorted.
    static QStringList benchmarksOf(const Config::GatewayConfig &config);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Routing::ScoreRow> rescore() const;
    const Config::ModelSettings *modelSettings(int row) const;

    Config::ConfigSnapshot m_config;
    QStringList m_benchmarks;
    QMap<QString, double> m_weights;
    QList<Routing::ScoreRow> m_rows; ///< ranked best first
};

} // namespace Switchyard::Ui
