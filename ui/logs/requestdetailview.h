// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/logrecord.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QTextBrowser;
QT_END_NAMESPACE

namespace Switchyard::Ui {

/// The detail pane for one request: summary, tokens per class, cost, timings, every attempt
/// and the routing decision (strategy, reasons, candidates). Read-only, selectable text.
/// GUI thread only.
class RequestDetailView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestDetailView)
public:
    explicit RequestDetailView(QWidget *parent = nullptr);

    void setRecord(const Switchyard::LogRecord &record);
    /// Back to the "select a request" hint.
    void clear();

    bool hasRecord() const { return m_hasRecord; }
    QString requestId() const { return m_requestId; }
    /// What the pane shows, as plain text (for tests and copy).
    QString plainText() const;

    /// The HTML the pane renders for `record`; every value is escaped.
    static QString toHtml(const Switchyard::LogRecord &record);

private:
    QTextBrowser *m_browser = nullptr;
    bool m_hasRecord = false;
    QString m_requestId;
};

} // namespace Switchyard::Ui
