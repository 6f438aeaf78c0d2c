// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/pipeline/embeddings.h"

#include "core/common/tr.h"
#include "core/pipeline/providerregistry.h"
#include "core/translate/embeddingscodec.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace Switchyard::Pipeline {

namespace {

StageResult invalid(const QString &code, const QString &message)
{
    return StageResult::respond(400, QStringLiteral("invalid_request_error"), code, message);
}

QString header(const Exchange &exchange, QByteArrayView name)
{
    return QString::fromUtf8(headerValue(exchange.request.headers, name)).trimmed();
}

} // namespace

StageResult parseEmbeddings(Exchange &exchange)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(exchange.request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (exchange.request.body.trimmed().isEmpty()) {
            return invalid(QStringLiteral("invalid_json"),
                           Tr::tr("the request body is empty; send a JSON object with \"model\" and \"input\""));
        }
        return invalid(QStringLiteral("invalid_json"), Tr::tr("the request body is not valid JSON: %1 at byte %2")
                                                           .arg(parseError.errorString())
                                                           .arg(parseError.offset));
    }
    if (!document.isObject()) {
        return invalid(QStringLiteral("invalid_json"), Tr::tr("the request body must be a JSON object"));
    }
    exchange.body = document.object();
    const QJsonValue model = exchange.body.value(QLatin1String("model"));
    if (!model.isUndefined() && !model.isString()) {
        return invalid(QStringLiteral("invalid_value"), Tr::tr("\"model\" must be a string"));
    }
    exchange.requestedModel = model.toString();
    Result<Translate::EmbeddingsInput> input = Translate::EmbeddingsCodec::decodeOpenAiRequest(exchange.body);
    if (!input) {
        const bool missing = !exchange.body.contains(QLatin1String("input"));
        return invalid(missing ? QStringLiteral("missing_required_parameter") : QStringLiteral("invalid_value"),
                       input.error().message);
    }
    exchange.estimatedPromptTokens = Translate::EmbeddingsCodec::estimatePromptTokens(input.value().texts);
    exchange.stream = false;

    exchange.customer = header(exchange, "x-switchyard-customer");
    if (exchange.customer.isEmpty()) {
        exchange.customer = exchange.body.value(QLatin1String("user")).toString();
    }
    exchange.project = header(exchange, "x-switchyard-project");
    exchange.feature = header(exchange, "x-switchyard-feature");
    exchange.forcedRoute = header(exchange, "x-switchyard-route");
    const QString tags = header(exchange, "x-switchyard-tags");
    for (const QString &tag : tags.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        exchange.tags.append(tag.trimmed());
    }
    return StageResult::proceed();
}

StageResult keepEmbeddingCandidates(Exchange &exchange, const ProviderRegistry &providers)
{
    QList<Routing::Candidate> kept;
    QStringList refused;
    for (const Routing::Candidate &candidate : std::as_const(exchange.candidates)) {
        const std::shared_ptr<Providers::IProvider> provider = providers.provider(candidate.provider);
        if (provider && !provider->supportsEmbeddings()) {
            const QString why = Tr::tr("provider %1 (%2) has no embeddings endpoint")
                                    .arg(candidate.provider, provider->kind());
            exchange.decision.reasons.append(Tr::tr("%1 skipped: %2").arg(candidate.model, why));
            if (!refused.contains(why)) {
                refused.append(why);
            }
            continue;
        }
        kept.append(candidate);
    }
    exchange.candidates = kept;
    if (kept.isEmpty() && !refused.isEmpty()) {
        return invalid(QStringLiteral("embeddings_not_supported"), refused.join(QLatin1String("; ")));
    }
    return StageResult::proceed();
}

QByteArray anthropicBetaHeader(const Exchange &exchange)
{
    if (exchange.clientFormat != Translate::WireFormat::Anthropic)
        return {};
    // Repeated headers are one comma-separated list (RFC 9110 §5.3).
    QByteArrayList values;
    for (const auto &field : exchange.request.headers) {
        if (field.first.compare("anthropic-beta", Qt::CaseInsensitive) == 0 && !field.second.trimmed().isEmpty())
            values.append(field.second.trimmed());
    }
    return values.join(',');
}

} // namespace Switchyard::Pipeline
