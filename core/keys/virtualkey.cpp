// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/keys/virtualkey.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <array>

namespace Switchyard::Keys {

QByteArray hashSecret(QByteArrayView secret)
{
    // Secrets carry 256 random bits, so a fast hash is enough: nothing to brute-force.
    return QCryptographicHash::hash(secret, QCryptographicHash::Sha256).toHex();
}

bool isVirtualKey(QByteArrayView credential)
{
    return credential.startsWith("sy-");
}

IssuedKey issueKey(const QString &name, const QDateTime &nowUtc)
{
    VirtualKey settings;
    settings.name = name;
    return issueKey(settings, nowUtc);
}

IssuedKey issueKey(const VirtualKey &settings, const QDateTime &nowUtc)
{
    std::array<quint32, 8> random{};
    QRandomGenerator::system()->fillRange(random.data(), random.size());
    const QByteArray bytes(reinterpret_cast<const char *>(random.data()), qsizetype(random.size() * sizeof(quint32)));
    const QByteArray secret =
        "sy-" + bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);

    IssuedKey issued;
    issued.secret = QString::fromLatin1(secret);
    issued.key = settings;
    issued.key.revokedAt = {};
    issued.key.hash = hashSecret(secret);
    issued.key.id = QStringLiteral("key_") + QString::fromLatin1(issued.key.hash.left(8));
    issued.key.hint = issued.secret.left(7) + QChar(0x2026) + issued.secret.right(4);
    issued.key.createdAt = nowUtc.toUTC();
    return issued;
}

} // namespace Switchyard::Keys
