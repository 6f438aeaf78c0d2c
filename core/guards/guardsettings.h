// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/result.h"
#include "core/guards/finding.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

namespace Switchyard::Guards {

/// A named user regex (`guards.dlp.custom[]`), validated when the settings are parsed.
struct CustomPattern
{
    QString name;    ///< [a-z][a-z0-9_]*; the placeholder tag is its upper-case form
    QString pattern; ///< PCRE2 syntax as accepted by QRegularExpression
    GuardAction action = GuardAction::Redact;
    bool caseInsensitive = false;
};

/// One DLP profile: which detectors run and what happens to each class.
struct DlpSettings
{
    bool enabled = true;
    GuardAction defaultAction = GuardAction::Redact;
    QMap<DataClass, GuardAction> actions; ///< per-class overrides of defaultAction
    QSet<DataClass> disabled;             ///< classes whose detectors do not run
    QList<CustomPattern> custom;
    bool restoreResponses = false; ///< put original values back into responses
    double entropyBits = 4.2;      ///< generic secret: minimum Shannon entropy per character
    int entropyMinLength = 32;     ///< generic secret: minimum token length

    GuardAction actionFor(const Finding &finding) const;
    bool runs(DataClass cls) const { return enabled && !disabled.contains(cls); }
};

enum class InjectionAction {
    Flag,
    Block
};

struct InjectionSettings
{
    bool enabled = true;
    double threshold = 0.5; ///< score at or above which the action applies
    InjectionAction action = InjectionAction::Flag;
    bool scanToolResults = true;
};

/// The validated `guards` config section (DESIGN §7, docs/guards.md):
/// {"dlp": {...}, "profiles": {"strict": {...}}, "injection": {...}, "scan_responses": false}
struct GuardSettings
{
    DlpSettings dlp; ///< the default profile, also reachable as "default"
    QMap<QString, DlpSettings> profiles;
    InjectionSettings injection;
    bool scanResponses = false;

    /// The named profile; the default one for an empty or unknown name.
    const DlpSettings &profile(const QString &name) const;
    bool hasProfile(const QString &name) const;

    /// Parses and validates; errors read "$.guards.dlp.custom[0].pattern: <problem>".
    static Result<GuardSettings> fromJson(const QJsonObject &guards,
                                          const QString &path = QStringLiteral("$.guards"));
};

} // namespace Switchyard::Guards
