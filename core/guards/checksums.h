// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include <QStringView>

/// Pure validation helpers behind the DLP detectors. Inputs are the matched text; separators
/// (spaces, dashes) are skipped where the format allows them.
namespace Switchyard::Guards::Internal {

/// Luhn mod-10 over the digits of `text` (non-digits skipped).
bool luhnValid(QStringView text);
/// Digits only, 13–19 of them, a known issuer prefix (Visa, Mastercard, Amex, Discover, JCB,
/// Diners, UnionPay, Maestro) with a length that issuer uses, and a valid Luhn check digit.
bool cardValid(QStringView digits);
/// Upper-case IBAN without spaces: known country, that country's length, mod-97 == 1.
bool ibanValid(QStringView compact);
/// Registered IBAN length for a two-letter country code, 0 when unknown.
int ibanLength(QStringView country);
/// US SSN "AAA-GG-SSSS" (separators already checked): not 000/666/9xx, not 00, not 0000.
bool ssnValid(QStringView digits);
/// UK National Insurance number without spaces, e.g. "AB123456C".
bool ninoValid(QStringView compact);
/// Spanish DNI ("12345678Z") or NIE ("X1234567L"), without separators: control letter.
bool dniValid(QStringView compact);
/// Textual IPv6 address (no zone id); embedded IPv4 tail accepted.
bool ipv6Valid(QStringView text);
/// Shannon entropy of `text` in bits per character.
double shannonEntropy(QStringView text);

} // namespace Switchyard::Guards::Internal
