package org.finbridge.risk.aml.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.finbridge.party.Parties;
import org.finbridge.party.Party;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.platform.background.AfterCommit;
import org.finbridge.risk.aml.Alert;
import org.finbridge.risk.aml.AlertId;
import org.finbridge.risk.aml.AlertStatus;
import org.finbridge.risk.aml.AmlMonitoring;
import org.finbridge.risk.aml.ReportType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates the rules in force ({@link RulesInForce}) per customer, in the background after events
 * ({@link AmlEvaluations}) and on the schedule, and turns findings into alerts: a new suspicious alert joins its customer's case, a large-value alert is
 * filed as an LTR once its day (China time) is over. Each customer is evaluated in its own transaction.
 */
@Service
class MonitoringService implements AmlMonitoring {

    private static final Logger log = LoggerFactory.getLogger(MonitoringService.class);

    private final Journal journal;
    private final AlertStore alerts;
    private final CaseService cases;
    private final ReportService reports;
    private final Parties parties;
    private final Equivalents equivalents;
    private final PayoutFeed payouts;
    private final AmlAudit audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final List<MonitoringRule> rules = RulesInForce.perCustomer();
    private final Set<PartyId> requested = ConcurrentHashMap.newKeySet();
    private final ReentrantLock passes = new ReentrantLock();
    private final CircularFlowRule network = RulesInForce.network();
    /** When the background pass last evaluated each customer (see {@link #evaluatePendingInBackground}). */
    private final EvaluationSpacing spacing;

