package org.finbridge.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.finbridge.banking.BankStatements;
import org.finbridge.banking.ImportResult;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.AccountResult;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.LedgerInvariants;
import org.finbridge.ledger.NewAccount;
import org.finbridge.ledger.Transfer;
import org.finbridge.ledger.TransferId;
import org.finbridge.ledger.TransferResult;
import org.finbridge.money.CurrencyCode;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.NewParty;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.party.Registration;
import org.finbridge.settlement.ReconciliationOutcome;
import org.finbridge.settlement.Reconciliations;
import org.finbridge.settlement.Settlement;
import org.finbridge.settlement.SettlementRun;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What {@code bench/settlement} does, against any running application: captured payments seeded in bulk,
 * a settlement run over them beside the same aggregation as one plain {@code INSERT … SELECT … GROUP BY},
 * and a reconciliation of a bank statement of many lines against as many payouts. The benchmark runs it
 * at a million payments on PostgreSQL; a test runs it at a few thousand so that it does not rot.
 *
 * <p>How the payments are seeded, and why that is faithful: a settlement run reads three things, the
 * payments' running totals (captured, fees, reserve, refunds, disputes: the {@code payments} table), the
 * payments settlement tracks with their capture time ({@code settlement_payments}, written in the capture's
 * own transaction), and the merchants' ledger balances it moves money between. The first two are written
 * here with set-based {@code INSERT … SELECT} over a generated series, row for row what a million captures
 * leave behind (state CAPTURED, fees split out, order reference). The ledger gets, per merchant, the sum of
 * what those captures posted (capture into pending, the acquirer's and the platform's fee out of it) through
 * the ledger's own batched API, on the accounts the payments module opens: the run reads balances, never the
 * individual capture postings, so a million capture transfers would cost minutes and change nothing it does.
 */
public final class SettlementScenario {

    record RunFigures(int payments, int merchants, long lines, double runSeconds, double baselineSeconds,
                      double baselineBefore, double baselineAfter, long released) {
        double ratio() {
            return runSeconds / baselineSeconds;
        }
    }

    record ReconFigures(int lines, int matched, int exceptions, double importSeconds, double reconcileSeconds) {
        long linesPerSecond() {
            return Math.round(lines / reconcileSeconds);
        }
    }

    static final String CONNECTOR = "bench-acquirer";

    private final Parties parties;
    private final Settlement settlement;
    private final Reconciliations reconciliations;
    private final BankStatements statements;
    private final Ledger ledger;
    private final LedgerInvariants invariants;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final boolean postgres;
    /** Eight hex digits that set this scenario's ids apart from any other in the same database. */
    private final String tag = String.format("%08x", ThreadLocalRandom.current().nextInt() & 0x7fffffff);
    private final List<PartyId> merchants = new ArrayList<>();
    private final Actor operator;

    public SettlementScenario(ApplicationContext app) throws SQLException {
        this.parties = app.getBean(Parties.class);
        this.settlement = app.getBean(Settlement.class);
        this.reconciliations = app.getBean(Reconciliations.class);
        this.statements = app.getBean(BankStatements.class);
        this.ledger = app.getBean(Ledger.class);
        this.invariants = app.getBean(LedgerInvariants.class);
        this.dataSource = app.getBean(DataSource.class);
        this.jdbc = JdbcClient.create(dataSource);
        try (Connection c = dataSource.getConnection()) {
            this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        }
        PartyId operatorParty = register(PartyKind.OPERATOR, "Bench Operations " + tag);
        this.operator = new Actor("bench", "bench", Actor.Channel.API_KEY, operatorParty, PartyKind.OPERATOR, null,
                EnumSet.allOf(ApiScope.class));
        jdbc.sql("create table if not exists bench_merchants (tag char(8) not null, n integer not null, merchant_id uuid not null, "
                + "primary key (tag, n))").update();
        jdbc.sql("create table if not exists bench_settlement_totals (tag char(8) not null, merchant_id uuid not null, "
                + "currency char(3) not null, released bigint not null, payments bigint not null)").update();
    }

    public List<PartyId> merchants() {
        return merchants;
    }

