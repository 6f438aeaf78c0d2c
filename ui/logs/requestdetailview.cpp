// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "ui/logs/requestdetailview.h"

#include "ui/logs/logtablemodel.h"
#include "ui/tr.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace Switchyard::Ui {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString dash()
{
    return QStringLiteral("\u2014");
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? dash() : esc(text);
}

QString millis(double ms)
{
    return ms < 0 ? dash() : Tr::tr("%1 ms").arg(QString::number(ms, 'f', 1));
}

QString heading(const QString &title)
{
    return QStringLiteral("<h3>") + esc(title) + QStringLiteral("</h3>");
}

/// One label/value line of a two-column table; `valueHtml` is already escaped.
QString field(const QString &label, const QString &valueHtml)
{
    return QStringLiteral("<tr><td style=\"padding-right:12px\"><b>") + esc(label)
           + QStringLiteral("</b></td><td>") + valueHtml + QStringLiteral("</td></tr>");
}

QString headerRow(const QStringList &labels)
{
    QString html = QStringLiteral("<tr>");
    for (const QString &label : labels) {
        html += QStringLiteral("<th align=\"left\" style=\"padding-right:10px\">") + esc(label)
                + QStringLiteral("</th>");
    }
    return html + QStringLiteral("</tr>");
}

/// `cellsHtml` are already escaped.
QString dataRow(const QStringList &cellsHtml)
{
    QString html = QStringLiteral("<tr>");
    for (const QString &cell : cellsHtml) {
        html += QStringLiteral("<td style=\"padding-right:10px\">") + cell
                + QStringLiteral("</td>");
    }
    return html + QStringLiteral("</tr>");
}

QString statusHtml(int status, const QString &error)
{
    const QString code = status > 0 ? QString::number(status) : dash();
    if (status >= 400 || !error.isEmpty()) {
        return QStringLiteral("<span style=\"color:#c62828\">") + code + QStringLiteral("</span>");
    }
    return code;
}

QString summaryHtml(const LogRecord &r)
{
    const QString tableOpen = QStringLiteral("<table cellspacing=\"2\">");
    const QString tableClose = QStringLiteral("</table>");
    QString provider = esc(r.provider);
    if (r.isSimulated()) {
        provider = Tr::tr("%1 (simulated)").arg(provider);
    }
    QString path = orDash(r.requestedModel);
    if (!r.route.isEmpty()) {
        path += QStringLiteral(" \u2192 ") + Tr::tr("route %1").arg(esc(r.route));
    }
    if (!r.model.isEmpty()) {
        path += QStringLiteral(" \u2192 ") + Tr::tr("%1 @ %2").arg(esc(r.model), provider);
    }
    QString html = heading(Tr::tr("Request")) + tableOpen;
    html += field(Tr::tr("Request id"), orDash(r.requestId));
    html += field(Tr::tr("Started"), esc(r.startedAt.toLocalTime().toString(
                                         QStringLiteral("yyyy-MM-dd hh:mm:ss.zzz"))));
    html += field(Tr::tr("Surface"),
                  r.stream ? Tr::tr("%1 (streamed)").arg(orDash(r.surface)) : orDash(r.surface));
    html += field(Tr::tr("Model"), path);
    if (!r.upstreamModel.isEmpty() && r.upstreamModel != r.model) {
        html += field(Tr::tr("Upstream model"), esc(r.upstreamModel));
    }
    QString status = statusHtml(r.status, r.errorType);
    if (!r.errorType.isEmpty()) {
        status += QLatin1Char(' ') + esc(r.errorType);
    }
    html += field(Tr::tr("Status"), status);
    if (!r.errorMessage.isEmpty()) {
        html += field(Tr::tr("Error"), QStringLiteral("<span style=\"color:#c62828\">")
                                           + esc(r.errorMessage) + QStringLiteral("</span>"));
    }
    html += field(Tr::tr("Customer"), orDash(r.customer));
    html += field(Tr::tr("Project"), orDash(r.project));
    html += field(Tr::tr("App"), orDash(r.app));
    html += tableClose;

    html += heading(Tr::tr("Usage and cost")) + tableOpen;
    if (r.usage.known) {
        html += field(Tr::tr("Input"), QString::number(r.usage.inputTokens));
        html += field(Tr::tr("Cache read"), QString::number(r.usage.cacheReadTokens));
        html += field(Tr::tr("Cache write"), QString::number(r.usage.cacheWriteTokens));
        html += field(Tr::tr("Output"), QString::number(r.usage.outputTokens));
        html += field(Tr::tr("Reasoning"), QString::number(r.usage.reasoningTokens));
    } else {
        html += field(Tr::tr("Tokens"), esc(Tr::tr("not reported by the provider")));
    }
    html += field(Tr::tr("Cost"),
                  r.costKnown ? esc(LogTableModel::formatCost(r)) : esc(Tr::tr("unknown")));
    html += field(Tr::tr("Latency"), millis(r.latencyMs));
    html += field(Tr::tr("Time to first token"), millis(r.ttftMs));
    return html + tableClose;
}

