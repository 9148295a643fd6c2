package org.finbridge.settlement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finbridge.payments.PaymentFixtures.done;
import static org.finbridge.payments.PaymentFixtures.merchantActor;
import static org.finbridge.payments.PaymentFixtures.payment;

import java.io.ByteArrayInputStream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.finbridge.banking.BankStatements;
import org.finbridge.banking.ImportResult;
import org.finbridge.ledger.Ledger;
import org.finbridge.money.Money;
import org.finbridge.party.Actor;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.payments.CaptureMethod;
import org.finbridge.payments.Payment;
import org.finbridge.payments.PaymentFixtures;
import org.finbridge.payments.Payments;
import org.finbridge.payments.internal.CardTokenizer;
import org.finbridge.settlement.ConnectorReportResult;
import org.finbridge.settlement.ReconciliationOutcome;
import org.finbridge.settlement.ReconciliationReason;
import org.finbridge.settlement.Reconciliations;
import org.finbridge.settlement.ThreeWayLine;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Three-way reconciliation over real captures and a refund: the connector's report (in the simulators'
 * format) and the bank's credit agree with the ledger, so the day matches; the next day the connector takes a
 * larger fee and the bank credits nothing, and both breaks reach the exception queue with their reasons.
 * Reports are kept once; a different report for the same day is refused, a malformed one too.
 */
@ApplicationTest
class ThreeWayReconciliationTest {

    @Autowired
    Reconciliations reconciliations;
    @Autowired
    BankStatements statements;
    @Autowired
    Payments payments;
    @Autowired
    Parties parties;
    @Autowired
    Ledger ledger;
    @Autowired
    CardTokenizer tokenizer;
    @Autowired
    MutableClock clock;

    record Totals(String connector, String currency, long gross, long fee) {
        long net() {
            return gross - fee;
        }
    }

    @Test
    void ledgerReportAndBankAgreeOneDayAndTheNextDaysBreaksAreQueuedWithTheirReasons() {
        clock.advance(Duration.ofDays(40));
        PaymentFixtures fixtures = new PaymentFixtures(parties, ledger, tokenizer);
        PartyId merchant = fixtures.merchant("DE");
        Actor actor = merchantActor(merchant);
        Actor operator = PaymentFixtures.operatorActor(fixtures.operatorParty());
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);

        List<Payment> paid = new ArrayList<>();
        for (long amount : new long[] {12_000, 8_500, 30_000}) {
            paid.add(done(payments.create(actor, payment(merchant, amount, "EUR", fixtures.card(PaymentFixtures.VISA_OK),
                    CaptureMethod.AUTOMATIC, "DE"))));
        }
        Payment refunded = done(payments.refund(actor, paid.getFirst().id(), 2_000L, "returned"));
        paid.set(0, refunded);
        Map<String, Totals> totals = totals(paid);
        assertThat(totals).isNotEmpty();

        String fileId = null;
        StringBuilder credits = new StringBuilder();
        for (Totals t : totals.values()) {
            String csv = report(t.connector(), day, paid, 0);
            assertThat(reconciliations.importConnectorReport(operator, "report.csv", csv)).isInstanceOf(ConnectorReportResult.Imported.class);
            assertThat(reconciliations.importConnectorReport(operator, "report.csv", csv))
                    .isInstanceOf(ConnectorReportResult.AlreadyImported.class);
            assertThat(reconciliations.importConnectorReport(operator, "report.csv", report(t.connector(), day, paid, 1)))
                    .as("a report is a fact: another one for the same day is refused").isInstanceOf(ConnectorReportResult.Conflicting.class);
            credits.append(ReconciliationAndSafeguardingTest.entry(major(t.net()), "CRDT", day,
                    t.connector().toUpperCase() + "-" + day.format(DateTimeFormatter.BASIC_ISO_DATE)));
        }
        assertThat(reconciliations.importConnectorReport(operator, "x.csv", "connector,date\nfoo,bar\n"))
                .isInstanceOf(ConnectorReportResult.Unreadable.class);
        assertThat(reconciliations.importConnectorReport(actor, "report.csv", report(totals.values().iterator().next().connector(), day,
                paid, 0))).as("merchants do not import reports").isInstanceOf(ConnectorReportResult.Unreadable.class);
        fileId = importStatement(ReconciliationAndSafeguardingTest.camt053("STMT-3W-" + day, "1.00", day, credits.toString()));

        List<ThreeWayLine> lines = reconciliations.reconcileThreeWay(operator, day, List.of(fileId)).orElseThrow();
        for (Totals t : totals.values()) {
            ThreeWayLine l = line(lines, t.connector(), "EUR");
            assertThat(l.status()).as(l.toString()).isEqualTo("MATCHED");
            assertThat(l.ledgerGross()).isEqualTo(t.gross());
            assertThat(l.ledgerFee()).isEqualTo(t.fee());
            assertThat(l.bankAmount()).isEqualTo(t.net());
        }
        assertThat(reconciliations.threeWay(operator, day)).extracting(ThreeWayLine::status).contains("MATCHED");
        assertThat(reconciliations.reconcileThreeWay(actor, day, List.of(fileId))).isEmpty();
        assertThat(reconciliations.reconcileThreeWay(operator, day, List.of("bsf_unknown"))).isEmpty();

