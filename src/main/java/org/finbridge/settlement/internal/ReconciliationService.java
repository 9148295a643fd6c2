package org.finbridge.settlement.internal;

import org.finbridge.audit.AuditLog;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.finbridge.banking.Balance;
import org.finbridge.banking.BankStatement;
import org.finbridge.banking.BankStatements;
import org.finbridge.banking.CreditDebit;
import org.finbridge.banking.StatementEntry;
import org.finbridge.ledger.Account;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.Ledger;
import org.finbridge.party.Actor;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.platform.SqlArrays;
import org.finbridge.settlement.ReconciliationOutcome;
import org.finbridge.settlement.ReconciliationReason;
import org.finbridge.settlement.Reconciliations;
import org.finbridge.settlement.SafeguardingReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconciles imported bank statements with payouts ({@link Reconciler}) and keeps the daily safeguarding
 * report. Statement lines are identified by file, statement and position, so reconciling a file again
 * handles only what was not handled before.
 */
@Service
class ReconciliationService implements Reconciliations {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationService.class);
    private static final Set<String> CUSTOMER_ACCOUNT_TYPES = Set.of("MERCHANT_PENDING", "MERCHANT_AVAILABLE", "MERCHANT_RESERVE");

    private final JdbcClient jdbc;
    private final BankStatements statements;
    private final Ledger ledger;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Reconciler.Rules rules;
    private final Set<String> safeguardingAccounts;
    private final ThreeWayReconciliation threeWay;

    ReconciliationService(JdbcClient jdbc, BankStatements statements, Ledger ledger, AuditLog audit,
                          PlatformTransactionManager transactions, Clock clock,
                          @Value("${finbridge.settlement.reconciliation.value-date-window-days:2}") int windowDays,
                          @Value("${finbridge.settlement.reconciliation.fee-tolerance-minor:2500}") long feeTolerance,
                          @Value("${finbridge.settlement.safeguarding.accounts:DE89370400440532013000}") List<String> safeguardingAccounts,
                          ThreeWayReconciliation threeWay) {
        this.threeWay = threeWay;
        this.jdbc = jdbc;
        this.statements = statements;
        this.ledger = ledger;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.rules = new Reconciler.Rules(windowDays, feeTolerance);
        this.safeguardingAccounts = Set.copyOf(safeguardingAccounts);
    }

    @Override
    public Optional<ReconciliationOutcome> reconcile(Actor actor, String fileId) {
        if (!actor.isOperator() || fileId == null || statements.file(fileId).isEmpty()) {
            return Optional.empty();
        }
        Set<String> handled = new HashSet<>(jdbc.sql("select line_id from recon_matches where file_id = ?").param(fileId)
                .query(String.class).list());
        handled.addAll(jdbc.sql("select line_id from recon_exceptions where file_id = ?").param(fileId).query(String.class).list());
        List<Reconciler.Line> lines = new ArrayList<>();
        int total = 0;
        List<BankStatement> stmts = statements.statementsOf(fileId);
        for (BankStatement s : stmts) {
            for (int i = 0; i < s.entries().size(); i++) {
                StatementEntry e = s.entries().get(i);
                total++;
                String lineId = fileId + ":" + s.statementId() + ":" + (i + 1);
                if (handled.contains(lineId)) {
                    continue;
                }
                long signed = e.creditDebit() == CreditDebit.CRDT ? e.amount().minorUnits() : -e.amount().minorUnits();
                lines.add(new Reconciler.Line(lineId, e.endToEndId(), signed, e.amount().currency().code(),
                        e.valueDate() != null ? e.valueDate() : e.bookingDate()));
            }
        }
        List<Reconciler.Expected> expected = jdbc.sql("""
                select id, end_to_end_id, amount, currency, expected_arrival from payouts
                where state = 'SENT' or state = 'ACCEPTED' or state = 'SETTLED' or state = 'RETURNED'""")
                .query((rs, n) -> new Reconciler.Expected(rs.getObject("id", UUID.class).toString(), rs.getString("end_to_end_id"),
                        -rs.getLong("amount"), rs.getString("currency"), rs.getObject("expected_arrival", LocalDate.class)))
                .list();
        Set<String> matchedBefore = new HashSet<>(jdbc.sql("select payout_id from recon_matches").query(UUID.class).list()
                .stream().map(UUID::toString).toList());
        Reconciler.Result r = Reconciler.reconcile(expected, matchedBefore, lines, rules);
        var now = SettlementStore.ts(clock.instant());
        List<ReconciliationOutcome.ExceptionLine> exceptions = r.exceptions().stream().map(x -> new ReconciliationOutcome.ExceptionLine(
                x.line().lineId(), x.reason(), x.expected() == null ? null : x.expected().key(), x.line().endToEndId(),
                x.line().amountMinorUnits(), x.line().currency(), x.line().valueDate())).toList();
        tx.executeWithoutResult(st -> {
            // a statement of 100,000 lines matches in a handful of statements, not 100,000 round trips
            for (int from = 0; from < r.matches().size(); from += 20_000) {
                List<Reconciler.Match> part = r.matches().subList(from, Math.min(r.matches().size(), from + 20_000));
                jdbc.sql("""
                        insert into recon_matches (payout_id, line_id, file_id, matched_at)
                        select m.payout_id, m.line_id, ?, ? from unnest(?, ?) as m (payout_id, line_id)""")
                        .param(fileId).param(now)
                        .param(SqlArrays.of("uuid", part.stream().map(m -> UUID.fromString(m.expected().key())).toList()))
                        .param(SqlArrays.of("varchar", part.stream().map(m -> m.line().lineId()).toList()))
                        .update();
            }
            for (ReconciliationOutcome.ExceptionLine x : exceptions) {
                jdbc.sql("""
                        insert into recon_exceptions (line_id, file_id, reason, payout_id, end_to_end_id, amount, currency, value_date,
                        created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(x.lineId(), fileId, x.reason().name(), x.payoutId() == null ? null : UUID.fromString(x.payoutId()),
                                x.endToEndId(), x.amountMinorUnits(), x.currency(), x.valueDate(), now).update();
            }
            for (BankStatement s : stmts) {
                if (!safeguardingAccounts.contains(s.account().value())) {
                    continue;
                }
                for (Balance b : s.balances()) {
                    if ("CLBD".equals(b.type()) && b.date() != null) {
                        String ccy = b.amount().currency().code();
                        jdbc.sql("delete from safeguarding_balances where account = ? and currency = ? and balance_date = ?")
                                .params(s.account().value(), ccy, b.date()).update();
                        jdbc.sql("insert into safeguarding_balances (account, currency, balance_date, amount, file_id) values (?, ?, ?, ?, ?)")
                                .params(s.account().value(), ccy, b.date(), b.signedMinorUnits(), fileId).update();
                    }
                }
            }
            audit.record(actor.name(), "settlement.reconciliation.run", "bank_statement_file", fileId, null,
                    "{\"matched\":" + r.matches().size() + ",\"exceptions\":" + exceptions.size() + "}");
        });
        return Optional.of(new ReconciliationOutcome(fileId, total, r.matches().size(), handled.size(), exceptions));
    }

    @Override
    public org.finbridge.settlement.ConnectorReportResult importConnectorReport(Actor actor, String fileName, String csv) {
        if (!actor.isOperator()) {
            return new org.finbridge.settlement.ConnectorReportResult.Unreadable("only operators import connector reports");
        }
        return threeWay.importReport(actor, fileName, csv);
    }

    @Override
    public Optional<List<org.finbridge.settlement.ThreeWayLine>> reconcileThreeWay(Actor actor, LocalDate date, List<String> statementFileIds) {
        if (!actor.isOperator() || date == null || statementFileIds == null) {
            return Optional.empty();
        }
        return threeWay.reconcile(actor, date, statementFileIds);
    }

    @Override
    public List<org.finbridge.settlement.ThreeWayLine> threeWay(Actor actor, LocalDate date) {
        return actor.isOperator() ? threeWay.results(date) : List.of();
    }

    @Override
    public List<ReconciliationOutcome.ExceptionLine> exceptions(Actor actor, int limit) {
        if (!actor.isOperator()) {
            return List.of();
        }
        return jdbc.sql("select * from recon_exceptions order by created_at desc, line_id")
                .query((rs, n) -> new ReconciliationOutcome.ExceptionLine(rs.getString("line_id"),
                        ReconciliationReason.valueOf(rs.getString("reason")),
                        rs.getObject("payout_id", UUID.class) == null ? null : rs.getObject("payout_id", UUID.class).toString(),
                        rs.getString("end_to_end_id"), rs.getLong("amount"), rs.getString("currency"),
                        rs.getObject("value_date", LocalDate.class)))
                .list().stream().limit(Math.max(1, Math.min(limit, 500))).toList();
    }

    private static final java.util.Map<String, String> EXCEPTION_SORTS = java.util.Map.of("created", "created_at",
            "valueDate", "value_date", "reason", "reason", "amount", "amount");

    @Override
    public org.finbridge.platform.QueuePage<ReconciliationOutcome.ExceptionLine> exceptions(
            Actor actor, org.finbridge.platform.QueuePage.Request page) {
        if (!actor.isOperator()) {
            return new org.finbridge.platform.QueuePage<>(List.of(), 0, page);
        }
        long total = jdbc.sql("select count(*) from recon_exceptions").query(Long.class).single();
        List<ReconciliationOutcome.ExceptionLine> items = jdbc.sql("select * from recon_exceptions"
                        + page.orderBy(EXCEPTION_SORTS, "created_at desc", "line_id") + " limit :l offset :o")
                .param("l", page.size()).param("o", page.offset())
                .query((rs, n) -> new ReconciliationOutcome.ExceptionLine(rs.getString("line_id"),
                        ReconciliationReason.valueOf(rs.getString("reason")),
                        rs.getObject("payout_id", UUID.class) == null ? null : rs.getObject("payout_id", UUID.class).toString(),
                        rs.getString("end_to_end_id"), rs.getLong("amount"), rs.getString("currency"),
                        rs.getObject("value_date", LocalDate.class)))
                .list();
        return new org.finbridge.platform.QueuePage<>(items, total, page);
    }

    @Scheduled(cron = "${finbridge.settlement.safeguarding.cron:0 45 23 * * *}", zone = "${finbridge.settlement.zone:Asia/Shanghai}")
    void daily() {
        try {
            safeguarding(clock.instant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate(), "system");
        } catch (RuntimeException e) {
            log.warn("safeguarding report deferred: {}", e.getMessage());
        }
    }

    @Override
    public SafeguardingReport safeguarding(LocalDate date, String actor) {
        Map<String, Long> owed = owed();
        Map<String, Long> held = new TreeMap<>();
        Map<String, LocalDate> heldDate = new TreeMap<>();
        jdbc.sql("""
                select b.currency, b.amount, b.balance_date from safeguarding_balances b
                where b.balance_date = (select max(x.balance_date) from safeguarding_balances x
                                        where x.account = b.account and x.currency = b.currency and x.balance_date <= ?)""")
                .param(date).query(rs -> {
                    String ccy = rs.getString("currency");
                    held.merge(ccy, rs.getLong("amount"), Math::addExact);
                    LocalDate d = rs.getObject("balance_date", LocalDate.class);
                    heldDate.merge(ccy, d, (a, b) -> a.isBefore(b) ? a : b);
                });
        Set<String> currencies = new java.util.TreeSet<>(owed.keySet());
        currencies.addAll(held.keySet());
        List<SafeguardingReport.Line> lines = new ArrayList<>();
        for (String ccy : currencies) {
            long o = owed.getOrDefault(ccy, 0L);
            long h = held.getOrDefault(ccy, 0L);
            boolean alert = o > 0 && h < o;
            BigDecimal coverage = o <= 0 ? null
                    : BigDecimal.valueOf(h).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(o), 2, RoundingMode.DOWN);
            LocalDate since = null;
            if (alert) {
                since = jdbc.sql("select break_since from safeguarding_reports where currency = ? and report_date = ?")
                        .params(ccy, date.minusDays(1)).query(LocalDate.class).optional().orElse(date);
                since = since == null ? date : since;
            }
            lines.add(new SafeguardingReport.Line(ccy, o, h, coverage, Math.max(0, o - h), alert, since,
                    since == null ? 0 : ChronoUnit.DAYS.between(since, date), heldDate.get(ccy)));
        }
        var now = SettlementStore.ts(clock.instant());
        tx.executeWithoutResult(s -> {
            jdbc.sql("delete from safeguarding_reports where report_date = ?").param(date).update();
            for (SafeguardingReport.Line l : lines) {
                jdbc.sql("""
                        insert into safeguarding_reports (report_date, currency, owed, held, coverage_percent, shortfall, break_since,
                        balance_date, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(date, l.currency(), l.owedMinorUnits(), l.heldMinorUnits(), l.coveragePercent(), l.shortfallMinorUnits(),
                                l.breakSince(), l.balanceDate(), now).update();
            }
            audit.record(actor, "settlement.safeguarding.report", "safeguarding_report", date.toString(), null,
                    "{\"currencies\":" + lines.size() + ",\"alerts\":" + lines.stream().filter(SafeguardingReport.Line::alert).count() + "}");
        });
        lines.stream().filter(SafeguardingReport.Line::alert).forEach(l -> log.error(
                "SAFEGUARDING_SHORTFALL {} on {}: owed {} held {} coverage {}% (break since {})", l.currency(), date,
                l.owedMinorUnits(), l.heldMinorUnits(), l.coveragePercent(), l.breakSince()));
        return new SafeguardingReport(date, lines);
    }

    /** Customer money owed per currency: every merchant's pending, available and reserve balances, and payouts in transit. */
    private Map<String, Long> owed() {
        Set<UUID> merchants = new HashSet<>(jdbc.sql("select distinct merchant_id from settlement_payments").query(UUID.class).list());
        merchants.addAll(jdbc.sql("select distinct merchant_id from payouts").query(UUID.class).list());
        Map<String, Long> owed = new TreeMap<>();
        for (UUID m : merchants) {
            for (Account a : ledger.accountsOf(new PartyId(m).toString())) {
                if (CUSTOMER_ACCOUNT_TYPES.contains(a.type())) {
                    owed.merge(a.currency().code(), a.postedCreditBalance().minorUnits(), Math::addExact);
                }
            }
        }
        Set<String> currencies = new HashSet<>(owed.keySet());
        currencies.addAll(jdbc.sql("select distinct currency from payouts").query(String.class).list());
        for (String ccy : currencies) {
            ledger.account(AccountId.derived("platform:PAYOUTS_IN_TRANSIT:" + ccy))
                    .ifPresent(a -> owed.merge(ccy, a.postedCreditBalance().minorUnits(), Math::addExact));
        }
        return owed;
    }

    @Override
    public List<SafeguardingReport> safeguardingReports(Actor actor, int limit) {
        if (!actor.isOperator() && actor.partyKind() != PartyKind.REGULATOR) {
            return List.of();
        }
        Map<LocalDate, List<SafeguardingReport.Line>> byDate = new LinkedHashMap<>();
        jdbc.sql("select * from safeguarding_reports order by report_date desc, currency").query(rs -> {
            LocalDate d = rs.getObject("report_date", LocalDate.class);
            LocalDate since = rs.getObject("break_since", LocalDate.class);
            long owedAmount = rs.getLong("owed");
            long heldAmount = rs.getLong("held");
            byDate.computeIfAbsent(d, k -> new ArrayList<>()).add(new SafeguardingReport.Line(rs.getString("currency"), owedAmount,
                    heldAmount, rs.getBigDecimal("coverage_percent"), rs.getLong("shortfall"), owedAmount > 0 && heldAmount < owedAmount,
                    since, since == null ? 0 : ChronoUnit.DAYS.between(since, d), rs.getObject("balance_date", LocalDate.class)));
        });
        return byDate.entrySet().stream().limit(Math.max(1, Math.min(limit, 366)))
                .map(e -> new SafeguardingReport(e.getKey(), e.getValue())).toList();
    }
}
