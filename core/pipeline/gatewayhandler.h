// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/common/timers.h"
#include "core/config/gatewayconfig.h"
#include "core/pipeline/pipelinecontext.h"
#include "core/pipeline/stage.h"
#include "core/server/irequesthandler.h"

#include <QList>
#include <QObject>
#include <QSet>

#include <memory>
#include <vector>

namespace Switchyard::Pipeline {

class Dispatcher;
class ProviderRegistry;

/// The gateway behind the HTTP server: answers the local endpoints itself and runs
/// chat requests through the stages into a Dispatcher. Lives on the core thread.
class GatewayHandler final : public QObject, public Server::IRequestHandler
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewayHandler)
public:
    explicit GatewayHandler(const PipelineContext &context, QObject *parent = nullptr);
    ~GatewayHandler() override;

    /// The snapshot new requests get; in-flight requests keep theirs.
    void setConfig(Config::ConfigSnapshot config);
    void handleRequest(Server::HttpRequest &&request, std::shared_ptr<Server::ResponseWriter> writer) override;

    int inFlight() const { return int(m_dispatchers.size()); }
    /// Cancels every in-flight request (end of the shutdown drain).
    void cancelAll(const QString &message);

Q_SIGNALS:
    /// The last in-flight request completed.
    void drained();

private:
    void handleChat(Server::HttpRequest &&request, std::shared_ptr<Server::ResponseWriter> writer,
                    Translate::WireFormat surface);
    /// POST /v1/embeddings: parse, route, keep the candidates that can embed, dispatch.
    void handleEmbeddings(Server::HttpRequest &&request, std::shared_ptr<Server::ResponseWriter> writer);
    std::unique_ptr<Exchange> newExchange(Server::HttpRequest &&request,
                                          std::shared_ptr<Server::ResponseWriter> writer,
                                          const QString &surface);
    /// Runs the dispatcher for `exchange` (or its local reply when `result` says Respond).
    void dispatch(std::unique_ptr<Exchange> exchange, const StageResult &result);
    void answerLocal(const Server::HttpRequest &request, Server::ResponseWriter &writer);

    Config::ConfigSnapshot m_config;
    PipelineContext m_context;
    using StageList = std::vector<std::shared_ptr<Stage>>;
    static StageResult runStages(const StageList &stages, Exchange &exchange);
    StageList m_chatStages;       ///< parse, identity, guard, route, budget
    StageList m_embeddingsStages; ///< the same around the embeddings parser

    QSet<Dispatcher *> m_dispatchers;
    /// Finished dispatchers, deleted at the end of the event-loop pass (what deleteLater()
    /// does, without the eventfd write and read of a posted event).
    QList<Dispatcher *> m_finished;
    EndOfPassCall *m_reapFinished;
    qint64 m_startedNs = 0;
};

} // namespace Switchyard::Pipeline
