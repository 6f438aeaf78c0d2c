// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/providers/simulated/simulatedembeddings.h"

#include <QCryptographicHash>
#include <QtEndian>

#include <cmath>

namespace Switchyard::Providers::Internal {

QList<float> simulatedEmbedding(const QString &text, int dimensions)
{
    const int size = dimensions > 0 ? dimensions : s_simulatedEmbeddingDimensions;
    const QByteArray digest = QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
    // splitmix64 seeded from the digest: cheap, portable and fully deterministic.
    quint64 state = qFromLittleEndian<quint64>(digest.constData())
                    ^ qFromLittleEndian<quint64>(digest.constData() + 8);
    QList<float> vector;
    vector.reserve(size);
    double norm = 0;
    for (int i = 0; i < size; ++i) {
        state += 0x9E3779B97F4A7C15ULL;
        quint64 z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        z ^= z >> 31;
        const double value = double(z >> 11) / double(1ULL << 53) * 2.0 - 1.0; // [-1, 1)
        vector.append(float(value));
        norm += value * value;
    }
    const double scale = norm > 0 ? 1.0 / std::sqrt(norm) : 1.0;
    for (float &value : vector) {
        value = float(value * scale);
    }
    return vector;
}

CallResult simulatedEmbeddingsReply(const Translate::EmbeddingsInput &input, const QString &model)
{
    QList<QList<float>> vectors;
    for (const QString &text : input.texts) {
        vectors.append(simulatedEmbedding(text, input.dimensions));
    }
    const qint64 tokens = Translate::EmbeddingsCodec::estimatePromptTokens(input.texts);
    CallResult result;
    result.usage.inputTokens = tokens;
    result.usage.known = true;
    result.upstreamModel = model;
    result.tail = Translate::EmbeddingsCodec::encodeOpenAiReply(vectors, model, tokens, input.base64);
    return result;
}

} // namespace Switchyard::Providers::Internal
