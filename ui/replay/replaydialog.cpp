// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/replay/replaydialog.h"

#include "core/replay/storereplay.h"
#include "ui/charts/trafficchartpanel.h"
#include "ui/replay/replaytrafficmodel.h"
#include "ui/tr.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <climits>
#include <cmath>

namespace Switchyard::Ui {

namespace {

const QString minusSign = QStringLiteral("\u2212");

QString signedMoney(double usd)
{
    if (std::abs(usd) < 5e-7)
        return ReplayDialog::formatMoney(0);
    return (usd < 0 ? minusSign : QStringLiteral("+")) + ReplayDialog::formatMoney(std::abs(usd));
}

QString reasonText(const QString &code)
{
    if (code == QLatin1String("model_not_found"))
        return Tr::tr("model or route no longer exists");
    if (code == QLatin1String("no_available_model"))
        return Tr::tr("no usable model");
    if (code == QLatin1String("route_cycle"))
        return Tr::tr("route refers back to itself");
    return code;
}

QString optionalMoney(const std::optional<double> &usd)
{
    return usd ? ReplayDialog::formatMoney(*usd) : Tr::tr("unknown");
}

} // namespace

ReplayDialog::ReplayDialog(const QString &databasePath, Config::ConfigSnapshot current,
                           Config::ConfigSnapshot edited, QWidget *parent)
    : QDialog(parent)
    , m_databasePath(databasePath)
    , m_current(std::move(current))
    , m_edited(std::move(edited))
    , m_runner(new Replay::ReplayRunner(this))
    , m_model(new ReplayTrafficModel(this))
{
    setWindowTitle(Tr::tr("What-if replay"));
    setObjectName(QStringLiteral("replayDialog"));

    auto *intro = new QLabel(Tr::tr(
        "Replays the logged requests of a time range through the router with the edited "
        "settings, to show which would go to another model and what they would have cost. "
        "Nothing is applied until you choose \u201cApply these settings\u201d."));
    intro->setWordWrap(true);

    m_preset = new QComboBox;
    m_preset->setObjectName(QStringLiteral("presetCombo"));
    m_preset->addItem(Tr::tr("Last hour"), int(Preset::LastHour));
    m_preset->addItem(Tr::tr("Last 24 hours"), int(Preset::LastDay));
    m_preset->addItem(Tr::tr("Last 7 days"), int(Preset::LastWeek));
    m_preset->addItem(Tr::tr("Custom range"), int(Preset::Custom));
    m_from = new QDateTimeEdit;
    m_from->setObjectName(QStringLiteral("fromEdit"));
    m_to = new QDateTimeEdit;
    m_to->setObjectName(QStringLiteral("toEdit"));
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    m_runButton = new QPushButton(Tr::tr("Run"));
    m_runButton->setObjectName(QStringLiteral("runButton"));
    m_runButton->setDefault(true);
    m_cancelButton = new QPushButton(Tr::tr("Cancel"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(Tr::tr("%v of %m requests"));
    m_progress->setTextVisible(false); // until a run has counted the range

    auto *range = new QHBoxLayout;
    range->addWidget(new QLabel(Tr::tr("Requests from")));
    range->addWidget(m_preset);
    range->addWidget(m_from);
    range->addWidget(new QLabel(Tr::tr("to")));
    range->addWidget(m_to);
    range->addStretch(1);
    range->addWidget(m_runButton);
    range->addWidget(m_cancelButton);

    m_summary = new QLabel(Tr::tr("Choose a time range and press Run."));
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    QFont bold = m_summary->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_summary->setFont(bold);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details = new QLabel;
    m_details->setObjectName(QStringLiteral("detailsLabel"));
    m_details->setWordWrap(true);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("trafficTable"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ReplayTrafficModel::ModelColumn,
                                                      QHeaderView::Stretch);
    m_chart = new TrafficChartPanel;
    m_chart->setObjectName(QStringLiteral("trafficChart"));

    m_examples = new QTableWidget(0, 6);
    m_examples->setObjectName(QStringLiteral("examplesTable"));
    m_examples->setHorizontalHeaderLabels({Tr::tr("Request"), Tr::tr("Asked for"),
                                           Tr::tr("Model before"), Tr::tr("Model after"),
                                           Tr::tr("Cost before"), Tr::tr("Cost after")});
    m_examples->verticalHeader()->hide();
    m_examples->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_examples->horizontalHeader()->setStretchLastSection(true);

    auto *top = new QSplitter(Qt::Horizontal);
    top->addWidget(m_table);
    top->addWidget(m_chart);
    top->setStretchFactor(1, 1);
    top->setSizes({400, 560});
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(top);
    auto *examplesBox = new QWidget;
    auto *examplesLayout = new QVBoxLayout(examplesBox);
    examplesLayout->setContentsMargins(0, 0, 0, 0);
    examplesLayout->addWidget(new QLabel(Tr::tr("Examples of requests that would change")));
    examplesLayout->addWidget(m_examples);
    split->addWidget(examplesBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);

    m_applyButton = new QPushButton(Tr::tr("Apply these settings"));
    m_applyButton->setObjectName(QStringLiteral("applyButton"));
    m_applyButton->setToolTip(Tr::tr("Put the edited settings in force in the gateway"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_applyButton, QDialogButtonBox::ApplyRole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(range);
    layout->addWidget(m_progress);
    layout->addWidget(m_summary);
    layout->addWidget(m_details);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(980, 680);

    connect(m_preset, &QComboBox::currentIndexChanged, this, &ReplayDialog::onPresetChanged);
    connect(m_runButton, &QPushButton::clicked, this, &ReplayDialog::run);
    connect(m_cancelButton, &QPushButton::clicked, this, &ReplayDialog::cancel);
    connect(m_applyButton, &QPushButton::clicked, this, &ReplayDialog::applyEdited);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_runner, &Replay::ReplayRunner::progress, this, &ReplayDialog::onProgress);
    connect(m_runner, &Replay::ReplayRunner::finished, this, &ReplayDialog::onFinished);
    connect(m_runner, &Replay::ReplayRunner::failed, this, &ReplayDialog::onFailed);

    setPreset(Preset::LastDay);
    setRunning(false);
}

ReplayDialog::~ReplayDialog() = default;

void ReplayDialog::setPreset(Preset preset)
{
    m_preset->setCurrentIndex(m_preset->findData(int(preset)));
    onPresetChanged();
}

ReplayDialog::Preset ReplayDialog::preset() const
{
    return Preset(m_preset->currentData().toInt());
}

void ReplayDialog::setRange(const QDateTime &from, const QDateTime &to)
{
    setPreset(Preset::Custom);
    m_from->setDateTime(from.toLocalTime());
    m_to->setDateTime(to.toLocalTime());
}

void ReplayDialog::onPresetChanged()
{
    const bool custom = preset() == Preset::Custom;
    m_from->setEnabled(custom);
    m_to->setEnabled(custom);
    if (custom)
        return;
    const QDateTime now = QDateTime::currentDateTime();
    m_to->setDateTime(now);
    switch (preset()) {
    case Preset::LastHour:
        m_from->setDateTime(now.addSecs(-3600));
        break;
    case Preset::LastDay:
        m_from->setDateTime(now.addDays(-1));
        break;
    case Preset::LastWeek:
        m_from->setDateTime(now.addDays(-7));
        break;
    case Preset::Custom:
        break;
    }
}

QDateTime ReplayDialog::rangeFrom() const
{
    if (preset() == Preset::Custom)
        return m_from->dateTime().toUTC();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (preset()) {
    case Preset::LastHour:
        return now.addSecs(-3600);
    case Preset::LastWeek:
        return now.addDays(-7);
    default:
        return now.addDays(-1);
    }
}

QDateTime ReplayDialog::rangeTo() const
{
    return preset() == Preset::Custom ? m_to->dateTime().toUTC() : QDateTime();
}

bool ReplayDialog::isRunning() const
{
    return m_runner->isRunning();
}

QString ReplayDialog::summaryText() const
{
    return m_summary->text();
}

QString ReplayDialog::statusText() const
{
    return m_details->text();
}

void ReplayDialog::run()
{
    if (isRunning())
        return;
    if (!m_current || !m_edited) {
        onFailed(Tr::tr("No configuration to replay against yet."));
        return;
    }
    if (preset() != Preset::Custom)
        onPresetChanged(); // show the range this run covers
    const Replay::ReplayRequest request{m_databasePath, rangeFrom(), rangeTo(), m_current,
                                        m_edited, 2000};
    if (!m_runner->start(request))
        return;
    m_progress->setRange(0, 0); // busy until the first count arrives
    m_summary->setText(Tr::tr("Replaying\u2026"));
    m_details->clear();
    setRunning(true);
}

void ReplayDialog::cancel()
{
    m_runner->cancel();
}

void ReplayDialog::applyEdited()
{
    if (!m_edited)
        return;
    m_details->setText(Tr::tr("Applying the edited settings to the gateway\u2026"));
    Q_EMIT applyRequested(m_edited);
}

void ReplayDialog::setRunning(bool running)
{
    m_runButton->setEnabled(!running);
    m_cancelButton->setEnabled(running);
    m_preset->setEnabled(!running);
    const bool custom = preset() == Preset::Custom;
    m_from->setEnabled(!running && custom);
    m_to->setEnabled(!running && custom);
    m_applyButton->setEnabled(!running && m_result.has_value() && m_edited);
}

void ReplayDialog::onProgress(qint64 done, qint64 total)
{
    // QProgressBar counts in int: scale large logs down.
    m_progress->setTextVisible(true);
    const qint64 scale = std::max<qint64>(1, total / 1'000'000'000 + 1);
    m_progress->setRange(0, int(std::max<qint64>(1, total / scale)));
    m_progress->setValue(int(done / scale));
}

void ReplayDialog::onFinished(const Replay::ReplayResult &result)
{
    m_result = result;
    showResult(result);
    setRunning(false);
    Q_EMIT replayEnded();
}

void ReplayDialog::onFailed(const QString &message)
{
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    m_summary->setText(Tr::tr("The replay failed."));
    m_details->setText(message);
    setRunning(false);
    Q_EMIT replayEnded();
}

QString ReplayDialog::formatMoney(double usd)
{
    const double magnitude = std::abs(usd);
    const int decimals = magnitude >= 1 || magnitude == 0 ? 2 : (magnitude >= 0.01 ? 4 : 6);
    return QStringLiteral("$") + QLocale().toString(usd, 'f', decimals);
}

QString ReplayDialog::summaryFor(const Replay::ReplayResult &r)
{
    const QLocale locale;
    if (r.considered == 0)
        return r.cancelled ? Tr::tr("Cancelled before any routed request was read.")
                           : Tr::tr("No routed requests in this range.");
    QString text = Tr::tr("%1 of %2 requests would change model")
                       .arg(locale.toString(r.changed), locale.toString(r.considered));
    if (r.priced > 0) {
        const std::optional<double> percent = r.costChangePercent();
        QString change = signedMoney(r.costDifference());
        if (percent) {
            const QString number = locale.toString(std::abs(*percent), 'f', 1);
            change += QStringLiteral(", ")
                      + (std::abs(*percent) < 0.05 ? QString()
                                                   : (*percent < 0 ? minusSign : QStringLiteral("+")))
                      + Tr::tr("%1 %").arg(number);
        }
        text += Tr::tr("; projected cost %1 \u2192 %2 (%3)")
                    .arg(formatMoney(r.oldCost), formatMoney(r.newCost), change);
    } else {
        text += Tr::tr("; no cost can be projected (no priced requests)");
    }
    if (r.cancelled)
        text += Tr::tr(" (cancelled after %1 of %2)")
                    .arg(locale.toString(r.read), locale.toString(r.total));
    return text;
}

void ReplayDialog::showResult(const Replay::ReplayResult &r)
{
    m_progress->setTextVisible(true);
    m_progress->setRange(0, int(std::max<qint64>(1, std::min<qint64>(r.total, INT_MAX))));
    m_progress->setValue(int(std::min<qint64>(r.read, INT_MAX)));
    m_summary->setText(summaryFor(r));

    const QLocale locale;
    QStringList details;
    details.append(Tr::tr("%1 unchanged").arg(locale.toString(r.unchanged)));
    if (r.unroutable > 0) {
        QStringList reasons;
        for (auto it = r.unroutableReasons.cbegin(); it != r.unroutableReasons.cend(); ++it)
            reasons.append(Tr::tr("%1: %2").arg(reasonText(it.key()), locale.toString(*it)));
        details.append(Tr::tr("%1 could not be routed (%2)")
                           .arg(locale.toString(r.unroutable), reasons.join(QStringLiteral(", "))));
    }
    if (r.noUsage > 0)
        details.append(Tr::tr("%1 without token counts (failed) left out of the cost")
                           .arg(locale.toString(r.noUsage)));
    if (r.unknownPrice > 0)
        details.append(Tr::tr("%1 on a model without a price left out of the cost")
                           .arg(locale.toString(r.unknownPrice)));
    if (r.skipped > 0)
        details.append(Tr::tr("%1 not routed at all (e.g. model lists) skipped")
                           .arg(locale.toString(r.skipped)));
    details.append(Tr::tr("costs use today's prices for the logged tokens"));
    m_details->setText(details.join(QStringLiteral(" \u00b7 ")));

    const QList<Replay::ModelTraffic> rows = r.trafficByVolume();
    m_model->setTraffic(rows);
    QStringList models;
    QList<qint64> before;
    QList<qint64> after;
    for (const Replay::ModelTraffic &row : rows) {
        models.append(row.model);
        before.append(row.before);
        after.append(row.after);
    }
    m_chart->setTraffic(models, before, after);

    m_examples->setRowCount(int(r.examples.size()));
    for (int i = 0; i < r.examples.size(); ++i) {
        const Replay::ChangedRequest &c = r.examples.at(i);
        const QStringList cells = {
            c.requestId,
            c.requested.isEmpty() ? Tr::tr("(default route)") : c.requested,
            c.oldModel,
            c.newModel.isEmpty() ? Tr::tr("none: %1").arg(c.reason) : c.newModel,
            optionalMoney(c.oldCost),
            c.newModel.isEmpty() ? QString() : optionalMoney(c.newCost)};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            m_examples->setItem(i, column, item);
        }
    }
    m_examples->resizeColumnsToContents();
}

} // namespace Switchyard::Ui
