package org.finbridge.settlement.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.LedgerBusyException;
import org.finbridge.ledger.LedgerUnavailableException;
import org.finbridge.ledger.Transfer;
import org.finbridge.ledger.TransferId;
import org.finbridge.ledger.TransferResult;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.payments.Payment;
import org.finbridge.payments.PaymentId;
import org.finbridge.payments.Payments;
import org.finbridge.platform.TimeOrderedIds;
import org.finbridge.settlement.SettlementPolicy;
import org.finbridge.settlement.SettlementRun;
import org.finbridge.settlement.SettlementRunId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works settlement runs (Mojaloop's settlement windows, TigerBeetle's reliable transaction submission):
 *
 * <ol>
 *   <li><b>Claim.</b> One run per business date (unique key). A node works a run only while it holds its
 *       lease, taken by a conditional update; a second node asking at the same time answers the run as it
 *       stands. A node that died leaves its lease to run out, and the next claimant resumes.</li>
 *   <li><b>Plan.</b> Every line with its ledger transfer id ({@code settlement:<run>:<payment>:<kind>}) is
 *       written in one transaction with the move to PLANNED, before any money moves.</li>
 *   <li><b>Apply.</b> Pending lines go to the ledger (its own transaction) in order; each answer is recorded
 *       afterwards with the payment's settled counters, only for a line still PENDING. A resubmission after a
 *       crash answers EXISTS for what was already applied, so every amount moves once.</li>
 *   <li><b>Complete.</b> With no line pending, the statements are written and the run COMPLETED in one
 *       transaction.</li>
 * </ol>
 * Runs are worked in date order: a later run plans only when every earlier run is complete, since
 * planning reads the settled counters those runs move.
 */
@Component
class SettlementRuns {

    private static final Logger log = LoggerFactory.getLogger(SettlementRuns.class);
    static final int CHUNK = 2_000;

    /** Reads payments as the platform: settlement acts for every merchant. */
    static final Actor SYSTEM = new Actor("system", "system", Actor.Channel.API_KEY, new PartyId(new UUID(0, 0)),
            PartyKind.OPERATOR, null, java.util.EnumSet.of(ApiScope.PAYMENTS_READ));

    private final SettlementStore store;
    private final SettlementAudit audit;
    private final Payments payments;
    private final Ledger ledger;
    private final MerchantAccounts accounts;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration lease;
    private final String node = "node-" + UUID.randomUUID();
    /** Test seam: called at named points of a run so a test can interrupt it where a crash would. */
    private volatile Consumer<String> checkpoint = point -> { };

    SettlementRuns(SettlementStore store, SettlementAudit audit, Payments payments, Ledger ledger, MerchantAccounts accounts,
                   PlatformTransactionManager transactions, Clock clock,
                   @Value("${finbridge.settlement.lease:PT2M}") Duration lease) {
        this.store = store;
        this.audit = audit;
        this.payments = payments;
        this.ledger = ledger;
        this.accounts = accounts;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.lease = lease;
    }

    void onCheckpoint(Consumer<String> c) {
        this.checkpoint = c == null ? point -> { } : c;
    }

    String node() {
        return node;
    }

    SettlementRun run(LocalDate date, String triggeredBy) {
        boolean earlierDone = true;
        for (UUID earlier : store.unfinishedBefore(date)) {
            work(earlier);
            earlierDone &= "COMPLETED".equals(store.status(earlier));
        }
        UUID id = store.runOf(date).map(r -> r.id().value()).orElseGet(() -> create(date, triggeredBy));
        if (earlierDone) {
            work(id);
        }
        return store.run(id).orElseThrow();
    }

    /** Finishes runs of dates before {@code date} left unfinished (a crashed node, a ledger outage). */
    void resumeUnfinished(LocalDate date) {
        for (UUID run : store.unfinishedBefore(date)) {
            work(run);
            if (!"COMPLETED".equals(store.status(run))) {
                return;
            }
        }
    }

