// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/pipeline/embeddings.h"

#include "core/common/tr.h"
#include "core/pipeline/parsestage.h"
#include "core/pipeline/providerregistry.h"
#include "core/translate/embeddingscodec.h"


namespace Switchyard::Pipeline {

namespace {

StageResult invalid(const QString &code, const QString &message)
{
    return StageResult::respond(400, QStringLiteral("invalid_request_error"), code, message);
}

} // namespace

StageResult parseEmbeddings(Exchange &exchange)
{
    if (StageResult parsed = parseJsonBody(exchange, [] { return Tr::tr("\"model\" and \"input\""); });
        parsed.status != StageResult::Status::Continue) {
        return parsed;
    }
    Result<Translate::EmbeddingsInput> input = Translate::EmbeddingsCodec::decodeOpenAiRequest(exchange.body);
    if (!input) {
        const bool missing = !exchange.body.contains(QLatin1String("input"));
        return invalid(missing ? QStringLiteral("missing_required_parameter") : QStringLiteral("invalid_value"),
                       input.error().message);
    }
    exchange.estimatedPromptTokens = Translate::EmbeddingsCodec::estimatePromptTokens(input.value().texts);
    exchange.stream = false;

    readAttribution(exchange);
    if (exchange.customer.isEmpty()) {
        exchange.customer = exchange.body.value(QLatin1String("user")).toString();
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
