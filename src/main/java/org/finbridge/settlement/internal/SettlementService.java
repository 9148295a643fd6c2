package org.finbridge.settlement.internal;

import org.finbridge.audit.AuditLog;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.finbridge.party.Actor;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.payments.PaymentId;
import org.finbridge.payments.Payments;
import org.finbridge.settlement.Settlement;
import org.finbridge.settlement.SettlementPolicy;
import org.finbridge.settlement.SettlementResult;
import org.finbridge.settlement.SettlementRun;
import org.finbridge.settlement.SettlementRunId;
import org.finbridge.settlement.SettlementStatement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class SettlementService implements Settlement {

    private final SettlementStore store;
    private final SettlementRuns runs;
    private final AuditLog audit;
    private final Parties parties;
    private final Payments payments;
    private final TransactionTemplate tx;
    private final Clock clock;

    SettlementService(SettlementStore store, SettlementRuns runs, AuditLog audit, Parties parties, Payments payments,
                      PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.runs = runs;
        this.audit = audit;
        this.parties = parties;
        this.payments = payments;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public Optional<SettlementPolicy> policy(Actor actor, PartyId merchant) {
        if (!visibleMerchant(actor, merchant)) {
            return Optional.empty();
        }
        return Optional.of(store.policy(merchant.value()).orElse(SettlementPolicy.standard()));
    }

    @Override
    public SettlementResult setPolicy(Actor actor, PartyId merchant, SettlementPolicy policy) {
        if (!actor.isOperator() || !visibleMerchant(actor, merchant)) {
            return new SettlementResult.NotFound("merchant");
        }
        String problem = policy.problem();
        if (problem != null) {
            return new SettlementResult.InvalidPolicy(problem);
        }
        tx.executeWithoutResult(s -> {
            SettlementPolicy before = store.policy(merchant.value()).orElse(null);
            store.savePolicy(merchant.value(), policy, actor.name(), clock.instant());
            audit.record(actor.name(), "settlement.policy.set", "settlement_policy", merchant.toString(),
                    before == null ? null : before.toString(), policy.toString());
        });
        return new SettlementResult.PolicySet(policy);
    }

    @Override
    public SettlementResult confirmDelivery(Actor actor, PaymentId payment) {
        if (payments.find(actor, payment).isEmpty()) {
            return new SettlementResult.NotFound("payment");
        }
        boolean fresh = Boolean.TRUE.equals(tx.execute(s -> {
            boolean added = store.recordDelivery(payment.value(), clock.instant(), actor.name());
            if (added) {
                audit.record(actor.name(), "settlement.delivery.confirm", "payment", payment.toString(), null,
                        "{\"deliveredAt\":\"" + clock.instant() + "\"}");
            }
            return added;
        }));
        return new SettlementResult.DeliveryRecorded(!fresh);
    }

    @Override
    public SettlementRun run(LocalDate businessDate, String triggeredBy) {
        return runs.run(businessDate, triggeredBy);
    }

    @Override
    public List<SettlementRun> runs(int limit) {
        return store.runs(Math.max(1, Math.min(limit, 200)));
    }

    @Override
    public Optional<SettlementRun> findRun(SettlementRunId id) {
        return store.run(id.value());
    }

    @Override
    public Optional<List<SettlementStatement>> statements(Actor actor, PartyId merchant, SettlementRunId run, int limit) {
        if (!visibleMerchant(actor, merchant)) {
            return Optional.empty();
        }
        return Optional.of(store.statements(merchant.value(), run == null ? null : run.value(), Math.max(1, Math.min(limit, 100))));
    }

    /** A merchant the actor may see: its own, or any for an operator; anything else answers as nonexistent. */
    private boolean visibleMerchant(Actor actor, PartyId merchant) {
        return actor.mayAccess(merchant)
                && parties.find(merchant).filter(p -> p.kind() == PartyKind.MERCHANT).isPresent();
    }
}
