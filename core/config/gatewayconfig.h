// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/config/budgetsettings.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>

namespace Switchyard::Guards {
class GuardSet;
}

namespace Switchyard::Config {

/// `server` section. Field names in the JSON file are a public interface (DESIGN §9).
struct ServerSettings
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 7420;
    bool requireKeys = false;
    qint64 maxBodyBytes = 32LL * 1024 * 1024; ///< "max_body_bytes" → 413 above it
    int maxHeaderBytes = 64 * 1024;           ///< "max_header_bytes" → 431 above it
    int headerTimeoutMs = 30'000;             ///< "header_timeout_ms": whole request must arrive
    int idleTimeoutMs = 120'000;              ///< "idle_timeout_ms": idle keep-alive connection
    int maxConnections = 1024;                ///< "max_connections" → 503 above it
};

/// `resilience` section: when the per-provider circuit breaker opens.
struct ResilienceSettings
{
    int breakerFailures = 5;        ///< "breaker_failures": consecutive failures that open it; 0 = never
    int breakerCooldownMs = 30'000; ///< "breaker_cooldown_ms": open → half-open after this
};

/// One entry of `providers`.
struct ProviderSettings
{
    QString id;
    QString kind;    ///< "openai" or "simulated" (anthropic, gemini later)
    QString baseUrl; ///< e.g. https://api.openai.com/v1
    QString apiKeyEnv;
    QString apiKey;  ///< resolved secret (inline or from the environment); never logged
    QString region;
    int connectTimeoutMs = 10'000;    ///< "connect_timeout_ms"
    int firstByteTimeoutMs = 60'000;  ///< "first_byte_timeout_ms": response headers must arrive
    int requestTimeoutMs = 600'000;   ///< "timeout_ms": whole attempt
    /// "first_token_timeout_ms": streamed replies only; the first event must reach the client
    /// this soon after the headers, else the attempt fails over (0 = off)
    int firstTokenTimeoutMs = 0;
    // simulated only
    double failureRate = 0;           ///< "failure_rate" 0..1: share of attempts answered 503
    int latencyMs = 250;              ///< "latency_ms": time to first token
    int tokensPerSecond = 80;         ///< "tokens_per_second"

    bool isSimulated() const { return kind == QLatin1String("simulated"); }
};

/// USD per 1M tokens per token class.
struct Price
{
    bool known = false;
    double input = 0;
    double output = 0;
    double cacheRead = -1;  ///< < 0: same as input
    double cacheWrite = -1; ///< < 0: same as input
};

/// One entry of `models` (the catalog).
struct ModelSettings
{
    QString id;
    QString provider;
    QString upstream; ///< name sent to the provider; defaults to id
    Price price;
    QMap<QString, double> scores;
    QStringList capabilities;
    qint64 context = 0;
};

struct RouteTarget
{
    QString name; ///< a model id or another route's name
    double weight = 1;
};

/// One entry of `routes`. Strategy-specific fields are kept as parsed.
struct RouteSettings
{
    QString name;
    QString strategy; ///< fallback | loadbalance | score | conditional
    QStringList candidates;      ///< score
    QList<RouteTarget> targets;  ///< fallback, loadbalance
    QMap<QString, double> weights;
    QJsonArray conditions;       ///< conditional
    QString defaultTarget;       ///< conditional: "default"
};

/// A validated configuration: one immutable value, shared read-only between requests.
struct GatewayConfig
{
    QString sourcePath; ///< file it was read from; empty for the embedded defaults
    quint64 version = 0; ///< increases with every applied config
    ServerSettings server;
    ResilienceSettings resilience;
    QList<ProviderSettings> providers;
    QList<ModelSettings> models;
    QList<RouteSettings> routes;
    QString defaultRoute = QStringLiteral("auto"); ///< "default_route": used when model is empty
    QJsonArray rules;
    QJsonArray budgets;                    ///< as written, for the config writer
    QList<BudgetSettings> budgetSettings;  ///< `budgets`, validated
    QJsonObject guards;   ///< `guards` as written (docs/guards.md)
    QJsonArray policies;  ///< `policies` as written
    /// `guards` + `policies` compiled and validated at load; null for a config built in code
    /// (the guard stage then compiles them itself).
    std::shared_ptr<const Guards::GuardSet> guardSet;

    const ProviderSettings *provider(const QString &id) const;
    const ModelSettings *model(const QString &id) const;
    const RouteSettings *route(const QString &name) const;
};

using ConfigSnapshot = std::shared_ptr<const GatewayConfig>;

} // namespace Switchyard::Config
