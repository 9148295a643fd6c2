package org.finbridge.settlement.internal;

import org.finbridge.audit.AuditLog;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.finbridge.banking.BankStatement;
import org.finbridge.banking.BankStatements;
import org.finbridge.banking.CreditDebit;
import org.finbridge.banking.StatementEntry;
import org.finbridge.ledger.Account;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.Page;
import org.finbridge.ledger.PostedTransfer;
import org.finbridge.party.Actor;
import org.finbridge.payments.connector.PaymentConnector;
import org.finbridge.settlement.ConnectorReportResult;
import org.finbridge.settlement.ReconciliationReason;
import org.finbridge.settlement.ThreeWayLine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Three-way reconciliation (see {@link ThreeWayMatcher}): keeps the connectors' daily settlement reports,
 * reads the ledger's side from each connector's clearing account ({@code platform:CONNECTOR_CLEARING:<connector>:<ccy>},
 * as the payments module books captures, refunds and the acquirer's fee), and the bank's side from imported
 * statements: a credit belongs to a connector's settlement of a day when its references (end-to-end id,
 * the bank's reference, the entry's information) name the connector and the day ({@code 2026-11-27} or
 * {@code 20261127}), as acquirers' settlement transfers do. Breaks go to the exception queue, once each.
 */
@Component
class ThreeWayReconciliation {

