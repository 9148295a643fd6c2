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
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.LedgerBusyException;
import org.finbridge.ledger.LedgerUnavailableException;
import org.finbridge.ledger.Transfer;
import org.finbridge.ledger.TransferId;
import org.finbridge.ledger.TransferResult;
import org.finbridge.platform.TimeOrderedIds;
import org.finbridge.settlement.SettlementPolicy;
import org.finbridge.settlement.SettlementRun;
import org.finbridge.settlement.SettlementRunId;
import org.finbridge.settlement.SettlementSweeps;
import org.finbridge.ledger.AccountId;
import org.finbridge.party.PartyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
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
 *   <li><b>Plan.</b> Every line (one per payment that needs one, with its amount of each kind), every range
 *       (one per merchant and currency, for the payments due for the first time and unchanged since capture) and
 *       every posting (one per merchant, currency and kind, summing its lines and range, with its ledger transfer
 *       id {@code settlement:<run>:<merchant>:<ccy>:<kind>}) is written in one transaction with the move to
 *       PLANNED, before any money moves. Lines and ranges are written by one INSERT … SELECT in the database
 *       ({@link SettlementStore#planLines}), the postings from their sums per merchant: a run over a million
 *       payments never brings a payment into the application, and writes a row per merchant for most of them.</li>
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


    private final SettlementStore store;
    private final AuditLog audit;
    private final Ledger ledger;
    private final MerchantAccounts accounts;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration lease;
    /** The netting hook's claimants (a lender's sweep): none unless a module offers one. */
    private final List<SettlementSweeps> sweeps;
    private final String node = "node-" + UUID.randomUUID();
    /** Test seam: called at named points of a run so a test can interrupt it where a crash would. */
    private volatile Consumer<String> checkpoint = point -> { };

    @Autowired
    SettlementRuns(SettlementStore store, AuditLog audit, Ledger ledger, MerchantAccounts accounts,
                   PlatformTransactionManager transactions, Clock clock,
                   @Value("${finbridge.settlement.lease:PT2M}") Duration lease, ObjectProvider<SettlementSweeps> sweeps) {
        this(store, audit, ledger, accounts, transactions, clock, lease, sweeps.orderedStream().toList());
    }

    SettlementRuns(SettlementStore store, AuditLog audit, Ledger ledger, MerchantAccounts accounts,
                   PlatformTransactionManager transactions, Clock clock, Duration lease, List<SettlementSweeps> sweeps) {
        this.sweeps = List.copyOf(sweeps);
        this.store = store;
        this.audit = audit;
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
        SettlementStore.PlanTerms terms = terms(policies.values(), date);
        // before the plan's transaction, so that its statement sees every payment tracked up to the horizon
        long horizon = store.trackingHorizon();
        tx.executeWithoutResult(s -> {
            if (!store.markPlanned(run, clock.instant())) {
                return; // another node planned it first: its plan stands
            }
            long started = System.nanoTime();
            int written = store.planLines(run, terms, horizon);
            long linesAt = System.nanoTime();
            List<SettlementStore.StoredPosting> postings = new ArrayList<>();
            List<SettlementStore.StoredSweep> takes = new ArrayList<>();
            int lines = 0;
            for (Map<ReleasePlanner.Kind, SettlementStore.LineSum> group : groups(store.lineSums(run)).values()) {
                Map<ReleasePlanner.Kind, SettlementStore.LineSum> admitted = admit(run, group, policies);
                postings.addAll(withTakes(postings(run, admitted), date, takes));
                lines += admitted.values().stream().mapToInt(SettlementStore.LineSum::lineCount).sum();
            }
            store.insertPostings(postings);
            store.insertSweeps(takes);
            audit.record(null, "settlement.run.plan", "settlement_run",
                    new SettlementRunId(run).toString(), "{\"status\":\"CREATED\"}",
                    "{\"status\":\"PLANNED\",\"lines\":" + lines + ",\"postings\":" + postings.size() + "}");
            log.info("settlement run {} plan: {} lines ({} written), {} postings; lines in {} ms, postings in {} ms",
                    new SettlementRunId(run), lines, written, postings.size(), (linesAt - started) / 1_000_000,
                    (System.nanoTime() - linesAt) / 1_000_000);
        });
    }

    /** The instants the date's policies release captures, deliveries and reserves before, per calendar and days. */
    private static SettlementStore.PlanTerms terms(java.util.Collection<SettlementPolicy> policies, LocalDate date) {
        Map<String, Instant> released = new LinkedHashMap<>();
        Map<String, Instant> delivered = new LinkedHashMap<>();
        Map<String, Instant> reserveDue = new LinkedHashMap<>();
        List<SettlementPolicy> all = new ArrayList<>(policies);
        all.add(SettlementPolicy.standard());
        for (SettlementPolicy p : all) {
            released.computeIfAbsent(SettlementStore.PlanTerms.key(p.calendar(), p.holdingDays()),
                    k -> ReleasePlanner.releasedBefore(p.calendar(), p.holdingDays(), date));
            delivered.computeIfAbsent(p.calendar(), k -> ReleasePlanner.deliveredBefore(p.calendar(), date));
            reserveDue.computeIfAbsent(SettlementStore.PlanTerms.key(p.calendar(), p.reserveDays()),
                    k -> ReleasePlanner.reserveDueBefore(p.calendar(), p.reserveDays(), date));
        }
        return new SettlementStore.PlanTerms(SettlementPolicy.standard(), released, delivered, reserveDue);
    }

    /** The run's line sums per merchant and currency, in a fixed order so that every node plans alike. */
    private static Map<String, Map<ReleasePlanner.Kind, SettlementStore.LineSum>> groups(List<SettlementStore.LineSum> sums) {
        Map<String, Map<ReleasePlanner.Kind, SettlementStore.LineSum>> groups = new java.util.TreeMap<>();
        for (SettlementStore.LineSum sum : sums) {
            groups.computeIfAbsent(group(sum.merchantId(), sum.currency()), k -> new java.util.EnumMap<>(ReleasePlanner.Kind.class))
                    .put(sum.kind(), sum);
        }
        return groups;
    }

    /**
     * One ledger transfer per kind for a merchant's admitted lines in one currency, its id derived from run, merchant,
     * currency and kind. Netting: a release and a recovery of one merchant and currency move only their difference,
     * in one transfer (Mojaloop's net settlement per participant and window).
     */
    private static List<SettlementStore.StoredPosting> postings(UUID run, Map<ReleasePlanner.Kind, SettlementStore.LineSum> sums) {
        if (sums.isEmpty()) {
            return List.of();
        }
        SettlementStore.LineSum first = sums.values().iterator().next();
        UUID merchant = first.merchantId();
        String currency = first.currency();
        long released = sums.containsKey(ReleasePlanner.Kind.RELEASE) ? sums.get(ReleasePlanner.Kind.RELEASE).amount() : 0;
        long recovered = sums.containsKey(ReleasePlanner.Kind.RECOVERY) ? sums.get(ReleasePlanner.Kind.RECOVERY).amount() : 0;
        boolean netted = released > 0 && recovered > 0;
        ReleasePlanner.Kind carrier = released >= recovered ? ReleasePlanner.Kind.RELEASE : ReleasePlanner.Kind.RECOVERY;
        List<SettlementStore.StoredPosting> out = new ArrayList<>();
        sums.forEach((kind, s) -> {
            long transferAmount = s.amount();
            ReleasePlanner.Kind into = null;
            if (netted && (kind == ReleasePlanner.Kind.RELEASE || kind == ReleasePlanner.Kind.RECOVERY)) {
                transferAmount = kind == carrier ? Math.abs(released - recovered) : 0;
                into = kind == carrier ? null : carrier;
            }
            out.add(new SettlementStore.StoredPosting(run, merchant, currency, kind, s.amount(), s.lineCount(),
                    TransferId.derived("settlement:" + run + ":" + merchant + ":" + currency + ":" + kind).value(), "PENDING", null,
                    transferAmount, into));
        });
        return out;
    }

    /**
     * Netting with the merchant's creditors ({@link SettlementSweeps}): what they take of the release that moves
     * to available goes straight from pending to them, and the release carries only the rest. Only a release
     * that moves money itself is offered (one carried inside a larger recovery moves nothing to take from).
     */
    private List<SettlementStore.StoredPosting> withTakes(List<SettlementStore.StoredPosting> postings, LocalDate date,
                                                          List<SettlementStore.StoredSweep> takes) {
        if (sweeps.isEmpty()) {
            return postings;
        }
        List<SettlementStore.StoredPosting> out = new ArrayList<>(postings.size());
        for (SettlementStore.StoredPosting p : postings) {
            if (p.kind() != ReleasePlanner.Kind.RELEASE || p.nettedInto() != null || p.transferAmount() <= 0) {
                out.add(p);
                continue;
            }
            long left = p.transferAmount();
            int seq = 0;
            for (SettlementSweeps claimant : sweeps) {
                for (SettlementSweeps.Take take : claimant.takes(new PartyId(p.merchantId()), p.currency(), left, date)) {
                    if (take.amount() > left) {
                        continue;
                    }
                    left -= take.amount();
                    seq++;
                    takes.add(new SettlementStore.StoredSweep(p.runId(), p.merchantId(), p.currency(), seq, take.account().value(),
                            take.amount(), take.reference(), TransferId.derived("settlement:" + p.runId() + ":" + p.merchantId()
                            + ":" + p.currency() + ":SWEEP:" + seq).value()));
                }
            }
            out.add(new SettlementStore.StoredPosting(p.runId(), p.merchantId(), p.currency(), p.kind(), p.amount(), p.lineCount(),
                    p.transferId(), p.status(), p.result(), left, p.nettedInto()));
        }
        return out;
    }

    /**
     * One merchant's lines in one currency: the reserve it may give back is what its reserve account holds
     * (chargebacks of other payments may have used it) plus what this run withholds, handed out in payment order
     * so that every node plans the same lines; and a release below the policy's minimum waits for the next run
     * unless it carries a recovery. Only the rare merchant whose reserve falls short or who stays below its
     * minimum has lines rewritten; everyone else's stand as the plan's one statement wrote them.
     */
    private Map<ReleasePlanner.Kind, SettlementStore.LineSum> admit(UUID run, Map<ReleasePlanner.Kind, SettlementStore.LineSum> group,
                                                                   Map<UUID, SettlementPolicy> policies) {
        SettlementStore.LineSum first = group.values().iterator().next();
        UUID merchant = first.merchantId();
        String currency = first.currency();
        SettlementPolicy policy = policies.getOrDefault(merchant, SettlementPolicy.standard());
        SettlementStore.LineSum giveBack = group.get(ReleasePlanner.Kind.RESERVE_RELEASE);
        if (giveBack != null) {
            SettlementStore.LineSum withheld = group.get(ReleasePlanner.Kind.RESERVE_WITHHOLD);
            long reserveLeft = accounts.postedCreditBalance(accounts.reserveId(merchant, currency))
                    + (withheld == null ? 0 : withheld.amount());
            if (giveBack.amount() > reserveLeft) {
                long left = Math.max(0, reserveLeft);
                long sum = 0;
                int count = 0;
                for (Map.Entry<UUID, Long> line : store.reserveReleaseLines(run, merchant, currency)) {
                    long amount = Math.min(line.getValue(), left);
                    left -= amount;
                    if (amount != line.getValue()) {
                        store.capReserveRelease(run, merchant, currency, line.getKey(), amount);
                    }
                    if (amount > 0) {
                        sum += amount;
                        count++;
                    }
                }
                group = new java.util.EnumMap<>(group);
                if (count == 0) {
                    group.remove(ReleasePlanner.Kind.RESERVE_RELEASE);
                } else {
                    group.put(ReleasePlanner.Kind.RESERVE_RELEASE,
                            new SettlementStore.LineSum(merchant, currency, ReleasePlanner.Kind.RESERVE_RELEASE, sum, count));
                }
            }
        }
        long net = 0;
        for (SettlementStore.LineSum s : group.values()) {
            switch (s.kind()) {
                case RELEASE, RESERVE_RELEASE -> net += s.amount();
                case RECOVERY -> net -= s.amount();
                case RESERVE_WITHHOLD -> { }
            }
        }
        boolean recovery = group.containsKey(ReleasePlanner.Kind.RECOVERY);
        if (!group.isEmpty() && !recovery && policy.minimumPayoutMinorUnits() > 0 && net < policy.minimumPayoutMinorUnits()) {
            store.dropLines(run, merchant, currency);
            return Map.of();
        }
        return group;
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
            // planned takes are read whatever this node's claimants: the plan, not the node, says what moves
            Map<String, List<SettlementStore.StoredSweep>> takes = store.sweeps(run);
            // a release moves with its takes in one linked chain: the creditors are paid exactly when the merchant is
            List<SettlementStore.StoredPosting> chunk = new ArrayList<>();
            int size = 0;
            for (SettlementStore.StoredPosting p : moving) {
                int chain = (p.transferAmount() > 0 ? 1 : 0) + takesOf(p, takes).size();
                if (chunk.size() == CHUNK || size + chain > Ledger.MAX_TRANSFERS_PER_REQUEST) {
                    break;
                }
                chunk.add(p);
                size += chain;
            }
            accounts.openAll(chunk);
            List<SettlementStore.StoredPosting> transferring = new ArrayList<>();
            java.util.Set<SettlementStore.StoredPosting> moved = new java.util.HashSet<>();
            List<Transfer> transfers = new ArrayList<>(size);
            List<Integer> chainEnds = new ArrayList<>();
            for (SettlementStore.StoredPosting p : chunk) {
                List<Transfer> chain = chain(p, takesOf(p, takes));
                if (!chain.isEmpty()) {
                    transferring.add(p);
                    moved.add(p);
                    transfers.addAll(chain);
                    chainEnds.add(transfers.size());
                }
            }
            List<TransferResult> results = transfers.isEmpty() ? List.of() : ledger.submit(transfers);
            checkpoint.accept("submitted");
            tx.executeWithoutResult(s -> {
                List<SettlementStore.Outcome> outcomes = new ArrayList<>(chunk.size() + carried.size());
                Map<String, Boolean> outcome = new HashMap<>();
                for (int i = 0, from = 0; i < transferring.size(); from = chainEnds.get(i), i++) {
                    TransferResult refused = results.subList(from, chainEnds.get(i)).stream()
                            .filter(r -> r != TransferResult.OK && r != TransferResult.EXISTS).findFirst().orElse(null);
                    boolean posted = refused == null;
                    outcomes.add(new SettlementStore.Outcome(transferring.get(i), posted, posted ? null : refused.name()));
                    outcome.put(group(transferring.get(i)), posted);
                }
                for (SettlementStore.StoredPosting p : chunk) {
                    if (!moved.contains(p)) {
                        outcomes.add(new SettlementStore.Outcome(p, true, null));
                        outcome.put(group(p), true);
                    }
                }
                for (SettlementStore.StoredPosting p : carried) {
                    Boolean posted = outcome.get(group(p));
                    if (posted != null) {
                        outcomes.add(new SettlementStore.Outcome(p, posted, posted ? null : "NETTED_POSTING_REFUSED"));
                    }
                }
                store.recordPostings(outcomes);
            });
            checkpoint.accept("recorded");
            if (!store.renew(run, node, clock.instant().plus(lease))) {
                return false; // our lease ran out and another node took over: it finishes the run
            }
        }
    }

    private static String group(SettlementStore.StoredPosting p) {
        return group(p.merchantId(), p.currency());
    }

    private static String group(UUID merchant, String currency) {
        return merchant + ":" + currency;
    }

    private static List<SettlementStore.StoredSweep> takesOf(SettlementStore.StoredPosting p,
                                                             Map<String, List<SettlementStore.StoredSweep>> takes) {
        return p.kind() == ReleasePlanner.Kind.RELEASE ? takes.getOrDefault(group(p), List.of()) : List.of();
    }

    /** The posting's transfer (when it moves money itself) and its takes, linked so that they commit or fail as one. */
    private List<Transfer> chain(SettlementStore.StoredPosting p, List<SettlementStore.StoredSweep> takes) {
        List<Transfer> chain = new ArrayList<>(1 + takes.size());
        if (p.transferAmount() > 0) {
            chain.add(transfer(p));
        }
        for (SettlementStore.StoredSweep w : takes) {
            chain.add(Transfer.posted(new TransferId(w.transferId()), accounts.pending(p.merchantId(), p.currency()),
                    new AccountId(w.accountId()), w.amount(), p.currency(), "SETTLEMENT_SWEEP")
                    .withExternalRef(new SettlementRunId(p.runId()) + ":" + w.reference()));
        }
        for (int i = 0; i < chain.size() - 1; i++) {
            chain.set(i, chain.get(i).linked());
        }
        return chain;
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
