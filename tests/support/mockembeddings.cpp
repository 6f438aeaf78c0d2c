// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "tests/support/mockembeddings.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtEndian>

namespace Switchyard::Testing::Internal {

namespace {

bool isTokenArray(const QJsonArray &array)
{
    if (array.isEmpty())
        return false;
    for (const QJsonValue &value : array) {
        if (!value.isDouble() || value.toDouble() != double(value.toInteger()) || value.toInteger() < 0)
            return false;
    }
    return true;
}

QString tokensText(const QJsonArray &tokens)
{
    QStringList ids;
    for (const QJsonValue &value : tokens)
        ids.append(QString::number(value.toInteger()));
    return ids.join(QLatin1Char(' '));
}

} // namespace

QList<float> mockEmbedding(const QString &text, int dimensions)
{
    QList<float> vector;
    QByteArray digest;
    for (int i = 0; i < dimensions; ++i) {
        if (i % 32 == 0) {
            digest = QCryptographicHash::hash(QByteArray(text.toUtf8() + QByteArray::number(i / 32)),
                                              QCryptographicHash::Sha256);
        }
        // Multiples of 1/128 in [-1, 1): exact in float32 and in JSON.
        vector.append(float(int(quint8(digest.at(i % 32))) - 128) / 128.0f);
    }
    return vector;
}

std::optional<QString> openAiEmbeddingsError(const QJsonObject &body, MockEmbeddingsInput &out)
{
    if (!body.value(QLatin1String("model")).isString() || body.value(QLatin1String("model")).toString().isEmpty())
        return QStringLiteral("you must provide a model parameter");
    const QJsonValue input = body.value(QLatin1String("input"));
    if (input.isUndefined())
        return QStringLiteral("'input' is a required property");
    if (input.isString()) {
        if (input.toString().isEmpty())
            return QStringLiteral("'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.");
        out.texts.append(input.toString());
    } else if (input.isArray() && isTokenArray(input.toArray())) {
        out.texts.append(tokensText(input.toArray()));
    } else if (input.isArray() && !input.toArray().isEmpty()) {
        const QJsonArray items = input.toArray();
        for (const QJsonValue &item : items) {
            if (item.isString() && !item.toString().isEmpty())
                out.texts.append(item.toString());
            else if (item.isArray() && isTokenArray(item.toArray()))
                out.texts.append(tokensText(item.toArray()));
            else
                return QStringLiteral("'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.");
        }
        if (out.texts.size() > 2048)
            return QStringLiteral("'$.input' is too long. Maximum 2048 items.");
    } else {
        return QStringLiteral("'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.");
    }
    const QJsonValue format = body.value(QLatin1String("encoding_format"));
    if (!format.isUndefined()) {
        if (format.toString() != QLatin1String("float") && format.toString() != QLatin1String("base64"))
            return QStringLiteral("%1 is not one of ['float', 'base64'] - 'encoding_format'")
                .arg(QString::fromUtf8(QJsonDocument(QJsonArray{format}).toJson(QJsonDocument::Compact)));
        out.base64 = format.toString() == QLatin1String("base64");
    }
    const QJsonValue dimensions = body.value(QLatin1String("dimensions"));
    if (!dimensions.isUndefined()) {
        if (!dimensions.isDouble() || dimensions.toInteger(-1) < 1)
            return QStringLiteral("Invalid value for 'dimensions': must be a positive integer.");
        out.dimensions = int(dimensions.toInteger());
    }
    return std::nullopt;
}

QByteArray openAiEmbeddingsBody(const MockEmbeddingsInput &input, const QString &model)
{
    QJsonArray data;
    qint64 tokens = 0;
    const int dimensions = input.dimensions > 0 ? input.dimensions : s_mockEmbeddingDimensions;
    for (qsizetype i = 0; i < input.texts.size(); ++i) {
        const QList<float> vector = mockEmbedding(input.texts.at(i), dimensions);
        QJsonValue embedding;
        if (input.base64) {
            QByteArray bytes(vector.size() * 4, Qt::Uninitialized);
            for (qsizetype j = 0; j < vector.size(); ++j)
                qToLittleEndian(vector.at(j), bytes.data() + 4 * j);
            embedding = QString::fromLatin1(bytes.toBase64());
        } else {
            QJsonArray values;
            for (float value : vector)
                values.append(double(value));
            embedding = values;
        }
        data.append(QJsonObject{{QStringLiteral("object"), QStringLiteral("embedding")},
                                {QStringLiteral("index"), qint64(i)},
                                {QStringLiteral("embedding"), embedding}});
        tokens += qMax<qint64>(1, (input.texts.at(i).size() + 3) / 4);
    }
    const QJsonObject reply{{QStringLiteral("object"), QStringLiteral("list")},
                            {QStringLiteral("data"), data},
                            {QStringLiteral("model"), model},
                            {QStringLiteral("usage"), QJsonObject{{QStringLiteral("prompt_tokens"), tokens},
                                                                  {QStringLiteral("total_tokens"), tokens}}}};
    return QJsonDocument(reply).toJson(QJsonDocument::Indented);
}

std::optional<QString> geminiContentText(const QJsonObject &content)
{
    QString text;
    bool any = false;
    const QJsonArray parts = content.value(QLatin1String("parts")).toArray();
    for (const QJsonValue &part : parts) {
        const QJsonValue value = part.toObject().value(QLatin1String("text"));
        if (value.isString()) {
            text += value.toString();
            any = true;
        }
    }
    if (!any)
        return std::nullopt;
    return text;
}

QJsonObject geminiEmbedding(const QString &text, int dimensions)
{
    QJsonArray values;
    for (float value : mockEmbedding(text, dimensions > 0 ? dimensions : s_mockEmbeddingDimensions))
        values.append(double(value));
    return QJsonObject{{QStringLiteral("values"), values}};
}

} // namespace Switchyard::Testing::Internal