    static final String CAPTURE = "PAYMENT_CAPTURE";
    static final String REFUND = "PAYMENT_REFUND";
    static final String ACQUIRER_FEE = "ACQUIRER_FEE";

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final BankStatements statements;
    private final List<PaymentConnector> connectors;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    ThreeWayReconciliation(JdbcClient jdbc, Ledger ledger, BankStatements statements, List<PaymentConnector> connectors,
                           AuditLog audit, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.statements = statements;
        this.connectors = connectors;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    ConnectorReportResult importReport(Actor actor, String fileName, String csv) {
        ConnectorReports.Report report;
        try {
            report = ConnectorReports.parse(csv);
        } catch (ConnectorReports.Unreadable e) {
            return new ConnectorReportResult.Unreadable(e.getMessage());
        }
        return tx.execute(s -> {
            boolean fresh = false;
            for (ConnectorReports.Totals t : report.totals()) {
                Optional<ConnectorReports.Totals> kept = kept(report.connector(), report.date(), t.currency());
                if (kept.isPresent()) {
                    ConnectorReports.Totals k = kept.get();
                    if (k.gross() != t.gross() || k.fee() != t.fee() || k.net() != t.net() || k.fxRate().compareTo(t.fxRate()) != 0
                            || !k.settlementCurrency().equals(t.settlementCurrency()) || k.settlementNet() != t.settlementNet()) {
                        s.setRollbackOnly();
                        return new ConnectorReportResult.Conflicting(report.connector(), report.date(), t.currency());
                    }
                    continue;
                }
                jdbc.sql("""
                        insert into recon_connector_reports (connector, report_date, currency, gross, fee, net, fx_rate,
                        settlement_currency, settlement_net, line_count, file_name, imported_by, imported_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(report.connector(), report.date(), t.currency(), t.gross(), t.fee(), t.net(), t.fxRate(),
                                t.settlementCurrency(), t.settlementNet(), t.lines(),
                                fileName == null ? null : fileName.substring(0, Math.min(200, fileName.length())), actor.name(),
                                SettlementStore.ts(clock.instant()))
                        .update();
                fresh = true;
            }
            if (!fresh) {
                return new ConnectorReportResult.AlreadyImported(report.connector(), report.date());
            }
            audit.record(actor.name(), "settlement.connector_report.import", "connector_report",
                    report.connector() + ":" + report.date(), null, "{\"currencies\":" + report.totals().size() + "}");
            return new ConnectorReportResult.Imported(report.connector(), report.date(),
                    report.totals().stream().map(ConnectorReports.Totals::currency).toList(),
                    report.totals().stream().mapToInt(ConnectorReports.Totals::lines).sum());
        });
    }

    private Optional<ConnectorReports.Totals> kept(String connector, LocalDate date, String currency) {
        return jdbc.sql("select * from recon_connector_reports where connector = ? and report_date = ? and currency = ?")
                .params(connector, date, currency)
                .query((rs, n) -> new ConnectorReports.Totals(rs.getString("currency"), rs.getLong("gross"), rs.getLong("fee"),
                        rs.getLong("net"), rs.getBigDecimal("fx_rate"), rs.getString("settlement_currency"),
                        rs.getLong("settlement_net"), rs.getInt("line_count")))
                .optional();
    }

    /** Empty when a statement file is unknown. */
    Optional<List<ThreeWayLine>> reconcile(Actor actor, LocalDate date, List<String> statementFileIds) {
        for (String f : statementFileIds) {
            if (f == null || statements.file(f).isEmpty()) {
                return Optional.empty();
            }
        }
        Map<ThreeWayMatcher.Key, ThreeWayMatcher.ReportSide> reports = new TreeMap<>();
        jdbc.sql("select * from recon_connector_reports where report_date = ?").param(date).query(rs -> {
            reports.put(new ThreeWayMatcher.Key(rs.getString("connector"), date, rs.getString("currency")),
                    new ThreeWayMatcher.ReportSide(rs.getLong("gross"), rs.getLong("fee"), rs.getLong("net"),
                            rs.getBigDecimal("fx_rate"), rs.getString("settlement_currency"), rs.getLong("settlement_net")));
        });
        Set<String> names = new TreeSet<>();
        connectors.forEach(c -> names.add(c.name()));
        reports.keySet().forEach(k -> names.add(k.connector()));
        Map<ThreeWayMatcher.Key, ThreeWayMatcher.LedgerSide> booked = ledgerSide(names, date);
        Map<String, Map<LocalDate, Map<String, ThreeWayMatcher.BankSide>>> bank = bankSide(names, date, statementFileIds);
        List<ThreeWayMatcher.Outcome> outcomes = ThreeWayMatcher.match(booked, reports, bank);
        Timestamp now = SettlementStore.ts(clock.instant());
        List<ThreeWayLine> lines = outcomes.stream().map(ThreeWayReconciliation::line).toList();
        tx.executeWithoutResult(s -> {
            int breaks = 0;
            for (ThreeWayMatcher.Outcome o : outcomes) {
                ThreeWayMatcher.Key k = o.key();
                jdbc.sql("delete from recon_three_way where connector = ? and report_date = ? and currency = ?")
                        .params(k.connector(), k.date(), k.currency()).update();
                ThreeWayLine l = line(o);
                jdbc.sql("""
                        insert into recon_three_way (connector, report_date, currency, ledger_gross, ledger_fee, report_gross,
                        report_fee, report_net, settlement_currency, settlement_net, bank_amount, bank_references, status, reasons,
                        checked_by, checked_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(k.connector(), k.date(), k.currency(), l.ledgerGross(), l.ledgerFee(), l.reportGross(), l.reportFee(),
                                l.reportNet(), l.settlementCurrency(), l.settlementNet(), l.bankAmount(),
                                clip(String.join(" ", l.bankReferences()), 1000), l.status(),
                                l.reasons().isEmpty() ? null : String.join(",", l.reasons().stream().map(Enum::name).toList()),
                                actor.name(), now)
                        .update();
                for (ReconciliationReason reason : o.breaks()) {
                    breaks++;
                    String lineId = "3WAY:" + k.connector() + ":" + k.date() + ":" + k.currency() + ":" + reason.name();
                    String currency = reason == ReconciliationReason.FX_DIFFERS
                            || (reason == ReconciliationReason.MISSING_IN_BANK && o.report() != null)
                            ? o.report().settlementCurrency() : k.currency();
                    jdbc.sql("""
                            insert into recon_exceptions (line_id, file_id, reason, payout_id, end_to_end_id, amount, currency,
                            value_date, created_at)
                            select ?, ?, ?, null, null, ?, ?, ?, ? from (select 1 as one) x
                            where not exists (select 1 from recon_exceptions where line_id = ?)""")
                            .params(lineId, "3way:" + k.connector(), reason.name(), o.difference(reason), currency, k.date(), now, lineId)
                            .update();
                }
            }
            audit.record(actor.name(), "settlement.reconciliation.three_way", "three_way_reconciliation", date.toString(), null,
                    "{\"keys\":" + outcomes.size() + ",\"breaks\":" + breaks + "}");
        });
        return Optional.of(lines);
    }

    List<ThreeWayLine> results(LocalDate date) {
        return jdbc.sql("select * from recon_three_way where report_date = ? order by connector, currency").param(date)
                .query((rs, n) -> {
                    String reasons = rs.getString("reasons");
                    String refs = rs.getString("bank_references");
                    return new ThreeWayLine(rs.getString("connector"), date, rs.getString("currency"), nullable(rs, "ledger_gross"),
                            nullable(rs, "ledger_fee"), nullable(rs, "report_gross"), nullable(rs, "report_fee"),
                            nullable(rs, "report_net"), null, rs.getString("settlement_currency"), nullable(rs, "settlement_net"),
                            nullable(rs, "bank_amount"), refs == null || refs.isBlank() ? List.of() : List.of(refs.split(" ")),
                            rs.getString("status"), reasons == null ? List.of()
                                    : java.util.Arrays.stream(reasons.split(",")).map(ReconciliationReason::valueOf).toList());
                })
                .list();
    }

    private static Long nullable(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** Captures less refunds, and the acquirer's fees, booked on each connector's clearing account on the day (UTC). */
    private Map<ThreeWayMatcher.Key, ThreeWayMatcher.LedgerSide> ledgerSide(Set<String> names, LocalDate date) {
        Map<ThreeWayMatcher.Key, ThreeWayMatcher.LedgerSide> out = new TreeMap<>();
        Map<AccountId, String> clearing = new HashMap<>();
        for (Account a : ledger.accountsOf("platform")) {
            if (a.type().equals("CONNECTOR_CLEARING")) {
                for (String name : names) {
                    if (AccountId.derived("platform:CONNECTOR_CLEARING:" + name + ":" + a.currency().code()).equals(a.id())) {
                        clearing.put(a.id(), name);
                    }
                }
            }
        }
        for (Map.Entry<AccountId, String> e : clearing.entrySet()) {
            long gross = 0;
            long fee = 0;
            String currency = null;
            boolean any = false;
            String cursor = null;
            do {
                Page<PostedTransfer> page = ledger.transfers(e.getKey(), cursor, 1_000);
                for (PostedTransfer t : page.items()) {
                    if (!LocalDate.ofInstant(t.createdAt(), ZoneOffset.UTC).equals(date)) {
                        continue;
                    }
                    currency = t.currency();
                    switch (t.code()) {
                        case CAPTURE -> {
                            gross += t.amount();
                            any = true;
                        }
                        case REFUND -> {
                            gross -= t.amount();
                            any = true;
                        }
                        case ACQUIRER_FEE -> {
                            fee += t.amount();
                            any = true;
                        }
                        default -> { }
                    }
                }
                cursor = page.nextCursor();
            } while (cursor != null);
            if (any) {
                out.put(new ThreeWayMatcher.Key(e.getValue(), date, currency), new ThreeWayMatcher.LedgerSide(gross, fee));
            }
        }
        return out;
    }

    private Map<String, Map<LocalDate, Map<String, ThreeWayMatcher.BankSide>>> bankSide(Set<String> names, LocalDate date,
                                                                                        List<String> files) {
        String iso = date.toString();
        String compact = date.format(DateTimeFormatter.BASIC_ISO_DATE);
        Map<String, Map<LocalDate, Map<String, ThreeWayMatcher.BankSide>>> out = new HashMap<>();
        for (String file : files) {
            for (BankStatement s : statements.statementsOf(file)) {
                for (StatementEntry e : s.entries()) {
                    if (e.creditDebit() != CreditDebit.CRDT || e.reversal()) {
                        continue;
                    }
                    String text = String.join(" ", nonNull(e.endToEndId()), nonNull(e.accountServicerReference()),
                            nonNull(e.additionalInformation()), nonNull(e.entryReference())).toUpperCase(Locale.ROOT);
                    if (!text.contains(iso) && !text.contains(compact)) {
                        continue;
                    }
                    for (String name : names) {
                        if (text.contains(name.toUpperCase(Locale.ROOT))) {
                            String ref = e.endToEndId() != null ? e.endToEndId() : e.accountServicerReference();
                            out.computeIfAbsent(name, k -> new HashMap<>()).computeIfAbsent(date, k -> new TreeMap<>())
                                    .merge(e.amount().currency().code(),
                                            new ThreeWayMatcher.BankSide(e.amount().minorUnits(), ref == null ? List.of() : List.of(ref)),
                                            (a, b) -> new ThreeWayMatcher.BankSide(a.amount() + b.amount(), concat(a.references(), b.references())));
                            break;
                        }
                    }
                }
            }
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static ThreeWayLine line(ThreeWayMatcher.Outcome o) {
        ThreeWayMatcher.Key k = o.key();
        ThreeWayMatcher.LedgerSide l = o.ledger();
        ThreeWayMatcher.ReportSide r = o.report();
        String settlementCurrency = r == null ? k.currency() : r.settlementCurrency();
        ThreeWayMatcher.BankSide b = o.bank().get(settlementCurrency);
        return new ThreeWayLine(k.connector(), k.date(), k.currency(), l == null ? null : l.gross(), l == null ? null : l.fee(),
                r == null ? null : r.gross(), r == null ? null : r.fee(), r == null ? null : r.net(),
                r == null ? null : r.fxRate(), r == null ? null : r.settlementCurrency(), r == null ? null : r.settlementNet(),
                b == null ? null : b.amount(), b == null ? List.of() : b.references(), o.matched() ? "MATCHED" : "BREAK",
                List.copyOf(o.breaks()));
    }
}
