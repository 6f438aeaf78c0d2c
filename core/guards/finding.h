// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace Switchyard::Guards {

/// The kinds of sensitive data the DLP detectors find (DESIGN §7).
enum class DataClass {
    Email,
    Phone,
    Card,       ///< payment card number (Luhn + IIN checked)
    Iban,       ///< IBAN (country length + mod-97 checked)
    NationalId, ///< US SSN, UK NINO, Spanish DNI/NIE
    IpAddress,  ///< IPv4 / IPv6
    Secret,     ///< API keys, tokens, private keys, high-entropy strings
    Custom      ///< a user-defined named pattern; Finding::label holds its name
};

/// What to do with a finding.
enum class GuardAction {
    Redact, ///< replace with a stable placeholder such as [EMAIL_1]
    Block,  ///< refuse the request/response; the message names the class, never the value
    Log,    ///< forward unchanged, record the finding
    Off     ///< ignore the finding entirely
};

/// All built-in classes, in a fixed order (for settings and UIs).
QList<DataClass> builtInDataClasses();
/// Config key of a class: "email", "phone", "card", "iban", "national_id", "ip", "secret", "custom".
QString dataClassKey(DataClass cls);
std::optional<DataClass> dataClassFromKey(QStringView key);
/// Translated, human-readable name ("payment card number").
QString dataClassTitle(DataClass cls);
QString guardActionKey(GuardAction action);
std::optional<GuardAction> guardActionFromKey(QStringView key);

/// One match of a detector. `value` is the matched text: keep it in memory only; never log,
/// store or show it. describe() is the safe text for logs and errors.
struct Finding
{
    DataClass dataClass = DataClass::Custom;
    QString detector; ///< e.g. "email", "card", "ssn", "openai_key", "entropy", "custom:ticket"
    QString label;    ///< custom pattern name; empty for built-in classes
    qsizetype start = 0;
    qsizetype length = 0;
    QString value;

    qsizetype end() const { return start + length; }
    /// Placeholder tag: "EMAIL", "CARD", ... or the upper-cased custom name.
    QString tag() const;
    /// "payment card number (detector card) at 12..31" – never contains the value.
    QString describe() const;
};

} // namespace Switchyard::Guards