/// The egress ledger of the request: what left for which destination and what the guards did.
/// Only classes and counts exist; a matched value is never stored, so never shown.
QString egressHtml(const LogRecord &r)
{
    const EgressRecord &e = r.egress;
    QString html = heading(Tr::tr("Egress")) + QStringLiteral("<table cellspacing=\"2\">");
    html += field(Tr::tr("Bytes sent upstream"), QString::number(e.bytesSent));
    html += field(Tr::tr("Destination"), Tr::tr("%1, region %2").arg(orDash(r.provider), orDash(e.region)));
    html += field(Tr::tr("Policy"), orDash(e.policy));
    QString found = esc(Tr::tr("nothing found"));
    if (!e.dlpClasses.isEmpty() || e.dlpFindings > 0) {
        found = esc(Tr::tr("%1 (%n finding(s))", nullptr, e.dlpFindings)
                        .arg(e.dlpClasses.isEmpty() ? dash() : e.dlpClasses.join(QLatin1String(", "))));
    }
    html += field(Tr::tr("Sensitive data"), found);
    html += field(Tr::tr("Action taken"), orDash(e.dlpAction));
    QString injection = esc(Tr::tr("not evaluated"));
    if (e.injectionScore >= 0) {
        injection = esc(e.injectionFlagged
                            ? Tr::tr("%1 (flagged)").arg(QString::number(e.injectionScore, 'f', 2))
                            : Tr::tr("%1 (below the threshold)").arg(QString::number(e.injectionScore, 'f', 2)));
    }
    html += field(Tr::tr("Injection score"), injection);
    return html + QStringLiteral("</table>");
}

QString attemptsHtml(const RoutingDecision &d)
{
    QString html = heading(Tr::tr("Attempts (%1)").arg(d.attempts.size()));
    if (d.attempts.isEmpty()) {
        return html + QStringLiteral("<p>") + esc(Tr::tr("No upstream attempt was made."))
               + QStringLiteral("</p>");
    }
    html += QStringLiteral("<table cellspacing=\"2\">");
    html += headerRow({Tr::tr("#"), Tr::tr("Model"), Tr::tr("Provider"), Tr::tr("Status"),
                       Tr::tr("Error"), Tr::tr("Latency")});
    for (qsizetype i = 0; i < d.attempts.size(); ++i) {
        const AttemptRecord &a = d.attempts.at(i);
        html += dataRow({QString::number(i + 1), orDash(a.model), orDash(a.provider),
                         statusHtml(a.httpStatus, a.error), orDash(a.error), millis(a.latencyMs)});
    }
    return html + QStringLiteral("</table>");
}

