// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/guards/redactor.h"

#include "core/common/tr.h"
#include "core/guards/streamscanner.h"

namespace Switchyard::Guards {

QStringList RedactionReport::classes() const
{
    QStringList out;
    for (const FindingRecord &f : findings) {
        const QString key = f.dataClass == DataClass::Custom ? f.label : dataClassKey(f.dataClass);
        if (!out.contains(key)) {
            out.append(key);
        }
    }
    return out;
}

Redactor::Redactor(DlpScannerPtr scanner)
    : m_scanner(std::move(scanner))
{}

QString Redactor::blockMessage(const FindingRecord &record, bool response)
{
    const QString what = record.dataClass == DataClass::Custom
                             ? Tr::tr("custom pattern '%1'").arg(record.label)
                             : dataClassTitle(record.dataClass);
    if (response) {
        return Tr::tr("response blocked by the DLP policy: it contains a %1 (detector %2)")
            .arg(what, record.detector);
    }
    return Tr::tr("request blocked by the DLP policy: message %1 contains a %2 (detector %3)")
        .arg(QString::number(record.textIndex + 1), what, record.detector);
}

RedactionReport Redactor::apply(QString &text)
{
    QStringList texts{text};
    RedactionReport report = apply(texts);
    text = texts.constFirst();
    return report;
}

RedactionReport Redactor::apply(QStringList &texts)
{
    RedactionReport report;
    const DlpSettings &settings = m_scanner->settings();
    QList<QList<Finding>> perText;
    perText.reserve(texts.size());
    for (qsizetype i = 0; i < texts.size(); ++i) {
        perText.append(m_scanner->scan(texts.at(i)));
        for (const Finding &f : std::as_const(perText.last())) {
            FindingRecord record{int(i),  f.dataClass, f.detector, f.label, settings.actionFor(f),
                                 f.start, f.length};
            if (record.action == GuardAction::Off) {
                continue;
            }
            if (record.action == GuardAction::Block && !report.blocked) {
                report.blocked = true;
                report.blockReason = blockMessage(record, false);
            }
            report.findings.append(record);
        }
    }
    if (report.blocked) {
        return report;
    }
    // Placeholders are numbered in order of appearance across all texts.
    for (qsizetype i = 0; i < texts.size(); ++i) {
        const QList<Finding> &findings = perText.at(i);
        if (findings.isEmpty()) {
            continue;
        }
        const QString &source = texts.at(i);
        QString out;
        out.reserve(source.size());
        qsizetype pos = 0;
        for (const Finding &f : findings) {
            if (settings.actionFor(f) != GuardAction::Redact) {
                continue;
            }
            out.append(QStringView(source).mid(pos, f.start - pos));
            out.append(m_placeholders.placeholderFor(f));
            pos = f.end();
            ++report.redactions;
        }
        out.append(QStringView(source).mid(pos));
        texts[i] = out;
    }
    return report;
}

RedactionReport Redactor::applyResponse(QString &text)
{
    // One code path for whole and streamed responses: a single feed plus finish.
    StreamScanner stream(m_scanner, &m_placeholders, restoresResponses());
    QString out = stream.feed(text);
    out += stream.finish();
    RedactionReport report;
    report.blocked = stream.blocked();
    report.blockReason = stream.blockReason();
    report.findings = stream.findings();
    for (const FindingRecord &f : report.findings) {
        report.redactions += f.action == GuardAction::Redact ? 1 : 0;
    }
    text = out;
    return report;
}

bool Redactor::restoresResponses() const
{
    return m_scanner->settings().restoreResponses;
}

QString Redactor::restore(QStringView text) const
{
    return restoresResponses() ? m_placeholders.restore(text) : text.toString();
}

} // namespace Switchyard::Guards
