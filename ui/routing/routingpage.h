// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/config/gatewayconfig.h"
#include "ui/routing/routedraft.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
QT_END_NAMESPACE

namespace Switchyard::Ui {

class RouteEditor;

/// The "Routing" screen: the routes on the left (Add / Remove), the selected route's editor on
/// the right, the problems of the edit below (checked as you type, each naming the route and
/// field), and Revert / Save. Save emits saveRequested(); the owner hands it to
/// CoreHost::saveRoutes() and reports back with showSaved() / showSaveFailed(). Knows nothing
/// of CoreHost and never blocks. GUI thread only.
class RoutingPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoutingPage)
public:
    explicit RoutingPage(QWidget *parent = nullptr);
    ~RoutingPage() override;

    /// The config in force. Loads its routes unless there are unsaved edits, which are kept
    /// (Revert loads the new config).
    void setConfig(const Switchyard::Config::ConfigSnapshot &config);
    Config::ConfigSnapshot config() const { return m_config; }

    QList<RouteDraft> drafts() const { return m_drafts; }
    QString defaultRoute() const { return m_defaultRoute; }
    /// What blocks Save right now (empty: Save is possible).
    QStringList problems() const { return m_problems; }
    bool isDirty() const { return m_dirty; }

    QListWidget *routeList() const { return m_list; }
    RouteEditor *editor() const { return m_editor; }
    QComboBox *defaultRouteCombo() const { return m_defaultCombo; }
    QPushButton *addRouteButton() const { return m_addRoute; }
    QPushButton *removeRouteButton() const { return m_removeRoute; }
    QPushButton *revertButton() const { return m_revert; }
    QPushButton *saveButton() const { return m_save; }
    QLabel *problemsLabel() const { return m_problemsLabel; }
    QLabel *statusLabel() const { return m_status; }

public Q_SLOTS:
    void addRoute();
    /// Refuses (and says which routes refer to it) when the route is in use.
    bool removeCurrentRoute();
    void selectRoute(const QString &name);
    void revert();
    /// Emits saveRequested() when there are no problems.
    void save();
    void showSaved(quint64 version, const QString &path);
    void showSaveFailed(const QString &message);

Q_SIGNALS:
    /// Hand to CoreHost::saveRoutes().
    void saveRequested(const QList<Switchyard::Config::RouteSettings> &routes,
                       const QString &defaultRoute);
    /// A result worth the window's status bar.
    void statusMessage(const QString &message, bool isError);

private:
    void loadFromConfig();
    void rebuildList(const QString &select);
    void showCurrent();
    void onEdited();
    void refreshChoices();
    void fillDefaultCombo();
    void validate();
    void setStatus(const QString &text, bool isError);

    Config::ConfigSnapshot m_config;
    RoutingCatalog m_catalog;
    QList<RouteDraft> m_drafts;
    QString m_defaultRoute;
    QStringList m_problems;
    QListWidget *m_list = nullptr;
    RouteEditor *m_editor = nullptr;
    QComboBox *m_defaultCombo = nullptr;
    QPushButton *m_addRoute = nullptr;
    QPushButton *m_removeRoute = nullptr;
    QPushButton *m_revert = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_problemsLabel = nullptr;
    QLabel *m_status = nullptr;
    bool m_dirty = false;
    bool m_savePending = false;
    bool m_loading = false;
};

} // namespace Switchyard::Ui
