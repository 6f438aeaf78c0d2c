// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/guards/dlpscanner.h"
#include "core/guards/placeholdermap.h"

#include <QList>
#include <QStringList>

namespace Switchyard::Guards {

/// What was found, without the value: safe to log, store and show.
struct FindingRecord
{
    int textIndex = 0; ///< which text of the list (message index); 0 for streams
    DataClass dataClass = DataClass::Custom;
    QString detector;
    QString label;
    GuardAction action = GuardAction::Log;
    qsizetype start = 0; ///< in the original text
    qsizetype length = 0;
};

/// The outcome of applying a DLP profile.
struct RedactionReport
{
    bool blocked = false;
    QString blockReason; ///< names the class, the detector and where; never the value
    QList<FindingRecord> findings;
    int redactions = 0;

    /// Distinct class keys found ("email", "card", or the custom name), for the egress ledger.
    QStringList classes() const;
};

/// Applies one DLP profile to a request's texts (its message contents) with one shared
/// placeholder map, and restores placeholders in the response when the profile asks for it.
/// One Redactor per exchange; not thread-safe.
class Redactor final
{
public:
    explicit Redactor(DlpScannerPtr scanner);

    /// Scans every text; on success replaces redacted values in place. When any finding's
    /// action is block the texts are left unchanged and the report says why.
    RedactionReport apply(QStringList &texts);
    RedactionReport apply(QString &text);

    /// A whole (non-streamed) response: new findings are handled with this request's map,
    /// then the request's placeholders are restored when restoresResponses(). On block the
    /// text is cut before the finding and the report says why.
    RedactionReport applyResponse(QString &text);

    bool restoresResponses() const;
    /// Original values back in place of this request's placeholders (when restoresResponses()).
    QString restore(QStringView text) const;

    const DlpScannerPtr &scanner() const { return m_scanner; }
    PlaceholderMap &placeholders() { return m_placeholders; }

    /// The safe block message for a finding; shared with the stream scanner.
    static QString blockMessage(const FindingRecord &record, bool response);

private:
    DlpScannerPtr m_scanner;
    PlaceholderMap m_placeholders;
};

} // namespace Switchyard::Guards
