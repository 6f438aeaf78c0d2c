// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/scores/scoresmodel.h"

#include "ui/tr.h"

#include <QHash>
#include <QSet>

#include <cmath>

namespace Switchyard::Ui {

namespace {

QString priceText(bool known, double usdPerMillion)
{
    if (!known) {
        return Tr::tr("unknown");
    }
    return Tr::tr("$%1 /M").arg(QString::number(usdPerMillion, 'f', 2));
}

/// Only the positive weights reach the scorer: a metric at 0 is "not considered".
QMap<QString, double> positive(const QMap<QString, double> &weights)
{
    QMap<QString, double> out;
    for (auto it = weights.constBegin(); it != weights.constEnd(); ++it) {
        if (std::isfinite(*it) && *it > 0) {
            out.insert(it.key(), *it);
        }
    }
    return out;
}

} // namespace

ScoresModel::ScoresModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

ScoresModel::~ScoresModel() = default;

Routing::ScoreContext ScoresModel::referenceContext()
{
    return Routing::ScoreContext{ReferencePromptTokens, ReferenceOutputTokens, nullptr};
}

QStringList ScoresModel::benchmarksOf(const Config::GatewayConfig &config)
{
    QSet<QString> names;
    for (const Config::ModelSettings &model : config.models) {
        for (auto it = model.scores.keyBegin(); it != model.scores.keyEnd(); ++it) {
            names.insert(*it);
        }
    }
    QStringList out(names.begin(), names.end());
    out.sort();
    return out;
}

void ScoresModel::setConfig(const Config::ConfigSnapshot &config)
{
    beginResetModel();
    m_config = config;
    m_benchmarks = config ? benchmarksOf(*config) : QStringList();
    m_rows = rescore();
    endResetModel();
}

void ScoresModel::setWeights(const QMap<QString, double> &weights)
{
    m_weights = positive(weights);
    if (m_rows.isEmpty()) {
        return;
    }
    QList<Routing::ScoreRow> rows = rescore();
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    QHash<QString, int> newRow;
    for (int i = 0; i < rows.size(); ++i) {
        newRow.insert(rows.at(i).model, i);
    }
    const QModelIndexList before = persistentIndexList();
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex &index : before) {
        const int row = newRow.value(m_rows.value(index.row()).model, -1);
        after.append(row < 0 ? QModelIndex() : createIndex(row, index.column()));
    }
    m_rows = std::move(rows);
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    // Totals and ranks changed even where a row kept its place.
    if (!m_rows.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    }
}

QList<Routing::ScoreRow> ScoresModel::rescore() const
{
    if (!m_config) {
        return {};
    }
    QList<const Config::ModelSettings *> candidates;
    candidates.reserve(m_config->models.size());
    for (const Config::ModelSettings &model : m_config->models) {
        candidates.append(&model);
    }
    return Routing::score(candidates, m_weights, referenceContext()).rows;
}

QList<QPair<QString, double>> ScoresModel::ranking() const
{
    QList<QPair<QString, double>> out;
    out.reserve(m_rows.size());
    for (const Routing::ScoreRow &row : m_rows) {
        out.append({row.model, row.total});
    }
    return out;
}

QString ScoresModel::modelAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).model : QString();
}

const Config::ModelSettings *ScoresModel::modelSettings(int row) const
{
    return m_config ? m_config->model(modelAt(row)) : nullptr;
}

int ScoresModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ScoresModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : totalColumn() + 1;
}

QVariant ScoresModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Routing::ScoreRow &row = m_rows.at(index.row());
    const Config::ModelSettings *model = modelSettings(index.row());
    const int column = index.column();
    if (role == ModelIdRole) {
        return row.model;
    }
    if (role == Qt::TextAlignmentRole) {
        const bool text = column == int(Column::Model) || column == int(Column::Provider);
        return QVariant::fromValue(text ? Qt::AlignLeft | Qt::AlignVCenter
                                        : Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::ToolTipRole && column == totalColumn()) {
        QStringList lines;
        for (const Routing::MetricScore &m : row.metrics) {
            lines.append(Tr::tr("%1: %2 × weight %3%4")
                             .arg(m.metric, QString::number(m.normalised, 'f', 3),
                                  QString::number(m.weight),
                                  m.note.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m.note)));
        }
        return lines.isEmpty() ? Tr::tr("No metric has a weight") : lines.join(QLatin1Char('\n'));
    }
    if (role != Qt::DisplayRole && role != SortRole) {
        return {};
    }
    const bool display = role == Qt::DisplayRole;
    switch (column) {
    case int(Column::Rank):
        return row.rank;
    case int(Column::Model):
        return row.model;
    case int(Column::Provider):
        return row.provider;
    case int(Column::PriceIn):
        if (!model) {
            return {};
        }
        return display ? QVariant(priceText(model->price.known, model->price.input))
                       : QVariant(model->price.known ? model->price.input : -1.0);
    case int(Column::PriceOut):
        if (!model) {
            return {};
        }
        return display ? QVariant(priceText(model->price.known, model->price.output))
                       : QVariant(model->price.known ? model->price.output : -1.0);
    default:
        break;
    }
    if (column == totalColumn()) {
        return display ? QVariant(QString::number(row.total, 'f', 3)) : QVariant(row.total);
    }
    const QString bench = m_benchmarks.value(column - int(Column::FirstBenchmark));
    if (!model || !model->scores.contains(bench)) {
        return display ? QVariant(QStringLiteral("\u2014")) : QVariant();
    }
    const double value = model->scores.value(bench);
    return display ? QVariant(QString::number(value, 'g', 4)) : QVariant(value);
}

QVariant ScoresModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= columnCount()) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case int(Column::Rank):
        return Tr::tr("Rank");
    case int(Column::Model):
        return Tr::tr("Model");
    case int(Column::Provider):
        return Tr::tr("Provider");
    case int(Column::PriceIn):
        return Tr::tr("Price in");
    case int(Column::PriceOut):
        return Tr::tr("Price out");
    default:
        break;
    }
    if (section == totalColumn()) {
        return Tr::tr("Total");
    }
    return m_benchmarks.value(section - int(Column::FirstBenchmark));
}

} // namespace Switchyard::Ui
