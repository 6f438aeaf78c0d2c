// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/result.h"

#include <QJsonArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Switchyard::Guards {

struct GuardSettings;

/// Who a policy applies to; an empty field matches anything.
struct PolicyMatch
{
    QString customer;
    QString project;
    QString key; ///< virtual key id
    QString app;

    bool matches(const QString &customerId, const QString &projectId, const QString &keyId,
                 const QString &appName) const;
    /// key 8 + project 4 + customer 2 + app 1, for each field set: the most specific wins.
    int specificity() const;
};

/// One entry of `policies` (DESIGN §7), or the effective policy PolicySet::resolve() returns.
/// Empty lists and unset limits mean "no restriction".
struct Policy
{
    QString name;
    PolicyMatch match;
    QStringList allowedProviders; ///< provider ids, exact (case-insensitive)
    QStringList allowedModels;    ///< globs (* and ?), against "model" or "provider/model"
    QStringList allowedRegions;   ///< provider regions, exact (case-insensitive)
    QString dlpProfile;           ///< a guards profile name; empty = the default profile
    std::optional<qint64> maxTokens;
    std::optional<qint64> rpm;
    std::optional<qint64> tpm;

    /// Effective policies: the names merged, least specific first; and which policy set each
    /// field ("allowed_models" -> "acme-eu"), so reasons can name it.
    QStringList sources;
    QMap<QString, QString> origin;
};

/// An immutable list of policies and the resolver. Cheap to copy (implicitly shared lists).
class PolicySet final
{
public:
    /// Validates `policies`; `guards`, when given, is used to check dlp_profile names.
    /// Errors read "$.policies[1].allowed_models[0]: <problem>".
    static Result<PolicySet> fromJson(const QJsonArray &policies,
                                      const QString &path = QStringLiteral("$.policies"),
                                      const GuardSettings *guards = nullptr);

    /// The effective policy for a request. Merge rule: every matching policy is applied in
    /// order of specificity (PolicyMatch::specificity), ties in file order; each one overrides
    /// the fields it sets (a non-empty list or a set value). No match: an unrestricted policy.
    Policy resolve(const QString &customer, const QString &project, const QString &keyId,
                   const QString &app) const;

    const QList<Policy> &policies() const { return m_policies; }
    bool isEmpty() const { return m_policies.isEmpty(); }

private:
    QList<Policy> m_policies;
};

/// Whether routing may use (provider, model, region) under `policy`; when not and `why` is
/// given, a reason naming the policy and the rule, e.g. "model 'gpt-4o' is not allowed by
/// policy 'acme-eu' (allowed: claude-*)". An empty region fails a region restriction.
bool allowsCandidate(const Policy &policy, const QString &provider, const QString &model,
                     const QString &region, QString *why = nullptr);

/// Case-insensitive glob with * (any run) and ? (one character).
bool globMatch(QStringView pattern, QStringView text);

} // namespace Switchyard::Guards
