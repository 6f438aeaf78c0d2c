// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/guards/guardset.h"

namespace Switchyard::Guards {

GuardSet::GuardSet(GuardSettings settings)
    : m_settings(std::move(settings))
    , m_injection(m_settings.injection)
{}

Result<std::shared_ptr<const GuardSet>> GuardSet::create(const QJsonObject &guards,
                                                         const QJsonArray &policies)
{
    Result<GuardSettings> settings = GuardSettings::fromJson(guards);
    if (!settings.ok()) {
        return settings.error();
    }
    std::shared_ptr<GuardSet> set(new GuardSet(std::move(settings).value()));
    Result<PolicySet> policySet = PolicySet::fromJson(policies, QStringLiteral("$.policies"),
                                                      &set->m_settings);
    if (!policySet.ok()) {
        return policySet.error();
    }
    set->m_policies = std::move(policySet).value();
    Result<DlpScannerPtr> defaultScanner = DlpScanner::create(set->m_settings.dlp);
    if (!defaultScanner.ok()) {
        return defaultScanner.error();
    }
    set->m_default = defaultScanner.value();
    for (auto it = set->m_settings.profiles.cbegin(); it != set->m_settings.profiles.cend(); ++it) {
        Result<DlpScannerPtr> scanner = DlpScanner::create(it.value());
        if (!scanner.ok()) {
            return scanner.error();
        }
        set->m_scanners.insert(it.key(), scanner.value());
    }
    return std::shared_ptr<const GuardSet>(std::move(set));
}

DlpScannerPtr GuardSet::scanner(const QString &profile) const
{
    return m_scanners.value(profile, m_default);
}

} // namespace Switchyard::Guards
