// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/pipeline/guardstage.h"

#include "core/common/tr.h"
#include "core/config/guardsection.h"
#include "core/pipeline/guardstate.h"
#include "core/pipeline/guardtexts.h"
#include "core/translate/anthropiccodec.h"

#include <QJsonDocument>

namespace Switchyard::Pipeline {

namespace {

int actionRank(const QString &action)
{
    if (action == QLatin1String("block"))
        return 3;
    if (action == QLatin1String("redact"))
        return 2;
    return action == QLatin1String("log") ? 1 : 0;
}

} // namespace

Guards::GuardSetPtr GuardStage::guardSetFor(const Config::ConfigSnapshot &config)
{
    if (!config)
        return {};
    if (config->guardSet)
        return config->guardSet;
    if (m_config != config) {
        m_config = config;
        Result<Guards::GuardSetPtr> set =
            Guards::GuardSet::create(Config::effectiveGuards(config->guards), config->policies);
        m_compiled = set.ok() ? set.value() : Guards::GuardSetPtr{};
    }
    return m_compiled;
}

void GuardStage::recordFindings(EgressRecord &egress, const QList<Guards::FindingRecord> &findings)
{
    for (const Guards::FindingRecord &finding : findings) {
        if (finding.action == Guards::GuardAction::Off)
            continue;
        const QString cls = finding.dataClass == Guards::DataClass::Custom ? finding.label
                                                                           : Guards::dataClassKey(finding.dataClass);
        if (!egress.dlpClasses.contains(cls))
            egress.dlpClasses.append(cls);
        ++egress.dlpFindings;
        const QString action = Guards::guardActionKey(finding.action);
        if (actionRank(action) > actionRank(egress.dlpAction))
            egress.dlpAction = action;
    }
}

StageResult GuardStage::onRequest(Exchange &exchange)
{
    const Guards::GuardSetPtr set = guardSetFor(exchange.config);
    if (!set)
        return StageResult::respond(500, QStringLiteral("server_error"), QStringLiteral("guards_invalid"),
                                    Tr::tr("the guards or policies of this configuration do not compile"));
    auto state = std::make_shared<GuardState>();
    state->set = set;
    state->policy = set->policies().resolve(exchange.customer, exchange.project, exchange.keyId, exchange.app);
    state->redactor = std::make_unique<Guards::Redactor>(set->scannerFor(state->policy));
    state->guardsResponse = set->settings().scanResponses || state->redactor->restoresResponses();
    exchange.guard = state;
    exchange.egress.policy = state->policy.sources.join(QLatin1Char(','));
    if (exchange.surface == QLatin1String("openai.embeddings"))
        return StageResult::proceed();
    if (StageResult scanned = scanRequest(exchange); scanned.status != StageResult::Status::Continue)
        return scanned;
    capTokens(exchange);
    return StageResult::proceed();
}

StageResult GuardStage::scanRequest(Exchange &exchange)
{
    GuardState &state = *exchange.guard;
    const GuardTexts original = GuardTexts::fromRequest(exchange.body, exchange.clientFormat);

    // Injection first, on the texts as the client wrote them.
    const Guards::InjectionDetector &injection = state.set->injection();
    if (injection.settings().enabled) {
        Guards::InjectionDetector::Verdict verdict = injection.evaluate(original.textsOf({GuardTexts::Role::User}));
        if (injection.settings().scanToolResults) {
            const Guards::InjectionDetector::Verdict tools = injection.evaluate(
                original.textsOf({GuardTexts::Role::ToolResult}), Guards::InjectionDetector::Source::ToolResult);
            if (tools.score > verdict.score)
                verdict = tools;
        }
        exchange.egress.injectionScore = verdict.score;
        exchange.egress.injectionFlagged = verdict.exceeded;
        if (verdict.exceeded) {
            exchange.decision.reasons.append(Tr::tr("prompt injection score %1 (%2)")
                                                 .arg(verdict.score, 0, 'f', 2)
                                                 .arg(verdict.reasons.join(QLatin1String(", "))));
        }
        if (verdict.blocks()) {
            return StageResult::respond(400, QStringLiteral("invalid_request_error"),
                                        QStringLiteral("prompt_injection_blocked"),
                                        Tr::tr("request blocked: it looks like a prompt injection (score %1): %2")
                                            .arg(verdict.score, 0, 'f', 2)
                                            .arg(verdict.details.join(QLatin1String("; "))));
        }
    }

    GuardTexts redacted = original;
    const Guards::RedactionReport report = state.redactor->apply(redacted.texts);
    recordFindings(exchange.egress, report.findings);
    if (report.blocked)
        return StageResult::respond(400, QStringLiteral("invalid_request_error"), QStringLiteral("dlp_blocked"),
                                    report.blockReason);
    if (report.redactions > 0 && redacted.writeBack(exchange.body, original) > 0) {
        state.bodyRewritten = true;
        exchange.decision.reasons.append(Tr::tr("guards: %n value(s) redacted (%1)", nullptr, report.redactions)
                                             .arg(report.classes().join(QLatin1String(", "))));
        if (exchange.clientFormat == Translate::WireFormat::Anthropic) {
            // Providers of other formats translate from the decoded request: decode it again.
            Result<Translate::ChatRequest> chat = Translate::AnthropicCodec::decodeRequest(exchange.body);
            if (chat.ok())
                exchange.chat = std::make_shared<const Translate::ChatRequest>(std::move(chat).value());
        } else {
            exchange.chat.reset();
            exchange.chatError.clear();
        }
    }
    return StageResult::proceed();
}

void GuardStage::capTokens(Exchange &exchange)
{
    // Decision: a policy's max_tokens caps the request (it is lowered, or set when absent)
    // rather than refusing it; the decision record says so.
    const std::optional<qint64> cap = exchange.guard->policy.maxTokens;
    if (!cap || *cap <= 0)
        return;
    QString field = QStringLiteral("max_tokens");
    if (exchange.body.contains(QLatin1String("max_completion_tokens")))
        field = QStringLiteral("max_completion_tokens");
    const qint64 asked = exchange.body.value(field).toInteger(0);
    if (asked > 0 && asked <= *cap)
        return;
    exchange.body.insert(field, *cap);
    exchange.guard->bodyRewritten = true;
    exchange.expectedOutputTokens = *cap;
    const QString policy = exchange.guard->policy.origin.value(QStringLiteral("max_tokens"));
    exchange.decision.reasons.append(asked > 0 ? Tr::tr("policy %1: %2 lowered from %3 to %4")
                                                     .arg(policy, field).arg(asked).arg(*cap)
                                               : Tr::tr("policy %1: %2 set to %3").arg(policy, field).arg(*cap));
    if (exchange.clientFormat == Translate::WireFormat::Anthropic) {
        Result<Translate::ChatRequest> chat = Translate::AnthropicCodec::decodeRequest(exchange.body);
        if (chat.ok())
            exchange.chat = std::make_shared<const Translate::ChatRequest>(std::move(chat).value());
    } else {
        exchange.chat.reset();
        exchange.chatError.clear();
    }
}

} // namespace Switchyard::Pipeline
