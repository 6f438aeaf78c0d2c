// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/routing/routingpage.h"

#include "core/config/configwriter.h"
#include "ui/routing/routeeditor.h"
#include "ui/tr.h"

#include <QColor>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace Switchyard::Ui {

namespace {

constexpr int s_maxProblemsShown = 6;

const QString s_errorStyle = QStringLiteral("color: #c62828;");

} // namespace

RoutingPage::RoutingPage(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget)
    , m_editor(new RouteEditor)
    , m_defaultCombo(new QComboBox)
    , m_addRoute(new QPushButton(Tr::tr("Add r&oute")))
    , m_removeRoute(new QPushButton(Tr::tr("Remo&ve route")))
    , m_revert(new QPushButton(Tr::tr("&Revert")))
    , m_save(new QPushButton(Tr::tr("Save to config &file")))
    , m_problemsLabel(new QLabel)
    , m_status(new QLabel)
{
    m_list->setObjectName(QStringLiteral("routeList"));
    m_list->setMinimumWidth(200);
    m_list->setSpacing(2);
    m_editor->setObjectName(QStringLiteral("routeEditor"));
    m_defaultCombo->setObjectName(QStringLiteral("defaultRouteCombo"));
    m_defaultCombo->setToolTip(Tr::tr("Used for requests that name no model"));
    m_addRoute->setObjectName(QStringLiteral("addRoute"));
    m_removeRoute->setObjectName(QStringLiteral("removeRoute"));
    m_revert->setObjectName(QStringLiteral("revertRoutes"));
    m_revert->setToolTip(Tr::tr("Discard unsaved edits and show the routes in force"));
    m_save->setObjectName(QStringLiteral("saveRoutes"));
    m_save->setToolTip(Tr::tr("Write the routes into the config file and apply them (Ctrl+S)"));
    m_save->setDefault(true);
    m_problemsLabel->setObjectName(QStringLiteral("routingProblems"));
    m_problemsLabel->setWordWrap(true);
    m_problemsLabel->setTextFormat(Qt::PlainText);
    m_problemsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problemsLabel->setStyleSheet(s_errorStyle);
    m_status->setObjectName(QStringLiteral("routingStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *left = new QVBoxLayout;
    auto *routesLabel = new QLabel(Tr::tr("Rou&tes:"));
    routesLabel->setBuddy(m_list);
    left->addWidget(routesLabel);
    left->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_addRoute);
    listButtons->addWidget(m_removeRoute);
    left->addLayout(listButtons);
    auto *defaultForm = new QFormLayout;
    defaultForm->addRow(Tr::tr("&Default route:"), m_defaultCombo);
    left->addLayout(defaultForm);

    auto *editorBox = new QGroupBox(Tr::tr("Route"));
    auto *editorLayout = new QVBoxLayout(editorBox);
    editorLayout->addWidget(m_editor);

    auto *top = new QHBoxLayout;
    top->addLayout(left, 1);
    top->addWidget(editorBox, 3);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_revert);
    bottom->addWidget(m_save);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top, 1);
    layout->addWidget(m_problemsLabel);
    layout->addLayout(bottom);

    auto *shortcut = new QShortcut(QKeySequence::Save, this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, &RoutingPage::save);
    connect(m_addRoute, &QPushButton::clicked, this, &RoutingPage::addRoute);
    connect(m_removeRoute, &QPushButton::clicked, this, &RoutingPage::removeCurrentRoute);
    connect(m_revert, &QPushButton::clicked, this, &RoutingPage::revert);
    connect(m_save, &QPushButton::clicked, this, &RoutingPage::save);
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        if (!m_loading) {
            showCurrent();
        }
    });
    connect(m_editor, &RouteEditor::changed, this, &RoutingPage::onEdited);
    connect(m_defaultCombo, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        if (m_loading) {
            return;
        }
        m_defaultRoute = text;
        m_dirty = true;
        validate();
    });
    validate();
}

RoutingPage::~RoutingPage() = default;

void RoutingPage::setConfig(const Config::ConfigSnapshot &config)
{
    m_config = config;
    m_catalog = config ? RoutingCatalog::fromConfig(*config) : RoutingCatalog{};
    if (!m_dirty) {
        loadFromConfig();
        return;
    }
    refreshChoices();
    validate();
    if (!m_savePending) {
        setStatus(Tr::tr("The configuration in force changed; your unsaved edits are kept. "
                         "Revert shows the routes in force."),
                  false);
    }
}

