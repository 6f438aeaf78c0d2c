// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/pipeline/costing.h"

#include <QCryptographicHash>

#include <array>

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

namespace {

QString computePriceVersion(const Config::Price &price)
{
    const QByteArray canonical = QByteArray::number(price.input, 'g', 12) + '/' + QByteArray::number(price.output, 'g', 12)
        + '/' + QByteArray::number(price.cacheRead, 'g', 12) + '/' + QByteArray::number(price.cacheWrite, 'g', 12);
    return QStringLiteral("p-")
        + QString::fromLatin1(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex().left(8));
}

} // namespace

QString priceVersion(const Config::Price &price)
{
    if (!price.known)
        return {};
    // Called per request with one of a handful of prices: remember the last few per thread
    // instead of hashing each time.
    struct Remembered
    {
        std::array<double, 4> key{};
        QString version;
    };
    thread_local std::array<Remembered, 8> remembered;
    thread_local size_t nextSlot = 0;
    const std::array<double, 4> key{price.input, price.output, price.cacheRead, price.cacheWrite};
    for (const Remembered &entry : remembered) {
        if (!entry.version.isEmpty() && entry.key == key)
            return entry.version;
    }
    Remembered &slot = remembered[nextSlot++ % remembered.size()];
    slot.key = key;
    slot.version = computePriceVersion(price);
    return slot.version;
}

} // namespace Switchyard::Pipeline
