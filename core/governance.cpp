// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/governance.h"

#include "core/budget/alertnotifier.h"
#include "core/common/clock.h"
#include "core/common/tr.h"
#include "core/keys/keyregistry.h"
#include "core/keys/peerprocess.h"
#include "core/keys/ratelimiter.h"
#include "core/pipeline/pipelinecontext.h"
#include "core/store/keystore.h"
#include "core/store/requestreader.h"

#include <QLoggingCategory>
#include <QPointer>

namespace Switchyard {

Q_LOGGING_CATEGORY(lcGovernance, "switchyard.governance")

Governance::Governance(QObject *parent)
    : QObject(parent)
    , m_ledger(std::make_shared<Budget::BudgetLedger>(SystemClock::instance()))
    , m_notifier(new Budget::AlertNotifier(this))
    , m_rateLimiter(std::make_unique<Keys::RateLimiter>(SystemClock::instance()))
    , m_peers(std::make_unique<Keys::PeerProcessResolver>())
{
    connect(m_notifier, &Budget::AlertNotifier::alertRaised, this, &Governance::budgetAlert);
}

Governance::~Governance() = default;

QList<Config::BudgetSettings> Governance::budgetsFor(const Config::GatewayConfig &config,
                                                     const QList<Keys::VirtualKey> &keys)
{
    QList<Config::BudgetSettings> budgets = config.budgetSettings;
    for (const Keys::VirtualKey &key : keys) {
        if (key.isRevoked() || key.monthlyBudgetUsd <= 0)
            continue;
        Config::BudgetSettings budget;
        budget.name = QStringLiteral("key:") + key.id;
        budget.scope = Config::BudgetSettings::Scope::Key;
        budget.match = key.id;
        budget.period = Config::BudgetSettings::Period::Month;
        budget.limitUsd = key.monthlyBudgetUsd;
        budget.alerts = {0.8, 1.0};
        budget.onLimit = Config::BudgetSettings::Action::Block;
        budgets.append(budget);
    }
    return budgets;
}

void Governance::open(const QString &databasePath, const Config::GatewayConfig &config)
{
    m_config = config;
    m_keyStore = std::make_unique<Store::KeyStore>();
    const Result<bool> opened = m_keyStore->open(databasePath);
    if (opened.ok()) {
        m_keyRegistry = std::make_unique<Keys::KeyRegistry>(m_keyStore.get());
        m_keyRegistry->reload();
    } else {
        qCWarning(lcGovernance, "virtual keys are unavailable: %s", qUtf8Printable(opened.error().message));
        m_keyStore.reset();
    }
    applyConfig(config);
    seedSpend(databasePath);
}

void Governance::applyConfig(const Config::GatewayConfig &config)
{
    m_config = config;
    m_ledger->setBudgets(budgetsFor(config, m_keyRegistry ? m_keyRegistry->keys() : QList<Keys::VirtualKey>{}));
}

void Governance::seedSpend(const QString &databasePath)
{
    // Spend already logged in each budget's current period, so a restart does not reset it.
    const QList<Budget::BudgetStatus> statuses = m_ledger->statuses();
    if (statuses.isEmpty())
        return;
    QDateTime earliest = statuses.first().window.start;
    for (const Budget::BudgetStatus &status : statuses)
        earliest = qMin(earliest, status.window.start);
    Store::RequestReader reader;
    if (const Result<int> opened = reader.open(databasePath); !opened.ok()) {
        qCWarning(lcGovernance, "budgets start from zero: %s", qUtf8Printable(opened.error().message));
        return;
    }
    qint64 afterId = 0;
    for (;;) {
        const Result<LogRecordList> page = reader.readRange(earliest, {}, afterId, 5000);
        if (!page.ok()) {
            qCWarning(lcGovernance, "budgets seeded partly: %s", qUtf8Printable(page.error().message));
            return;
        }
        for (const LogRecord &record : page.value()) {
            if (!record.costKnown || record.costUsd <= 0)
                continue;
            const Budget::BudgetSubject subject{record.customer, record.project, record.keyId, record.app, record.tags};
            for (const Budget::BudgetStatus &status : statuses) {
                if (Budget::BudgetLedger::matches(status.budget, subject))
                    m_ledger->addSpend(status.budget.name, record.startedAt, record.costUsd);
            }
        }
        if (page.value().size() < 5000)
            return;
        afterId = page.value().constLast().sequence;
    }
}

void Governance::fillContext(Pipeline::PipelineContext &context)
{
    context.keys = m_keyRegistry.get();
    context.rateLimiter = m_rateLimiter.get();
    context.peers = m_peers.get();
    context.budgets = m_ledger;
    context.budgetAlerts = [notifier = QPointer<Budget::AlertNotifier>(m_notifier)](const QList<Budget::BudgetAlert> &alerts) {
        if (notifier)
            notifier->notify(alerts);
    };
}

void Governance::setPaidTrafficPaused(bool paused)
{
    m_ledger->setPaidTrafficPaused(paused);
}

bool Governance::paidTrafficPaused() const
{
    return m_ledger->paidTrafficPaused();
}

QList<Budget::BudgetStatus> Governance::budgetStatuses()
{
    return m_ledger->statuses();
}

Result<Keys::IssuedKey> Governance::issueKey(const Keys::VirtualKey &settings)
{
    if (!m_keyStore)
        return Error{QStringLiteral("keys.unavailable"), Tr::tr("virtual keys are unavailable (see the log)")};
    const Keys::IssuedKey issued = Keys::issueKey(settings, QDateTime::currentDateTimeUtc());
    if (const Result<bool> stored = m_keyStore->insert(issued.key); !stored.ok())
        return stored.error();
    m_keyRegistry->reload();
    applyConfig(m_config);
    return issued;
}

Result<bool> Governance::revokeKey(const QString &id)
{
    if (!m_keyStore)
        return Error{QStringLiteral("keys.unavailable"), Tr::tr("virtual keys are unavailable (see the log)")};
    const Result<bool> revoked = m_keyStore->revoke(id, QDateTime::currentDateTimeUtc());
    if (revoked.ok()) {
        m_keyRegistry->reload();
        m_rateLimiter->forget(id);
        applyConfig(m_config);
    }
    return revoked;
}

QList<Keys::VirtualKey> Governance::keys()
{
    if (!m_keyRegistry)
        return {};
    m_keyRegistry->reload();
    return m_keyRegistry->keys();
}

} // namespace Switchyard
