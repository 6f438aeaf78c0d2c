// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/guards/finding.h"

#include "core/common/tr.h"

namespace Switchyard::Guards {

namespace {

struct ClassName
{
    DataClass cls;
    const char *key;
    const char *tag;
};

constexpr ClassName kClasses[] = {{DataClass::Email, "email", "EMAIL"},
                                  {DataClass::Phone, "phone", "PHONE"},
                                  {DataClass::Card, "card", "CARD"},
                                  {DataClass::Iban, "iban", "IBAN"},
                                  {DataClass::NationalId, "national_id", "NATIONAL_ID"},
                                  {DataClass::IpAddress, "ip", "IP"},
                                  {DataClass::Secret, "secret", "SECRET"},
                                  {DataClass::Custom, "custom", "CUSTOM"}};

constexpr struct
{
    GuardAction action;
    const char *key;
} kActions[] = {{GuardAction::Redact, "redact"},
                {GuardAction::Block, "block"},
                {GuardAction::Log, "log"},
                {GuardAction::Off, "off"}};

} // namespace

QList<DataClass> builtInDataClasses()
{
    return {DataClass::Email,      DataClass::Phone,     DataClass::Card,  DataClass::Iban,
            DataClass::NationalId, DataClass::IpAddress, DataClass::Secret};
}

QString dataClassKey(DataClass cls)
{
    for (const ClassName &c : kClasses) {
        if (c.cls == cls) {
            return QLatin1String(c.key);
        }
    }
    return {};
}

std::optional<DataClass> dataClassFromKey(QStringView key)
{
    for (const ClassName &c : kClasses) {
        if (key == QLatin1String(c.key)) {
            return c.cls;
        }
    }
    return std::nullopt;
}

QString dataClassTitle(DataClass cls)
{
    switch (cls) {
    case DataClass::Email: return Tr::tr("email address");
    case DataClass::Phone: return Tr::tr("phone number");
    case DataClass::Card: return Tr::tr("payment card number");
    case DataClass::Iban: return Tr::tr("IBAN");
    case DataClass::NationalId: return Tr::tr("national id number");
    case DataClass::IpAddress: return Tr::tr("IP address");
    case DataClass::Secret: return Tr::tr("secret (API key, token or private key)");
    case DataClass::Custom: return Tr::tr("custom pattern");
    }
    return {};
}

QString guardActionKey(GuardAction action)
{
    for (const auto &a : kActions) {
        if (a.action == action) {
            return QLatin1String(a.key);
        }
    }
    return {};
}

std::optional<GuardAction> guardActionFromKey(QStringView key)
{
    for (const auto &a : kActions) {
        if (key == QLatin1String(a.key)) {
            return a.action;
        }
    }
    return std::nullopt;
}

QString Finding::tag() const
{
    if (dataClass == DataClass::Custom && !label.isEmpty()) {
        return label.toUpper();
    }
    for (const ClassName &c : kClasses) {
        if (c.cls == dataClass) {
            return QLatin1String(c.tag);
        }
    }
    return QStringLiteral("DATA");
}

QString Finding::describe() const
{
    const QString title = dataClass == DataClass::Custom ? Tr::tr("custom pattern '%1'").arg(label)
                                                         : dataClassTitle(dataClass);
    return Tr::tr("%1 (detector %2) at %3..%4")
        .arg(title, detector, QString::number(start), QString::number(end()));
}

} // namespace Switchyard::Guards
