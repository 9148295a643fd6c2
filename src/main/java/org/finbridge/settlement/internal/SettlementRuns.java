package org.finbridge.settlement.internal;

import org.finbridge.audit.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.finbridge.payments.CapturedAmounts;
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
 *   <li><b>Plan.</b> Every line (one per payment and kind) and every posting (one per merchant, currency and
 *       kind, summing its lines, with its ledger transfer id {@code settlement:<run>:<merchant>:<ccy>:<kind>})
 *       is written in one transaction with the move to PLANNED, before any money moves. Payments' running
 *       totals are read in bulk ({@link Payments#capturedAmounts}), lines written many rows per statement.</li>
 *   <li><b>Apply.</b> Pending postings go to the ledger (its own transaction, through its batcher) in order;
 *       each answer is recorded afterwards, only for a posting still PENDING. A resubmission after a crash
 *       answers EXISTS for what was already applied, so every amount moves once. A posting's lines are
 *       what settlement moved for their payments once it is POSTED; a refused posting's lines are planned
 *       again by the next run.</li>
 *   <li><b>Complete.</b> With no posting pending, the statements are written and the run COMPLETED in one
 *       transaction.</li>
 * </ol>
 * Runs are worked in date order: a later run plans only when every earlier run is complete, since
 * planning reads what those runs moved.
 */
@Component
class SettlementRuns {

    private static final Logger log = LoggerFactory.getLogger(SettlementRuns.class);
    /** Postings per ledger request, within the ledger's limit. */
    static final int CHUNK = 2_000;

    /** Reads payments as the platform: settlement acts for every merchant. */
    static final Actor SYSTEM = new Actor("system", "system", Actor.Channel.API_KEY, new PartyId(new UUID(0, 0)),
            PartyKind.OPERATOR, null, java.util.EnumSet.of(ApiScope.PAYMENTS_READ));

    private final SettlementStore store;
    private final AuditLog audit;
    private final Payments payments;
    private final Ledger ledger;
    private final MerchantAccounts accounts;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration lease;
    private final String node = "node-" + UUID.randomUUID();
    /** Test seam: called at named points of a run so a test can interrupt it where a crash would. */
    private volatile Consumer<String> checkpoint = point -> { };

    SettlementRuns(SettlementStore store, AuditLog audit, Payments payments, Ledger ledger, MerchantAccounts accounts,
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
            long started = System.nanoTime();
            if ("CREATED".equals(store.status(run))) {
                plan(run);
            }
            long planned = System.nanoTime();
            checkpoint.accept("planned");
            if (apply(run)) {
                long applied = System.nanoTime();
                complete(run);
                log.info("settlement run {}: planned in {} ms, applied in {} ms, completed in {} ms", new SettlementRunId(run),
                        (planned - started) / 1_000_000, (applied - planned) / 1_000_000, (System.nanoTime() - applied) / 1_000_000);
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
        // the payments the date releases, read one by one; their running totals then in bulk reads
        long started = System.nanoTime();
        List<ReleasePlanner.Tracked> due = new ArrayList<>();
        store.forEachTracked(t -> {
            if (ReleasePlanner.released(policies.getOrDefault(t.merchantId(), SettlementPolicy.standard()), t, date)) {
                due.add(t);
            }
        });
        long read = System.nanoTime();
        Map<String, List<SettlementStore.StoredLine>> byAccount = new LinkedHashMap<>();
        for (int from = 0; from < due.size(); from += Payments.MAX_BULK_READ) {
            List<ReleasePlanner.Tracked> part = due.subList(from, Math.min(due.size(), from + Payments.MAX_BULK_READ));
            Map<UUID, CapturedAmounts> amounts = new HashMap<>(part.size() * 2);
            for (CapturedAmounts a : payments.capturedAmounts(SYSTEM, part.stream().map(t -> new PaymentId(t.paymentId())).toList())) {
                amounts.put(a.id().value(), a);
            }
            for (ReleasePlanner.Tracked t : part) {
                CapturedAmounts a = amounts.get(t.paymentId());
                if (a == null) {
                    continue;
                }
                SettlementPolicy policy = policies.getOrDefault(t.merchantId(), SettlementPolicy.standard());
                for (ReleasePlanner.Line l : ReleasePlanner.plan(policy, t, a, date)) {
                    byAccount.computeIfAbsent(t.merchantId() + ":" + t.currency(), k -> new ArrayList<>())
                            .add(new SettlementStore.StoredLine(run, t.paymentId(), l.kind(), t.merchantId(), t.currency(), l.amount()));
                }
            }
        }
        due.clear();
        long computed = System.nanoTime();
        List<SettlementStore.StoredLine> lines = new ArrayList<>();
        List<SettlementStore.StoredPosting> postings = new ArrayList<>();
        for (List<SettlementStore.StoredLine> group : byAccount.values()) {
            List<SettlementStore.StoredLine> admitted = admit(group, policies);
            lines.addAll(admitted);
            postings.addAll(postings(run, admitted));
        }
        byAccount.clear();
        // in the order of the lines' key, so that the index grows at its right edge instead of at random pages
        lines.sort(java.util.Comparator.comparing(SettlementStore.StoredLine::merchantId).thenComparing(SettlementStore.StoredLine::currency)
                .thenComparing(l -> l.kind().name()).thenComparing(SettlementStore.StoredLine::paymentId));
        long admittedAt = System.nanoTime();
        tx.executeWithoutResult(s -> {
            if (store.markPlanned(run, clock.instant())) {
                store.insertLines(lines);
                store.insertPostings(postings);
                audit.record(null, "settlement.run.plan", "settlement_run",
                        new SettlementRunId(run).toString(), "{\"status\":\"CREATED\"}",
                        "{\"status\":\"PLANNED\",\"lines\":" + lines.size() + ",\"postings\":" + postings.size() + "}");
            }
        });
        log.info("settlement run {} plan: {} lines, {} postings; tracked read in {} ms, payments read and lines computed in {} ms,"
                        + " admitted in {} ms, written in {} ms", new SettlementRunId(run), lines.size(), postings.size(),
                (read - started) / 1_000_000, (computed - read) / 1_000_000, (admittedAt - computed) / 1_000_000,
                (System.nanoTime() - admittedAt) / 1_000_000);
    }

    /** One ledger transfer per kind for a merchant's admitted lines in one currency, its id derived from run, merchant, currency and kind. */
    private static List<SettlementStore.StoredPosting> postings(UUID run, List<SettlementStore.StoredLine> admitted) {
        Map<ReleasePlanner.Kind, long[]> sums = new java.util.EnumMap<>(ReleasePlanner.Kind.class);
        for (SettlementStore.StoredLine l : admitted) {
            long[] s = sums.computeIfAbsent(l.kind(), k -> new long[2]);
            s[0] = Math.addExact(s[0], l.amount());
            s[1]++;
        }
        if (admitted.isEmpty()) {
            return List.of();
        }
        UUID merchant = admitted.getFirst().merchantId();
        String currency = admitted.getFirst().currency();
        // netting: a release and a recovery of one merchant and currency move only their difference, in one transfer
        long released = sums.containsKey(ReleasePlanner.Kind.RELEASE) ? sums.get(ReleasePlanner.Kind.RELEASE)[0] : 0;
        long recovered = sums.containsKey(ReleasePlanner.Kind.RECOVERY) ? sums.get(ReleasePlanner.Kind.RECOVERY)[0] : 0;
        boolean netted = released > 0 && recovered > 0;
        ReleasePlanner.Kind carrier = released >= recovered ? ReleasePlanner.Kind.RELEASE : ReleasePlanner.Kind.RECOVERY;
        List<SettlementStore.StoredPosting> out = new ArrayList<>();
        sums.forEach((kind, s) -> {
            long transferAmount = s[0];
            ReleasePlanner.Kind into = null;
            if (netted && (kind == ReleasePlanner.Kind.RELEASE || kind == ReleasePlanner.Kind.RECOVERY)) {
                transferAmount = kind == carrier ? Math.abs(released - recovered) : 0;
                into = kind == carrier ? null : carrier;
            }
            out.add(new SettlementStore.StoredPosting(run, merchant, currency, kind, s[0], Math.toIntExact(s[1]),
                    TransferId.derived("settlement:" + run + ":" + merchant + ":" + currency + ":" + kind).value(), "PENDING", null,
                    transferAmount, into));
        });
        return out;
    }

    /**
     * One merchant's lines in one currency: the reserve it may give back is what its reserve account holds
     * (chargebacks of other payments may have used it), and a release below the policy's minimum waits
     * for the next run unless it carries a recovery.
     */
    private List<SettlementStore.StoredLine> admit(List<SettlementStore.StoredLine> group, Map<UUID, SettlementPolicy> policies) {
        SettlementStore.StoredLine first = group.getFirst();
        SettlementPolicy policy = policies.getOrDefault(first.merchantId(), SettlementPolicy.standard());
        boolean givesReserveBack = group.stream().anyMatch(l -> l.kind() == ReleasePlanner.Kind.RESERVE_RELEASE);
        long reserveLeft = !givesReserveBack ? 0 : accounts.postedCreditBalance(accounts.reserve(first.merchantId(), first.currency()))
                + group.stream().filter(l -> l.kind() == ReleasePlanner.Kind.RESERVE_WITHHOLD).mapToLong(SettlementStore.StoredLine::amount).sum();
        if (givesReserveBack) {
            // the cap applies in a fixed order, so every node plans the same lines
            group = group.stream().sorted(java.util.Comparator.comparing(SettlementStore.StoredLine::paymentId)).toList();
        }
        List<SettlementStore.StoredLine> admitted = new ArrayList<>(group.size());
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
                line = new SettlementStore.StoredLine(l.runId(), l.paymentId(), l.kind(), l.merchantId(), l.currency(), amount);
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

    /** @return true when no posting is left pending */
    private boolean apply(UUID run) {
        while (true) {
            List<SettlementStore.StoredPosting> pending = store.pendingPostings(run);
            if (pending.isEmpty()) {
                return true;
            }
            // a posting carried in another (netted) moves with it; one that nets to nothing moves nothing
            List<SettlementStore.StoredPosting> carried = pending.stream().filter(p -> p.nettedInto() != null).toList();
            List<SettlementStore.StoredPosting> moving = pending.stream().filter(p -> p.nettedInto() == null).toList();
            if (moving.isEmpty()) {
                // only carried postings left (their carrier was recorded earlier): they share its outcome
                tx.executeWithoutResult(s -> carried.forEach(p -> {
                    String status = store.postingStatus(p.runId(), p.merchantId(), p.currency(), p.nettedInto());
                    store.recordPosting(p, "POSTED".equals(status), "POSTED".equals(status) ? null : "NETTED_POSTING_REFUSED");
                }));
                continue;
            }
            List<SettlementStore.StoredPosting> chunk = moving.subList(0, Math.min(CHUNK, moving.size()));
            accounts.openAll(chunk);
            List<SettlementStore.StoredPosting> transferring = chunk.stream().filter(p -> p.transferAmount() > 0).toList();
            List<Transfer> transfers = new ArrayList<>(transferring.size());
            for (SettlementStore.StoredPosting p : transferring) {
                transfers.add(transfer(p));
            }
            List<TransferResult> results = transfers.isEmpty() ? List.of() : ledger.submit(transfers);
            checkpoint.accept("submitted");
            tx.executeWithoutResult(s -> {
                Map<String, Boolean> outcome = new HashMap<>();
                for (int i = 0; i < transferring.size(); i++) {
                    TransferResult r = results.get(i);
                    boolean posted = r == TransferResult.OK || r == TransferResult.EXISTS;
                    store.recordPosting(transferring.get(i), posted, posted ? null : r.name());
                    outcome.put(group(transferring.get(i)), posted);
                }
                for (SettlementStore.StoredPosting p : chunk) {
                    if (p.transferAmount() == 0) {
                        store.recordPosting(p, true, null);
                        outcome.put(group(p), true);
                    }
                }
                for (SettlementStore.StoredPosting p : carried) {
                    Boolean posted = outcome.get(group(p));
                    if (posted != null) {
                        store.recordPosting(p, posted, posted ? null : "NETTED_POSTING_REFUSED");
                    }
                }
            });
            checkpoint.accept("recorded");
            if (!store.renew(run, node, clock.instant().plus(lease))) {
                return false; // our lease ran out and another node took over: it finishes the run
            }
        }
    }

    private static String group(SettlementStore.StoredPosting p) {
        return p.merchantId() + ":" + p.currency();
    }

    private Transfer transfer(SettlementStore.StoredPosting p) {
        TransferId id = new TransferId(p.transferId());
        Transfer t = switch (p.kind()) {
            case RELEASE -> Transfer.posted(id, accounts.pending(p.merchantId(), p.currency()),
                    accounts.available(p.merchantId(), p.currency()), p.transferAmount(), p.currency(), "SETTLEMENT_RELEASE");
            case RECOVERY -> Transfer.posted(id, accounts.available(p.merchantId(), p.currency()),
                    accounts.pending(p.merchantId(), p.currency()), p.transferAmount(), p.currency(), "SETTLEMENT_RECOVERY");
            case RESERVE_WITHHOLD -> Transfer.posted(id, accounts.pending(p.merchantId(), p.currency()),
                    accounts.reserve(p.merchantId(), p.currency()), p.amount(), p.currency(), "SETTLEMENT_RESERVE_WITHHOLD");
            case RESERVE_RELEASE -> Transfer.posted(id, accounts.reserve(p.merchantId(), p.currency()),
                    accounts.available(p.merchantId(), p.currency()), p.amount(), p.currency(), "SETTLEMENT_RESERVE_RELEASE");
        };
        return t.withExternalRef(new SettlementRunId(p.runId()).toString());
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