void RoutingPage::loadFromConfig()
{
    const QListWidgetItem *current = m_list->currentItem();
    const QString selected = current ? current->data(Qt::UserRole).toString() : QString();
    m_drafts.clear();
    m_defaultRoute.clear();
    if (m_config) {
        for (const Config::RouteSettings &route : m_config->routes) {
            m_drafts.append(RouteDraft::fromSettings(route));
        }
        m_defaultRoute = m_config->defaultRoute;
    }
    m_dirty = false;
    rebuildList(selected);
    validate();
}

void RoutingPage::rebuildList(const QString &select)
{
    m_loading = true;
    m_list->clear();
    int row = m_drafts.isEmpty() ? -1 : 0;
    for (int i = 0; i < m_drafts.size(); ++i) {
        const QString name = m_drafts.at(i).route.name;
        auto *item = new QListWidgetItem(m_list);
        item->setData(Qt::UserRole, name);
        if (name == select) {
            row = i;
        }
    }
    m_list->setCurrentRow(row);
    m_loading = false;
    refreshChoices();
    showCurrent();
}

void RoutingPage::showCurrent()
{
    const int row = m_list->currentRow();
    const bool valid = row >= 0 && row < m_drafts.size();
    m_removeRoute->setEnabled(valid);
    refreshChoices();
    if (valid) {
        m_editor->setDraft(m_drafts.at(row));
    } else {
        m_editor->setDraft(RouteDraft{});
        m_editor->setEnabled(false);
    }
}

void RoutingPage::refreshChoices()
{
    const int row = m_list->currentRow();
    QStringList routes;
    for (int i = 0; i < m_drafts.size(); ++i) {
        if (i != row && !m_drafts.at(i).route.name.trimmed().isEmpty()) {
            routes.append(m_drafts.at(i).route.name.trimmed());
        }
    }
    m_editor->setChoices(m_catalog, routes);
    fillDefaultCombo();
}

void RoutingPage::fillDefaultCombo()
{
    m_loading = true;
    m_defaultCombo->clear();
    for (const RouteDraft &d : std::as_const(m_drafts)) {
        if (!d.route.name.trimmed().isEmpty()) {
            m_defaultCombo->addItem(d.route.name.trimmed());
        }
    }
    if (m_defaultCombo->count() > 0 && !m_catalog.models.isEmpty()) {
        m_defaultCombo->insertSeparator(m_defaultCombo->count());
    }
    m_defaultCombo->addItems(m_catalog.models);
    if (m_defaultCombo->findText(m_defaultRoute) < 0) {
        m_defaultCombo->addItem(m_defaultRoute);
    }
    m_defaultCombo->setCurrentIndex(m_defaultCombo->findText(m_defaultRoute));
    m_loading = false;
}

void RoutingPage::onEdited()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_drafts.size()) {
        return;
    }
    const bool renamed = m_drafts.at(row).route.name != m_editor->draft().route.name;
    m_drafts[row] = m_editor->draft();
    m_list->item(row)->setData(Qt::UserRole, m_drafts.at(row).route.name);
    m_dirty = true;
    if (renamed) {
        refreshChoices();
    }
    validate();
}