    /** Registers {@code count} merchants through the party module, as sign-up does. */
    public void registerMerchants(int count) {
        for (int i = 0; i < count; i++) {
            PartyId m = register(PartyKind.MERCHANT, "Bench Seller " + tag + "-" + i);
            jdbc.sql("insert into bench_merchants (tag, n, merchant_id) values (?, ?, ?)").params(tag, i, m.value()).update();
            merchants.add(m);
        }
    }

    /** A series 0..n-1 as a subquery with column {@code g}, in the database's own dialect. */
    private String series(int n) {
        return postgres ? "(select g from generate_series(0, " + (n - 1) + ") as s(g))"
                : "(select cast(x as integer) as g from system_range(0, " + (n - 1) + "))";
    }

    /** A deterministic, time-ordered-looking id for row {@code g} of this scenario: {@code <tag>-0000-7000-8<kind>-<g>}. */
    private String id(String kindDigits, String g) {
        return "cast('" + tag + "-0000-7000-8" + kindDigits + "-' || lpad(cast(" + g + " as varchar), 12, '0') as uuid)";
    }

    /**
     * Seeds {@code n} captured payments spread over the merchants, captured at {@code capturedAt}, with the
     * ledger balances they leave (see the class comment).
     */
    public void seedCapturedPayments(int n, Instant capturedAt) {
        seedCapturedPayments(n, capturedAt, 0);
    }

    /**
     * As {@link #seedCapturedPayments(int, Instant)}, and then about {@code refundedPercent} % of each merchant's (those
     * whose amount, from 10.00 to 999.99 EUR, is below {@code 10 × (refundedPercent + 1)} EUR) refunded by a quarter
     * after they were tracked: marked changed, as a refund's own
     * transaction marks its payment, so a run reads their running totals and gives each a line of its own.
     */
    public void seedCapturedPayments(int n, Instant capturedAt, int refundedPercent) {
        Timestamp at = Timestamp.from(capturedAt);
        int m = merchants.size();
        // amounts from 10.00 to 999.99 EUR; the acquirer keeps 2.9 %, the platform 1 % (integer division: whole cents)
        jdbc.sql("insert into payments (id, merchant_id, buyer_country, order_reference, requested_amount, requested_currency,"
                        + " processed_amount, processed_currency, method_type, capture_method, state, connector, connector_reference,"
                        + " authorized, captured, fees_acquirer, fees_platform, last_seq, created_at, updated_at)"
                        + " select " + id("000", "s.g") + ", bm.merchant_id, 'DE', 'BENCH-" + tag + "-' || cast(s.g as varchar),"
                        + " s.amount, 'EUR', s.amount, 'EUR', 'CARD', 'AUTOMATIC', 'CAPTURED', '" + CONNECTOR + "',"
                        + " 'ref-" + tag + "-' || cast(s.g as varchar), s.amount, s.amount, s.amount * 29 / 1000, s.amount / 100, 2, ?, ?"
                        + " from (select g, 1000 + mod(cast(g as bigint) * 7919, 99000) as amount from " + series(n) + " x) s"
                        + " join bench_merchants bm on bm.tag = '" + tag + "' and bm.n = mod(s.g, " + m + ")")
                .params(at, at).update();
        // as the capture's transaction tracks a payment: numbered in order, with what it holds at capture
        jdbc.sql("insert into settlement_payments (payment_id, merchant_id, currency, captured_at, order_reference, seq,"
                        + " snap_captured, snap_fees, snap_reserved)"
                        + " select p.id, p.merchant_id, 'EUR', ?, p.order_reference, nextval('settlement_payment_seq'),"
                        + " p.captured, p.fees_acquirer + p.fees_platform, p.reserved from payments p"
                        + " where p.order_reference like 'BENCH-" + tag + "-%' order by p.id")
                .param(at).update();
        if (refundedPercent > 0) {
            String refunded = "p.order_reference like 'BENCH-" + tag + "-%' and p.captured / 1000 - 1 < " + refundedPercent;
            jdbc.sql("update payments p set refunded = captured / 4 where " + refunded).update();
            jdbc.sql("update settlement_payments set amounts_changed = true where payment_id in (select p.id from payments p where "
                    + refunded + ")").update();
        }
        seedLedger();
    }