        // the next day: the connector charges more than its contract and the bank never credits the settlement
        clock.advance(Duration.ofDays(1));
        LocalDate next = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Payment> later = List.of(done(payments.create(actor, payment(merchant, 40_000, "EUR", fixtures.card(PaymentFixtures.VISA_OK),
                CaptureMethod.AUTOMATIC, "DE"))));
        Totals t = totals(later).values().iterator().next();
        assertThat(reconciliations.importConnectorReport(operator, "next.csv", report(t.connector(), next, later, 75)))
                .isInstanceOf(ConnectorReportResult.Imported.class);
        String emptyStatement = importStatement(ReconciliationAndSafeguardingTest.camt053("STMT-3W-" + next, "1.00", next, ""));
        ThreeWayLine broken = line(reconciliations.reconcileThreeWay(operator, next, List.of(emptyStatement)).orElseThrow(),
                t.connector(), "EUR");
        assertThat(broken.status()).isEqualTo("BREAK");
        assertThat(broken.reasons()).containsExactlyInAnyOrder(ReconciliationReason.FEE_DIFFERS, ReconciliationReason.MISSING_IN_BANK);
        List<ReconciliationOutcome.ExceptionLine> queue = reconciliations.exceptions(operator, 500);
        String prefix = "3WAY:" + t.connector() + ":" + next + ":EUR:";
        assertThat(queue).filteredOn(x -> x.lineId().startsWith(prefix))
                .extracting(ReconciliationOutcome.ExceptionLine::reason)
                .containsExactlyInAnyOrder(ReconciliationReason.FEE_DIFFERS, ReconciliationReason.MISSING_IN_BANK);
        assertThat(queue).filteredOn(x -> x.lineId().equals(prefix + "FEE_DIFFERS")).singleElement()
                .extracting(ReconciliationOutcome.ExceptionLine::amountMinorUnits).isEqualTo(75L);
        // reconciling again queues nothing twice
        reconciliations.reconcileThreeWay(operator, next, List.of(emptyStatement));
        assertThat(reconciliations.exceptions(operator, 500)).filteredOn(x -> x.lineId().startsWith(prefix)).hasSize(2);
        assertThat(reconciliations.exceptions(actor, 10)).isEmpty();
    }

    private static ThreeWayLine line(List<ThreeWayLine> lines, String connector, String currency) {
        return lines.stream().filter(l -> l.connector().equals(connector) && l.currency().equals(currency)).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + connector + " " + currency + " in " + lines));
    }

    private static Map<String, Totals> totals(List<Payment> paid) {
        Map<String, Totals> out = new TreeMap<>();
        for (Payment p : paid) {
            out.merge(p.connector(), new Totals(p.connector(), "EUR", p.captured() - p.refunded(), p.feesAcquirer()),
                    (a, b) -> new Totals(a.connector(), "EUR", a.gross() + b.gross(), a.fee() + b.fee()));
        }
        return out;
    }

    /** The connector's report in the simulators' format: a line per capture and refund, then the TOTAL; {@code extraFee} on the first. */
    private static String report(String connector, LocalDate day, List<Payment> paid, long extraFee) {
        StringBuilder csv = new StringBuilder(String.join(",", ConnectorReports.HEADER)).append('\n');
        long gross = 0;
        long fee = 0;
        long extra = extraFee;
        for (Payment p : paid) {
            if (!p.connector().equals(connector)) {
                continue;
            }
            long f = p.feesAcquirer() + extra;
            extra = 0;
            csv.append(row(connector, day, "ref-" + p.id(), "CAPTURE", p.captured(), f));
            gross += p.captured();
            fee += f;
            if (p.refunded() > 0) {
                csv.append(row(connector, day, "rf-" + p.id(), "REFUND", -p.refunded(), 0));
                gross -= p.refunded();
            }
        }
        csv.append(row(connector, day, "TOTAL", "", gross, fee));
        return csv.toString();
    }

    private static String row(String connector, LocalDate day, String reference, String type, long gross, long fee) {
        String net = major(gross - fee);
        return String.join(",", connector, day.toString(), reference, "", type, "EUR", major(gross), major(fee), net, "1", "EUR", net) + "\n";
    }

    private static String major(long minor) {
        return Money.ofMinor(minor, "EUR").toMajor().toPlainString();
    }

    private String importStatement(String xml) {
        ImportResult r = statements.importFile("statement.xml", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test");
        assertThat(r).as(r.toString()).isInstanceOf(ImportResult.Imported.class);
        return ((ImportResult.Imported) r).file().id();
    }

}
