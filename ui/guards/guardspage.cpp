// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/guards/guardspage.h"

#include "core/config/guardsection.h"
#include "core/guards/guardset.h"
#include "core/guards/redactor.h"
#include "ui/guards/egressview.h"
#include "ui/tr.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Switchyard::Ui {

namespace {

const QStringList &classKeys()
{
    static const QStringList keys{QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("card"),
                                  QStringLiteral("iban"), QStringLiteral("national_id"), QStringLiteral("ip"),
                                  QStringLiteral("secret")};
    return keys;
}

QComboBox *actionCombo(const QString &current)
{
    auto *combo = new QComboBox;
    for (const char *action : {"redact", "block", "log", "off"})
        combo->addItem(QLatin1String(action), QLatin1String(action));
    combo->setCurrentIndex(qMax(0, combo->findData(current)));
    return combo;
}

} // namespace

GuardsPage::GuardsPage(QWidget *parent)
    : QWidget(parent)
{
    auto *detectors = new QGroupBox(Tr::tr("Data-loss prevention"));
    auto *form = new QFormLayout(detectors);
    m_dlpEnabled = new QCheckBox(Tr::tr("Scan requests for sensitive data"));
    form->addRow(m_dlpEnabled);
    for (const QString &key : classKeys()) {
        auto *row = new QHBoxLayout;
        auto *box = new QCheckBox(Guards::dataClassTitle(*Guards::dataClassFromKey(key)));
        auto *combo = actionCombo(QStringLiteral("log"));
        row->addWidget(box, 1);
        row->addWidget(combo);
        form->addRow(row);
        m_detectors.insert(key, box);
        m_actions.insert(key, combo);
    }
    m_scanResponses = new QCheckBox(Tr::tr("Also scan responses (streams are held back about 300 characters)"));
    form->addRow(m_scanResponses);

    auto *injection = new QGroupBox(Tr::tr("Prompt injection"));
    auto *injectionForm = new QFormLayout(injection);
    m_injectionEnabled = new QCheckBox(Tr::tr("Score user messages and tool results"));
    m_injectionAction = new QComboBox;
    m_injectionAction->addItem(Tr::tr("Flag in the log"), QStringLiteral("flag"));
    m_injectionAction->addItem(Tr::tr("Block the request"), QStringLiteral("block"));
    injectionForm->addRow(m_injectionEnabled);
    injectionForm->addRow(Tr::tr("Above the threshold:"), m_injectionAction);

    auto *custom = new QGroupBox(Tr::tr("Custom patterns"));
    auto *customLayout = new QVBoxLayout(custom);
    m_custom = new QTableWidget(0, 3);
    m_custom->setHorizontalHeaderLabels({Tr::tr("Name"), Tr::tr("Regular expression"), Tr::tr("Action")});
    m_custom->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_patternStatus = new QLabel;
    auto *addPattern = new QPushButton(Tr::tr("Add pattern"));
    customLayout->addWidget(m_custom);
    customLayout->addWidget(m_patternStatus);
    customLayout->addWidget(addPattern);
    connect(addPattern, &QPushButton::clicked, this, [this] { addPatternRow({}, {}, QStringLiteral("redact")); });
    connect(m_custom, &QTableWidget::itemChanged, this, [this] { validatePatterns(); });

    auto *test = new QGroupBox(Tr::tr("Try it"));
    auto *testLayout = new QVBoxLayout(test);
    m_testInput = new QPlainTextEdit;
    m_testInput->setPlaceholderText(Tr::tr("Paste a prompt to see what would be redacted, blocked or flagged"));
    m_testOutput = new QPlainTextEdit;
    m_testOutput->setReadOnly(true);
    auto *run = new QPushButton(Tr::tr("Test"));
    testLayout->addWidget(m_testInput);
    testLayout->addWidget(run);
    testLayout->addWidget(m_testOutput);
    connect(run, &QPushButton::clicked, this, [this] { runTest(); });

    m_apply = new QPushButton(Tr::tr("Apply"));
    connect(m_apply, &QPushButton::clicked, this, [this] {
        if (validatePatterns())
            Q_EMIT guardsEdited(guards());
    });

    auto *left = new QVBoxLayout;
    left->addWidget(detectors);
    left->addWidget(injection);
    left->addWidget(custom);
    left->addWidget(m_apply, 0, Qt::AlignRight);
    auto *settings = new QWidget;
    auto *settingsLayout = new QHBoxLayout(settings);
    settingsLayout->addLayout(left, 1);
    settingsLayout->addWidget(test, 1);
    m_egress = new EgressView;
    m_egress->setObjectName(QStringLiteral("egressView"));
    auto *tabs = new QTabWidget;
    tabs->setObjectName(QStringLiteral("guardsTabs"));
    tabs->addTab(settings, Tr::tr("Settings"));
    tabs->addTab(m_egress, Tr::tr("Egress"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs);
    setGuards({});
}

void GuardsPage::appendRecords(const LogRecordList &records)
{
    m_egress->appendRecords(records);
}

void GuardsPage::addPatternRow(const QString &name, const QString &pattern, const QString &action)
{
    const int row = m_custom->rowCount();
    m_custom->insertRow(row);
    m_custom->setItem(row, 0, new QTableWidgetItem(name));
    m_custom->setItem(row, 1, new QTableWidgetItem(pattern));
    m_custom->setCellWidget(row, 2, actionCombo(action));
}

void GuardsPage::setGuards(const QJsonObject &guards)
{
    m_original = guards;
    // Show what runs: the gateway's defaults when the file leaves `dlp` out.
    const QJsonObject effective = Config::effectiveGuards(guards);
    const QJsonObject dlp = effective.value(QLatin1String("dlp")).toObject();
    const QString fallback = dlp.value(QLatin1String("action")).toString(QStringLiteral("redact"));
    const QJsonObject actions = dlp.value(QLatin1String("actions")).toObject();
    const QJsonObject enabled = dlp.value(QLatin1String("detectors")).toObject();
    m_dlpEnabled->setChecked(dlp.value(QLatin1String("enabled")).toBool(true));
    for (const QString &key : classKeys()) {
        m_detectors.value(key)->setChecked(enabled.value(key).toBool(true));
        QComboBox *combo = m_actions.value(key);
        combo->setCurrentIndex(qMax(0, combo->findData(actions.value(key).toString(fallback))));
    }
    m_scanResponses->setChecked(effective.value(QLatin1String("scan_responses")).toBool());
    const QJsonObject injection = effective.value(QLatin1String("injection")).toObject();
    m_injectionEnabled->setChecked(injection.value(QLatin1String("enabled")).toBool(true));
    m_injectionAction->setCurrentIndex(
        qMax(0, m_injectionAction->findData(injection.value(QLatin1String("action")).toString(QStringLiteral("flag")))));
    m_custom->setRowCount(0);
    for (const QJsonValue &value : dlp.value(QLatin1String("custom")).toArray()) {
        const QJsonObject pattern = value.toObject();
        addPatternRow(pattern.value(QLatin1String("name")).toString(), pattern.value(QLatin1String("pattern")).toString(),
                      pattern.value(QLatin1String("action")).toString(QStringLiteral("redact")));
    }
    validatePatterns();
}

QJsonObject GuardsPage::guards() const
{
    QJsonObject out = m_original;
    QJsonObject dlp = Config::effectiveGuards(m_original).value(QLatin1String("dlp")).toObject();
    dlp.insert(QStringLiteral("enabled"), m_dlpEnabled->isChecked());
    QJsonObject actions;
    QJsonObject detectors;
    for (const QString &key : classKeys()) {
        actions.insert(key, m_actions.value(key)->currentData().toString());
        if (!m_detectors.value(key)->isChecked())
            detectors.insert(key, false);
    }
    dlp.insert(QStringLiteral("actions"), actions);
    dlp.insert(QStringLiteral("detectors"), detectors);
    QJsonArray custom;
    for (int row = 0; row < m_custom->rowCount(); ++row) {
        const auto *combo = qobject_cast<QComboBox *>(m_custom->cellWidget(row, 2));
        custom.append(QJsonObject{{QStringLiteral("name"), m_custom->item(row, 0)->text().trimmed()},
                                  {QStringLiteral("pattern"), m_custom->item(row, 1)->text()},
                                  {QStringLiteral("action"), combo ? combo->currentData().toString() : QStringLiteral("redact")}});
    }
    dlp.insert(QStringLiteral("custom"), custom);
    out.insert(QStringLiteral("dlp"), dlp);
    out.insert(QStringLiteral("scan_responses"), m_scanResponses->isChecked());
    QJsonObject injection = out.value(QLatin1String("injection")).toObject();
    injection.insert(QStringLiteral("enabled"), m_injectionEnabled->isChecked());
    injection.insert(QStringLiteral("action"), m_injectionAction->currentData().toString());
    out.insert(QStringLiteral("injection"), injection);
    return out;
}

bool GuardsPage::validatePatterns()
{
    for (int row = 0; row < m_custom->rowCount(); ++row) {
        const QTableWidgetItem *item = m_custom->item(row, 1);
        if (!item || item->text().isEmpty())
            continue;
        const QRegularExpression re(item->text());
        if (!re.isValid()) {
            m_patternStatus->setText(Tr::tr("Row %1: invalid regular expression at offset %2: %3")
                                         .arg(row + 1)
                                         .arg(re.patternErrorOffset())
                                         .arg(re.errorString()));
            m_apply->setEnabled(false);
            return false;
        }
    }
    m_patternStatus->setText(m_custom->rowCount() ? Tr::tr("All patterns compile.") : QString());
    m_apply->setEnabled(true);
    return true;
}

QString GuardsPage::runTest()
{
    Result<Guards::GuardSetPtr> set = Guards::GuardSet::create(guards());
    if (!set.ok()) {
        m_testOutput->setPlainText(set.error().message);
        return m_testOutput->toPlainText();
    }
    QString text = m_testInput->toPlainText();
    const Guards::InjectionDetector::Verdict verdict = set.value()->injection().evaluate(QStringView(text));
    Guards::Redactor redactor(set.value()->scanner());
    const Guards::RedactionReport report = redactor.apply(text);
    QStringList lines;
    if (report.blocked)
        lines.append(Tr::tr("BLOCKED: %1").arg(report.blockReason));
    else
        lines.append(Tr::tr("Sent as:\n%1").arg(text));
    lines.append(QString());
    for (const Guards::FindingRecord &finding : report.findings) {
        lines.append(Tr::tr("%1 (detector %2) at %3: %4")
                         .arg(Guards::dataClassTitle(finding.dataClass), finding.detector)
                         .arg(finding.start)
                         .arg(Guards::guardActionKey(finding.action)));
    }
    if (report.findings.isEmpty())
        lines.append(Tr::tr("No sensitive data found."));
    lines.append(Tr::tr("Injection score %1%2").arg(verdict.score, 0, 'f', 2)
                     .arg(verdict.exceeded ? Tr::tr(": %1 (%2)").arg(verdict.blocks() ? Tr::tr("blocked") : Tr::tr("flagged"),
                                                                     verdict.reasons.join(QLatin1String(", ")))
                                           : QString()));
    m_testOutput->setPlainText(lines.join(QLatin1Char('\n')));
    return m_testOutput->toPlainText();
}

} // namespace Switchyard::Ui