    private void seedLedger() {
        CurrencyCode eur = CurrencyCode.of("EUR");
        AccountId clearing = open(AccountId.derived("platform:CONNECTOR_CLEARING:" + CONNECTOR + ":EUR"), "CONNECTOR_CLEARING", "platform");
        AccountId fees = open(AccountId.derived("platform:FEES_PLATFORM:EUR"), "FEES_PLATFORM", "platform");
        List<Transfer> transfers = new ArrayList<>();
        jdbc.sql("select p.merchant_id, sum(p.captured) as captured, sum(p.fees_acquirer) as acquirer, sum(p.fees_platform) as platform,"
                        + " sum(p.refunded) as refunded"
                        + " from payments p join bench_merchants bm on bm.merchant_id = p.merchant_id and bm.tag = ?"
                        + " group by p.merchant_id")
                .param(tag).query(rs -> {
                    PartyId merchant = new PartyId(rs.getObject("merchant_id", UUID.class));
                    AccountId pending = open(AccountId.derived("party:" + merchant + ":MERCHANT_PENDING:EUR"), "MERCHANT_PENDING",
                            merchant.toString());
                    String key = "bench:" + tag + ":" + merchant;
                    transfers.add(Transfer.posted(TransferId.derived(key + ":capture"), clearing, pending, rs.getLong("captured"),
                            eur.code(), "PAYMENT_CAPTURE"));
                    transfers.add(Transfer.posted(TransferId.derived(key + ":fee-acquirer"), pending, clearing, rs.getLong("acquirer"),
                            eur.code(), "ACQUIRER_FEE"));
                    transfers.add(Transfer.posted(TransferId.derived(key + ":fee-platform"), pending, fees, rs.getLong("platform"),
                            eur.code(), "PLATFORM_FEE"));
                    if (rs.getLong("refunded") > 0) {
                        transfers.add(Transfer.posted(TransferId.derived(key + ":refunds"), pending, clearing, rs.getLong("refunded"),
                                eur.code(), "PAYMENT_REFUND"));
                    }
                });
        for (int from = 0; from < transfers.size(); from += 3_000) {
            List<TransferResult> results = ledger.submit(transfers.subList(from, Math.min(transfers.size(), from + 3_000)));
            if (results.stream().anyMatch(r -> r != TransferResult.OK)) {
                throw new IllegalStateException("the ledger refused seeding transfers: " + results.stream().distinct().toList());
            }
        }
    }

    private AccountId open(AccountId id, String type, String owner) {
        AccountResult r = ledger.createAccount(new NewAccount(id, CurrencyCode.of("EUR"), type, owner, Set.of()));
        if (r != AccountResult.OK && r != AccountResult.EXISTS) {
            throw new IllegalStateException("could not open " + type + " " + id + ": " + r);
        }
        return id;
    }

    /**
     * The baseline: what the run computes (per merchant and currency, what is released from the payments
     * due by {@code dueBy}), as one plain statement on the same server, written to a table. No policy, no
     * calendar, no ledger, no statement lines: the floor for the same aggregation.
     */
    double baseline(Instant dueBy) {
        jdbc.sql("delete from bench_settlement_totals where tag = ?").param(tag).update();
        long started = System.nanoTime();
        jdbc.sql("insert into bench_settlement_totals (tag, merchant_id, currency, released, payments)"
                        + " select '" + tag + "', sp.merchant_id, sp.currency,"
                        + " sum(p.captured - p.fees_acquirer - p.fees_platform - p.reserved - p.refunded), count(*)"
                        + " from settlement_payments sp join payments p on p.id = sp.payment_id"
                        + " join bench_merchants bm on bm.merchant_id = sp.merchant_id and bm.tag = '" + tag + "'"
                        + " where sp.captured_at <= ? group by sp.merchant_id, sp.currency")
                .param(Timestamp.from(dueBy)).update();
        return (System.nanoTime() - started) / 1e9;
    }