    private UUID create(LocalDate date, String by) {
        UUID id = TimeOrderedIds.next(clock);
        try {
            tx.executeWithoutResult(s -> {
                store.createRun(id, date, by, clock.instant());
                store.runOf(date).filter(r -> r.id().value().equals(id)).ifPresent(r ->
                        audit.record(by, "settlement.run.create", "settlement_run", r.id().toString(), null,
                                "{\"businessDate\":\"" + date + "\"}"));
            });
        } catch (DataIntegrityViolationException raced) {
            // another node created the date's run between our check and insert: theirs is the run
        }
        return store.runOf(date).orElseThrow().id().value();
    }

    /** Works the run as far as it can go now; answers quietly when another node holds it. */
    void work(UUID run) {
        if (!store.claim(run, node, clock.instant(), clock.instant().plus(lease))) {
            return;
        }
        // an unexpected failure keeps the lease, as a killed node would: the run waits for it to run out
        try {
            if ("CREATED".equals(store.status(run))) {
                plan(run);
            }
            checkpoint.accept("planned");
            if (apply(run)) {
                complete(run);
            }
        } catch (LedgerBusyException | LedgerUnavailableException e) {
            log.warn("settlement run {} deferred: {}", new SettlementRunId(run), e.getMessage());
        }
        store.release(run, node);
    }

    private void plan(UUID run) {
        SettlementRun r = store.run(run).orElseThrow();
        LocalDate date = r.businessDate();
        Map<UUID, SettlementPolicy> policies = store.policies();
        Map<String, List<SettlementStore.StoredLine>> byAccount = new LinkedHashMap<>();
        for (ReleasePlanner.Tracked t : store.tracked()) {
            SettlementPolicy policy = policies.getOrDefault(t.merchantId(), SettlementPolicy.standard());
            if (!ReleasePlanner.released(policy, t, date)) {
                continue;
            }
            Optional<Payment> p = payments.find(SYSTEM, new PaymentId(t.paymentId()));
            if (p.isEmpty()) {
                continue;
            }
            for (ReleasePlanner.Line l : ReleasePlanner.plan(policy, t, p.get(), date)) {
                UUID transfer = TransferId.derived("settlement:" + run + ":" + t.paymentId() + ":" + l.kind()).value();
                byAccount.computeIfAbsent(t.merchantId() + ":" + t.currency(), k -> new ArrayList<>())
                        .add(new SettlementStore.StoredLine(run, t.paymentId(), l.kind(), t.merchantId(), t.currency(), l.amount(),
                                transfer, "PENDING", null));
            }
        }
        List<SettlementStore.StoredLine> lines = new ArrayList<>();
        byAccount.values().forEach(group -> lines.addAll(admit(group, policies)));
        tx.executeWithoutResult(s -> {
            if (store.markPlanned(run, clock.instant())) {
                store.insertLines(lines);
                audit.record(null, "settlement.run.plan", "settlement_run",
                        new SettlementRunId(run).toString(), "{\"status\":\"CREATED\"}",
                        "{\"status\":\"PLANNED\",\"lines\":" + lines.size() + "}");
            }
        });
    }

