// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/result.h"
#include "core/guards/dlpscanner.h"
#include "core/guards/guardsettings.h"
#include "core/guards/injectiondetector.h"
#include "core/guards/policy.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>

#include <memory>

namespace Switchyard::Guards {

/// Everything the guard stages need, built once per applied config: the validated settings,
/// one compiled DlpScanner per profile, the injection detector and the policy set. Immutable
/// and thread-safe; hold it by GuardSetPtr next to the config snapshot and swap it with it.
class GuardSet final
{
public:
    /// `guards` is the config's `guards` object, `policies` its `policies` array; errors name
    /// the JSON path ("$.guards.dlp.custom[0].pattern: ...").
    static Result<std::shared_ptr<const GuardSet>> create(const QJsonObject &guards,
                                                          const QJsonArray &policies = {});

    const GuardSettings &settings() const { return m_settings; }
    const PolicySet &policies() const { return m_policies; }
    const InjectionDetector &injection() const { return m_injection; }
    /// The scanner of a profile; the default profile for an empty or unknown name.
    DlpScannerPtr scanner(const QString &profile = {}) const;
    /// The scanner for the effective policy of a request (its dlp_profile).
    DlpScannerPtr scannerFor(const Policy &policy) const { return scanner(policy.dlpProfile); }

private:
    explicit GuardSet(GuardSettings settings);

    GuardSettings m_settings;
    PolicySet m_policies;
    InjectionDetector m_injection;
    DlpScannerPtr m_default;
    QMap<QString, DlpScannerPtr> m_scanners;
};

using GuardSetPtr = std::shared_ptr<const GuardSet>;

} // namespace Switchyard::Guards