    /**
     * The floor under any run that keeps what it moved per payment: the same join as {@link #baseline}, written as one
     * row per payment (run, merchant, payment, currency, amount) with no key, no order and no per-merchant sums, the
     * cheapest way PostgreSQL persists a million rows from a query. A run that writes lines cannot be faster than this
     * plus the aggregation; the benchmark prints it beside the run so that the ratio can be read against it.
     */
    double perPaymentFloor(Instant dueBy) {
        jdbc.sql("create table if not exists bench_line_floor (run_id uuid not null, merchant_id uuid not null,"
                + " payment_id uuid not null, currency char(3) not null, amount bigint not null)").update();
        jdbc.sql("delete from bench_line_floor").update();
        long started = System.nanoTime();
        jdbc.sql("insert into bench_line_floor (run_id, merchant_id, payment_id, currency, amount)"
                        + " select ?, sp.merchant_id, sp.payment_id, sp.currency,"
                        + " p.captured - p.fees_acquirer - p.fees_platform - p.reserved - p.refunded"
                        + " from settlement_payments sp join payments p on p.id = sp.payment_id"
                        + " join bench_merchants bm on bm.merchant_id = sp.merchant_id and bm.tag = '" + tag + "'"
                        + " where sp.captured_at <= ?")
                .params(UUID.randomUUID(), Timestamp.from(dueBy)).update();
        double seconds = (System.nanoTime() - started) / 1e9;
        jdbc.sql("delete from bench_line_floor").update();
        return seconds;
    }

    /** A run of {@code date} that releases nothing of the seeded payments yet (captured later): warms the path. */
    SettlementRun run(LocalDate date) {
        return settlement.run(date, "bench");
    }

    /** The settlement run against the baseline measured before and after it; checks that both agree to the cent. */
    RunFigures measureRun(LocalDate date, Instant capturedAt, int payments) {
        double before = baseline(capturedAt);
        long started = System.nanoTime();
        SettlementRun run = settlement.run(date, "bench");
        double seconds = (System.nanoTime() - started) / 1e9;
        double after = baseline(capturedAt);
        // on the benchmark's own database every line is the scenario's and none may be refused; in the test
        // suite's shared database the run also settles other tests' merchants, whose refusals (a balance another
        // test moved) are theirs: the scenario's own merchants are checked to the cent below
        boolean onlyScenario = run.lines() == payments;
        if (run.status() != SettlementRun.Status.COMPLETED || (onlyScenario && run.refused() != 0)) {
            throw new IllegalStateException("the run did not complete cleanly: " + run);
        }
        Map<UUID, Long> expected = new HashMap<>();
        jdbc.sql("select merchant_id, released from bench_settlement_totals where tag = ?").param(tag)
                .query(rs -> {
                    expected.put(rs.getObject("merchant_id", UUID.class), rs.getLong("released"));
                });
        Map<UUID, Long> released = new HashMap<>();
        jdbc.sql("select s.merchant_id, s.released, s.net_to_available from settlement_statements s"
                        + " join bench_merchants bm on bm.merchant_id = s.merchant_id and bm.tag = ? where s.run_id = ?")
                .params(tag, run.id().value())
                .query(rs -> {
                    released.put(rs.getObject("merchant_id", UUID.class), rs.getLong("released"));
                });
        if (!released.equals(expected)) {
            throw new IllegalStateException("the run's statements differ from the plain SQL totals: " + released.size()
                    + " statements vs " + expected.size() + " totals");
        }
        // every payment settled once: by a line of its own or within its merchant's range
        long lines = jdbc.sql("select coalesce(sum(coalesce(l.payments, 1)), 0) from settlement_lines l"
                + " join bench_merchants bm on bm.merchant_id = l.merchant_id and bm.tag = ? where l.run_id = ?")
                .params(tag, run.id().value()).query(Long.class).single();
        if (lines != payments) {
            throw new IllegalStateException("expected every payment settled once, found " + lines + " for " + payments);
        }
        LedgerInvariants.Report report = invariants.sweep();
        if (!report.isClean()) {
            throw new IllegalStateException("ledger invariants broken after the run: " + report.violations());
        }
        long total = released.values().stream().mapToLong(Long::longValue).sum();
        return new RunFigures(payments, merchants.size(), lines, seconds, Math.min(before, after), before, after, total);
    }