    /**
     * One merchant's lines in one currency: the reserve it may give back is what its reserve account holds
     * (chargebacks of other payments may have used it), and a release below the policy's minimum waits
     * for the next run unless it carries a recovery.
     */
    private List<SettlementStore.StoredLine> admit(List<SettlementStore.StoredLine> group, Map<UUID, SettlementPolicy> policies) {
        SettlementStore.StoredLine first = group.getFirst();
        SettlementPolicy policy = policies.getOrDefault(first.merchantId(), SettlementPolicy.standard());
        long reserveLeft = accounts.postedCreditBalance(accounts.reserve(first.merchantId(), first.currency()))
                + group.stream().filter(l -> l.kind() == ReleasePlanner.Kind.RESERVE_WITHHOLD).mapToLong(SettlementStore.StoredLine::amount).sum();
        List<SettlementStore.StoredLine> admitted = new ArrayList<>();
        long net = 0;
        boolean recovery = false;
        for (SettlementStore.StoredLine l : group) {
            SettlementStore.StoredLine line = l;
            if (l.kind() == ReleasePlanner.Kind.RESERVE_RELEASE) {
                long amount = Math.min(l.amount(), Math.max(0, reserveLeft));
                if (amount <= 0) {
                    continue;
                }
                reserveLeft -= amount;
                line = new SettlementStore.StoredLine(l.runId(), l.paymentId(), l.kind(), l.merchantId(), l.currency(), amount,
                        l.transferId(), l.status(), null);
            }
            switch (line.kind()) {
                case RELEASE, RESERVE_RELEASE -> net += line.amount();
                case RECOVERY -> {
                    net -= line.amount();
                    recovery = true;
                }
                case RESERVE_WITHHOLD -> { }
            }
            admitted.add(line);
        }
        if (!recovery && policy.minimumPayoutMinorUnits() > 0 && net < policy.minimumPayoutMinorUnits()) {
            return List.of();
        }
        return admitted;
    }

    /** @return true when no line is left pending */
    private boolean apply(UUID run) {
        while (true) {
            List<SettlementStore.StoredLine> pending = store.pendingLines(run);
            if (pending.isEmpty()) {
                return true;
            }
            List<SettlementStore.StoredLine> chunk = pending.subList(0, Math.min(CHUNK, pending.size()));
            List<Transfer> transfers = new ArrayList<>(chunk.size());
            for (SettlementStore.StoredLine l : chunk) {
                transfers.add(transfer(l));
            }
            List<TransferResult> results = ledger.submit(transfers);
            checkpoint.accept("submitted");
            tx.executeWithoutResult(s -> {
                for (int i = 0; i < chunk.size(); i++) {
                    TransferResult r = results.get(i);
                    boolean posted = r == TransferResult.OK || r == TransferResult.EXISTS;
                    store.recordLine(chunk.get(i), posted, posted ? null : r.name());
                }
            });
            checkpoint.accept("recorded");
            if (!store.renew(run, node, clock.instant().plus(lease))) {
                return false; // our lease ran out and another node took over: it finishes the run
            }
        }
    }

    private Transfer transfer(SettlementStore.StoredLine l) {
        AccountId pending = accounts.pending(l.merchantId(), l.currency());
        AccountId available = accounts.available(l.merchantId(), l.currency());
        AccountId reserve = accounts.reserve(l.merchantId(), l.currency());
        TransferId id = new TransferId(l.transferId());
        Transfer t = switch (l.kind()) {
            case RELEASE -> Transfer.posted(id, pending, available, l.amount(), l.currency(), "SETTLEMENT_RELEASE");
            case RECOVERY -> Transfer.posted(id, available, pending, l.amount(), l.currency(), "SETTLEMENT_RECOVERY");
            case RESERVE_WITHHOLD -> Transfer.posted(id, pending, reserve, l.amount(), l.currency(), "SETTLEMENT_RESERVE_WITHHOLD");
            case RESERVE_RELEASE -> Transfer.posted(id, reserve, available, l.amount(), l.currency(), "SETTLEMENT_RESERVE_RELEASE");
        };
        return t.withExternalRef(new PaymentId(l.paymentId()).toString());
    }

    private void complete(UUID run) {
        tx.executeWithoutResult(s -> {
            if (store.markCompleted(run, clock.instant())) {
                store.writeStatements(run, clock);
                SettlementRun r = store.run(run).orElseThrow();
                audit.record(null, "settlement.run.complete", "settlement_run", r.id().toString(), "{\"status\":\"PLANNED\"}",
                        "{\"status\":\"COMPLETED\",\"posted\":" + r.posted() + ",\"refused\":" + r.refused() + "}");
            }
        });
    }
}