void RoutingPage::validate()
{
    m_problems = validateDrafts(m_drafts, m_defaultRoute, m_catalog);
    QList<Config::RouteSettings> routes;
    for (const RouteDraft &d : std::as_const(m_drafts)) {
        routes.append(d.toSettings());
    }
    if (m_problems.isEmpty() && m_config && m_dirty) {
        // The same parse + validation the core runs on save: nothing it would refuse gets by.
        Config::GatewayConfig candidate = *m_config;
        candidate.routes = routes;
        candidate.defaultRoute = m_defaultRoute;
        const Result<Config::GatewayConfig> checked =
            Config::ConfigWriter::validate(candidate, QProcessEnvironment());
        if (!checked.ok()) {
            m_problems.append(checked.error().message);
        }
    }
    QStringList shown = m_problems.mid(0, s_maxProblemsShown);
    if (m_problems.size() > s_maxProblemsShown) {
        shown.append(Tr::tr("\u2026 and %1 more").arg(m_problems.size() - s_maxProblemsShown));
    }
    m_problemsLabel->setText(shown.join(QLatin1Char('\n')));
    m_problemsLabel->setVisible(!m_problems.isEmpty());

    for (int i = 0; i < m_list->count() && i < m_drafts.size(); ++i) {
        const QString name = m_drafts.at(i).route.name.trimmed();
        const QString label = name.isEmpty() ? Tr::tr("(unnamed)") : name;
        const QString who = Tr::tr("Route '%1'").arg(name);
        bool bad = name.isEmpty();
        for (const QString &p : std::as_const(m_problems)) {
            bad = bad || p.startsWith(who);
        }
        QListWidgetItem *item = m_list->item(i);
        item->setText(Tr::tr("%1  (%2)").arg(label, m_drafts.at(i).route.strategy));
        item->setForeground(bad ? QColor(0xc6, 0x28, 0x28) : m_list->palette().text().color());
        item->setToolTip(bad ? Tr::tr("This route has a problem; see below the editor")
                             : QString());
    }
    m_save->setEnabled(m_config && m_dirty && m_problems.isEmpty() && !m_savePending);
    m_revert->setEnabled(m_dirty && !m_savePending);
}

void RoutingPage::addRoute()
{
    QString name;
    for (int n = 1;; ++n) {
        name = Tr::tr("route-%1").arg(n);
        bool taken = m_catalog.models.contains(name);
        for (const RouteDraft &d : std::as_const(m_drafts)) {
            taken = taken || d.route.name == name;
        }
        if (!taken) {
            break;
        }
    }
    RouteDraft draft;
    draft.route.name = name;
    draft.route.strategy = QStringLiteral("fallback");
    if (!m_catalog.models.isEmpty()) {
        draft.route.targets.append(Config::RouteTarget{m_catalog.models.first(), 1});
    }
    m_drafts.append(draft);
    m_dirty = true;
    rebuildList(name);
    validate();
    m_editor->nameEdit()->setFocus();
    m_editor->nameEdit()->selectAll();
}

bool RoutingPage::removeCurrentRoute()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_drafts.size()) {
        return false;
    }
    const QString name = m_drafts.at(row).route.name;
    const QStringList users = referrersOf(m_drafts, name, m_defaultRoute, row);
    if (!users.isEmpty()) {
        setStatus(Tr::tr("Route '%1' is still used by %2; change those first.")
                      .arg(name, users.join(QStringLiteral(", "))),
                  true);
        return false;
    }
    m_drafts.removeAt(row);
    m_dirty = true;
    rebuildList(m_drafts.isEmpty() ? QString()
                                   : m_drafts.at(std::min(row, int(m_drafts.size()) - 1)).route.name);
    validate();
    setStatus(Tr::tr("Route '%1' removed (not saved yet).").arg(name), false);
    return true;
}

void RoutingPage::selectRoute(const QString &name)
{
    for (int i = 0; i < m_drafts.size(); ++i) {
        if (m_drafts.at(i).route.name == name) {
            m_list->setCurrentRow(i);
            return;
        }
    }
}

void RoutingPage::revert()
{
    m_dirty = false;
    loadFromConfig();
    setStatus(Tr::tr("Edits discarded."), false);
}

void RoutingPage::save()
{
    validate();
    if (!m_save->isEnabled()) {
        return;
    }
    QList<Config::RouteSettings> routes;
    for (const RouteDraft &d : std::as_const(m_drafts)) {
        routes.append(d.toSettings());
    }
    m_savePending = true;
    validate();
    setStatus(Tr::tr("Saving\u2026"), false);
    Q_EMIT saveRequested(routes, m_defaultRoute);
}

void RoutingPage::showSaved(quint64 version, const QString &path)
{
    m_savePending = false;
    m_dirty = false;
    loadFromConfig();
    const QString message =
        Tr::tr("Saved to %1; configuration version %2 is in force.").arg(path).arg(version);
    setStatus(message, false);
    Q_EMIT statusMessage(message, false);
}

void RoutingPage::showSaveFailed(const QString &message)
{
    m_savePending = false;
    validate();
    const QString text = Tr::tr("Not saved: %1").arg(message);
    setStatus(text, true);
    Q_EMIT statusMessage(text, true);
}

void RoutingPage::setStatus(const QString &text, bool isError)
{
    m_status->setText(text);
    m_status->setStyleSheet(isError ? s_errorStyle : QString());
}

} // namespace Switchyard::Ui