    /**
     * Seeds {@code n} payouts sent to the bank (the rows reconciliation reads: what was instructed, with its
     * end-to-end id and expected arrival; seeded in SQL, since reconciliation reads nothing else of them), imports
     * the bank's camt.053 statement that books each of them, and reconciles it.
     */
    ReconFigures measureReconciliation(int n, LocalDate day) {
        Timestamp now = Timestamp.from(day.atStartOfDay().toInstant(ZoneOffset.UTC));
        int m = merchants.size();
        // amounts unique per payout, so that the tenth of lines without an end-to-end id match by amount and date alone
        jdbc.sql("insert into payouts (id, merchant_id, reference, bank_account_id, source_amount, source_currency, amount, currency,"
                        + " fee, rail, state, end_to_end_id, expected_arrival, created_at, updated_at)"
                        + " select " + id("001", "s.g") + ", bm.merchant_id, 'BENCH-" + tag + "-' || cast(s.g as varchar), 'bench',"
                        + " 10000 + s.g * 7, 'EUR', 10000 + s.g * 7, 'EUR', 20, 'LOCAL_SEPA', 'SENT',"
                        + " 'B" + tag + "-' || cast(s.g as varchar), ?, ?, ?"
                        + " from " + series(n) + " s join bench_merchants bm on bm.tag = '" + tag + "' and bm.n = mod(s.g, " + m + ")")
                .params(day, now, now).update();
        StringBuilder xml = new StringBuilder(n * 420 + 2_000);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">")
                .append("<BkToCstmrStmt><GrpHdr><MsgId>MSG-").append(tag).append("</MsgId><CreDtTm>").append(day)
                .append("T20:00:00+01:00</CreDtTm></GrpHdr><Stmt><Id>STMT-").append(tag).append("</Id><CreDtTm>").append(day)
                .append("T20:00:00+01:00</CreDtTm><Acct><Id><IBAN>DE02120300000000202051</IBAN></Id><Ccy>EUR</Ccy></Acct>")
                .append("<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>")
                .append("<Dt><Dt>").append(day).append("</Dt></Dt></Bal>\n");
        for (int g = 0; g < n; g++) {
            long amount = 10_000L + g * 7L;
            xml.append("<Ntry><Amt Ccy=\"EUR\">").append(amount / 100).append('.').append(String.format("%02d", amount % 100))
                    .append("</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>").append(day)
                    .append("</Dt></BookgDt><ValDt><Dt>").append(day).append("</Dt></ValDt>")
                    .append("<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>");
            if (g % 10 != 3) {
                xml.append("<NtryDtls><TxDtls><Refs><EndToEndId>B").append(tag).append('-').append(g)
                        .append("</EndToEndId></Refs></TxDtls></NtryDtls>");
            }
            xml.append("</Ntry>\n");
        }
        xml.append("</Stmt></BkToCstmrStmt></Document>\n");
        long started = System.nanoTime();
        ImportResult imported = statements.importFile("bench-" + tag + ".xml",
                new ByteArrayInputStream(xml.toString().getBytes(StandardCharsets.UTF_8)), "bench");
        double importSeconds = (System.nanoTime() - started) / 1e9;
        if (!(imported instanceof ImportResult.Imported i)) {
            throw new IllegalStateException("the statement was not imported: " + imported);
        }
        started = System.nanoTime();
        ReconciliationOutcome outcome = reconciliations.reconcile(operator, i.file().id()).orElseThrow();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (outcome.matched() != n || !outcome.exceptions().isEmpty()) {
            throw new IllegalStateException("expected every line to match: " + outcome.matched() + " matched, "
                    + outcome.exceptions().size() + " exceptions of " + n);
        }
        return new ReconFigures(n, outcome.matched(), outcome.exceptions().size(), importSeconds, seconds);
    }

    private PartyId register(PartyKind kind, String name) {
        Registration r = parties.register(new NewParty(kind, "SG", name, null, null, null, Map.of()));
        if (r instanceof Registration.Registered registered) {
            return registered.party().id();
        }
        throw new IllegalStateException("could not register " + name + ": " + r);
    }
}
