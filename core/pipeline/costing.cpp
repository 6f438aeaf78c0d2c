// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/pipeline/costing.h"

#include <QCryptographicHash>

namespace Switchyard::Pipeline {

std::optional<double> requestCost(const Usage &usage, const Config::Price &price)
{
    if (!price.known || !usage.known)
        return std::nullopt;
    const double cacheRead = price.cacheRead >= 0 ? price.cacheRead : price.input;
    const double cacheWrite = price.cacheWrite >= 0 ? price.cacheWrite : price.input;
    // outputTokens already include reasoning tokens: they are priced once.
    const double perMillion = double(usage.inputTokens) * price.input
        + double(usage.cacheReadTokens) * cacheRead + double(usage.cacheWriteTokens) * cacheWrite
        + double(usage.outputTokens) * price.output;
    return perMillion / 1'000'000.0;
}

QString priceVersion(const Config::Price &price)
{
    if (!price.known)
        return {};
    const QByteArray canonical = QByteArray::number(price.input, 'g', 12) + '/' + QByteArray::number(price.output, 'g', 12)
        + '/' + QByteArray::number(price.cacheRead, 'g', 12) + '/' + QByteArray::number(price.cacheWrite, 'g', 12);
    return QStringLiteral("p-")
        + QString::fromLatin1(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex().left(8));
}

} // namespace Switchyard::Pipeline
