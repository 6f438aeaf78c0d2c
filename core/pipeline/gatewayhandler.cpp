// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/pipeline/gatewayhandler.h"

#include "core/common/clock.h"
#include "core/common/tr.h"
#include "core/pipeline/budgetstage.h"
#include "core/pipeline/dispatcher.h"
#include "core/pipeline/embeddings.h"
#include "core/pipeline/guardstage.h"
#include "core/pipeline/identitystage.h"
#include "core/pipeline/providerregistry.h"
#include "core/pipeline/surfaceerrors.h"
#include "core/pipeline/parsestage.h"
#include "core/pipeline/requestrecorder.h"
#include "core/pipeline/routestage.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <cstring>
#include <utility>

namespace Switchyard::Pipeline {

namespace {

const HttpHeaders s_jsonHeaders{{"content-type", "application/json"}};

/// "req_", 12 hex digits of Unix milliseconds, 12 random hex digits. Time-ordered ids land at
/// the end of the log's unique index, so a group commit dirties one index page, not one per row.
QString newRequestId()
{
    const quint64 millis = quint64(QDateTime::currentMSecsSinceEpoch()) & 0xffffffffffffULL;
    const quint64 random = QRandomGenerator::global()->generate64() & 0xffffffffffffULL;
    char id[4 + 24];
    std::memcpy(id, "req_", 4);
    static constexpr char hex[] = "0123456789abcdef";
    for (int i = 0; i < 12; ++i) {
        id[4 + i] = hex[(millis >> (44 - 4 * i)) & 0xf];
        id[16 + i] = hex[(random >> (44 - 4 * i)) & 0xf];
    }
    return QString::fromLatin1(id, sizeof id);
}

QByteArray modelsBody(const Config::GatewayConfig &config)
{
    QJsonArray data;
    for (const Config::RouteSettings &route : config.routes) {
        data.append(QJsonObject{{QStringLiteral("id"), route.name},
                                {QStringLiteral("object"), QStringLiteral("model")},
                                {QStringLiteral("created"), 0},
                                {QStringLiteral("owned_by"), QStringLiteral("switchyard-route")}});
    }
    for (const Config::ModelSettings &model : config.models) {
        data.append(QJsonObject{{QStringLiteral("id"), model.id},
                                {QStringLiteral("object"), QStringLiteral("model")},
                                {QStringLiteral("created"), 0},
                                {QStringLiteral("owned_by"), model.provider}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("object"), QStringLiteral("list")},
                                     {QStringLiteral("data"), data}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

GatewayHandler::GatewayHandler(const PipelineContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_reapFinished(new EndOfPassCall([this] { qDeleteAll(std::exchange(m_finished, {})); }, this))
    , m_startedNs(steadyNowNs())
{
    // Stage order lives here, in one place.
    auto identity = std::make_shared<IdentityStage>(context.keys, context.rateLimiter, context.peers);
    auto guard = std::make_shared<GuardStage>();
    auto route = std::make_shared<RouteStage>(Routing::RouterState{context.live, context.breaker});
    auto budget = std::make_shared<BudgetStage>(context.budgets, context.budgetAlerts);
    m_chatStages = {std::make_shared<ParseStage>(), identity, guard, route, budget};
    m_embeddingsStages = {std::make_shared<FunctionStage>(&parseEmbeddings), identity, guard, route,
                          std::make_shared<FunctionStage>([providers = context.providers](Exchange &ex) {
                              return providers ? keepEmbeddingCandidates(ex, *providers) : StageResult::proceed();
                          }),
                          budget};
}

StageResult GatewayHandler::runStages(const StageList &stages, Exchange &exchange)
{
    for (const std::shared_ptr<Stage> &stage : stages) {
        StageResult result = stage->onRequest(exchange);
        if (result.status != StageResult::Status::Continue)
            return result;
    }
    return StageResult::proceed();
}

GatewayHandler::~GatewayHandler()
{
    qDeleteAll(m_dispatchers);
    qDeleteAll(m_finished);
}


void GatewayHandler::setConfig(Config::ConfigSnapshot config)
{
    m_config = std::move(config);
}

void GatewayHandler::handleRequest(Server::HttpRequest &&request,
                                   std::shared_ptr<Server::ResponseWriter> writer)
{
    const bool openAiChat = request.path == "/v1/chat/completions" || request.path == "/chat/completions";
    const bool anthropicMessages = request.path == "/v1/messages" || request.path == "/messages";
    const bool embeddings = request.path == "/v1/embeddings" || request.path == "/embeddings";
    if (openAiChat || anthropicMessages || embeddings) {
        const Translate::WireFormat surface = anthropicMessages ? Translate::WireFormat::Anthropic
                                                                : Translate::WireFormat::OpenAi;
        if (request.method != "POST") {
            writer->send(405, {{"content-type", "application/json"}, {"allow", "POST"}},
                         surfaceErrorBody(surface, 405, QStringLiteral("invalid_request_error"),
                                          QStringLiteral("method_not_allowed"),
                                          Tr::tr("use POST for %1").arg(QString::fromUtf8(request.path))));
            return;
        }
        if (embeddings)
            handleEmbeddings(std::move(request), std::move(writer));
        else
            handleChat(std::move(request), std::move(writer), surface);
        return;
    }
    answerLocal(request, *writer);
}

void GatewayHandler::answerLocal(const Server::HttpRequest &request, Server::ResponseWriter &writer)
{
    const bool isGet = request.method == "GET" || request.method == "HEAD";
    if (isGet && request.path == "/health") {
        const QJsonObject health{{QStringLiteral("status"), QStringLiteral("ok")},
                                 {QStringLiteral("version"), QCoreApplication::applicationVersion()},
                                 {QStringLiteral("uptime_s"), double(steadyNowNs() - m_startedNs) / 1e9},
                                 {QStringLiteral("in_flight"), inFlight()}};
        writer.send(200, s_jsonHeaders, QJsonDocument(health).toJson(QJsonDocument::Compact));
        return;
    }
    if (isGet && (request.path == "/v1/models" || request.path == "/models")) {
        writer.send(200, s_jsonHeaders, modelsBody(*m_config));
        return;
    }
    writer.send(404, s_jsonHeaders,
                surfaceErrorBody(Translate::WireFormat::OpenAi, 404, QStringLiteral("invalid_request_error"),
                                 QStringLiteral("unknown_url"),
                                 Tr::tr("no endpoint %1 %2; this gateway serves POST /v1/chat/completions, "
                                        "POST /v1/messages, POST /v1/embeddings, GET /v1/models and GET /health")
                                     .arg(QString::fromUtf8(request.method), QString::fromUtf8(request.path))));
}

std::unique_ptr<Exchange> GatewayHandler::newExchange(Server::HttpRequest &&request,
                                                      std::shared_ptr<Server::ResponseWriter> writer,
                                                      const QString &surface)
{
    auto exchange = std::make_unique<Exchange>();
    exchange->requestId = newRequestId();
    exchange->startNs = steadyNowNs();
    exchange->startedAt = SystemClock::instance()->now();
    exchange->request = std::move(request);
    exchange->writer = std::move(writer);
    exchange->config = m_config;
    exchange->surface = surface;
    m_context.recorder->requestStarted();
    return exchange;
}

void GatewayHandler::handleChat(Server::HttpRequest &&request, std::shared_ptr<Server::ResponseWriter> writer,
                                Translate::WireFormat surface)
{
    std::unique_ptr<Exchange> exchange =
        newExchange(std::move(request), std::move(writer),
                    surface == Translate::WireFormat::Anthropic ? QStringLiteral("anthropic.messages")
                                                                : QStringLiteral("openai.chat"));
    exchange->clientFormat = surface;

    const StageResult result = runStages(m_chatStages, *exchange);
    dispatch(std::move(exchange), result);
}

void GatewayHandler::handleEmbeddings(Server::HttpRequest &&request,
                                      std::shared_ptr<Server::ResponseWriter> writer)
{
    std::unique_ptr<Exchange> exchange =
        newExchange(std::move(request), std::move(writer), QStringLiteral("openai.embeddings"));
    exchange->clientFormat = Translate::WireFormat::OpenAi;

    const StageResult result = runStages(m_embeddingsStages, *exchange);
    dispatch(std::move(exchange), result);
}

void GatewayHandler::dispatch(std::unique_ptr<Exchange> exchange, const StageResult &result)
{
    auto *dispatcher = new Dispatcher(std::move(exchange), m_context, this);
    m_dispatchers.insert(dispatcher);
    connect(dispatcher, &Dispatcher::done, this, [this, dispatcher] {
        m_dispatchers.remove(dispatcher);
        m_finished.append(dispatcher); // it is still on the stack: delete it after this pass
        m_reapFinished->request();
        if (m_dispatchers.isEmpty())
            Q_EMIT drained();
    });
    if (result.status == StageResult::Status::Respond) {
        dispatcher->reject(result);
        return;
    }
    dispatcher->start();
}

void GatewayHandler::cancelAll(const QString &message)
{
    const QSet<Dispatcher *> dispatchers = m_dispatchers;
    for (Dispatcher *dispatcher : dispatchers)
        dispatcher->cancel(message);
}

} // namespace Switchyard::Pipeline
