// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#pragma once

#include "core/budget/budgetledger.h"
#include "core/common/result.h"
#include "core/config/gatewayconfig.h"
#include "core/keys/virtualkey.h"

#include <QObject>

#include <memory>

namespace Switchyard {

namespace Budget {
class AlertNotifier;
}
namespace Keys {
class KeyRegistry;
class PeerProcessResolver;
class RateLimiter;
} // namespace Keys
namespace Pipeline {
struct PipelineContext;
}
namespace Store {
class KeyStore;
}

/// Spend and identity for the core: the budget ledger and its alerts, virtual keys (store,
/// registry, rate limits) and attribution of loopback callers. Lives on the core thread.
class Governance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Governance)
public:
    explicit Governance(QObject *parent = nullptr);
    ~Governance() override;

    /// Opens the key store in the request log's database and seeds the budgets with the spend
    /// already logged in their current periods. A key store failure disables keys (logged).
    void open(const QString &databasePath, const Config::GatewayConfig &config);
    /// Budgets of a new snapshot (plus one per key with a monthly budget); spend carries over.
    void applyConfig(const Config::GatewayConfig &config);
    /// The collaborators the pipeline stages use.
    void fillContext(Pipeline::PipelineContext &context);

    void setPaidTrafficPaused(bool paused);
    bool paidTrafficPaused() const;
    QList<Budget::BudgetStatus> budgetStatuses();

    Result<Keys::IssuedKey> issueKey(const Keys::VirtualKey &settings);
    Result<bool> revokeKey(const QString &id);
    QList<Keys::VirtualKey> keys();

    /// Budgets for a config and a set of keys: the configured ones plus "key:<id>" monthly
    /// blocking budgets for keys that carry one.
    static QList<Config::BudgetSettings> budgetsFor(const Config::GatewayConfig &config,
                                                    const QList<Keys::VirtualKey> &keys);

Q_SIGNALS:
    void budgetAlert(const QString &budget, double threshold, const QString &message);

private:
    void seedSpend(const QString &databasePath);

    std::shared_ptr<Budget::BudgetLedger> m_ledger;
    Budget::AlertNotifier *m_notifier;
    std::unique_ptr<Store::KeyStore> m_keyStore;
    std::unique_ptr<Keys::KeyRegistry> m_keyRegistry;
    std::unique_ptr<Keys::RateLimiter> m_rateLimiter;
    std::unique_ptr<Keys::PeerProcessResolver> m_peers;
    Config::GatewayConfig m_config;
};

} // namespace Switchyard
