// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/translate/embeddingscodec.h"

#include "core/common/tr.h"
#include "core/translate/usagecodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtEndian>

namespace Switchyard::Translate::EmbeddingsCodec {

namespace {

constexpr int s_maxInputs = 2048; // the OpenAI API's own limit per request
constexpr int s_maxDimensions = 65536;

Error invalid(const QString &message)
{
    return Error{QStringLiteral("invalid_request_error"), message};
}

bool isTokenArray(const QJsonArray &array)
{
    if (array.isEmpty()) {
        return false;
    }
    for (const QJsonValue &value : array) {
        if (!value.isDouble() || value.toDouble() != double(value.toInteger())) {
            return false;
        }
    }
    return true;
}

QString tokensText(const QJsonArray &tokens)
{
    QStringList ids;
    for (const QJsonValue &value : tokens) {
        ids.append(QString::number(value.toInteger()));
    }
    return ids.join(QLatin1Char(' '));
}

} // namespace

Result<EmbeddingsInput> decodeOpenAiRequest(const QJsonObject &body)
{
    EmbeddingsInput out;
    const QJsonValue input = body.value(QLatin1String("input"));
    if (input.isUndefined() || input.isNull()) {
        return invalid(Tr::tr("\"input\" is required: a string, an array of strings or an array of token arrays"));
    }
    if (input.isString()) {
        if (input.toString().isEmpty()) {
            return invalid(Tr::tr("\"input\" must not be an empty string"));
        }
        out.texts.append(input.toString());
    } else if (input.isArray()) {
        const QJsonArray items = input.toArray();
        if (items.isEmpty()) {
            return invalid(Tr::tr("\"input\" must not be an empty array"));
        }
        if (isTokenArray(items)) {
            out.tokenArrays = true;
            out.texts.append(tokensText(items));
        } else {
            for (qsizetype i = 0; i < items.size(); ++i) {
                const QJsonValue item = items.at(i);
                if (item.isString() && !item.toString().isEmpty() && !out.tokenArrays) {
                    out.texts.append(item.toString());
                } else if (item.isArray() && isTokenArray(item.toArray())
                           && (out.texts.isEmpty() || out.tokenArrays)) {
                    out.tokenArrays = true;
                    out.texts.append(tokensText(item.toArray()));
                } else {
                    return invalid(Tr::tr("\"input[%1]\" must be a non-empty string (or every item a "
                                          "non-empty token array)").arg(i));
                }
            }
        }
        if (out.texts.size() > s_maxInputs) {
            return invalid(Tr::tr("\"input\" has %1 items; at most %2 are allowed")
                               .arg(out.texts.size()).arg(s_maxInputs));
        }
    } else {
        return invalid(Tr::tr("\"input\" must be a string, an array of strings or an array of token arrays"));
    }

    const QJsonValue format = body.value(QLatin1String("encoding_format"));
    if (!format.isUndefined() && !format.isNull()) {
        if (format.toString() != QLatin1String("float") && format.toString() != QLatin1String("base64")) {
            return invalid(Tr::tr("\"encoding_format\" must be \"float\" or \"base64\""));
        }
        out.base64 = format.toString() == QLatin1String("base64");
    }
    const QJsonValue dimensions = body.value(QLatin1String("dimensions"));
    if (!dimensions.isUndefined() && !dimensions.isNull()) {
        const qint64 value = dimensions.toInteger(-1);
        if (!dimensions.isDouble() || value < 1 || value > s_maxDimensions
            || dimensions.toDouble() != double(value)) {
            return invalid(Tr::tr("\"dimensions\" must be a positive integer"));
        }
        out.dimensions = int(value);
    }
    return out;
}

QJsonObject encodeGeminiBatch(const EmbeddingsInput &input, const QString &model)
{
    const QString name = model.startsWith(QLatin1String("models/")) ? model
                                                                     : QLatin1String("models/") + model;
    QJsonArray requests;
    for (const QString &text : input.texts) {
        QJsonObject request{{QStringLiteral("model"), name},
                            {QStringLiteral("content"),
                             QJsonObject{{QStringLiteral("parts"),
                                          QJsonArray{QJsonObject{{QStringLiteral("text"), text}}}}}}};
        if (input.dimensions > 0) {
            request.insert(QStringLiteral("outputDimensionality"), input.dimensions);
        }
        requests.append(request);
    }
    return QJsonObject{{QStringLiteral("requests"), requests}};
}

Result<QList<QList<float>>> decodeGeminiReply(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject()) {
        return Error{QStringLiteral("invalid_reply"), Tr::tr("the embeddings reply is not a JSON object")};
    }
    const QJsonObject root = document.object();
    QJsonArray embeddings = root.value(QLatin1String("embeddings")).toArray();
    if (root.value(QLatin1String("embedding")).isObject()) {
        embeddings = QJsonArray{root.value(QLatin1String("embedding"))};
    }
    if (embeddings.isEmpty()) {
        return Error{QStringLiteral("invalid_reply"), Tr::tr("the embeddings reply holds no embeddings")};
    }
    QList<QList<float>> vectors;
    for (const QJsonValue &embedding : embeddings) {
        const QJsonArray values = embedding.toObject().value(QLatin1String("values")).toArray();
        if (values.isEmpty()) {
            return Error{QStringLiteral("invalid_reply"), Tr::tr("an embedding in the reply has no values")};
        }
        QList<float> vector;
        vector.reserve(values.size());
        for (const QJsonValue &value : values) {
            vector.append(float(value.toDouble()));
        }
        vectors.append(std::move(vector));
    }
    return vectors;
}

QByteArray encodeOpenAiReply(const QList<QList<float>> &vectors, const QString &model,
                             qint64 promptTokens, bool base64)
{
    QJsonArray data;
    for (qsizetype i = 0; i < vectors.size(); ++i) {
        QJsonValue embedding;
        if (base64) {
            QByteArray bytes(vectors.at(i).size() * qsizetype(sizeof(float)), Qt::Uninitialized);
            for (qsizetype j = 0; j < vectors.at(i).size(); ++j) {
                qToLittleEndian(vectors.at(i).at(j), bytes.data() + j * qsizetype(sizeof(float)));
            }
            embedding = QString::fromLatin1(bytes.toBase64());
        } else {
            QJsonArray values;
            for (float value : vectors.at(i)) {
                values.append(double(value));
            }
            embedding = values;
        }
        data.append(QJsonObject{{QStringLiteral("object"), QStringLiteral("embedding")},
                                {QStringLiteral("index"), qint64(i)},
                                {QStringLiteral("embedding"), embedding}});
    }
    const QJsonObject reply{{QStringLiteral("object"), QStringLiteral("list")},
                            {QStringLiteral("data"), data},
                            {QStringLiteral("model"), model},
                            {QStringLiteral("usage"), QJsonObject{{QStringLiteral("prompt_tokens"), promptTokens},
                                                                  {QStringLiteral("total_tokens"), promptTokens}}}};
    return QJsonDocument(reply).toJson(QJsonDocument::Compact);
}

Usage usageOfOpenAiReply(const QJsonObject &reply)
{
    return UsageCodec::fromOpenAi(reply.value(QLatin1String("usage")).toObject());
}

qint64 estimatePromptTokens(const QStringList &texts)
{
    qint64 tokens = 0;
    for (const QString &text : texts) {
        tokens += qMax<qint64>(1, (text.toUtf8().size() + 3) / 4);
    }
    return tokens;
}

} // namespace Switchyard::Translate::EmbeddingsCodec