QString decisionHtml(const RoutingDecision &d)
{
    QString html = heading(Tr::tr("Routing decision"));
    html += QStringLiteral("<table cellspacing=\"2\">");
    html += field(Tr::tr("Strategy"), orDash(d.strategy));
    html += field(Tr::tr("Route"), orDash(d.route));
    html += field(Tr::tr("Winner"), orDash(d.winner));
    html += QStringLiteral("</table>");
    if (!d.reasons.isEmpty()) {
        html += QStringLiteral("<p><b>") + esc(Tr::tr("Reasons")) + QStringLiteral("</b></p><ol>");
        for (const QString &reason : d.reasons) {
            html += QStringLiteral("<li>") + esc(reason) + QStringLiteral("</li>");
        }
        html += QStringLiteral("</ol>");
    }
    if (!d.candidates.isEmpty()) {
        html += QStringLiteral("<p><b>") + esc(Tr::tr("Candidates")) + QStringLiteral("</b></p>");
        html += QStringLiteral("<table cellspacing=\"2\">");
        html += headerRow(
            {Tr::tr("Model"), Tr::tr("Provider"), Tr::tr("Eligible"), Tr::tr("Reason")});
        for (const CandidateRecord &c : d.candidates) {
            const QString eligible = c.eligible ? Tr::tr("yes") : Tr::tr("no");
            html += dataRow({orDash(c.model), orDash(c.provider), esc(eligible), orDash(c.reason)});
        }
        html += QStringLiteral("</table>");
    }
    return html;
}

/// The score table of a `score` route: one row per candidate, one column per metric showing
/// raw value → normalised value (× weight), then the total.
QString scoresHtml(const RoutingDecision &d)
{
    if (d.scores.isEmpty()) {
        return {};
    }
    QStringList metricNames;
    for (const QJsonValue &metric : d.scores.first().toObject().value(QLatin1String("metrics")).toArray()) {
        const QJsonObject m = metric.toObject();
        metricNames.append(QStringLiteral("%1 ×%2").arg(m.value(QLatin1String("metric")).toString())
                               .arg(m.value(QLatin1String("weight")).toDouble()));
    }
    QString html = QStringLiteral("<p><b>") + esc(Tr::tr("Scores")) + QStringLiteral("</b></p>");
    html += QStringLiteral("<table cellspacing=\"2\">");
    html += headerRow(QStringList{Tr::tr("Rank"), Tr::tr("Model")} + metricNames + QStringList{Tr::tr("Total")});
    for (const QJsonValue &value : d.scores) {
        const QJsonObject row = value.toObject();
        QStringList cells{QString::number(row.value(QLatin1String("rank")).toInt()),
                          esc(row.value(QLatin1String("model")).toString())};
        for (const QJsonValue &metric : row.value(QLatin1String("metrics")).toArray()) {
            const QJsonObject m = metric.toObject();
            cells.append(m.value(QLatin1String("present")).toBool()
                             ? esc(QStringLiteral("%1 → %2")
                                       .arg(m.value(QLatin1String("raw")).toDouble(), 0, 'g', 4)
                                       .arg(m.value(QLatin1String("normalised")).toDouble(), 0, 'f', 2))
                             : esc(m.value(QLatin1String("note")).toString()));
        }
        cells.append(QStringLiteral("<b>%1</b>").arg(row.value(QLatin1String("total")).toDouble(), 0, 'f', 3));
        html += dataRow(cells);
    }
    return html + QStringLiteral("</table>");
}

} // namespace

RequestDetailView::RequestDetailView(QWidget *parent)
    : QWidget(parent)
    , m_browser(new QTextBrowser(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_browser->setObjectName(QStringLiteral("detailBrowser"));
    m_browser->setOpenLinks(false);
    m_browser->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(m_browser);
    clear();
}

void RequestDetailView::setRecord(const LogRecord &record)
{
    m_hasRecord = true;
    m_requestId = record.requestId;
    m_browser->setHtml(toHtml(record));
}

void RequestDetailView::clear()
{
    m_hasRecord = false;
    m_requestId.clear();
    m_browser->setHtml(QStringLiteral("<p style=\"color:gray\">")
                       + esc(Tr::tr("Select a request to see its attempts, tokens, cost and "
                                    "why it was routed where it went."))
                       + QStringLiteral("</p>"));
}

QString RequestDetailView::plainText() const
{
    return m_browser->toPlainText();
}

QString RequestDetailView::toHtml(const LogRecord &record)
{
    return summaryHtml(record) + egressHtml(record) + attemptsHtml(record.decision) + decisionHtml(record.decision)
           + scoresHtml(record.decision);
}

} // namespace Switchyard::Ui