    MonitoringService(Journal journal, AlertStore alerts, CaseService cases, ReportService reports, Parties parties,
                      Equivalents equivalents, PayoutFeed payouts, AmlAudit audit, PlatformTransactionManager transactions,
                      Clock clock, @Value("${finbridge.aml.background-spacing:10s}") Duration backgroundSpacing) {
        this.spacing = new EvaluationSpacing(backgroundSpacing.toNanos());
        this.journal = journal;
        this.alerts = alerts;
        this.cases = cases;
        this.reports = reports;
        this.parties = parties;
        this.equivalents = equivalents;
        this.payouts = payouts;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        // a transaction of its own from the background and the schedule; a savepoint inside a caller's
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public Run run() {
        int recorded = payouts.poll();
        int evaluated = 0;
        int raised = evaluatePending();
        Instant now = clock.instant();
        for (PartyId party : journal.activeSince(now.minus(RulesInForce.LOOK_BACK))) {
            raised += evaluate(party);
            evaluated++;
        }
        raised += evaluateNetwork(now);
        int filed = fileLargeValueReports();
        purgeExpiredJournal(now);
        return new Run(evaluated, raised, filed, recorded);
    }

    /**
     * Asks for the customer's evaluation once the current transaction commits, for facts that do not mark
     * journal entries pending (trade facts). Kept in memory: a crash loses the request, and the scheduled
     * run, which evaluates every customer active in the look-back window, makes up for it.
     */
    void requestAfterCommit(PartyId party) {
        AfterCommit.run(() -> requested.add(party));
    }

    /**
     * One pass at a time on this node: a caller arriving while the background runs one waits for it to
     * commit, so what it asked for has been evaluated when it returns (whichever pass took the request).
     */
    @Override
    public int evaluatePending() {
        passes.lock();
        try {
            return evaluatePendingNow(false);
        } finally {
            passes.unlock();
        }
    }

    /**
     * The background's pass ({@link AmlEvaluations}): as {@link #evaluatePending}, except that a customer this pass
     * evaluated less than the spacing ({@code finbridge.aml.background-spacing}, 10 s) ago waits, its journal entries
     * still pending, for a later pass. An evaluation reads the customer's whole look-back window, so a seller paid
     * many times a second was read in full on every pass (about once a second): measured under load with one busy
     * seller, the passes took a sixth of the application's CPU and returned some 1,700 rows each. Spaced, a busy
     * customer costs one window read per spacing; a customer not evaluated recently is evaluated at once. Suspicious
     * transaction reports are due within days (REGULATIONS §4.2): seconds of spacing change no deadline.
     */
    int evaluatePendingInBackground() {
        passes.lock();
        try {
            return evaluatePendingNow(true);
        } finally {
            passes.unlock();
        }
    }

    private int evaluatePendingNow(boolean spaced) {
        Set<PartyId> customers = new LinkedHashSet<>(journal.unevaluatedParties(10_000));
        Set<PartyId> asked = new LinkedHashSet<>();
        for (Iterator<PartyId> it = requested.iterator(); it.hasNext(); ) {
            PartyId party = it.next();
            customers.add(party);
            asked.add(party);
            it.remove();
        }
        long started = System.nanoTime();
        if (spaced) {
            spacing.forgetBefore(started);
        }
        int raised = 0;
        for (PartyId party : customers) {
            if (spaced && !spacing.due(party, started)) {
                if (asked.contains(party)) {
                    requested.add(party); // asked for in memory only: kept for the pass that evaluates it
                }
                continue;
            }
            try {
                raised += evaluate(party);
                if (spaced) {
                    spacing.evaluated(party, System.nanoTime());
                }
            } catch (RuntimeException e) {
                // journal entries stay pending for the next pass; a requested customer is asked for again
                requested.add(party);
                log.warn("AML evaluation of {} left for the next pass: {}", party, e.toString());
            }
        }
        return raised;
    }

    /** Runs every per-customer rule on the customer's activity; answers the number of new alerts. */
    int evaluate(PartyId party) {
        Integer raised = tx.execute(s -> {
            Instant now = clock.instant();
            Activity activity = activity(party, now);
            int fresh = 0;
            for (MonitoringRule rule : rules) {
                for (Finding f : rule.evaluate(activity)) {
                    fresh += raise(f) ? 1 : 0;
                }
            }
            journal.markEvaluated(party, now);
            return fresh;
        });
        return raised == null ? 0 : raised;
    }

    Activity activity(PartyId party, Instant now) {
        Optional<Party> p = parties.find(party);
        boolean person = p.map(x -> x.kind() == PartyKind.BUYER).orElse(false);
        String country = p.map(Party::country).orElse(null);
        Instant from = now.minus(RulesInForce.LOOK_BACK);
        List<Activity.TradeComparison> trade = new ArrayList<>();
        for (Journal.TradeAmounts t : journal.tradeAmounts(party)) {
            LocalDate day = Activity.reportingDay(t.updatedAt());
            trade.add(new Activity.TradeComparison(t.orderNumber(), equivalents.in(Equivalents.CNY, t.paid(), day),
                    equivalents.in(Equivalents.CNY, t.declared(), day), t.paid().toString(), t.declared().toString()));
        }
        return new Activity(party, person, country, journal.between(party, from, now),
                journal.lastBefore(party, from).orElse(null), journal.deliveredOrders(party), trade, now);
    }

    private boolean raise(Finding f) {
        AlertStore.Raised r = alerts.raise(f);
        if (!r.isNew()) {
            return false;
        }
        audit.system("aml.alert.raise", "aml_alert", r.alert().id().toString(), "{\"rule\":\"" + f.ruleName()
                + "\",\"party\":\"" + f.party() + "\",\"window\":\"" + f.windowKey().replace("\"", "") + "\"}");
        if (f.category() == ReportType.STR) {
            cases.attach(r.alert());
        }
        return true;
    }

    private int evaluateNetwork(Instant now) {
        Integer raised = tx.execute(s -> {
            List<CircularFlowRule.Edge> edges = journal.paymentEdges(now.minus(Duration.ofDays(network.parameters()
                    .get("windowDays") instanceof Long d ? d : 30)));
            if (edges.isEmpty()) {
                return 0;
            }
            Relatedness related = new Relatedness(parties);
            // every party first, so that groups are complete before any edge is placed
            edges.forEach(e -> {
                related.groupOf(e.from());
                related.groupOf(e.to());
            });
            int fresh = 0;
            for (Finding f : network.evaluate(edges, related::groupOf, now)) {
                fresh += raise(f) ? 1 : 0;
            }
            return fresh;
        });
        return raised == null ? 0 : raised;
    }

    /** LTR within 5 working days of the transaction (REGULATIONS §4.2): filed the day after, once the day's total is final. */
    int fileLargeValueReports() {
        LocalDate today = Activity.reportingDay(clock.instant());
        int filed = 0;
        for (Alert alert : alerts.openLargeValueAlerts()) {
            LocalDate day = LocalDate.parse(alert.windowKey().substring(0, alert.windowKey().indexOf(':')));
            if (day.isBefore(today)) {
                Boolean done = tx.execute(s -> {
                    Alert current = alerts.lock(alert.id()).orElseThrow();
                    if (current.status() != AlertStatus.OPEN) {
                        return false;
                    }
                    reports.fileLargeValue(current);
                    return true;
                });
                filed += Boolean.TRUE.equals(done) ? 1 : 0;
            }
        }
        return filed;
    }

    /**
     * Journal entries whose ten years are over (AML Law 2024 art. 34) leave the journal: those of days
     * before today less ten years, on China's calendar. Filed reports keep their own copy until their own
     * keep-until day.
     */
    int purgeExpiredJournal(Instant now) {
        LocalDate today = Activity.reportingDay(now);
        Instant cutoff = today.minus(Retention.PERIOD).atStartOfDay(Activity.REPORTING_ZONE).toInstant();
        int purged = journal.purgeOlderThan(cutoff);
        if (purged > 0) {
            audit.system("aml.journal.purge", "aml_transactions", "before " + cutoff, "{\"purged\":" + purged + "}");
        }
        return purged;
    }

    @Override
    public List<Alert> alerts(AlertStatus status, int limit) {
        return alerts.list(status, limit);
    }

    @Override
    public Optional<Alert> alert(AlertId id) {
        return alerts.find(id);
    }

    /** Groups of related parties, looked up once per run. */
    static final class Relatedness {
        private final Parties parties;
        private final Map<PartyId, PartyId> group = new HashMap<>();
        private final Map<String, PartyId> byTrait = new HashMap<>();

        Relatedness(Parties parties) {
            this.parties = parties;
        }

        PartyId groupOf(PartyId party) {
            PartyId known = group.get(party);
            if (known != null) {
                return find(known);
            }
            group.put(party, party);
            parties.find(party).ifPresent(p -> {
                List<String> traits = new ArrayList<>();
                if (p.email() != null && !p.email().isBlank()) {
                    traits.add("email:" + p.email().strip().toLowerCase(java.util.Locale.ROOT));
                }
                if (p.phone() != null && !p.phone().isBlank()) {
                    traits.add("phone:" + p.phone().replaceAll("[^0-9+]", ""));
                }
                p.identifiers().forEach((k, v) -> traits.add("id:" + k.toUpperCase(java.util.Locale.ROOT) + ":" + v.strip()));
                for (String trait : traits) {
                    PartyId other = byTrait.putIfAbsent(trait, party);
                    if (other != null) {
                        group.put(find(party), find(other));
                    }
                }
            });
            return find(party);
        }

        private PartyId find(PartyId party) {
            PartyId at = party;
            while (!group.get(at).equals(at)) {
                at = group.get(at);
            }
            return at;
        }
    }
}
